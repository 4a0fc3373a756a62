"""A result's section says which subsection of its page it is under: 3.1's "Asiantuntijaprofiilit" is
"3.1.1. Työnantajan edustajana – Asiantuntijaprofiilit", its "Erotu selkeästi työroolistasi" is
"3.1.2. Yksityishenkilönä – Erotu selkeästi työroolistasi". The same words are the city's profiles under
3.1.1 and one's own under 3.1.2: walks 38-40 read the card "Asiantuntijaprofiilit … mainitaan työ- tai
virkanimike" as the rule for their own profile.

Derived from the built pages: every heading under another heading of its page (not the page's title).
"""
from __future__ import annotations

import re

import pytest

from searching import type_query
from site_sections import nested_sections

from finnish.search_index import section_parents

def test_a_section_is_under_the_nearest_heading_above_it_of_a_higher_level():
    page = ('<h1 id="t">T</h1><h2 id="a">A</h2><h3 id="b">B</h3><h4 id="c">C</h4><h3 id="d">D</h3>'
            '<h2 id="e">E</h2><h3 id="f">F</h3>')
    index = {"docs": [{"location": f"p/#{x}"} for x in "abcdef"] + [{"location": "p/"}, {"location": "q/#z"}]}
    assert section_parents(index, {"p/": page, "q/": ""}.get) == {
        "p/#b": "p/#a", "p/#c": "p/#b", "p/#d": "p/#a", "p/#f": "p/#e"}


def test_a_section_right_under_the_pages_title_is_under_nothing():
    page = '<h1 id="t">T</h1><h2 id="a">A</h2><h2 id="b">B</h2>'
    assert section_parents({"docs": [{"location": "p/#a"}, {"location": "p/#b"}]}, {"p/": page}.get) == {}


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
