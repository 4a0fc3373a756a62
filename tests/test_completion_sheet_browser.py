"""Completion sheet in a real browser: filled from the quiz and the role helper, print, clear, no-JS, axe."""
from __future__ import annotations

import re
from datetime import datetime

import pytest

from browser import axe_violations
from layout import DESKTOP, PHONE, layout_problems
from sweep import printed_pages
from test_pdf import flat
from onboarding_pages import (
    QUIZ, QUESTIONS, TOTAL, PATHS, open_quiz, open_roles, open_sheet, stored, wrong, answer,
    assert_clean, pdf_text, axe_without_scripts,
)

pytestmark = pytest.mark.browser


def test_completion_sheet_shows_name_score_role_and_prints_without_navigation(site, context, page, tmp_path):
    context.add_init_script("window.print = () => { window.__printed = true; };")
    open_quiz(page, site)
    for i, q in enumerate(QUESTIONS):
        answer(page, q, wrong(q) if i in (0, 5) else q["answer"]["value"])
    open_roles(page, site)
    for qid, yes in PATHS["virkaprofiili"][0]:
        page.locator(f"#rooli-{qid}-{'kylla' if yes else 'ei'}").check()
    open_sheet(page, site)
    assert stored(page, "perehdytys-suoritus") is None          # the offered date is not stored
    page.locator("#suoritus-nimi").fill("Maija Meikäläinen")
    page.locator("#suoritus-yksikko").fill("Kirjastopalvelut")
    page.locator("#suoritus-pvm").fill("1.12.2026")
    score = f"Oikeita vastauksia: {TOTAL - 2} / {TOTAL}."
    assert page.locator("[data-sheet-score]").inner_text() == score
    role = page.locator("[data-sheet-role]").inner_text()
    assert role.endswith("Kaupungin edustaja kaupungin työ- tai virkaprofiilissa")
    first = QUIZ["chapters"][0]
    assert page.locator(f'[data-sheet-chapter="{first["id"]}"] td').last.inner_text() == \
        f"{len(first['questions']) - 1} / {len(first['questions'])}"
    page.reload(wait_until="load")
    assert page.locator("#suoritus-nimi").input_value() == "Maija Meikäläinen"
    assert page.locator("#suoritus-pvm").input_value() == "1.12.2026"
    assert axe_violations(page) == []

    page.get_by_role("button", name="Tulosta").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-banner",
                     ".md-tabs", "button", ".loimaa-no-print"]:
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("button:visible").count() == 0
    assert page.locator("#suoritus-nimi + [data-sheet-paper]").inner_text() == "Maija Meikäläinen"   # as text on paper
    assert page.get_by_role("heading", level=1).is_visible()
    text = pdf_text(page, tmp_path)
    for words in ["Maija Meikäläinen", "Kirjastopalvelut", score, "Allekirjoitus ja nimenselvennys",
                  "Esihenkilö tai perehdyttäjä", "3.4. Muista tietoturva ja salassapito"]:
        assert words in text, words
    # As words: the printed foot says "Tulostettu" (test_print_status_browser.py).
    for nav in ["Tarkistuslistat", "Tietoa sivustosta", "Tyhjennä", "Tulosta", "Hae"]:
        assert not re.search(rf"\b{nav}\b", text), nav
    page.emulate_media(media="screen")

    page.get_by_role("button", name="Tyhjennä perehdytyksen tiedot").click()
    assert page.locator("#suoritus-nimi").input_value() == ""
    for key in ["perehdytys-suoritus", "perehdytys-testi", "perehdytys-rooli"]:
        assert stored(page, key) is None, key
    assert "testiä ei ole tehty" in page.locator("[data-sheet-score]").inner_text()
    assert page.locator("[data-sheet-role]").inner_text().endswith("______________________")
    assert axe_violations(page) == []
    assert_clean(page)


def test_unfinished_quiz_shows_as_unfinished_on_the_sheet(site, page):
    open_quiz(page, site)
    answer(page, QUESTIONS[0], QUESTIONS[0]["answer"]["value"])
    answer(page, QUESTIONS[1], wrong(QUESTIONS[1]))
    open_sheet(page, site)
    assert page.locator("[data-sheet-score]").inner_text() == f"Testi on kesken: vastattu 2 / {TOTAL}, oikein 1."
    assert_clean(page)


def test_typed_name_is_shown_as_text_never_as_html(site, page):
    open_sheet(page, site)
    page.locator("#suoritus-nimi").fill("<img src=x onerror=alert(1)>")
    page.reload(wait_until="load")
    assert page.locator("#suoritus-nimi").input_value() == "<img src=x onerror=alert(1)>"
    assert page.locator("img[src=x]").count() == 0
    assert_clean(page)


