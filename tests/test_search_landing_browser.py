"""A search result lands on its section with whole words highlighted, from the page link
and the section link alike (docs/assets/javascripts/search.js). Before: the page link had
an empty ?h=, opened the top of the page with nothing marked, and marks split words
("käytt|ää")."""
from __future__ import annotations

import contextlib
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
  // The marks outside the section opened: before its heading, or from the next heading of its level on.
  const level = target && /^H([1-6])$/.exec(target.tagName)
  let next = level && target.nextElementSibling
  while (next && !(/^H[1-6]$/.test(next.tagName) && +next.tagName[1] <= +level[1])) next = next.nextElementSibling
  const after = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)
  const outside = level ? marks.filter(m => !after(target, m) || (next && after(next, m))) : []
  return { hash: id, onTarget: !!target && Math.abs(target.getBoundingClientRect().top) < innerHeight / 2,
           marks: marks.map(around), inView: marks.some(seen), outside: outside.map(m => m.textContent) }
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
            # Walk 49: the question's common words marked all over the page, some 190 marks.
            assert landed["outside"] == [], f"{kind}: marked outside #{landed['hash']}: {landed['outside'][:8]}"


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


# Where a phone's tap on a result left the reader: the section's heading, the page's width and its scroll.
ON_PHONE = """() => {
  const id = decodeURIComponent(location.hash.slice(1)), target = id && document.getElementById(id)
  const top = target ? Math.round(target.getBoundingClientRect().top) : null
  return { hash: id, top, width: innerWidth, scrolled: Math.round(scrollY),
           inView: top !== null && top >= 0 && top < innerHeight / 2 }
}"""


@pytest.mark.parametrize("scrolled", [False, True], ids=["from the top", "from further down"])
def test_a_tapped_result_opens_its_section_on_a_phone(site, browser, scrolled):
    # Walk 43: on a phone, a result's page opened at its top ("Erotu selkeästi työroolistasi" three screens
    # down), and 447 px wide on a 360 px screen. Material locks the page's scroll while the search is open
    # there, and its backdrop (a circle scaled 45 times) widened the page. Through Material's instant
    # navigation, as a reader goes: the search from the header's button, a tap on the first result.
    from browser import SEARCH_PROBE
    from layout import PHONE

    ctx = browser.new_context(locale="fi-FI", viewport=PHONE, is_mobile=True, has_touch=True)
    ctx.add_init_script(SEARCH_PROBE)
    page = ctx.new_page()
    wrong = []
    for query, _section in CASES:
        page.goto(site.url + ("ohjeistus/onnistunut-viestinta/" if scrolled else ""), wait_until="load")
        if scrolled:
            page.mouse.wheel(0, 900)
            page.wait_for_function("() => scrollY > 500")
        page.locator("label.md-header__button[for='__search']").first.tap()
        page.locator("input.md-search__input").fill(query)  # as a phone's keyboard puts a word in
        page.wait_for_function("q => window.__searchProbe.last === q && window.__searchProbe.answered"
                               " === window.__searchProbe.sent && document.querySelector('.md-search-result__item')",
                               arg=query)
        settle(page)
        link = page.locator("a.md-search-result__link").first
        title = link.locator("h1").text_content()
        href = link.get_attribute("href")
        link.tap()
        page.wait_for_function("h => location.href === new URL(h, location.href).href", arg=href)
        if "#" not in href:
            continue
        with contextlib.suppress(PlaywrightTimeout):  # else said below, with where it landed
            page.wait_for_function(f"() => ({ON_PHONE})().inView", timeout=5_000)
        landed = page.evaluate(ON_PHONE)
        if not landed["inView"] or landed["width"] != PHONE["width"]:
            wrong.append(f"{query!r} -> {title} #{landed['hash']}: {landed}")
    ctx.close()
    assert not wrong, "\n".join(wrong)


def test_a_malformed_address_under_the_open_search_breaks_nothing(site, browser):
    # The phone's landing reads the address's #id when the search closes; "#%E0" is no escape of a character.
    from layout import PHONE

    ctx = browser.new_context(locale="fi-FI", viewport=PHONE, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site.url + "ohjeistus/tietoturva/", wait_until="load")
    page.locator("label.md-header__button[for='__search']").first.tap()
    page.wait_for_function("() => document.body.hasAttribute('data-md-scrolllock')")
    page.evaluate("history.replaceState(null, '', '#%E0')")
    page.locator("label.md-search__icon[for='__search']").first.tap()
    page.wait_for_function("() => !document.body.hasAttribute('data-md-scrolllock')")
    page.locator("label.md-header__button[for='__search']").first.tap()  # and the search still opens
    page.wait_for_function("() => document.body.hasAttribute('data-md-scrolllock')")
    ctx.close()
    assert not errors, errors


