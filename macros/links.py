"""Relative links between the site's pages, computed like MkDocs does, without MkDocs.

Pages link to each other relatively, so the site works under any sub-path.
Plain posixpath: the macros stay free of mkdocs imports (a later move to
Zensical, guides/developers.md "Portability").
"""
from __future__ import annotations

import posixpath


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives a docs page: "ohjeistus/roolisi.md" -> "ohjeistus/roolisi/" ("./" for index.md)."""
    stem = posixpath.splitext(src)[0]
    parent, name = posixpath.split(stem)
    if name in ("index", "README"):
        dest = posixpath.join(parent, "index.html")
    elif use_directory_urls:
        dest = posixpath.join(stem, "index.html")
    else:
        dest = stem + ".html"
    if use_directory_urls and posixpath.basename(dest) == "index.html":
        return (posixpath.dirname(dest) or ".") + "/"
    return dest


def relative_url(url: str, from_url: str) -> str:
    """url (site-relative) as seen from the page at from_url, the way MkDocs' get_relative_url does it."""
    if from_url != ".":
        head, tail = posixpath.split(from_url)
        from_url = head if "." in tail else from_url
    rel = posixpath.relpath(url, from_url)
    return rel + "/" if url.endswith("/") else rel


def href(src: str, anchor: str | None, from_url: str, use_directory_urls: bool = True) -> str:
    """Link from the page at from_url to a docs page (src, docs-relative .md) and an optional #anchor."""
    return relative_url(page_url(src, use_directory_urls), from_url) + (f"#{anchor}" if anchor else "")
