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


def test_a_word_a_result_lacks_reads_as_not_in_this_part(site, page):
    # Material's "Puuttuu: ~~lasten~~" read as an error to every walker (walks 37-44), and named words that
    # another part of the same page had. Each result is a part of a page: "Ei tässä kohdassa: lasten", not struck out.
    page.goto(site.url, wait_until="load")
    search(page, "lasten kuvat")
    terms = page.locator(".md-search-result__terms:visible").first
    terms.wait_for()
    assert re.fullmatch(r"Ei tässä kohdassa: \w+( \w+)*", terms.inner_text().strip()), terms.inner_text()
    assert "Puuttuu" not in page.locator(".md-search-result").inner_text()
    line = terms.locator("del").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert line == "none"
