#!/usr/bin/env python3
"""Print the Content-Security-Policy a built site works under; optionally write it into nginx.conf.

Material for MkDocs writes a few small inline <script>s into every page (the
storage scope, which depends on the page's depth and, on the 404 page, on the
sub-path; the saved colour scheme). The policy allows exactly those by their
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
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
HEADER_LINE = re.compile(r'(add_header\s+Content-Security-Policy\s+)"[^"]*"')


def policy(site_dir: Path) -> str:
    """The policy for the HTML files under site_dir."""
    hashes = sorted({h for page in sorted(site_dir.rglob("*.html")) for h in inline_script_hashes(page)})
    return POLICY.format(hashes=" ".join(f"'{h}'" for h in hashes))


def write_into(conf: Path, value: str) -> None:
    text = conf.read_text(encoding="utf-8")
    new, count = HEADER_LINE.subn(lambda m: f'{m.group(1)}"{value}"', text)
    if count != 1:
        raise SystemExit(f"{conf}: expected one 'add_header Content-Security-Policy \"…\"' line, found {count}")
    conf.write_text(new, encoding="utf-8")


def inline_script_hashes(page: Path) -> list[str]:
    finder = _InlineScripts()
    finder.feed(page.read_text(encoding="utf-8"))
    return [
        "sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        for body in finder.bodies
    ]


class _InlineScripts(HTMLParser):
    """Collects the text of executable <script> elements without src (JSON data blocks don't run)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._body: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and (attrs.get("type") or "").lower() in SCRIPT_TYPES:
            self._body = []

    def handle_data(self, data):
        if self._body is not None:
            self._body.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._body is not None:
            self.bodies.append("".join(self._body))
            self._body = None


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    value = policy(Path(sys.argv[1]))
    if len(sys.argv) == 3:
        write_into(Path(sys.argv[2]), value)
    print(value)
