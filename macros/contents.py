"""The front page's list of the guideline's chapters and sections, from mkdocs.yml's nav."""
from __future__ import annotations

import posixpath

from .validate import DataError


def contents_list(nav: list, section: str, page_src: str) -> str:
    """The pages of one navigation section (mkdocs.yml nav) as a nested Markdown list.

    Links are relative to the page at page_src, so the build checks them like any
    other link. A sub-section links its title to its index page (a bare path first).
    Only the numbered entries are listed: the guideline's own chapters and sections, not the
    pages about it (the change history, the redline), which the front page links apart.
    """
    entries = next((v for item in nav if isinstance(item, dict) for k, v in item.items() if k == section), None)
    if not isinstance(entries, list):
        raise DataError(f"mkdocs.yml: nav: osiota {section!r} ei ole")
    here = posixpath.dirname(page_src)

    def link(title: str, path: str) -> str:
        return f"[{title}]({posixpath.relpath(path, here) if here else path})"

    def lines(items: list, depth: int) -> list[str]:
        out = []
        for item in items:
            if not isinstance(item, dict):
                continue  # a bare path is the index of the section around it
            for title, value in item.items():
                if not title[:1].isdigit():
                    continue
                if isinstance(value, list):
                    index = next((v for v in value if isinstance(v, str)), None)
                    out.append("    " * depth + "- " + (link(title, index) if index else title))
                    out += lines(value, depth + 1)
                else:
                    out.append("    " * depth + "- " + link(title, value))
        return out

    return "\n".join(lines(entries, 0))
