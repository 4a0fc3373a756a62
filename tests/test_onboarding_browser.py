"""The onboarding section in a real browser: all three components with corrupt or blocked
storage, every page, navigation."""
from __future__ import annotations

import json

import pytest

from browser import axe_violations
from onboarding_pages import (
    QUESTIONS, TOTAL, PAGES, open_quiz, open_roles, open_sheet, answer, progress,
    assert_clean, visible_outcomes,
)
from checklist_pages import THROWING_STORAGE
# Our keys throw on every access (disabled or full storage); Material's own keys keep working.

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("value", [
    "{not json", '{"version": 1, "value": {"answers": ["a"]}}',
    '{"version": 1, "value": {"answers": {"whatsapp-ryhma": {"choice": "\\"]x"}}}}',
    '{"version": 99, "value": {"answers": {"whatsapp-ryhma": {"choice": "a", "correct": true}}}}',
], ids=["not-json", "wrong-shape", "bad-choice", "old-version"])
def test_corrupt_stored_data_is_ignored(site, context, page, value):
    context.add_init_script(f"""for (const k of ["quiz", "role-helper", "completion-sheet"])
        localStorage.setItem("loimaa-ohje:" + k, {json.dumps(value)});""")
    open_quiz(page, site)
    assert progress(page) == f"Vastattu 0 / {TOTAL}, oikein 0."
    open_roles(page, site)
    assert visible_outcomes(page) == []
    open_sheet(page, site)
    assert page.locator("#suoritus-nimi").input_value() == ""
    assert "testiä ei ole tehty" in page.locator("[data-completion-sheet-score]").inner_text()
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
    assert page.locator(".loimaa-role-helper [data-storage-note]").is_visible()
    open_sheet(page, site)
    page.locator("#suoritus-nimi").fill("Maija")
    assert page.locator(".loimaa-completion-sheet [data-storage-note]").is_visible()
    assert axe_violations(page) == []
    assert_clean(page)


@pytest.mark.parametrize("path", PAGES)
def test_onboarding_pages_have_no_axe_violations_and_no_errors(site, page, path):
    page.goto(site.url + path, wait_until="load")
    assert axe_violations(page) == []
    assert_clean(page)
    assert page.watch.failed == []


def test_front_page_quick_link_and_nav_lead_to_the_section(site, page):
    page.goto(site.url, wait_until="load")
    page.get_by_role("link", name="Perehdytys: ohje noin vartissa").click()
    page.wait_for_url(site.url + "perehdytys/")
    nav = page.locator(".md-nav--primary")
    for title in ["Ohje lyhyesti", "Kumman roolissa toimit?", "Testaa osaamisesi", "Suoritusmerkintä"]:
        assert nav.locator("a.md-nav__link", has_text=title).count() == 1, title
    # Instant navigation to the quiz starts the component there too.
    page.get_by_role("link", name="Testaa osaamisesi").first.click()
    page.locator("[data-quiz-progress]:visible").wait_for()
    assert_clean(page)
