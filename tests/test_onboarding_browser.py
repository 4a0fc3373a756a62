"""Onboarding in a real browser: role helper, quiz, completion sheet, storage, print, no-JS, axe."""
from __future__ import annotations

import json
import subprocess

import pytest

from browser import axe_violations
from conftest import ROOT
from macros import quiz as quiz_component
from macros import role_helper
from macros.guideline import Guideline, check_refs
# Our keys throw on every access (disabled or full storage); Material's own keys keep working.
from test_checklist_browser import THROWING_STORAGE

QUIZ = quiz_component.load_quiz(ROOT / "data" / "perehdytys" / "testi.yml")
ROLES = role_helper.load_roles(ROOT / "data" / "perehdytys" / "roolit.yml")
check_refs([*quiz_component.quiz_refs(QUIZ), *role_helper.role_refs(ROLES)], Guideline(ROOT / "docs"))   # fills the link titles
QUESTIONS = QUIZ["questions"]
TOTAL = len(QUESTIONS)
PATHS = role_helper.role_paths(ROLES)
PAGES = ["perehdytys/", "perehdytys/ohje-lyhyesti/", "perehdytys/roolisi/",
         "perehdytys/testaa-osaamisesi/", "perehdytys/suoritusmerkinta/"]


def open_page(page, site, path: str, ready: str):
    page.goto(site.url + path, wait_until="networkidle")
    page.locator(ready).first.wait_for()


def open_quiz(page, site):
    open_page(page, site, "perehdytys/testaa-osaamisesi/", "[data-quiz-progress]:visible")


def open_roles(page, site):
    open_page(page, site, "perehdytys/roolisi/", "form.loimaa-roles__form:visible")


def open_sheet(page, site):
    open_page(page, site, "perehdytys/suoritusmerkinta/", "[data-sheet-print]:visible")


def stored(page, key: str):
    raw = page.evaluate("k => localStorage.getItem(k)", "loimaa-ohje:" + key)
    return None if raw is None else json.loads(raw)


def wrong(q: dict) -> str:
    return next(o["value"] for o in q["options"] if not o["correct"])


def answer(page, q: dict, value: str):
    page.locator(f"#testi-{q['id']}-{value}").check()
    page.locator(f"#testi-{q['id']} [data-quiz-check]").click()


def progress(page) -> str:
    return page.locator("[data-quiz-progress]").inner_text()


def assert_clean(page):
    assert page.watch.console_errors == []
    assert page.watch.outside == []


def visible_outcomes(page) -> list[str]:
    return page.eval_on_selector_all("[data-role-outcome]", "els => els.filter(e => e.offsetParent !== null)"
                                     ".map(e => e.dataset.roleOutcome)")


# --- role helper ------------------------------------------------------------------------

def test_only_the_first_question_shows_at_first_and_nothing_is_stored(site, page):
    open_roles(page, site)
    assert page.locator("[data-role-question]:visible").count() == 1
    assert page.locator("#rooli-tyotehtava").is_visible()
    assert visible_outcomes(page) == []
    assert not page.locator(".loimaa-roles [data-nojs]").is_visible()
    assert [k for k in page.evaluate("Object.keys(localStorage)") if k.startswith("loimaa-ohje:")] == []
    assert axe_violations(page) == []
    assert_clean(page)


@pytest.mark.parametrize("outcome", [o["id"] for o in ROLES["outcomes"]])
def test_role_helper_reaches_each_outcome(site, page, outcome):
    title = next(o["title"] for o in ROLES["outcomes"] if o["id"] == outcome)
    for path in PATHS[outcome]:
        open_roles(page, site)
        page.get_by_role("button", name="Aloita alusta").click()
        for qid, yes in path:
            page.locator(f"#rooli-{qid}-{'kylla' if yes else 'ei'}").check()
        assert visible_outcomes(page) == [outcome]
        heading = page.locator(f"#tilanne-{outcome}-otsikko")
        assert heading.inner_text() == f"Tilanteesi: {title}"
        assert page.locator("[data-role-status]").inner_text().startswith(f"Tilanteesi: {title}.")
        assert page.locator("[data-role-question]:visible").count() == len(path)
        assert page.locator(f"#tilanne-{outcome} blockquote").first.is_visible()
        assert stored(page, "perehdytys-rooli")["value"] == {
            "answers": {q: "yes" if y else "no" for q, y in path}, "outcome": outcome}
    assert axe_violations(page) == []
    assert_clean(page)


