"""The site's own stylesheets inlined into each page as <style>, minified.

loimaa.css (every page) and a component's CSS (its pages only) are small, but
as <link>s each costs the first paint a request of its own: Lighthouse measured
FCP 1.5 s against 1.3 s for stock Material on its simulated mobile network
(guides/developers.md, "Speed and size budgets"). The templates keep ordinary <link>s, so
the site still works without this hook; the files stay in site/ too (the 404
page links them by absolute URL). deploy/csp.py allows the <style> blocks by
their hashes.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sitebuild.inline_css import inline

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return inline(output, Path(config["docs_dir"]) / "assets" / "stylesheets",
                  Path(config["theme"].custom_dir) / "components")
