"""The build's Content-Security-Policy, written into the site for nginx (site/nginx-csp.conf).

deploy/csp.py computes the policy from the pages this build wrote, and stops on
inline code that the site's templates and hooks did not write; deploy/nginx.conf
includes the file, so the policy nginx sends is always the one of the build it
serves. Runs after minify.py (the inlined CSS is compared with the minified
files) and before precompress.py. Under `mkdocs serve` too: a foreign script in
a page fails that rebuild at once, not the publishing build later.
"""
from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@functools.cache
def _load_csp(project: Path):
    """deploy/csp.py of the project being built (standard library only)."""
    spec = importlib.util.spec_from_file_location("loimaa_csp", project / "deploy" / "csp.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@event_priority(-95)  # after minify.py (-90), before precompress.py (-100)
def on_post_build(config: MkDocsConfig) -> None:
    csp = _load_csp(Path(config["config_file_path"]).parent)
    try:
        csp.write_for_nginx(Path(config["site_dir"]), [Path(d) for d in config["theme"].dirs])
    except csp.Foreign as stop:
        raise PluginError(str(stop)) from None
