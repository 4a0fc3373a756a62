"""mkdocs serve (make serve): the editing loop of the communications team.

- mkdocs-macros imports the project's `macros` package once per process, so an
  edit to its code would show only after a restart. Forgetting the package
  after each build makes the next save pick it up.
- With `on_error_fail`, mkdocs-macros ends the process on a mistake in a page
  (it calls exit()), so one typo would stop the server. Under serve the
  mistake fails that build only (strict: its warning aborts it, the server
  says so and keeps the last good site), and the next save tries again.
  `mkdocs build` (CI) still fails at once.
Which folders trigger a rebuild is `watch:` in mkdocs.yml.
"""
from __future__ import annotations

import sys

PACKAGE = "macros"  # mkdocs.yml: plugins: macros: module_name
_state = {"serving": False}


def on_startup(command, dirty):
    _state["serving"] = command == "serve"


def on_config(config):
    if _state["serving"] and "macros" in config.plugins:
        config.plugins["macros"].config["on_error_fail"] = False


def forget(package: str = PACKAGE) -> list[str]:
    """Drop package and its submodules from the import cache; return their names."""
    names = [n for n in sys.modules if n == package or n.startswith(package + ".")]
    for name in names:
        del sys.modules[name]
    return names


def on_post_build(config):
    if _state["serving"]:
        forget()


def on_build_error(error):
    if _state["serving"]:
        forget()
