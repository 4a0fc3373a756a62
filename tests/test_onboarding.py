"""The onboarding section: quotes faithful to the guideline, the shared quote piece, links that
exist in the built site."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from macros import guideline
from onboarding_data import DOCS, GUIDELINE_PAGES, quote_html, QUIZ, ROLES


def guideline_text() -> str:
    return " ".join(guideline.plain_text(p.read_text(encoding="utf-8")) for p in GUIDELINE_PAGES)


def test_every_quote_on_the_essentials_page_is_the_guidelines_own_text():
    """Ohje lyhyesti: what is in a blockquote is copied, never reworded."""
    source = (DOCS / "perehdytys" / "ohje-lyhyesti.md").read_text(encoding="utf-8")
    quotes = [quote for _, quote in guideline.blockquotes(source)]   # the build checks them too
    assert len(quotes) >= 12
    text = guideline_text()
    missing = [q for q in quotes if q not in text]
    assert missing == []


def test_essentials_page_covers_and_links_every_chapter():
    source = (DOCS / "perehdytys" / "ohje-lyhyesti.md").read_text(encoding="utf-8")
    for c in QUIZ["chapters"]:
        assert f"## {c['id']}." in source, c["id"]
        assert f"(../{c['link']['page']})" in source, c["link"]["page"]


def test_quotes_keep_the_guidelines_lead_and_bullets():
    html = quote_html(["Asiantuntijaprofiilissa:", "käytetään x", "mainitaan y"], {"title": "T"}, lambda link: "u")
    assert "<p>Asiantuntijaprofiilissa:</p><ul><li>käytetään x</li><li>mainitaan y</li></ul>" in html
    assert "<blockquote class=\"loimaa-onboarding__quote\" data-search-exclude><p>Yksi.</p></blockquote>" in quote_html(
        ["Yksi."], {"title": "T"}, lambda link: "u")


class _Links(HTMLParser):
    """Links inside the quote sources and "Seuraavaksi" lines, and every id on a page."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.inside = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        cls = a.get("class") or ""
        if tag == "p" and ("loimaa-onboarding__source" in cls or "loimaa-role-helper__next" in cls):
            self.inside = 1
        if tag == "a" and self.inside:
            self.hrefs.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "p":
            self.inside = 0


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.browser
@pytest.mark.parametrize("page, expected", [
    ("perehdytys/testaa-osaamisesi/", len(QUIZ["questions"])),
    ("perehdytys/roolisi/", sum(len(o["quotes"]) + len(o["next"]) for o in ROLES["outcomes"])),
])
def test_every_explanation_link_targets_an_existing_page_and_anchor(site, page, expected):
    links = parse(site.dir / page / "index.html").hrefs
    assert len(links) == expected
    base = "http://x/" + page
    for link in links:
        target = urlsplit(urljoin(base, link))
        assert not link.startswith(("/", "http")), link          # relative: works under any sub-path
        html = site.dir / target.path.lstrip("/") / "index.html"
        assert html.is_file(), link
        if target.fragment:
            assert target.fragment in parse(html).ids, link
