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
