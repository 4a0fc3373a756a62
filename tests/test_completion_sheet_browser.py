"""Completion sheet in a real browser: filled from the quiz and the role helper, print, clear, no-JS, axe."""
from __future__ import annotations

import re
from datetime import datetime

import pytest

from browser import axe_violations
from layout import DESKTOP, PHONE, layout_problems
from sweep import printed_pages
from onboarding_pages import (
    QUIZ, QUESTIONS, TOTAL, PATHS, open_quiz, open_roles, open_sheet, stored, wrong, answer, progress,
    assert_clean, pdf_text, axe_without_scripts,
)
from pdftext import flat

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
    assert stored(page, "completion-sheet") is None          # the offered date is not stored
    page.locator("#suoritus-nimi").fill("Maija Meikäläinen")
    page.locator("#suoritus-yksikko").fill("Kirjastopalvelut")
    page.locator("#suoritus-pvm").fill("1.12.2026")
    score = f"Testi on tehty: oikein {TOTAL - 2} / {TOTAL}."
    assert page.locator("[data-completion-sheet-score]").inner_text() == score
    role = page.locator("[data-completion-sheet-role]").inner_text()
    assert role.endswith("Kaupungin edustaja kaupungin työ- tai virkaprofiilissa")
    first = QUIZ["chapters"][0]
    assert page.locator(f'[data-completion-sheet-chapter="{first["id"]}"] td').last.inner_text() == \
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
    # as text on paper
    assert page.locator("#suoritus-nimi + [data-completion-sheet-paper]").inner_text() == "Maija Meikäläinen"
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
    for key in ["completion-sheet", "quiz", "role-helper"]:
        assert stored(page, key) is None, key
    assert "testiä ei ole tehty" in page.locator("[data-completion-sheet-score]").inner_text()
    assert page.locator("[data-completion-sheet-role]").inner_text().endswith("______________________")
    assert axe_violations(page) == []
    assert_clean(page)


def test_unfinished_quiz_shows_as_unfinished_on_the_sheet(site, page):
    open_quiz(page, site)
    answer(page, QUESTIONS[0], QUESTIONS[0]["answer"]["value"])
    answer(page, QUESTIONS[1], wrong(QUESTIONS[1]))
    open_sheet(page, site)
    assert page.locator("[data-completion-sheet-score]").inner_text() == \
        f"Testi on kesken: vastattu 2 / {TOTAL}, vastaamatta {TOTAL - 2}. Oikein 1 / 2 vastatusta."
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
    assert nojs.locator("[data-completion-sheet-score]").inner_text() == f"Oikeita vastauksia: ______ / {TOTAL}"
    assert nojs.locator("[data-completion-sheet-chapter]").count() == len(QUIZ["chapters"])
    assert nojs.locator(".loimaa-completion-sheet__line").count() == 3
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
    assert "date" not in stored(page, "completion-sheet")["value"]
    page.clock.set_fixed_time(datetime(2026, 12, 2, 10))                  # the next day
    page.reload(wait_until="load")
    page.locator("[data-completion-sheet-print]").wait_for()
    assert page.locator("#suoritus-nimi").input_value() == "Maija Meikäläinen"
    assert page.locator("#suoritus-pvm").input_value() == "2.12.2026"   # today's, not the first visit's
    page.locator("#suoritus-pvm").fill("20.11.2026")
    page.clock.set_fixed_time(datetime(2026, 12, 3, 10))
    page.reload(wait_until="load")
    page.locator("[data-completion-sheet-print]").wait_for()
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
    page.evaluate("""() => { const key = Object.keys(localStorage).find(k => k.endsWith("completion-sheet"))
                             const saved = JSON.parse(localStorage.getItem(key))
                             saved.value.date = "2026-11-20"
                             localStorage.setItem(key, JSON.stringify(saved)) }""")
    page.reload(wait_until="load")
    page.locator("[data-completion-sheet-print]").wait_for()
    assert page.locator("#suoritus-pvm").input_value() == "20.11.2026"
    assert page.locator("#suoritus-nimi").input_value() == "Maija"


def chapter_cell(page, chapter: str):
    return page.locator(f'[data-completion-sheet-chapter="{chapter}"] [data-completion-sheet-chapter-score]')


