"""Minified copies of the site's own JavaScript and CSS in site/ (sources stay readable).

The files under docs/assets/ and the theme overrides under overrides/assets/
and overrides/components/ keep their comments; the built site gets them without comments and
whitespace: bytes every page would otherwise carry (guides/developers.md,
"Speed and size budgets"). Material's own assets are minified already. Pages lose the
indentation of Material's templates (about 0.6 kB gzip a page): a line break
stays where the spaces were, so the text renders as before.
Runs after the other on_post_build hooks (the Finnish search writes its data
into lunr.fi.min.js) and before precompress.py gzips the results.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from sitebuild.minify import minify_copies, unindented

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return unindented(output)


@event_priority(-90)  # after search_fi.py (0), before precompress.py (-100)
def on_post_build(config: MkDocsConfig) -> None:
    custom = Path(config["theme"].custom_dir)
    # Each source folder and where MkDocs copies it: the components' own JS and CSS are in
    # their folders under overrides/components/.
    minify_copies(Path(config["site_dir"]), {Path(config["docs_dir"]) / "assets": "assets",
                                             custom / "assets": "assets", custom / "components": "components"})