def test_without_javascript_the_sheet_can_be_filled_by_hand(site, browser, nojs):
    nojs.goto(site.url + "perehdytys/suoritusmerkinta/")
    assert nojs.locator("#suoritus-nimi").is_visible()
    assert nojs.locator("[data-sheet-score]").inner_text() == f"Oikeita vastauksia: ______ / {TOTAL}"
    assert nojs.locator("[data-sheet-chapter]").count() == len(QUIZ["chapters"])
    assert nojs.locator(".loimaa-sheet__line").count() == 3
    assert axe_without_scripts(browser, nojs.url) == []


LONG_NAME = "Maija-Liisa Annikki Korhonen-Virtanen-Äijälä"
LONG_UNIT = ("Sivistyspalvelut, varhaiskasvatus ja perusopetus: Hirvikosken koulun ja päiväkodin "
             "yhteinen oppilas- ja opiskelijahuolto")


@pytest.fixture
def en_page(browser):
    """A browser whose locale writes dates as 12/1/2026: the sheet must not print that."""
    ctx = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    ctx.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    yield page
    ctx.close()


def test_offered_date_is_todays_until_changed_and_prints_as_finnish_date(site, en_page, tmp_path):
    page = en_page
    page.clock.set_fixed_time(datetime(2026, 12, 1, 10))
    open_sheet(page, site)
    assert page.locator("#suoritus-pvm").input_value() == "1.12.2026"
    page.locator("#suoritus-nimi").fill("Maija Meikäläinen")
    assert "date" not in stored(page, "perehdytys-suoritus")["value"]
    page.clock.set_fixed_time(datetime(2026, 12, 2, 10))                  # the next day
    page.reload(wait_until="load")
    page.locator("[data-sheet-print]").wait_for()
    assert page.locator("#suoritus-nimi").input_value() == "Maija Meikäläinen"
    assert page.locator("#suoritus-pvm").input_value() == "2.12.2026"   # today's, not the first visit's
    page.locator("#suoritus-pvm").fill("20.11.2026")
    page.clock.set_fixed_time(datetime(2026, 12, 3, 10))
    page.reload(wait_until="load")
    page.locator("[data-sheet-print]").wait_for()
    assert page.locator("#suoritus-pvm").input_value() == "20.11.2026"   # the user's own date stays
    page.emulate_media(media="print")
    text = pdf_text(page, tmp_path)
    assert "20.11.2026" in text
    assert "11/20/2026" not in text and "2026-11-20" not in text
    assert page.errors == []


def test_sheet_filled_with_long_text_prints_on_one_a4_page(site, page, tmp_path):
    open_quiz(page, site)
    for i, q in enumerate(QUESTIONS):
        answer(page, q, wrong(q) if i % 4 == 0 else q["answer"]["value"])
    open_roles(page, site)
    for qid, yes in PATHS["yksityinen-mainitsee"][0]:                   # the longest situation title
        page.locator(f"#rooli-{qid}-{'kylla' if yes else 'ei'}").check()
    open_sheet(page, site)
    page.locator("#suoritus-nimi").fill(LONG_NAME)
    page.locator("#suoritus-yksikko").fill(LONG_UNIT)
    page.emulate_media(media="print")
    sheets = printed_pages(page.pdf(format="A4"), tmp_path)
    assert len(sheets) == 1, [s[-80:] for s in sheets]
    for words in [LONG_NAME, LONG_UNIT, "Allekirjoitus ja nimenselvennys", "Paikka ja aika"]:   # nothing cut
        assert flat(words) in sheets[0], words
    # The date's format hint is for typing it in; on paper the label is the word alone.
    assert page.locator("label[for=suoritus-pvm]").inner_text().strip() == "Päivämäärä"
    assert flat("p.k.vvvv") not in sheets[0]
    assert_clean(page)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360", "1280"])
def test_sheet_layout_filled_in(site, page, size):
    page.set_viewport_size(size)
    open_quiz(page, site)
    for q in QUESTIONS:
        answer(page, q, q["answer"]["value"])
    open_sheet(page, site)
    page.locator("#suoritus-nimi").fill(LONG_NAME)
    page.locator("#suoritus-yksikko").fill(LONG_UNIT)
    assert layout_problems(page) == []
    assert axe_violations(page) == []
    assert_clean(page)


def test_a_date_saved_by_the_earlier_date_control_shows_in_finnish(site, page):
    open_sheet(page, site)
    page.locator("#suoritus-nimi").fill("Maija")
    page.evaluate("""() => { const key = Object.keys(localStorage).find(k => k.endsWith("perehdytys-suoritus"))
                             const saved = JSON.parse(localStorage.getItem(key))
                             saved.value.date = "2026-11-20"
                             localStorage.setItem(key, JSON.stringify(saved)) }""")
    page.reload(wait_until="load")
    page.locator("[data-sheet-print]").wait_for()
    assert page.locator("#suoritus-pvm").input_value() == "20.11.2026"
    assert page.locator("#suoritus-nimi").input_value() == "Maija"
