"""Every printout carries its status: any page printed from the browser, the completion sheet
and the 3.2 summary show at the foot of every sheet the document's title, version and status
("Luonnos", or "Hyväksytty" with the dates from data/ohje.yml), the page's address and the
print date, with the page number (loimaa.css @page, docs/assets/javascripts/print-status.js,
the line in overrides/main.html). Read from the PDF Chromium prints, as the user gets it."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest

from conftest import ROOT, served
from harness import copy_project, mkdocs_build
from onboarding_pages import open_sheet
from sweep import PRINT_BODY, PRINT_FOOT, printed_pages
from checklist_pages import PROFILE, fill_profile, open_list, url
from project_copies import APPROVED, SITE_URL, set_dates

from macros.site_data import load_site_data

pytestmark = pytest.mark.browser

OHJE = load_site_data(ROOT / "data" / "ohje.yml")
STATES = ["draft", "approved"]


def status(dates: dict[str, str]) -> str:
    """The status line as data/ohje.yml with these approval dates makes it."""
    approvals = [(a["body"], dates.get(a["body"])) for a in OHJE["approvals"]]
    head = f"{OHJE['city']['name']} · {OHJE['document']['title']}, versio {OHJE['document']['version']}"
    if not all(d for _, d in approvals):
        return f"{head} · Luonnos"
    return f"{head} · Hyväksytty: " + ", ".join(f"{body} {d}" for body, d in approvals)


DATA_STATUS = status({a["body"]: a["date"] for a in OHJE["approvals"]})


def finnish(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def foot(line: str, address: str, day: str, sheet: int, sheets: int) -> str:
    """A sheet's foot as pdftotext reads it: the status line, the source, the page number."""
    return f"{line} Tulostettu {day} osoitteesta {address} {sheet}/{sheets}"


def wrong_feet(feet: list[str], line: str, address: str, day: str | None = None) -> list[str]:
    """The feet that are not exactly what the user should see (printed today or, if the run
    crossed midnight, yesterday), each with its sheet number."""
    days = [day] if day else [finnish(date.today()), finnish(date.today() - timedelta(days=1))]
    return [f"{n}: {text}" for n, text in enumerate(feet, 1)
            if text not in [foot(line, address, d, n, len(feet)) for d in days]]


def printed(page, tmp_path) -> tuple[list[str], list[str]]:
    """The page printed on A4 as the browser prints it: the text area and the foot of each sheet."""
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    return printed_pages(pdf, tmp_path, PRINT_BODY), printed_pages(pdf, tmp_path, PRINT_FOOT)


@pytest.fixture(scope="module")
def approved(tmp_path_factory):
    """The project with every approval date set (test_pdf_build.APPROVED), built and served."""
    assert set(APPROVED) == {a["body"] for a in OHJE["approvals"]}
    project = copy_project(tmp_path_factory.mktemp("approved") / "p")
    set_dates(project, APPROVED)
    result = mkdocs_build(project, project / "site", SITE_URL, PDF="0")
    assert result.returncode == 0, result.stdout + result.stderr
    with served(project / "site") as address:
        yield SimpleNamespace(url=address)


@pytest.fixture(params=STATES)
def state(request, site):
    """(the served site, its status line): data/ohje.yml as it is (a draft until the city has
    filled in every date) and the approved copy."""
    if request.param == "draft":
        return site, DATA_STATUS
    return request.getfixturevalue("approved"), status(APPROVED)


# --- every page of the site -------------------------------------------------------------------

def test_every_printed_sheet_of_every_page_carries_status_address_date_and_page_number(site, sweep):
    wrong = {u: wrong_feet(sweep.desktop[u]["print_feet"], DATA_STATUS, u) for u in site.pages}
    assert {u: w for u, w in wrong.items() if w} == {}


def test_the_status_is_not_printed_over_or_into_the_text(site, sweep):
    """The text area holds none of the foot (printed once, in the margin, nothing overlapping)."""
    found = [(u, n) for u in site.pages for n, text in enumerate(sweep.desktop[u]["printed"], 1)
             if DATA_STATUS in text or "Tulostettu" in text]
    assert found == []


# --- draft and approved: a guideline page, the completion sheet, the 3.2 summary -----------------

def test_guideline_page_prints_its_status(state, page, tmp_path):
    served_site, line = state
    address = served_site.url + "ohjeistus/roolisi/"
    page.goto(address, wait_until="load")
    body, feet = printed(page, tmp_path)
    assert len(feet) > 1  # more than one sheet: the line repeats on each
    assert wrong_feet(feet, line, address) == []
    assert not any("Hyväksytty" in text or "Luonnos" in text for text in body)


