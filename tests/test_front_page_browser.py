"""The front page as a city employee first sees it on a phone, and as a way into the guideline."""
from __future__ import annotations

import re

import pytest

from browser import settle
from layout import PHONE

pytestmark = pytest.mark.browser

TASKS = ["tarkistuslistat/uusi-profiili/", "tarkistuslistat/ennen-julkaisua/", "perehdytys/"]
NUMBERS = ["1.", "2.", "3.", "3.1.", "3.2.", "3.3.", "3.4.", "3.5.", "3.6."]


def test_the_three_tasks_fit_the_first_screen_of_a_phone(site, browser):
    ctx = browser.new_context(locale="fi-FI", viewport=PHONE, is_mobile=True)
    page = ctx.new_page()
    page.goto(site.url, wait_until="load")
    settle(page)
    for path in TASKS:
        card = page.locator(f".loimaa-tasks li:has(a[href$='{path}'])")
        box = card.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], (path, box)
    ctx.close()


def test_the_contents_list_links_every_chapter_and_section(site, page):
    page.goto(site.url, wait_until="load")
    links = page.eval_on_selector_all("h2#ohjeen-sisalto + nav > ul a", "els => els.map(a => [a.textContent, a.href])")
    assert [text.split()[0] for text, _ in links] == NUMBERS
    for text, href in links:
        page.goto(href, wait_until="load")
        assert page.locator("article h1").inner_text().startswith(text.split()[0] + " "), (text, href)


def test_the_pdf_is_a_plain_secondary_link_after_the_ways_in(site, page):
    page.goto(site.url, wait_until="load")
    pdfs = page.locator("article a[type='application/pdf']")  # the official PDF, the checklists' PDF
    assert pdfs.count() == 2
    assert all("md-button" not in (pdf.get_attribute("class") or "") for pdf in pdfs.all())
    order = page.evaluate("""() => [...document.querySelectorAll(
        "article .loimaa-tasks, article h2, article a[type='application/pdf']")]
      .map(e => e.matches("a") ? "pdf" : e.id || "tasks")""")
    assert order.index("pdf") > order.index("tasks") and order.index("pdf") > order.index("ohjeen-sisalto")


def test_the_draft_status_is_said_once(site, page):
    page.goto(site.url, wait_until="load")
    text = page.locator("body").inner_text()
    assert len(re.findall("luonnos", text, re.IGNORECASE)) == 1, text
    # Each body's status once, in the table; the footer of the front page does not repeat it.
    assert text.count("ei vielä hyväksytty") == page.locator("article table tbody tr").count() == 3
    page.goto(site.url + "ohjeistus/roolisi/", wait_until="load")
    assert "Johtoryhmä ei vielä hyväksytty" in page.locator(".md-footer").inner_text()


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "desktop"])
def test_footer_links_start_on_the_footer_texts_left_edge(site, browser, viewport):
    ctx = browser.new_context(locale="fi-FI", viewport=viewport)
    page = ctx.new_page()
    for path in ["", "ohjeistus/roolisi/"]:
        page.goto(site.url + path, wait_until="load")
        text = page.locator(".loimaa-footer__title").bounding_box()["x"]
        link = page.locator(".loimaa-footer__links a").first.bounding_box()["x"]
        assert abs(link - text) < 1, (path, link, text)
    ctx.close()
