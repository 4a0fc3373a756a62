"""A result's section says which subsection of its page it is under: 3.1's "Asiantuntijaprofiilit" is
"3.1.1. Työnantajan edustajana – Asiantuntijaprofiilit", its "Erotu selkeästi työroolistasi" is
"3.1.2. Yksityishenkilönä – Erotu selkeästi työroolistasi". The same words are the city's profiles under
3.1.1 and one's own under 3.1.2: walks 38-40 read the card "Asiantuntijaprofiilit … mainitaan työ- tai
virkanimike" as the rule for their own profile.

Derived from the built pages: every heading under another heading of its page (not the page's title).
"""
from __future__ import annotations

import html
import json
import re

import pytest

from searching import type_query

from finnish.search_index import section_parents

HEADING = re.compile(r'<h([1-6])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def headings(page_html: str) -> list[tuple[int, str, str]]:
    """(level, id, text) of each heading with an id, in order, as a reader sees its text."""
    return [(int(level), anchor, re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", text))).strip(" ¶"))
            for level, anchor, text in HEADING.findall(page_html)]


def test_a_section_is_under_the_nearest_heading_above_it_of_a_higher_level():
    page = ('<h1 id="t">T</h1><h2 id="a">A</h2><h3 id="b">B</h3><h4 id="c">C</h4><h3 id="d">D</h3>'
            '<h2 id="e">E</h2><h3 id="f">F</h3>')
    index = {"docs": [{"location": f"p/#{x}"} for x in "abcdef"] + [{"location": "p/"}, {"location": "q/#z"}]}
    assert section_parents(index, {"p/": page, "q/": ""}.get) == {
        "p/#b": "p/#a", "p/#c": "p/#b", "p/#d": "p/#a", "p/#f": "p/#e"}


def test_a_section_right_under_the_pages_title_is_under_nothing():
    page = '<h1 id="t">T</h1><h2 id="a">A</h2><h2 id="b">B</h2>'
    assert section_parents({"docs": [{"location": "p/#a"}, {"location": "p/#b"}]}, {"p/": page}.get) == {}


def nested_sections(site) -> list[tuple[str, str, str]]:
    """(location, parent's title, title) of every section of the built site under a subsection of its page."""
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    out = []
    for page in sorted({d["location"].split("#")[0] for d in index["docs"]}):
        above: list[tuple[int, str]] = []  # (level, title) of the headings still open
        for level, anchor, text in headings((site.dir / page / "index.html").read_text(encoding="utf-8")):
            while above and above[-1][0] >= level:
                above.pop()
            if above and above[-1][0] > 1 and any(d["location"] == f"{page}#{anchor}" for d in index["docs"]):
                out.append((f"{page}#{anchor}", above[-1][1], text))
            above.append((level, text))
    return out


@pytest.mark.browser
def test_a_sections_result_names_the_subsection_it_is_under(site, page):
    cases = nested_sections(site)
    # 3.1.1's three sections and 3.1.2's two at least: the guideline's own structure.
    assert sum(loc.startswith("ohjeistus/roolisi/#") for loc, _, _ in cases) >= 5, cases
    page.goto(site.url, wait_until="load")
    page.locator("input.md-search__input").focus()
    wrong = []
    for location, parent, title in cases:
        type_query(page, title)  # a reader quoting the heading
        path, _, anchor = location.partition("#")
        card = page.locator(f'a.md-search-result__link[href*="/{path}?"][href$="#{anchor}"] h2')
        shown = re.sub(r"\s+", " ", card.first.text_content()).strip() if card.count() else None
        if shown != f"{parent} – {title}":
            wrong.append(f"{location}: {shown!r}, ei {parent} – {title!r}")
    assert not wrong, "\n".join(wrong)
    # A section right under its page's title keeps its own title alone.
    type_query(page, "Profiilit ja salasanat")
    assert page.locator('a.md-search-result__link[href$="#profiilit-ja-salasanat"] h2').first.text_content(
        ).strip() == "Profiilit ja salasanat"
    assert not page.watch.console_errors
