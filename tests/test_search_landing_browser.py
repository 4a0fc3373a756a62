"""A search result lands on its section with whole words highlighted, from the page link
and the section link alike (docs/assets/javascripts/search.js). Before: the page link had
an empty ?h=, opened the top of the page with nothing marked, and marks split words
("käytt|ää")."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser import search, settle
from search_queries import QUESTIONS

pytestmark = pytest.mark.browser

# A spread of the staff questions (every section of chapter 3 among them).
CASES = QUESTIONS[::4]

# Where the page landed: the anchor's heading in view, and the marks in the article, each
# with the characters just before and after it (a letter there means a split word).
LANDED = """() => {
  const id = decodeURIComponent(location.hash.slice(1)), target = id && document.getElementById(id)
  const marks = [...document.querySelectorAll("article mark")]
  // The letters touching the mark in its own line of text (a block's edge is a word's edge).
  const text = n => n && n.nodeType === 3 ? n.data : ""
  const around = m => [text(m.previousSibling).slice(-1), m.textContent, text(m.nextSibling).slice(0, 1)]
  const seen = m => { const b = m.getBoundingClientRect(); return b.bottom > 0 && b.top < innerHeight }
  return { hash: id, onTarget: !!target && Math.abs(target.getBoundingClientRect().top) < innerHeight / 2,
           marks: marks.map(around), inView: marks.some(seen) }
}"""


@pytest.mark.parametrize("query,section", CASES, ids=[q for q, _ in CASES])
def test_page_and_section_links_land_on_the_section_with_whole_words_marked(site, page, query, section):
    page.goto(site.url, wait_until="load")
    settle(page)
    results = search(page, query)
    top = results[0]["href"].split("?")[0]
    group = [r["href"] for r in results if r["href"].split("?")[0].split("#")[0] == top]
    links = {"sivun linkki": group[0], "osion linkki": next((h for h in group[1:]), group[0])}
    for kind, href in links.items():
        words = parse_qs(urlsplit(href).query).get("h", [""])[0]
        assert words.strip(), f"{kind}: empty ?h= in {href}"
        page.goto(href, wait_until="load")
        try:   # Material marks the words once its search index has loaded
            page.wait_for_function("() => document.querySelector('article mark')", timeout=10_000)
        except PlaywrightTimeout:
            pytest.fail(f"{kind}: nothing highlighted at {href}")
        settle(page)
        landed = page.evaluate(LANDED)
        split = [m for m in landed["marks"] if m[0].isalpha() or m[2].isalpha()]
        assert split == [], f"{kind}: split words {split}"
        assert landed["inView"], f"{kind}: no highlighted word on screen at {href}"
        if landed["hash"]:
            assert landed["onTarget"], f"{kind}: the section #{landed['hash']} is not on screen"


@pytest.mark.parametrize("index", ["index loaded", "index still loading"])
def test_a_pasted_query_is_searched_whenever_it_comes(site, page, index):
    """A query pasted with the mouse (an input event, no key) showed nothing: Material reads the
    box on keyup only. search.js ends every change with a keyup. Pasted before the index has
    loaded (its download held until the query is in the box), it is searched once it has."""
    query = QUESTIONS[0][0]
    held = []
    if index == "index still loading":
        page.route("**/search/search_index.json", lambda route: held.append(route))
    with page.expect_request("**/search/search_index.json"):
        page.goto(site.url, wait_until="load")
    box = page.locator("input.md-search__input")
    box.click()
    if index == "index loaded":
        page.wait_for_function("() => window.__searchProbe.ready")
    box.evaluate("(box, q) => document.execCommand('insertText', false, q)", query)   # as a paste does
    page.wait_for_function("q => document.querySelector('input.md-search__input').value === q", arg=query)
    if held:
        assert page.locator(".md-search-result__item").count() == 0   # no index, no results yet
    for request in held:
        request.continue_()
    page.locator(".md-search-result__item").first.wait_for()
    assert page.evaluate("() => window.__searchProbe.last") == query


def test_a_query_put_in_without_keys_leaves_no_earlier_query_under_it(site, page):
    """After a query was typed, a new one pasted (or put in by a phone's autocorrect or voice input)
    showed the earlier query in grey under it: Material's suggestion reads the box on keydown or
    focus only. The suggestion is now the new query or its completion."""
    page.goto(site.url, wait_until="load")
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function("() => window.__searchProbe.ready")
    page.keyboard.type("kuva", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    box.select_text()
    box.evaluate("box => document.execCommand('insertText', false, 'salasana')")   # as a paste does
    page.wait_for_function("() => window.__searchProbe.last === 'salasana'"
                           " && window.__searchProbe.answered === window.__searchProbe.sent")
    page.wait_for_function("() => document.querySelector('.md-search__suggest').textContent.startsWith('salasana')",
                           timeout=5_000)