def test_changing_an_earlier_answer_drops_the_later_ones_and_reset_clears(site, page):
    open_roles(page, site)
    page.locator("#rooli-tyotehtava-kylla").check()
    page.locator("#rooli-lupa-kylla").check()
    page.locator("#rooli-omalla-nimella-kylla").check()
    assert visible_outcomes(page) == ["asiantuntijaprofiili"]
    page.locator("#rooli-tyotehtava-ei").check()
    assert visible_outcomes(page) == []
    assert not page.locator("#rooli-lupa").is_visible()
    assert not page.locator("#rooli-lupa-kylla").is_checked()
    assert page.locator("#rooli-oma-profiili").is_visible()
    page.locator("#rooli-oma-profiili-ei").check()
    assert visible_outcomes(page) == ["ei-lupaa"]
    page.reload(wait_until="networkidle")
    assert visible_outcomes(page) == ["ei-lupaa"]
    assert page.locator("#rooli-tyotehtava-ei").is_checked()
    page.get_by_role("button", name="Aloita alusta").click()
    assert visible_outcomes(page) == []
    assert stored(page, "perehdytys-rooli") is None
    assert page.evaluate("document.activeElement.id") == "rooli-tyotehtava-kylla"
    assert_clean(page)


# --- quiz ---------------------------------------------------------------------------------

def test_scripted_run_scores_right_and_wrong_answers_and_shows_each_explanation(site, page):
    open_quiz(page, site)
    assert progress(page) == f"Vastattu 0 / {TOTAL}, oikein 0."
    assert not page.locator("[data-quiz-answer]").first.is_visible()     # no spoilers before answering
    plan = {q["id"]: i % 3 != 1 for i, q in enumerate(QUESTIONS)}      # every third answer wrong
    right = 0
    for n, q in enumerate(QUESTIONS, 1):
        ok = plan[q["id"]]
        answer(page, q, q["answer"]["value"] if ok else wrong(q))
        right += ok
        section = page.locator(f"#testi-{q['id']}")
        verdict = section.locator("[data-quiz-verdict]")
        assert verdict.inner_text().startswith("Oikein!" if ok else "Väärin.")
        assert page.evaluate("document.activeElement.hasAttribute('data-quiz-verdict')")
        details = section.locator("details")
        assert details.is_visible() and details.get_attribute("open") is not None
        assert section.locator(".loimaa-quiz__explanation").inner_text() == q["explanation"]
        assert q["quote"][-1] in section.locator("blockquote").inner_text()
        assert section.locator(".loimaa-onboarding__source a").inner_text() == q["link"]["title"]
        assert all(r.is_disabled() for r in section.locator("input[type=radio]").all())   # answer locked in
        if n < TOTAL:
            assert progress(page) == f"Vastattu {n} / {TOTAL}, oikein {right}."
            assert not page.locator("[data-quiz-result]").is_visible()
    expected = sum(plan.values())
    assert right == expected and 0 < expected < TOTAL
    result = page.locator("[data-quiz-result]")
    assert result.is_visible()
    assert result.locator("[data-quiz-score]").inner_text().startswith(f"{expected} / {TOTAL} oikein.")
    for c in QUIZ["chapters"]:
        ok = sum(plan[q] for q in c["questions"])
        assert result.locator(f'[data-quiz-chapter-result="{c["id"]}"]').inner_text() == \
            f"{c['title']}: {ok} / {len(c['questions'])} oikein"
    assert stored(page, "perehdytys-testi")["value"]["answers"][QUESTIONS[1]["id"]] == \
        {"choice": wrong(QUESTIONS[1]), "correct": False}
    assert axe_violations(page) == []
    result.get_by_role("button", name="Yritä uudelleen").click()
    assert progress(page) == f"Vastattu 0 / {TOTAL}, oikein 0."
    assert not result.is_visible()
    assert stored(page, "perehdytys-testi") is None
    assert_clean(page)