def test_a_search_opened_again_has_its_last_question_selected(site, browser):
    # Walk 44: on a phone the search opened again with the last question in the box, its start out of view, and the
    # next words were added to it. The question is there still (Material keeps it), selected: typing replaces it.
    from layout import PHONE

    ctx = browser.new_context(locale="fi-FI", viewport=PHONE, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    page.goto(site.url, wait_until="load")
    button, box = page.locator("label.md-header__button[for='__search']").first, page.locator("input.md-search__input")
    button.tap()
    box.fill("saako lasten kuvia laittaa kaupungin facebookiin")
    page.locator(".md-search-result__item").first.wait_for()
    page.locator("label.md-search__icon[for='__search']").first.tap()   # the back arrow
    page.wait_for_function("() => !document.getElementById('__search').checked")
    button.tap()
    page.wait_for_function("() => { const b = document.querySelector('input.md-search__input');"
                           " return document.activeElement === b && b.value && b.selectionStart === 0"
                           " && b.selectionEnd === b.value.length }")
    page.keyboard.type("salasana")
    assert box.input_value() == "salasana"
    ctx.close()


CLOSE_UNDER = """() => [...document.querySelectorAll("article h3[id], article h4[id]")].flatMap(h => {
  let p = h.previousElementSibling
  while (p && !(/^H[1-6]$/.test(p.tagName) && +p.tagName[1] < +h.tagName[1])) p = p.previousElementSibling
  const gap = p && h.getBoundingClientRect().top - p.getBoundingClientRect().top
  return p && gap < innerHeight / 3 ? [[h.id, h.textContent.replace("¶", "").trim()]] : []
})"""
PARENT_SEEN = """id => {
  const h = document.getElementById(id), header = document.querySelector(".md-header").getBoundingClientRect().bottom
  if (!h) return { parent: null, seen: false, inView: false }  // the page still coming (instant navigation)
  let p = h.previousElementSibling
  while (p && !(/^H[1-6]$/.test(p.tagName) && +p.tagName[1] < +h.tagName[1])) p = p.previousElementSibling
  const top = h.getBoundingClientRect().top
  return { parent: p.textContent.replace("¶", "").trim(), seen: p.getBoundingClientRect().top >= header - 1,
           inView: top >= 0 && top < innerHeight / 2 }
}"""


def test_a_subsection_opened_on_a_phone_shows_the_heading_it_is_under(site, browser):
    # Walk 49: a tap on "Erotu selkeästi työroolistasi" left "3.1.2. Yksityishenkilönä" half under the header, and
    # the reader could not tell whose rule it was. Every subsection of the guideline whose parent heading is close
    # above it (a third of the screen), opened from its result on a phone: the parent heading in view, below the
    # header, and the subsection in the top half.
    from layout import PHONE

    ctx = browser.new_context(locale="fi-FI", viewport=PHONE, is_mobile=True, has_touch=True)
    page = ctx.new_page()
    cases = []
    for path in ("ohjeistus/roolisi/", "ohjeistus/tietoturva/", "ohjeistus/asiallisuus/"):
        page.goto(site.url + path, wait_until="load")
        cases += [(path, *c) for c in page.evaluate(CLOSE_UNDER)]
    assert ("ohjeistus/roolisi/", "erotu-tyoroolistasi", "Erotu selkeästi työroolistasi") in cases, cases
    wrong = []
    for path, anchor, title in cases:
        page.goto(site.url, wait_until="load")
        page.locator("label.md-header__button[for='__search']").first.tap()
        page.locator("input.md-search__input").fill(title)
        link = page.locator(f'a.md-search-result__link[href*="/{path}?"][href$="#{anchor}"]').first
        link.wait_for()
        box = link.bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 20))
        page.wait_for_function("a => location.hash === '#' + a && document.getElementById(a)"
                               " && !document.body.hasAttribute('data-md-scrolllock')", arg=anchor)
        with contextlib.suppress(PlaywrightTimeout):  # else said below, with where it landed
            page.wait_for_function(f"id => ({PARENT_SEEN})(id).seen", arg=anchor, timeout=5_000)
        landed = page.evaluate(PARENT_SEEN, anchor)
        if not (landed["seen"] and landed["inView"]):
            wrong.append(f"{title} ({path}#{anchor}): {landed}")
    ctx.close()
    assert not wrong, "\n".join(wrong)
