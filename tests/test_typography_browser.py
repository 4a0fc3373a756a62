"""Type as a reader sees it: rules at body size, quotes in full contrast, firm headings."""
from __future__ import annotations

import pytest

from layout import DESKTOP

pytestmark = pytest.mark.browser
NOTE_TEXT = ".loimaa-site-note p:not(.loimaa-site-note__label)"

@pytest.mark.parametrize("view", ["phone", "desktop"])
def test_site_notes_and_tables_read_at_body_size(site, sweep, view):
    for path, selector in [("ohjeistus/onnistunut-viestinta/", NOTE_TEXT), ("ohjeistus/todelliset-tarpeet/", NOTE_TEXT),
                           ("", "table td"), ("ohjeistus/lisatietoa/", NOTE_TEXT)]:
        seen = sweep.views[view][site.url + path]["type"]
        body, sizes = seen["body"], seen["sizes"][selector]
        assert sizes and set(sizes) == {body}, (path, selector, sizes, body)


def test_guideline_quotes_are_in_full_contrast(site, sweep):
    for path in ["perehdytys/ohje-lyhyesti/", "perehdytys/roolisi/", "perehdytys/testaa-osaamisesi/"]:
        seen = sweep.desktop[site.url + path]["type"]
        text, colours = seen["text"], seen["quotes"]
        assert colours and set(colours) == {text}, (path, set(colours), text)


def test_checklist_quotes_of_the_guideline_are_in_full_contrast(site, sweep):
    for path in ["tarkistuslistat/uusi-profiili/", "tarkistuslistat/ennen-julkaisua/"]:
        seen = sweep.desktop[site.url + path]["type"]
        text, colours = seen["text"], seen["guideline_quotes"]
        assert colours and set(colours) == {text}, (path, set(colours), text)


def test_headings_are_firm(site, sweep):
    weights = [(url, tag, weight) for url in site.pages for tag, weight in sweep.desktop[url]["type"]["headings"]]
    assert any(tag == "H3" for _, tag, _ in weights)
    assert [w for w in weights if w[2] < 600] == []


def test_a_headings_permalink_never_wraps_onto_a_line_of_its_own_on_a_phone(site, sweep):
    alone = [f"{url}: {h}" for url in site.pages for h in sweep.phone[url]["permalink_alone"]]
    assert alone == []


def test_sidebar_label_never_sits_over_the_nav_it_labels(site, browser):
    ctx = browser.new_context(locale="fi-FI", viewport=DESKTOP)
    page = ctx.new_page()
    page.goto(site.url + "ohjeistus/roolisi/", wait_until="load")
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
