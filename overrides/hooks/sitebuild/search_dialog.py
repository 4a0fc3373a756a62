"""Material's search panel named "Haku" for screen readers (the hook: search_dialog.py)."""
from __future__ import annotations

from mkdocs.exceptions import PluginError


UNNAMED = '<div class="md-search" data-md-component="search" role="dialog">'


NAMED = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Haku">'


def name_dialog(html: str, source: str) -> str:
    if UNNAMED in html:
        return html.replace(UNNAMED, NAMED, 1)
    if 'data-md-component="search"' in html:
        raise PluginError(f"search_dialog: {source}: Material's search panel markup changed; "
                          f"update {__file__} so the dialog keeps its name")
    return html  # a page without search (none today)
