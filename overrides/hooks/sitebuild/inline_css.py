"""The site's own stylesheets inlined into a page as <style>, minified (the hook: inline_css.py)."""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild.minify import minified  # the same minifier as the files in site/


# A <link> to one of our stylesheets, as MkDocs and overrides/main.html write it: the site's
# (assets/stylesheets/name.css) or a component's, in its folder (components/name/name.css).
LINK = re.compile(r'<link rel="stylesheet" href="(?:[^"]*/)?'
                  r'(?:assets/stylesheets/(?P<site>[\w-]+)|components/(?P<component>[\w-]+)/(?P=component))\.css">')


def inline(html: str, stylesheets: Path, components: Path | None = None) -> str:
    """Replace each <link> to a stylesheet of ours (under `stylesheets`, or a component's own
    under `components`) with its minified text."""
    def replace(match: re.Match) -> str:
        name = match["site"] or match["component"]
        if match["site"]:
            source = stylesheets / f"{name}.css"
        elif components is not None:
            source = components / name / f"{name}.css"
        else:
            return match.group(0)
        if not source.is_file():
            return match.group(0)  # not ours (Material's own CSS has a hashed name anyway)
        css = minified(source)
        if "</" in css:
            raise PluginError(f"inline_css: {source} contains '</', which would end the <style> element")
        return f'<style data-stylesheet="{name}">{css}</style>'

    return LINK.sub(replace, html)
