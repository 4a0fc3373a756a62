"""The browser helpers themselves: a settled page still shows real violations."""
from __future__ import annotations

import pytest

from browser import axe_violations, settle

pytestmark = pytest.mark.browser

TOPIC = '[data-md-component="header-topic"]'


def scroll_until_header_shows_page_title(page) -> None:
    # Material swaps the site name for the page title once the h1 has scrolled away.
    page.mouse.wheel(0, 900)
    page.wait_for_function("() => document.querySelector('.md-header__title--active') !== null")


def test_settled_header_title_is_read_at_rest(site, page):
    page.goto(site.url + "ohjeistus/tietoturva/", wait_until="load")
    scroll_until_header_shows_page_title(page)
    settle(page)
    assert page.evaluate("document.getAnimations().length") == 0
    assert page.evaluate(f"getComputedStyle(document.querySelector('{TOPIC}')).opacity") == "1"
    assert axe_violations(page) == []


def test_axe_after_settle_still_reports_a_low_contrast_header_title(site, page):
    page.goto(site.url + "ohjeistus/tietoturva/", wait_until="load")
    # A pale title on the city-blue header: a real violation, at rest as well as in mid-fade.
    page.add_style_tag(content=f"{TOPIC} .md-ellipsis {{ color: #3f6fa8 !important; }}")
    scroll_until_header_shows_page_title(page)
    found = axe_violations(page)
    assert any(v.startswith("color-contrast") and "header-topic" in v for v in found), found
