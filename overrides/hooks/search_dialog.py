"""Give Material's search panel an accessible name (WCAG 4.1.2, axe/Lighthouse aria-dialog-name).

Material renders the panel as <div data-md-component="search" role="dialog">
with no name, so a screen reader announces just "dialog". This adds
aria-label="Haku" to every page and the 404 page. The build fails if
Material's markup changes so that the label can no longer be added, rather
than silently shipping an unnamed dialog.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError

UNNAMED = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Haku">'


def on_post_page(output, page, config):
    return name_dialog(output, page.file.src_uri)


def on_post_template(output, template_name, config):
    return name_dialog(output, template_name) if template_name.endswith(".html") else output


def name_dialog(html: str, source: str) -> str:
    if UNNAMED in html:
        return html.replace(UNNAMED, NAMED, 1)
    if 'data-md-component="search"' in html:
        raise PluginError(f"search_dialog: {source}: Material's search panel markup changed; "
                          f"update {__file__} so the dialog keeps its name")
    return html  # a page without search (none today)
