"""Material's search panel, made right for assistive technology and the keyboard.

- The panel gets an accessible name (WCAG 4.1.2, axe/Lighthouse aria-dialog-name):
  Material renders <div data-md-component="search" role="dialog"> with no name, so a
  screen reader announced just "dialog". This adds aria-label="Haku".
- Its result area is no tab stop of its own (tabindex="-1", not Material's "0"): Tab out
  of the search box closes the search, so the next Tab stop was that box with no height,
  an invisible focus. The arrow keys move through the results, as Material means them to
  (its result links are no tab stops either).

On every page and the 404 page. The build fails if Material's markup changes so that
either can no longer be done, rather than silently shipping the old faults.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError

UNNAMED = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Haku">'
TAB_STOP = '<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>'
NO_TAB_STOP = '<div class="md-search__scrollwrap" tabindex="-1" data-md-scrollfix>'


def on_post_page(output, page, config):
    return name_dialog(output, page.file.src_uri)


def on_post_template(output, template_name, config):
    return name_dialog(output, template_name) if template_name.endswith(".html") else output


def name_dialog(html: str, source: str) -> str:
    if 'data-md-component="search"' not in html:
        return html  # a page without search (none today)
    if UNNAMED not in html or TAB_STOP not in html:
        raise PluginError(f"search_dialog: {source}: Material's search panel markup changed; "
                          f"update {__file__} so the dialog keeps its name and no empty tab stop")
    return html.replace(UNNAMED, NAMED, 1).replace(TAB_STOP, NO_TAB_STOP, 1)
