#!/usr/bin/env python3
"""`make build` / `make publish`: the address the site is built for (SITE_URL), said or refused.

mkdocs.yml falls back to http://127.0.0.1:8000/ without SITE_URL: right for
looking at the site on one's own machine, wrong for publishing (the 404 page,
the sitemap, canonical links and the PDF's links use the address; under a
sub-path the 404 page would load /assets/… from the server's root).

    python3 scripts/site_url.py           # make build: silent without SITE_URL (a local build is the usual case)
    python3 scripts/site_url.py publish   # make publish: exit 1 unless SITE_URL is a real address

Standard library only (runs before the venv exists); every message is one Finnish line.
"""
from __future__ import annotations

import os
import sys
from urllib.parse import urlsplit

EXAMPLE = "SITE_URL=https://intra.loimaa.fi/ohjeet/some/ make publish"
LOOPBACK = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


class Refused(Exception):
    """SITE_URL cannot be used for this build; the message says why, in Finnish."""


def check(value: str | None, publish: bool) -> str | None:
    """The line to show (None: nothing to say); Refused when the build must not run."""
    value = value or ""
    if not value.strip():
        if publish:
            raise Refused(f"SITE_URL puuttuu: julkaistava sivusto käännetään osoitteeseensa, esim. {EXAMPLE}")
        return None   # make build for one's own machine: nothing to act on, so nothing said
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    # MkDocs takes the value as it is: a stray space would stand in every address of the site.
    if not parts or parts.scheme not in ("https", "http") or not host or not value.endswith("/") \
            or parts.query or parts.fragment or any(c.isspace() for c in value):
        raise Refused(f"SITE_URL={value} ei kelpaa: anna sivuston koko osoite, joka alkaa https:// "
                      f"(tai http://) ja päättyy /-merkkiin, esim. {EXAMPLE}")
    if publish and (host in LOOPBACK or host.startswith("127.") or host.endswith(".invalid")):
        raise Refused(f"SITE_URL={value} ei ole sivuston julkaisuosoite: anna osoite, josta henkilöstö "
                      f"sivuston avaa, esim. {EXAMPLE}")
    return None


def main(argv: list[str]) -> int:
    try:
        line = check(os.environ.get("SITE_URL"), publish=argv == ["publish"])
    except Refused as refused:
        print(refused, file=sys.stderr)
        return 1
    if line:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
