"""A subsection's heading shows the section it is under (docs/assets/javascripts/parent-heading.js).

Under 3.1.1 the same words are the city's profiles, under 3.1.2 one's own. Walk 53 searched for one's own profile,
landed on "Asiantuntijaprofiilit", far below "3.1.1. Työnantajan edustajana", and read its "mainitaan työ- tai
virkanimike" as the rule for their own profile. Derived from the built pages: every heading under another heading
of its page (tests/site_sections.py).
"""
from __future__ import annotations

import json

import pytest

from browser import SEARCH_PROBE, settle
from conftest import watched_page
from layout import PHONE
from site_sections import nested_sections

pytestmark = pytest.mark.browser

# Where the reader is: the heading's caption (::before), and whether it is in view above the heading's words, under
# Material's header.
LANDED = """() => {
  const h = document.getElementById(decodeURIComponent(location.hash.slice(1)))
  const words = document.createRange()
  words.selectNodeContents(h.firstChild.nodeType === 3 ? h.firstChild : h)
  return { caption: getComputedStyle(h, "::before").content, top: h.getBoundingClientRect().top,
           words: words.getBoundingClientRect().top,
           header: document.querySelector(".md-header").getBoundingClientRect().bottom }
}"""


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(locale="fi-FI", viewport=PHONE, is_mobile=True, has_touch=True)
    ctx.add_init_script(SEARCH_PROBE)
    yield watched_page(ctx)
    ctx.close()


def caption_in_view(page, parent: str) -> list[str]:
    """What is wrong with the caption of the heading the page landed on."""
    page.wait_for_function("() => document.querySelector('[data-parent-heading]')")
    settle(page)
    at = page.evaluate(LANDED)
    wrong = []
    # The parent's words on screen; '/ ""': none for a screen reader, which says the heading's level.
    if at["caption"] != json.dumps(parent, ensure_ascii=False) + ' / ""':
        wrong.append(f"kuvateksti {at['caption']}, ei {parent!r}")
    if not at["header"] <= at["top"] < at["words"] - 8:
        wrong.append(f"ei näkyvissä otsikon yllä: {at}")
    return wrong


def test_a_link_to_a_subsection_lands_on_its_heading_with_the_section_it_is_under(site, phone):
    cases = nested_sections(site)
    # 3.1.1's three sections and 3.1.2's two at least: the guideline's own structure.
    assert sum(loc.startswith("ohjeistus/roolisi/#") for loc, _, _ in cases) >= 5, cases
    wrong = []
    for location, parent, _ in cases:
        phone.goto(site.url + location, wait_until="load")
        wrong += [f"{location}: {w}" for w in caption_in_view(phone, parent)]
    assert not wrong, "\n".join(wrong)
    # A page's own sections, right under its title, have none; nor has paper (the printout is the guideline).
    phone.goto(site.url + "ohjeistus/tietoturva/#profiilit-ja-salasanat", wait_until="load")
    settle(phone)
    assert phone.evaluate("() => document.querySelectorAll('[data-parent-heading]').length") == 0
    phone.goto(site.url + cases[0][0], wait_until="load")
    phone.wait_for_function("() => document.querySelector('[data-parent-heading]')")
    phone.emulate_media(media="print")
    assert phone.evaluate("() => getComputedStyle(document.querySelector('[data-parent-heading]'), '::before')"
                          ".content") == "none"
    assert not phone.watch.console_errors


def test_a_search_result_opened_on_a_phone_shows_whose_rule_the_section_is(site, phone):
    """Through Material's instant navigation, from a page without subsections, as walk 53 went."""
    for location, parent, title in nested_sections(site):
        phone.goto(site.url, wait_until="load")
        path, _, anchor = location.partition("#")
        phone.locator("label.md-header__button[for='__search']").first.tap()
        phone.locator("input.md-search__input").fill(title)  # as a phone's keyboard puts words in
        phone.wait_for_function("q => window.__searchProbe.last === q && window.__searchProbe.answered"
                                " === window.__searchProbe.sent", arg=title)
        phone.locator(f'a.md-search-result__link[href*="/{path}?"][href$="#{anchor}"]').first.tap()
        phone.wait_for_function("a => location.hash === '#' + a && !document.body.hasAttribute('data-md-scrolllock')",
                                arg=anchor)
        wrong = caption_in_view(phone, parent)
        assert not wrong, (location, wrong)
    assert not phone.watch.console_errors
