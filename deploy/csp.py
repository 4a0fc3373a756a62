#!/usr/bin/env python3
"""Print the Content-Security-Policy a built site works under; optionally write it into nginx.conf.

Material for MkDocs writes a few small inline <script>s into every page (the
storage scope, which depends on the page's depth and, on the 404 page, on the
sub-path; the saved colour scheme), and overrides/hooks/inline_css.py puts the
site's own CSS into <style> elements. The policy allows exactly those by their
SHA-256 hashes instead of 'unsafe-inline'. Run after a build whenever the
sub-path or Material's version changes (tests/test_nginx.py says when):

    python3 deploy/csp.py site/                      # print the policy
    python3 deploy/csp.py site/ deploy/nginx.conf    # update the header line in place

Standard library only, so it runs on the web server too.
"""
from __future__ import annotations

import base64
import hashlib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

# Everything from this site itself; data: for the icons Material's CSS embeds.
POLICY = (
    "default-src 'self'; script-src 'self'{scripts}; style-src 'self'{styles}; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
HEADER_LINE = re.compile(r'(add_header\s+Content-Security-Policy\s+)"[^"]*"')


def policy(site_dir: Path) -> str:
    """The policy for the HTML files under site_dir."""
    scripts, styles = set(), set()
    for page in sorted(site_dir.rglob("*.html")):
        found = inline_hashes(page)
        scripts.update(found["script"])
        styles.update(found["style"])
    return POLICY.format(scripts=_sources(scripts), styles=_sources(styles))


def _sources(hashes: set[str]) -> str:
    return "".join(f" '{h}'" for h in sorted(hashes))


def write_into(conf: Path, value: str) -> None:
    text = conf.read_text(encoding="utf-8")
    new, count = HEADER_LINE.subn(lambda m: f'{m.group(1)}"{value}"', text)
    if count != 1:
        raise SystemExit(f"{conf}: expected one 'add_header Content-Security-Policy \"…\"' line, found {count}")
    conf.write_text(new, encoding="utf-8")


def inline_hashes(page: Path) -> dict[str, list[str]]:
    """{"script": [...], "style": [...]}: hashes of the page's inline scripts and <style> elements."""
    finder = _InlineCode()
    finder.feed(page.read_text(encoding="utf-8"))
    return {
        tag: ["sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() for body in bodies]
        for tag, bodies in finder.bodies.items()
    }


class _InlineCode(HTMLParser):
    """Collects the text of executable <script> elements without src (JSON data blocks don't run) and of <style>s."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.bodies: dict[str, list[str]] = {"script": [], "style": []}
        self._tag: str | None = None
        self._body: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        script = tag == "script" and "src" not in attrs and (attrs.get("type") or "").lower() in SCRIPT_TYPES
        if script or tag == "style":
            self._tag, self._body = tag, []

    def handle_data(self, data):
        if self._tag:
            self._body.append(data)

    def handle_endtag(self, tag):
        if tag == self._tag:
            self.bodies[tag].append("".join(self._body))
            self._tag = None


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    value = policy(Path(sys.argv[1]))
    if len(sys.argv) == 3:
        write_into(Path(sys.argv[2]), value)
    print(value)
