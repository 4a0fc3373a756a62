"""The site's own JS and CSS without comments and whitespace, and pages without the templates'
indentation (the hooks: minify.py, inline_css.py)."""
from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError


MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


# Elements whose text keeps its spaces: preformatted, typed, or code.
KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)


INDENT = re.compile(r"[ \t]*\n[ \t\r\n]*")  # ASCII only: a no-break space is text


def unindented(html: str) -> str:
    """html with each run of blank lines and indentation cut to one line break, except in KEPT elements."""
    pieces = KEPT.split(html)
    # split() gives text, element, tag name, text, element, tag name, …
    return "".join(INDENT.sub("\n", piece) if i % 3 == 0 else piece if i % 3 == 1 else ""
                   for i, piece in enumerate(pieces))


def minify(path: Path) -> None:
    if not path.is_file():
        raise PluginError(f"minify: {path} is missing from the built site")
    path.write_text(minified(path) + "\n", encoding="utf-8")


def minified(path: Path) -> str:
    """The file's text without comments and whitespace (also used by inline_css.py)."""
    return MINIFIERS[path.suffix](path.read_text(encoding="utf-8")).strip()


def minify_copies(site: Path, sources: dict[Path, str]) -> None:
    """Minify, in site/, the copy of every JS and CSS file of each source folder ({folder: where
    MkDocs copies it, relative to site/})."""
    for source_dir, target in sources.items():
        for source in sorted(source_dir.rglob("*")):
            if source.suffix in MINIFIERS and source.is_file():
                minify(site / target / source.relative_to(source_dir))
