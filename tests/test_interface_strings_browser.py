"""Material's interface strings in Finnish that reads right (overrides/partials/languages/fi-loimaa.html)."""
from __future__ import annotations

import re

import pytest

from browser import search

pytestmark = pytest.mark.browser


def test_search_reset_and_result_count_read_as_finnish(site, page):
    page.goto(site.url, wait_until="load")
    search(page, "salasana")
    reset = page.locator("button.md-search__icon[type=reset]")
    assert reset.get_attribute("aria-label") == reset.get_attribute("title") == "Tyhjennä"
    assert page.get_by_role("button", name="Tyhjennä").count() == 1
    meta = page.inner_text(".md-search-result__meta")
    assert re.fullmatch(r"1 osuma|\d+ osumaa", meta), meta
    search(page, "kissa")  # not in the guideline
    assert page.inner_text(".md-search-result__meta") == "Ei osumia. Kokeile toista sanaa."
    assert page.evaluate("document.documentElement.lang") == "fi"
    body = page.locator("body").inner_text() + page.content()
    assert "täsmää" not in body and "Tyhjää" not in body


def test_a_word_a_result_lacks_reads_as_a_search_word_not_in_this_part(site, page):
    # Material's "Puuttuu: ~~lasten~~" read as an error to every walker (walks 37-44), and named words that
    # another part of the same page had. "Ei tässä kohdassa: naapuri kysyy omassa" then read as a phrase, not as
    # the reader's own words (walks 56, 59). Each result is a part of a page: "Hakusanat, joita tässä ei ole:
    # lasten, asiakkaan", not struck out.
    page.goto(site.url, wait_until="load")
    search(page, "lasten kuvat asiakkaan")
    terms = page.locator(".md-search-result__terms:visible").filter(has=page.locator("del + del")).first
    terms.wait_for()
    assert re.fullmatch(r"Hakusanat, joita tässä ei ole: \w+( \w+)+", terms.inner_text().strip()), terms.inner_text()
    assert "Puuttuu" not in page.locator(".md-search-result").inner_text()
    words = terms.locator("del").evaluate_all(
        "ds => ds.map(d => [getComputedStyle(d).textDecorationLine, getComputedStyle(d, '::after').content])")
    assert all(line == "none" for line, _ in words), words
    assert [after for _, after in words] == ['","'] * (len(words) - 1) + ["none"], words


def test_a_results_matched_words_are_marked_as_on_the_page_not_as_links(site, page):
    # Walk 50: blue underlined words in the results read as links on a phone. The page's own yellow mark instead.
    page.goto(site.url, wait_until="load")
    search(page, "lasten kuvat")
    mark = page.locator(".md-search-result mark:visible").first
    mark.wait_for()
    style = mark.evaluate("m => { const s = getComputedStyle(m); return [s.textDecorationLine, s.backgroundColor] }")
    assert style[0] == "none" and style[1] not in ("rgba(0, 0, 0, 0)", "transparent"), style


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("query", ["saako lasten kuvia laittaa instaan", "ohjeet kun kirjoitan kaupungin tilille"])
def test_the_open_search_with_its_results_passes_axe(site, browser, width, query):
    # A state of every page: the search open, results with marked words, a part's missing words, "N osumaa lisää",
    # and a page's sections listed under its lead-in (3.5).
    from browser import SEARCH_PROBE, axe_violations

    ctx = browser.new_context(locale="fi-FI", viewport={"width": width, "height": 740}, is_mobile=width < 400,
                              has_touch=width < 400)
    ctx.add_init_script(SEARCH_PROBE)
    page = ctx.new_page()
    page.goto(site.url, wait_until="load")
    if width < 400:   # a phone opens the search from the header's button
        page.locator("label.md-header__button[for='__search']").first.tap()
        page.locator("input.md-search__input").fill(query)
    else:
        search(page, query)
    page.locator(".md-search-result__terms:visible").first.wait_for()
    found = axe_violations(page)
    ctx.close()
    assert found == [], found