def test_unanswered_questions_are_not_counted_as_wrong(site, page, tmp_path):
    """Walk 23 J3-1: one of a chapter's two questions answered (wrongly) showed "Oikein 0 / 2"."""
    open_quiz(page, site)
    shared = [c for c in QUIZ["chapters"] if len(c["questions"]) > 1]
    assert shared
    by_id = {q["id"]: q for q in QUESTIONS}
    for c in shared:                                            # the first question of each such chapter, wrong
        answer(page, by_id[c["questions"][0]], wrong(by_id[c["questions"][0]]))
    open_sheet(page, site)
    for c in shared:
        n = len(c["questions"])
        assert chapter_cell(page, c["id"]).inner_text() == f"0 / 1 vastatusta, vastaamatta {n - 1}", c["id"]
    untouched = [c for c in QUIZ["chapters"] if c not in shared]
    for c in untouched:
        assert chapter_cell(page, c["id"]).inner_text() == "", c["id"]       # blank, to fill by hand
    k = len(shared)
    score = f"Testi on kesken: vastattu {k} / {TOTAL}, vastaamatta {TOTAL - k}. Oikein 0 / {k} vastatusta."
    assert page.locator("[data-completion-sheet-score]").inner_text() == score
    done = page.locator(".loimaa-completion-sheet__done").inner_text()
    assert f"kun kaikkiin {TOTAL} kysymykseen on vastattu" in done
    page.emulate_media(media="print")
    text = flat(pdf_text(page, tmp_path))
    for words in [score, f"0 / 1 vastatusta, vastaamatta {len(shared[0]['questions']) - 1}", done]:
        assert flat(words) in text, words
    assert_clean(page)


def tries(page) -> str:
    return page.locator("[data-completion-sheet-tries]").inner_text()


def test_the_sheet_tells_first_tries_from_retries(site, page, tmp_path):
    """Walk 23 J3-2: all answered "c", the wrong ones answered again: the sheet said only "14 / 15"."""
    open_quiz(page, site)
    assert stored(page, "quiz") is None                 # nothing stored before the user acts
    for q in QUESTIONS:
        answer(page, q, "c")
    first_right = sum(q["answer"]["value"] == "c" for q in QUESTIONS)
    retried = [q for q in QUESTIONS if q["answer"]["value"] != "c"][:3]
    for q in retried:
        page.locator(f"#testi-{q['id']}").get_by_role("button", name="Vastaa uudelleen").click()
        answer(page, q, q["answer"]["value"])
    # Right first, then changed to wrong: still right on the first try, not right now.
    turned = next(q for q in QUESTIONS if q["answer"]["value"] == "c")
    page.locator(f"#testi-{turned['id']}").get_by_role("button", name="Vastaa uudelleen").click()
    answer(page, turned, wrong(turned))
    page.reload(wait_until="load")                                   # kept across reloads
    open_sheet(page, site)
    right = first_right - 1 + len(retried)
    assert page.locator("[data-completion-sheet-score]").inner_text() == f"Testi on tehty: oikein {right} / {TOTAL}."
    line = f"Oikein ensimmäisellä yrityksellä {first_right} / {TOTAL}, uudelleen vastaamalla {len(retried)}."
    assert tries(page) == line
    page.emulate_media(media="print")
    assert flat(line) in flat(pdf_text(page, tmp_path))
    page.emulate_media(media="screen")

    # A cleared quiz starts fresh; undo brings the first tries back.
    open_quiz(page, site)
    page.get_by_role("button", name="Tyhjennä vastaukset").click()
    q = retried[0]
    answer(page, q, q["answer"]["value"])
    assert stored(page, "quiz")["value"]["answers"][q["id"]]["first"] is True
    open_sheet(page, site)
    assert tries(page) == f"Oikein ensimmäisellä yrityksellä 1 / {TOTAL}, uudelleen vastaamalla 0."
    open_quiz(page, site)
    page.get_by_role("button", name="Tyhjennä vastaukset").click()
    page.get_by_role("button", name="Peru").click()
    assert stored(page, "quiz")["value"]["answers"][q["id"]]["first"] is True
    assert_clean(page)


