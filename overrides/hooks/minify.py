"""Minified copies of the site's own JavaScript and CSS in site/ (sources stay readable).

The files under docs/assets/ and the theme overrides under overrides/assets/
keep their comments; the built site gets them without comments and
whitespace: bytes every page would otherwise carry (guides/developers.md,
"Speed and size budgets"). Material's own assets are minified already. Pages lose the
indentation of Material's templates (about 0.6 kB gzip a page): a line break
stays where the spaces were, so the text renders as before.
Runs after the other on_post_build hooks (the Finnish search writes its data
into lunr.fi.min.js) and before precompress.py gzips the results.
"""
from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}
# Elements whose text keeps its spaces: preformatted, typed, or code.
KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
INDENT = re.compile(r"[ \t]*\n[ \t\r\n]*")  # ASCII only: a no-break space is text


def on_post_page(output, page, config):
    return unindented(output)


def unindented(html: str) -> str:
    """html with each run of blank lines and indentation cut to one line break, except in KEPT elements."""
    pieces = KEPT.split(html)
    # split() gives text, element, tag name, text, element, tag name, …
    return "".join(INDENT.sub("\n", piece) if i % 3 == 0 else piece if i % 3 == 1 else ""
                   for i, piece in enumerate(pieces))


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
