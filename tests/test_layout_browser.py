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
    """The check fails where a reviewer would: sideways scroll, a letter-wide column, an edgeless field."""
    ctx = browser.new_context(locale="fi-FI", viewport=PHONE, is_mobile=True)
    page = ctx.new_page()
    page.goto(site.url + "tietosuoja/", wait_until="load")
    assert layout_problems(page) == []
    page.evaluate("""() => {
      const a = document.querySelector("article")
      a.insertAdjacentHTML("beforeend", '<div style="width:900px">leveä</div>'
        + '<p style="width:1.2em">PUUTTUU kokonaan</p>'
        + '<label>Nimi <input id="reunaton" style="border:0;background:transparent"></label>')
    }""")
    problems = layout_problems(page)
    ctx.close()
    kinds = ["vierii sivuttain", "puristunut teksti", "kentällä ei näkyvää reunaa"]
    assert sorted({next(k for k in kinds if p.startswith(k)) for p in problems}) == sorted(kinds), problems


@pytest.mark.parametrize("view", ["phone", "desktop"])
def test_header_names_the_city_and_the_guideline_in_full(site, browser, view):
    import yaml

    from conftest import ROOT

    data = yaml.safe_load((ROOT / "data" / "ohje.yml").read_text(encoding="utf-8"))["extra"]["ohje"]
    ctx = browser.new_context(locale="fi-FI", viewport=PHONE if view == "phone" else DESKTOP)
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