def test_answers_saved_before_first_tries_were_recorded_still_show(site, page):
    """Answers saved by the earlier quiz have no "first": the page works and says what is not known."""
    open_quiz(page, site)
    for q in QUESTIONS[:2]:
        answer(page, q, q["answer"]["value"])
    page.evaluate("""() => { const key = Object.keys(localStorage).find(k => k.endsWith("quiz"))
                             const saved = JSON.parse(localStorage.getItem(key))
                             for (const a of Object.values(saved.value.answers)) delete a.first
                             saved.value.answers.junk = {choice: "a", correct: true, first: "yes"}
                             localStorage.setItem(key, JSON.stringify(saved)) }""")
    open_sheet(page, site)
    assert tries(page) == (f"Oikein ensimmäisellä yrityksellä 0 / {TOTAL}, uudelleen vastaamalla 0 "
                           "(2 vastauksesta ei tiedetä, monennellako yrityksellä se annettiin).")
    open_quiz(page, site)
    q = QUESTIONS[0]
    page.locator(f"#testi-{q['id']}").get_by_role("button", name="Vastaa uudelleen").click()
    answer(page, q, q["answer"]["value"])
    assert "first" not in stored(page, "quiz")["value"]["answers"][q["id"]]   # unknown stays unknown
    assert progress(page).startswith(f"Vastattu 2 / {TOTAL}")
    assert_clean(page)


# Days that do not exist, and dates written the English way: none is taken as a date.
BAD_DATES = ["31.2.2026", "29.2.2027", "31.4.2026", "0.1.2026", "1.13.2026", "2/28/2026", "28.2.26", "huomenna"]
GOOD_DATES = ["29.2.2028", "1.1.2026", "31.12.2026", "05.03.2026"]


@pytest.mark.parametrize("bad", BAD_DATES)
def test_a_date_that_is_no_real_day_is_flagged_and_never_printed(site, context, page, tmp_path, bad):
    """Walk 23 J3-3: "31.2.2026" was taken and printed."""
    context.add_init_script("window.print = () => { window.__printed = true; };")
    open_sheet(page, site)
    field = page.locator("#suoritus-pvm")
    error = page.locator("#suoritus-pvm-virhe")
    assert field.get_attribute("aria-invalid") is None and error.inner_text() == ""   # today's date is fine
    field.fill(bad)
    field.press("Tab")
    assert field.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("role") == "alert"                                    # announced
    # A day that does not exist is written right: the message says so, not the format (walk 23 N6).
    no_such_day = re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", bad) is not None
    assert error.inner_text().startswith("Päivämäärä ei kelpaa: sellaista päivää ei ole." if no_such_day
                                         else "Päivämäärä ei kelpaa. Kirjoita se muodossa p.k.vvvv")
    assert error.get_attribute("id") in field.get_attribute("aria-describedby").split()
    page.get_by_role("button", name="Tulosta").click()
    assert page.evaluate("window.__printed") is None                                 # the button says why instead
    assert page.evaluate("document.activeElement.id") == "suoritus-pvm"
    page.reload(wait_until="load")                                                    # kept, and still flagged
    page.locator("[data-completion-sheet-print]").wait_for()
    assert field.input_value() == bad and field.get_attribute("aria-invalid") == "true"
    page.emulate_media(media="print")                                                 # Ctrl+P: no date on paper
    text = pdf_text(page, tmp_path)
    assert bad not in text and "Päivämäärä ei kelpaa" not in text
    page.emulate_media(media="screen")
    field.fill(GOOD_DATES[0])                                                          # put right: clear at once
    assert field.get_attribute("aria-invalid") is None and error.inner_text() == ""
    assert_clean(page)


def test_real_dates_are_taken(site, page):
    open_sheet(page, site)
    field = page.locator("#suoritus-pvm")
    for good in [*GOOD_DATES, ""]:
        field.fill(good)
        field.press("Tab")
        assert field.get_attribute("aria-invalid") is None, good
        assert page.locator("#suoritus-pvm-virhe").inner_text() == "", good
        assert page.locator("#suoritus-pvm + [data-completion-sheet-paper]").text_content() == good
