"""Completion sheet in a real browser: filled from the quiz and the role helper, print, clear, no-JS, axe."""
from __future__ import annotations

from browser import axe_violations
from onboarding_pages import (  # noqa: F401 (nojs is a fixture)
    QUIZ, QUESTIONS, TOTAL, PATHS, open_quiz, open_roles, open_sheet, stored, wrong, answer,
    assert_clean, pdf_text, nojs, axe_without_scripts,
)


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
    page.locator("#suoritus-pvm").fill("2026-12-01")
    score = f"Oikeita vastauksia: {TOTAL - 2} / {TOTAL}."
    assert page.locator("[data-sheet-score]").inner_text() == score
    assert page.locator("[data-sheet-role]").inner_text().endswith("Kaupungin edustaja kaupungin työ- tai virkaprofiilissa")
    first = QUIZ["chapters"][0]
    assert page.locator(f'[data-sheet-chapter="{first["id"]}"] td').last.inner_text() == \
        f"{len(first['questions']) - 1} / {len(first['questions'])}"
    page.reload(wait_until="networkidle")
    assert page.locator("#suoritus-nimi").input_value() == "Maija Meikäläinen"
    assert page.locator("#suoritus-pvm").input_value() == "2026-12-01"
    assert axe_violations(page) == []

    page.get_by_role("button", name="Tulosta").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-banner",
                     ".md-tabs", "button", ".loimaa-no-print"]:
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("button:visible").count() == 0
    assert page.locator("#suoritus-nimi").is_visible()
    assert page.get_by_role("heading", level=1).is_visible()
    text = pdf_text(page, tmp_path)
    for words in ["Maija Meikäläinen", "Kirjastopalvelut", score, "Allekirjoitus ja nimenselvennys",
                  "Esihenkilö tai perehdyttäjä", "3.4. Muista tietoturva ja salassapito"]:
        assert words in text, words
    for nav in ["Tarkistuslistat", "Tietoa sivustosta", "Tyhjennä", "Tulosta", "Hae"]:
        assert nav not in text, nav
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
    page.reload(wait_until="networkidle")
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