def test_completion_sheet_prints_its_status_on_its_one_page(state, context, page, tmp_path):
    served_site, line = state
    context.add_init_script("window.print = () => { window.__printed = true; };")
    open_sheet(page, served_site)
    page.locator("#suoritus-nimi").fill("Maija Meikäläinen")
    page.get_by_role("button", name="Tulosta").click()
    assert page.evaluate("window.__printed") is True
    body, feet = printed(page, tmp_path)
    assert len(feet) == 1 and "Maija Meikäläinen" in body[0]
    assert wrong_feet(feet, line, served_site.url + "perehdytys/suoritusmerkinta/") == []


def test_printed_3_2_summary_carries_the_status(state, context, page, tmp_path):
    served_site, line = state
    context.add_init_script("window.print = () => {};")
    open_list(page, url(served_site, PROFILE))
    fill_profile(page)
    page.get_by_role("button", name="Tulosta yhteenveto").click()
    body, feet = printed(page, tmp_path)
    assert len(feet) == 1 and "Yhteenveto viestinnälle" in body[0] and "Loimaan kirjasto" in body[0]
    assert wrong_feet(feet, line, url(served_site, PROFILE)) == []


def test_without_javascript_the_status_prints_at_the_end(state, nojs, tmp_path):
    """No script: no address or date, but the status line ends the printed text."""
    served_site, line = state
    nojs.goto(served_site.url + "ohjeistus/tietoturva/", wait_until="load")
    body, feet = printed(nojs, tmp_path)
    assert body[-1].endswith(line)
    assert feet == [f"{n}/{len(feet)}" for n in range(1, len(feet) + 1)]


# --- the parts the script adds ----------------------------------------------------------------

def test_without_page_margin_boxes_the_line_prints_at_the_end_too(site, context, page, tmp_path):
    """A browser that does not draw @page margin boxes (Firefox, Safari) gets the line in the text."""
    context.add_init_script("delete window.CSSMarginRule")
    page.goto(site.url + "ohjeistus/tietoturva/", wait_until="load")
    body, _ = printed(page, tmp_path)
    assert body[-1].endswith(DATA_STATUS)


def test_address_follows_instant_navigation_without_search_highlight_or_anchor(site, context, page, tmp_path):
    """The line is current as soon as a page is shown, not only at beforeprint (which Chromium
    sends for page.pdf() too, so it is held back here)."""
    from browser import goto_instant

    context.add_init_script("window.addEventListener('beforeprint', e => e.stopImmediatePropagation())")
    goto_instant(page, site.url + "?h=salasana#ohjeen-tila")
    page.evaluate("window.__same_document = true")
    assert wrong_feet(printed(page, tmp_path)[1], DATA_STATUS, site.url) == []
    page.emulate_media(media="screen")
    page.locator("article a[href*='ohjeistus/tietoturva/']").first.click()
    page.wait_for_url("**/ohjeistus/tietoturva/")
    page.locator("article h1", has_text="3.4.").wait_for()
    assert page.evaluate("window.__same_document === true")  # instant navigation, no reload
    assert wrong_feet(printed(page, tmp_path)[1], DATA_STATUS, site.url + "ohjeistus/tietoturva/") == []


def test_the_date_is_the_day_of_printing(site, page, tmp_path):
    page.clock.set_fixed_time(datetime(2026, 12, 31, 23, 59))
    page.goto(site.url + "tietosuoja/", wait_until="load")
    page.clock.set_fixed_time(datetime(2027, 1, 1, 0, 1))  # the page stayed open past midnight
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert wrong_feet(printed(page, tmp_path)[1], DATA_STATUS, site.url + "tietosuoja/", "1.1.2027") == []


def test_quotes_backslashes_and_line_breaks_in_the_status_print_as_text(site, page, tmp_path):
    page.goto(site.url + "tietosuoja/", wait_until="load")
    page.evaluate("""() => {
        document.querySelector('[data-print-status]').textContent = 'Ohje "A" \\\\ B\\nC'
        window.dispatchEvent(new Event('beforeprint'))
    }""")
    feet = printed(page, tmp_path)[1]
    assert re.fullmatch(r'Ohje "A" \\ B C Tulostettu \S+ osoitteesta \S+ 1/\d+', feet[0]), feet


@pytest.mark.parametrize("days_after_due, late", [(0, False), (1, True), (400, True)])
def test_a_sheet_printed_after_the_review_day_says_the_review_is_late(site, page, tmp_path, days_after_due, late):
    """The site may have been built before the review day; a sheet printed after it says so."""
    due = OHJE["document"]["next_review"]
    day, month, year = (int(n) for n in due.split("."))
    when = date(year, month, day) + timedelta(days=days_after_due)
    page.clock.set_fixed_time(datetime(when.year, when.month, when.day, 12, 0))
    page.goto(site.url + "tietosuoja/", wait_until="load")
    line = DATA_STATUS + (f" · tarkistus on myöhässä: se piti tehdä {due} mennessä" if late else "")
    assert wrong_feet(printed(page, tmp_path)[1], line, site.url + "tietosuoja/", finnish(when)) == []
