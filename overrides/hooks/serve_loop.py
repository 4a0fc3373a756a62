"""mkdocs serve (make serve): the editing loop of the communications team.

- mkdocs-macros imports the project's `macros` package once per process, so an
  edit to its code would show only after a restart. Forgetting the package
  after each build makes the next save pick it up.
- A mistake in a page or in data/ fails that build only: the hooks have said
  what and where in Finnish and stopped the build (mkdocs.exceptions.Abort) with
  one line fit for serving (finnish.messages.stopped: fix and save; the server
  keeps the last good site), printed without MkDocs' traceback and its English
  "The server will appear stuck"; the next save tries again.
- data/ohje.yml is part of MkDocs' config (INHERIT), read again before each
  rebuild and before any hook or macro runs. A YAML mistake there fails the
  rebuild with MkDocs' English error and a traceback; the server says instead
  what macros.check_data says (Finnish, naming the file and the place), and
  keeps the last good site.
Which folders trigger a rebuild is `watch:` in mkdocs.yml.
"""
from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort

from finnish.messages import finnish_level, from_project, stopped
from sitebuild import serving

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

log = finnish_level(logging.getLogger("mkdocs.hooks.serve_loop"))
PACKAGE = "macros"  # mkdocs.yml: plugins: macros: module_name


def on_startup(command: str, dirty: bool) -> None:
    serving.start(command)   # the one serving flag, for every hook


def _forget(package: str = PACKAGE) -> list[str]:
    """Drop package and its submodules from the import cache; return their names."""
    names = [n for n in sys.modules if n == package or n.startswith(package + ".")]
    for name in names:
        del sys.modules[name]
    return names


def on_post_build(config: MkDocsConfig) -> None:
    if serving.serving():
        _forget()


def on_build_error(error: Exception) -> None:
    if serving.serving():
        _forget()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    data_dir = Path(config.config_file_path).parent / "data"
    rebuild = server.builder

    def rebuild_or_explain():
        try:
            rebuild()
        except Abort as stop:   # the hooks have said what is wrong, and what to do (for serving)
            print(stop, file=sys.stderr)
        except Exception:
            # The macros package is importable once mkdocs-macros has loaded it (first build).
            found = importlib.import_module(f"{PACKAGE}.check_data").problems(data_dir)
            if not found:
                raise
            for message in found:
                log.error(from_project(message))
            print(stopped(len(found), serving=True), file=sys.stderr)

    server.builder = rebuild_or_explain
    return server
