"""Saved answers under any name are safe: keys and values such as constructor, __proto__ and
toString never break a component (issue 13, point 7). Each component reads saved state through
own-property checks or Maps (loimaa.js Loimaa.own)."""
from __future__ import annotations

import pytest

from browser import saved
from onboarding_pages import QUESTIONS, ROLES, TOTAL, open_quiz, open_roles, open_sheet, visible_outcomes

pytestmark = pytest.mark.browser

NAMES = ["constructor", "__proto__", "toString"]



def clean(page):
    assert page.watch.console_errors == []


@pytest.mark.parametrize("name", NAMES)
def test_checklist(site, context, page, name):
    odd = {name: "ok", "toString": "na", "edustus-selkea": name}
    saved(context, {"checklist:ennen-julkaisua": {"version": 1, "value": {"items": odd, "fields": {name: name}}},
                    "checklist:uusi-profiili": {"version": 1, "value": {
                        name: {"items": {"selkea-tarkoitus": "ok"}}, "fields": {name: "x", "profiilin-nimi": name}}}})
    for path, total, word in [("ennen-julkaisua", 26, "käsitelty"), ("uusi-profiili", 13, "vahvistettu")]:
        page.goto(site.url + f"tarkistuslistat/{path}/", wait_until="load")
        progress = page.locator("[data-checklist-progress]")
        progress.wait_for()
        assert progress.inner_text() == f"0 / {total} kohtaa {word}"
        page.locator("article input[value=ok]").first.check()
        assert progress.inner_text() == f"1 / {total} kohtaa {word}"
    assert page.locator("#uusi-profiili-profiilin-nimi").input_value() == name
    clean(page)


@pytest.mark.parametrize("name", NAMES)
def test_role_helper(site, context, page, name):
    answers = {name: "yes", "toString": name}
    saved(context, {"role-helper": {"version": ROLES["version"], "value": {"answers": answers, "outcome": name}}})
    open_roles(page, site)
    assert page.locator("[data-role-helper-question]:visible").count() == 1
    assert visible_outcomes(page) == []
    page.locator("#rooli-tyotehtava-ei").check()
    page.locator("#rooli-oma-profiili-kylla").check()
    page.locator("#rooli-mainitsee-ei").check()
    assert visible_outcomes(page) == ["yksityinen"]
    clean(page)


@pytest.mark.parametrize("name", NAMES)
def test_quiz(site, context, page, name):
    saved(context, {"quiz": {"version": 1, "value": {"answers": {
        name: {"choice": "a", "correct": True}, "toString": name, QUESTIONS[0]["id"]: {"choice": name}}}}})
    open_quiz(page, site)
    assert page.locator("[data-quiz-progress]").inner_text() == f"Vastattu 0 / {TOTAL}, oikein 0."
    q = QUESTIONS[0]
    page.locator(f"#testi-{q['id']}-{q['answer']['value']}").check()
    page.locator(f"#testi-{q['id']} [data-quiz-check]").click()
    assert page.locator("[data-quiz-progress]").inner_text() == f"Vastattu 1 / {TOTAL}, oikein 1."
    clean(page)


@pytest.mark.parametrize("name", NAMES)
def test_completion_sheet(site, context, page, name):
    saved(context, {"completion-sheet": {"version": 1, "value": {name: name, "toString": "x", "name": name}},
                    "quiz": {"version": 1, "value": {"answers": {name: {"choice": "a", "correct": True}}}},
                    "role-helper": {"version": ROLES["version"], "value": {"answers": {}, "outcome": name}}})
    open_sheet(page, site)
    assert page.locator("#suoritus-nimi").input_value() == name
    assert "testiä ei ole tehty" in page.locator("[data-completion-sheet-score]").inner_text()
    role = page.locator("[data-completion-sheet-role]").inner_text()
    assert role.endswith("______________________") and "function" not in role and "native code" not in role
    page.locator("#suoritus-yksikko").fill("Kirjastopalvelut")
    page.reload(wait_until="load")
    assert page.locator("#suoritus-yksikko").input_value() == "Kirjastopalvelut"
    clean(page)
