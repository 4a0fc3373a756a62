"""Minified copies of the site's own JavaScript and CSS in site/ (sources stay readable).

The files under docs/assets/ and the theme overrides under overrides/assets/
keep their comments; the built site gets them without comments and
whitespace: bytes every page would otherwise carry (README, "Speed and
size budgets"). Material's own assets are minified already.
Runs after the other on_post_build hooks (the Finnish search writes its data
into lunr.fi.min.js) and before precompress.py gzips the results.
"""
from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


@event_priority(-90)  # after search_fi.py (0), before precompress.py (-100)
def on_post_build(config):
    site = Path(config["site_dir"])
    sources = [Path(config["docs_dir"]) / "assets", Path(config["theme"].custom_dir) / "assets"]
    for source_dir in sources:
        for source in sorted(source_dir.rglob("*")):
            if source.suffix in MINIFIERS and source.is_file():
                minify(site / "assets" / source.relative_to(source_dir))


def minify(path: Path) -> None:
    if not path.is_file():
        raise PluginError(f"minify: {path} is missing from the built site")
    path.write_text(minified(path) + "\n", encoding="utf-8")


def minified(path: Path) -> str:
    """The file's text without comments and whitespace (also used by inline_css.py)."""
    return MINIFIERS[path.suffix](path.read_text(encoding="utf-8")).strip()