def test_checking_without_a_choice_asks_for_one(site, page):
    open_quiz(page, site)
    q = QUESTIONS[0]
    page.locator(f"#testi-{q['id']} [data-quiz-check]").click()
    assert page.locator(f"#testi-{q['id']} [data-quiz-verdict]").inner_text() == "Valitse ensin vastaus."
    assert progress(page) == f"Vastattu 0 / {TOTAL}, oikein 0."
    assert stored(page, "perehdytys-testi") is None
    assert_clean(page)


def test_progress_survives_reload_and_clears_with_the_button(site, page):
    open_quiz(page, site)
    answer(page, QUESTIONS[0], QUESTIONS[0]["answer"]["value"])
    answer(page, QUESTIONS[1], wrong(QUESTIONS[1]))
    answer(page, QUESTIONS[2], QUESTIONS[2]["answer"]["value"])
    page.reload(wait_until="networkidle")
    assert progress(page) == f"Vastattu 3 / {TOTAL}, oikein 2."
    assert page.locator(f"#testi-{QUESTIONS[1]['id']}-{wrong(QUESTIONS[1])}").is_checked()
    assert page.locator(f"#testi-{QUESTIONS[1]['id']} [data-quiz-verdict]").inner_text().startswith("Väärin.")
    assert page.locator(f"#testi-{QUESTIONS[0]['id']} details").is_visible()
    assert not page.locator(f"#testi-{QUESTIONS[3]['id']} details").is_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Tyhjennä vastaukset").click()
    assert progress(page) == f"Vastattu 0 / {TOTAL}, oikein 0."
    assert page.locator("[data-quiz-message]").inner_text() == "Vastaukset tyhjennetty."
    assert stored(page, "perehdytys-testi") is None
    assert not page.locator(f"#testi-{QUESTIONS[0]['id']}-a").is_checked()
    page.reload(wait_until="networkidle")
    assert progress(page) == f"Vastattu 0 / {TOTAL}, oikein 0."
    assert page.locator("input[type=radio]:checked").count() == 0
    assert_clean(page)


@pytest.mark.parametrize("value", [
    "{not json", '{"version": 1, "value": {"answers": ["a"]}}',
    '{"version": 1, "value": {"answers": {"whatsapp-ryhma": {"choice": "\\"]x"}}}}',
    '{"version": 99, "value": {"answers": {"whatsapp-ryhma": {"choice": "a", "correct": true}}}}',
], ids=["not-json", "wrong-shape", "bad-choice", "old-version"])
def test_corrupt_stored_data_is_ignored(site, context, page, value):
    context.add_init_script(f"""for (const k of ["perehdytys-testi", "perehdytys-rooli", "perehdytys-suoritus"])
        localStorage.setItem("loimaa-ohje:" + k, {json.dumps(value)});""")
    open_quiz(page, site)
    assert progress(page) == f"Vastattu 0 / {TOTAL}, oikein 0."
    open_roles(page, site)
    assert visible_outcomes(page) == []
    open_sheet(page, site)
    assert page.locator("#suoritus-nimi").input_value() == ""
    assert "testiä ei ole tehty" in page.locator("[data-sheet-score]").inner_text()
    assert_clean(page)


def test_storage_that_throws_never_breaks_the_pages(site, context, page):
    context.add_init_script(THROWING_STORAGE)
    open_quiz(page, site)
    assert page.locator(".loimaa-quiz [data-storage-note]").is_visible()
    answer(page, QUESTIONS[0], QUESTIONS[0]["answer"]["value"])
    assert progress(page) == f"Vastattu 1 / {TOTAL}, oikein 1."
    page.get_by_role("button", name="Tyhjennä vastaukset").click()
    assert progress(page) == f"Vastattu 0 / {TOTAL}, oikein 0."
    assert axe_violations(page) == []
    open_roles(page, site)
    page.locator("#rooli-tyotehtava-ei").check()
    page.locator("#rooli-oma-profiili-kylla").check()
    page.locator("#rooli-mainitsee-kylla").check()
    assert visible_outcomes(page) == ["yksityinen-mainitsee"]
    assert page.locator(".loimaa-roles [data-storage-note]").is_visible()
    open_sheet(page, site)
    page.locator("#suoritus-nimi").fill("Maija")
    assert page.locator(".loimaa-sheet [data-storage-note]").is_visible()
    assert axe_violations(page) == []
    assert_clean(page)


# --- completion sheet ----------------------------------------------------------------------------

def pdf_text(page, tmp_path) -> str:
    pdf = tmp_path / "suoritus.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


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


