"""Type as a reader sees it: rules at body size, quotes in full contrast, firm headings."""
from __future__ import annotations

import pytest

from browser import settle
from layout import DESKTOP, PHONE

pytestmark = pytest.mark.browser

BODY_SIZE = "() => getComputedStyle(document.querySelector('article > p')).fontSize"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_admonitions_and_tables_read_at_body_size(site, browser, viewport):
    ctx = browser.new_context(locale="fi-FI", viewport=viewport)
    page = ctx.new_page()
    for path, selector in [("ohjeistus/roolisi/", ".admonition li"), ("ohjeistus/tietoturva/", ".admonition p"),
                           ("", "table td"), ("ohjeistus/lisatietoa/", ".admonition p")]:
        page.goto(site.url + path, wait_until="networkidle")
        body = page.evaluate(BODY_SIZE)
        sizes = page.eval_on_selector_all(f"article {selector}", "els => els.map(e => getComputedStyle(e).fontSize)")
        assert sizes and set(sizes) == {body}, (path, selector, sizes, body)
    ctx.close()


def test_guideline_quotes_are_in_full_contrast(site, page):
    for path in ["perehdytys/ohje-lyhyesti/", "perehdytys/roolisi/", "perehdytys/testaa-osaamisesi/"]:
        page.goto(site.url + path, wait_until="networkidle")
        text = page.eval_on_selector("article > p", "e => getComputedStyle(e).color")
        colours = page.eval_on_selector_all("article blockquote, article blockquote *",
                                            "els => els.map(e => getComputedStyle(e).color)")
        assert colours and set(colours) == {text}, (path, set(colours), text)


def test_checklist_quotes_of_the_guideline_are_in_full_contrast(site, page):
    for path in ["tarkistuslistat/uusi-profiili/", "tarkistuslistat/ennen-julkaisua/"]:
        page.goto(site.url + path, wait_until="networkidle")
        text = page.eval_on_selector("article > p", "e => getComputedStyle(e).color")
        colours = page.eval_on_selector_all(".loimaa-checklist__guideline",
                                            "els => els.map(e => getComputedStyle(e).color)")
        assert colours and set(colours) == {text}, (path, set(colours), text)


def test_headings_are_firm(site, page):
    weights = []
    for url in site.pages:
        page.goto(url, wait_until="networkidle")
        weights += page.eval_on_selector_all("article :is(h1, h2, h3)", "els => els.map(e => "
                                             "[location.pathname, e.tagName, +getComputedStyle(e).fontWeight])")
    assert any(tag == "H3" for _, tag, _ in weights)
    assert [w for w in weights if w[2] < 600] == []


PERMALINK_ALONE = """() => [...document.querySelectorAll("article .headerlink")].filter(a => {
  const range = document.createRange()
  range.setStart(a.parentElement, 0)
  range.setEndBefore(a)
  const lines = [...range.getClientRects()].filter(r => r.width > 0)
  return lines.length && a.getBoundingClientRect().top >= lines[lines.length - 1].bottom - 2
}).map(a => a.parentElement.textContent)"""


def test_a_headings_permalink_never_wraps_onto_a_line_of_its_own_on_a_phone(site, browser):
    ctx = browser.new_context(locale="fi-FI", viewport=PHONE, is_mobile=True)
    page = ctx.new_page()
    alone = []
    for url in site.pages:
        page.goto(url, wait_until="networkidle")
        settle(page)
        alone += [f"{url}: {h}" for h in page.evaluate(PERMALINK_ALONE)]
    ctx.close()
    assert alone == []


def test_sidebar_label_never_sits_over_the_nav_it_labels(site, browser):
    ctx = browser.new_context(locale="fi-FI", viewport=DESKTOP)
    page = ctx.new_page()
    page.goto(site.url + "ohjeistus/roolisi/", wait_until="networkidle")
    wrap = ".md-sidebar--primary .md-sidebar__scrollwrap"
    assert page.eval_on_selector(wrap, "e => e.scrollHeight > e.clientHeight"), "the nav must be long enough to scroll"
    page.eval_on_selector(wrap, "e => { e.scrollTop = 20 }")
    page.wait_for_function(f"document.querySelector('{wrap}').scrollTop === 20")
    covered = page.evaluate("""() => {
      const title = document.querySelector(".md-sidebar--primary .md-nav__title").getBoundingClientRect()
      return [...document.querySelectorAll(".md-sidebar--primary .md-nav__link")].filter(a => {
        const r = a.getBoundingClientRect()
        return r.height && r.bottom > title.top && r.top < title.bottom
      }).map(a => a.textContent.trim())
    }""")
    ctx.close()
    assert covered == []
