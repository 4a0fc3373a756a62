"""Every page as people see it: on a phone (360 px) and on a desktop (1280 px)."""
from __future__ import annotations

import pytest

from browser import settle
from layout import COMPONENT_FAULTS, DESKTOP, PHONE, layout_problems

pytestmark = pytest.mark.browser

def _cases():
    from conftest import ROOT

    docs = ROOT / "docs"
    paths = [""] + sorted(
        ("" if p.parent == docs else p.parent.relative_to(docs).as_posix() + "/")
        + ("" if p.stem == "index" else p.stem + "/")
        for p in docs.rglob("*.md") if p.relative_to(docs).as_posix() != "index.md")
    for path in paths + ["404.html"]:
        for view in ("phone", "desktop"):
            fault = COMPONENT_FAULTS.get((path, view))
            marks = [pytest.mark.xfail(strict=True, reason=fault)] if fault else []
            yield pytest.param(path, view, marks=marks, id=f"{path or 'etusivu'}-{view}")


@pytest.mark.parametrize("path,view", list(_cases()))
def test_page_reads_without_sideways_scroll_squeezed_text_or_invisible_fields(site, sweep, path, view):
    assert sweep.views[view][site.url + path]["layout"] == []


def test_the_probe_sees_each_kind_of_fault(site, browser):
    """The check fails where a reviewer would: sideways scroll, a letter-wide column, an edgeless field,
    a question standing half outside its box."""
    ctx = browser.new_context(locale="fi-FI", viewport=PHONE, is_mobile=True)
    page = ctx.new_page()
    page.goto(site.url + "tietosuoja/", wait_until="load")
    assert layout_problems(page) == []
    page.evaluate("""() => {
      const a = document.querySelector("article")
      a.insertAdjacentHTML("beforeend", '<div style="width:900px">leveä</div>'
        + '<p style="width:1.2em">PUUTTUU kokonaan</p>'
        + '<label>Nimi <input id="reunaton" style="border:0;background:transparent"></label>'
        + '<fieldset style="border:1px solid"><legend>Kysymys, joka jatkuu toiselle riville ja kolmannelle'
        + ' riville kapealla näytöllä</legend><label><input type="radio"> Kyllä</label></fieldset>')
    }""")
    problems = layout_problems(page)
    ctx.close()
    kinds = ["vierii sivuttain", "puristunut teksti", "kentällä ei näkyvää reunaa", "laatikon reuna halkoo kysymyksen"]
    assert sorted({next(k for k in kinds if p.startswith(k)) for p in problems}) == sorted(kinds), problems


# The narrowest window WCAG's reflow asks for (1.4.10): 320 CSS px.
NARROWEST = {"width": 320, "height": 640}


@pytest.mark.parametrize("view", ["narrowest", "phone", "desktop"])
def test_header_names_the_city_and_the_guideline_in_full(site, browser, view):
    import yaml

    from conftest import ROOT

    data = yaml.safe_load((ROOT / "data" / "ohje.yml").read_text(encoding="utf-8"))["extra"]["ohje"]
    viewport = {"narrowest": NARROWEST, "phone": PHONE, "desktop": DESKTOP}[view]
    ctx = browser.new_context(locale="fi-FI", viewport=viewport, is_mobile=view != "desktop")
    page = ctx.new_page()
    page.goto(site.url + "ohjeistus/roolisi/", wait_until="load")
    settle(page)
    title = page.locator(".md-header__topic:first-child .md-ellipsis")
    assert title.inner_text() == f"{data['city']['name']} · {data['document']['title']}"
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1"), \
        "the header title is cut off"
    if view == "desktop":  # the city's L mark (as the favicon), not Material's generic book icon
        mark = (ROOT / "overrides" / ".icons" / "loimaa" / "tunnus.svg").read_text(encoding="utf-8")
        d = page.locator(".md-header .md-logo svg path").get_attribute("d")
        assert d and f'd="{d}"' in mark
    ctx.close()


# Each row of a table as a phone shows it: its cells' text lines, and whether a line
# runs above it across the whole row (the row's own border or its cells' together).
TABLE_ROWS = """table => [...table.tBodies[0].rows].map(row => {
  const lines = cell => { const range = document.createRange(); range.selectNodeContents(cell)
    return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size }
  const ruled = [row, ...row.cells].filter(e => { const cs = getComputedStyle(e)
    return parseFloat(cs.borderTopWidth) > 0 && cs.borderTopStyle !== "none" })
  const box = row.getBoundingClientRect()
  const covered = ruled.reduce((sum, e) => sum + e.getBoundingClientRect().width, 0)
  return { title: row.cells[0].textContent.trim(), lines: lines(row.cells[0]),
           ruled: covered >= box.width - 2 }
})"""


@pytest.mark.parametrize("view", ["narrowest", "phone"])
def test_completion_sheet_chapters_read_on_a_phone(site, browser, view):
    """Every chapter of the sheet's table reads in a few lines, each row set off by a line:
    at 360 px the title column was squeezed (the 3.5 title in 7 lines) and the lines
    between rows ran under the numbers only."""
    ctx = browser.new_context(locale="fi-FI", viewport=NARROWEST if view == "narrowest" else PHONE,
                              is_mobile=True)
    page = ctx.new_page()
    page.goto(site.url + "perehdytys/suoritusmerkinta/", wait_until="load")
    settle(page)
    rows = page.locator(".loimaa-completion-sheet__chapters table").evaluate(TABLE_ROWS)
    problems = layout_problems(page)
    ctx.close()
    assert len(rows) >= 8, rows   # the quiz covers every chapter and section (testi.yml)
    assert [r["title"] for r in rows if r["lines"] > 3] == [], rows
    assert [r["title"] for r in rows[1:] if not r["ruled"]] == [], rows
    assert problems == []
