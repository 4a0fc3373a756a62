"""Give Material's search panel an accessible name (WCAG 4.1.2, axe/Lighthouse aria-dialog-name).

Material renders the panel as <div data-md-component="search" role="dialog">
with no name, so a screen reader announces just "dialog". This adds
aria-label="Haku" to every page and the 404 page. The build fails if
Material's markup changes so that the label can no longer be added, rather
than silently shipping an unnamed dialog.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from sitebuild.search_dialog import name_dialog

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return name_dialog(output, page.file.src_uri)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return name_dialog(output, template_name) if template_name.endswith(".html") else output