# --- without JavaScript ----------------------------------------------------------------------------

@pytest.fixture
def nojs(browser):
    ctx = browser.new_context(java_script_enabled=False, locale="fi-FI")
    page = ctx.new_page()
    yield page
    ctx.close()


def axe_without_scripts(browser, url: str) -> list[str]:
    """axe on the page as served, without the site's script files.

    axe cannot run in a context with JavaScript disabled (its promise never
    settles), so the script files are blocked instead. The inline script in
    <head> then gives up on the components after 3 s and falls back to the
    same HTML and CSS a reader without JavaScript gets.
    """
    ctx = browser.new_context(locale="fi-FI")
    try:
        ctx.route("**/*.js", lambda route: route.abort())
        page = ctx.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_function("!document.documentElement.classList.contains('loimaa-js')", timeout=10_000)
        return axe_violations(page)
    finally:
        ctx.close()


def test_without_javascript_quiz_questions_and_answers_open_from_details(site, browser, nojs):
    nojs.goto(site.url + "perehdytys/testaa-osaamisesi/")
    assert nojs.locator(".loimaa-quiz [data-nojs]").is_visible()
    assert nojs.locator("legend:visible").count() == TOTAL
    assert nojs.get_by_role("button", name="Tarkista vastaus").count() == 0
    for q in QUESTIONS:
        section = nojs.locator(f"#testi-{q['id']}")
        assert section.locator("legend").inner_text() == q["question"]
        assert not section.locator(".loimaa-quiz__explanation").is_visible()
        section.locator("summary").click()
        assert section.locator(".loimaa-quiz__right").inner_text() == \
            f"Oikea vastaus: {q['answer']['value']}) {q['answer']['text']}"
        assert section.locator(".loimaa-quiz__explanation").is_visible()
    nojs.locator(f"#testi-{QUESTIONS[0]['id']}-b").check()                 # the form itself still works
    assert axe_without_scripts(browser, nojs.url) == []


def test_without_javascript_role_helper_is_a_plain_list_of_situations(site, browser, nojs):
    nojs.goto(site.url + "perehdytys/roolisi/")
    assert not nojs.locator("form.loimaa-roles__form").is_visible()
    assert nojs.locator(".loimaa-roles [data-nojs]").is_visible()
    headings = nojs.locator(".loimaa-roles__outcome h2").all_inner_texts()
    assert headings == [o["title"] for o in ROLES["outcomes"]]
    assert nojs.locator(".loimaa-roles__when").first.is_visible()
    assert axe_without_scripts(browser, nojs.url) == []


def test_without_javascript_the_sheet_can_be_filled_by_hand(site, browser, nojs):
    nojs.goto(site.url + "perehdytys/suoritusmerkinta/")
    assert nojs.locator("#suoritus-nimi").is_visible()
    assert nojs.locator("[data-sheet-score]").inner_text() == f"Oikeita vastauksia: ______ / {TOTAL}"
    assert nojs.locator("[data-sheet-chapter]").count() == len(QUIZ["chapters"])
    assert nojs.locator(".loimaa-sheet__line").count() == 3
    assert axe_without_scripts(browser, nojs.url) == []


# --- every page, navigation, front page -------------------------------------------------------------

@pytest.mark.parametrize("path", PAGES)
def test_onboarding_pages_have_no_axe_violations_and_no_errors(site, page, path):
    page.goto(site.url + path, wait_until="networkidle")
    assert axe_violations(page) == []
    assert_clean(page)
    assert page.watch.failed == []


def test_front_page_quick_link_and_nav_lead_to_the_section(site, page):
    page.goto(site.url, wait_until="networkidle")
    page.get_by_role("link", name="Perehdytys: ohje noin vartissa").click()
    page.wait_for_url(site.url + "perehdytys/")
    nav = page.locator(".md-nav--primary")
    for title in ["Ohje lyhyesti", "Kumman roolissa toimit?", "Testaa osaamisesi", "Suoritusmerkintä"]:
        assert nav.locator("a.md-nav__link", has_text=title).count() == 1, title
    # Instant navigation to the quiz starts the component there too.
    page.get_by_role("link", name="Testaa osaamisesi").first.click()
    page.locator("[data-quiz-progress]:visible").wait_for()
    assert_clean(page)
