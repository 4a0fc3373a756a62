#!/usr/bin/env python3
"""The Content-Security-Policy a built site works under, and its nginx include file.

Material for MkDocs writes a few small inline <script>s into every page (the
storage scope, which depends on the page's depth and, on the 404 page, on the
sub-path; the saved colour scheme), and overrides/hooks/inline_css.py puts the
site's own CSS into <style> elements. The policy allows exactly those by their
SHA-256 hashes instead of 'unsafe-inline'. Every build computes it from the
pages it wrote (overrides/hooks/csp_policy.py) and writes it into
site/nginx-csp.conf, which deploy/nginx.conf includes: nobody regenerates it.

Only what the site's own templates and hooks write is admitted: an inline
<script> or <style> must be one the theme templates contain (overrides/ first,
then Material's own templates; a {{ value }} in them may be any text without
quotes or markup), or a <style data-stylesheet="name"> holding exactly
site/assets/stylesheets/name.css or a component's site/components/name/name.css
(inline_css.py). Anything else, such as a
script that came in through a page or a data file, stops the build with the
page's name instead of being hashed into the policy.

Standard library only. On its own it prints the policy of a built site (for a
web server other than nginx), reading the templates from this project and the
installed Material for MkDocs:

    .venv/bin/python deploy/csp.py site/
"""
from __future__ import annotations

import base64
import functools
import hashlib
import importlib.util
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

# Everything from this site itself; data: for the icons Material's CSS embeds.
POLICY = (
    "default-src 'self'; script-src 'self'{scripts}; style-src 'self'{styles}; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# The file the build writes into the site for deploy/nginx.conf, and its one line.
NGINX_INCLUDE = "nginx-csp.conf"
NGINX_LINE = ('# The Content-Security-Policy of this build (overrides/hooks/csp_policy.py), for deploy/nginx.conf.\n'
              'set $loimaa_csp "{policy}";\n')
# An inline <script>/<style> in a theme template, its Jinja parts and the text they may become.
TEMPLATE_CODE = re.compile(r"<(script|style)>(.*?)</\1>", re.S)
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
VALUE = r"""[^"'`<>\\]*"""   # a value inside a string of the code: no way out of the string


class Foreign(SystemExit):
    """A page holds inline code the site's templates and hooks did not write."""


def policy(site_dir: Path, theme_dirs: list[Path] | None = None) -> str:
    """The policy for the HTML files under site_dir; Foreign if any page has code of unknown origin."""
    known = template_code(tuple(theme_dirs or default_theme_dirs()))
    stylesheets = site_dir / "assets" / "stylesheets"
    scripts, styles = set(), set()
    for page in sorted(site_dir.rglob("*.html")):
        for tag, attrs, body in inline_code(page):
            check_origin(page.relative_to(site_dir), tag, attrs, body, known, stylesheets)
            (scripts if tag == "script" else styles).add(sha256(body))
    return POLICY.format(scripts=_sources(scripts), styles=_sources(styles))


def default_theme_dirs() -> list[Path]:
    """overrides/ of this project, then Material's templates (the theme's search order)."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("csp.py: Material for MkDocs puuttuu; aja projektin .venv/bin/python-tulkilla "
                         "siellä, missä sivusto käännetään")
    return [PROJECT / "overrides", Path(list(spec.submodule_search_locations)[0]) / "templates"]


@functools.cache
def template_code(theme_dirs: tuple[Path, ...]) -> dict[str, list[re.Pattern]]:
    """{"script": [...], "style": [...]}: the inline code of the theme templates as patterns.

    A template in an earlier directory hides the one of the same path in a later one.
    """
    seen, known = set(), {"script": [], "style": []}
    for directory in theme_dirs:
        for template in sorted(directory.rglob("*.html")):
            rel = template.relative_to(directory).as_posix()
            if rel in seen:
                continue
            seen.add(rel)
            for tag, body in TEMPLATE_CODE.findall(template.read_text(encoding="utf-8")):
                parts = JINJA.split(body)
                known[tag].append(re.compile(VALUE.join(re.escape(p) for p in parts), re.S))
    return known


def check_origin(page: Path, tag: str, attrs: dict, body: str, known: dict, stylesheets: Path) -> None:
    """Stop unless a template of the theme or inline_css.py wrote this code."""
    name = attrs.get("data-stylesheet")
    if tag == "style" and name and re.fullmatch(r"[\w-]+", name):
        for source in (stylesheets / f"{name}.css", stylesheets.parent.parent / "components" / name / f"{name}.css"):
            if source.is_file() and source.read_text(encoding="utf-8").strip() == body:
                return
    if any(pattern.fullmatch(body) for pattern in known[tag]):
        return
    raise Foreign(f"{page}: sivulla on upotettu <{tag}>, jota sivuston mallipohjat eivät kirjoita "
                  f"(sivulta tai datatiedostosta?): {body[:120]!r}. Sitä ei sallita sisältöturvakäytännössä "
                  "(CSP): poista se lähteestä tai kirjoita se mallipohjaan overrides/-kansioon.")


def sha256(body: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()


def _sources(hashes: set[str]) -> str:
    return "".join(f" '{h}'" for h in sorted(hashes))


def write_for_nginx(site_dir: Path, theme_dirs: list[Path] | None = None) -> Path:
    """Write the site's policy into site_dir/nginx-csp.conf (deploy/nginx.conf includes it); return the path."""
    value = policy(site_dir, theme_dirs)
    assert '"' not in value and "$" not in value, value  # nothing nginx would read as the string's end or a variable
    target = site_dir / NGINX_INCLUDE
    target.write_text(NGINX_LINE.format(policy=value), encoding="utf-8")
    return target


def inline_code(page: Path) -> list[tuple[str, dict, str]]:
    """(tag, attributes, text) of the page's executable inline <script>s and its <style>s."""
    finder = _InlineCode()
    finder.feed(page.read_text(encoding="utf-8"))
    return finder.found


class _InlineCode(HTMLParser):
    """Collects the text of executable <script> elements without src (JSON data blocks don't run) and of <style>s."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[str, dict, str]] = []
        self._tag: str | None = None
        self._attrs: dict = {}
        self._body: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        script = tag == "script" and "src" not in attrs and (attrs.get("type") or "").lower() in SCRIPT_TYPES
        if script or tag == "style":
            self._tag, self._attrs, self._body = tag, attrs, []

    def handle_data(self, data):
        if self._tag:
            self._body.append(data)

    def handle_endtag(self, tag):
        if tag == self._tag:
            self.found.append((tag, self._attrs, "".join(self._body)))
            self._tag = None


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    print(policy(Path(sys.argv[1])))
