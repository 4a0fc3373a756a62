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

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from minify import minified  # the same minifier as the files in site/

# A <link> to one of our stylesheets, as MkDocs and overrides/main.html write it.
LINK = re.compile(r'<link rel="stylesheet" href="(?:[^"]*/)?assets/stylesheets/([\w-]+)\.css">')


def on_post_page(output, page, config):
    return inline(output, Path(config["docs_dir"]) / "assets" / "stylesheets")


def inline(html: str, stylesheets: Path) -> str:
    """Replace each <link> to a stylesheet of ours (under `stylesheets`) with its minified text."""
    def replace(match: re.Match) -> str:
        source = stylesheets / f"{match.group(1)}.css"
        if not source.is_file():
            return match.group(0)  # not ours (Material's own CSS has a hashed name anyway)
        css = minified(source)
        if "</" in css:
            raise PluginError(f"inline_css: {source} contains '</', which would end the <style> element")
        return f'<style data-stylesheet="{match.group(1)}">{css}</style>'

    return LINK.sub(replace, html)
