"""The site's own stylesheets inlined into a page as <style>, minified (the hook: inline_css.py)."""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild.minify import minified  # the same minifier as the files in site/


# A <link> to one of our stylesheets, as MkDocs and overrides/main.html write it.
LINK = re.compile(r'<link rel="stylesheet" href="(?:[^"]*/)?assets/stylesheets/([\w-]+)\.css">')


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
