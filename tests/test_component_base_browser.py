"""The components' shared base (loimaa.js, Loimaa.Component) in a real browser (issue 25, points 1 and 4).

- No listener outlives its page view: instant navigation swaps the page without unloading it, so a
  `storage` listener left on window by a checklist piles up with each visit (checklist.js did that).
- Saved answers survive the storage keys' renaming to the components' names: an answer under the
  old key is moved once (Loimaa.storage.renamed), never over a newer one; a clear made before the
  renaming is undone under the new key.
"""
from __future__ import annotations

import json

import pytest

from browser import STARTED, goto_instant, settle
from conftest import ROOT
from macros.checklist import load_checklists, script_config
from macros.site_data import load_site_data
from onboarding_pages import (PATHS, QUESTIONS, QUIZ, ROLES, TOTAL, open_quiz, open_roles, open_sheet, progress,
                              stored, visible_outcomes, wrong)

pytestmark = pytest.mark.browser

CHECKLISTS = load_checklists(ROOT / "data" / "tarkistuslistat")
PROFILE = CHECKLISTS["uusi-profiili"]

# Every window listener of the page, live ones only: add and remove are counted per (type, fn, capture).
COUNT_LISTENERS = """(() => {
  const live = new Map();
  const id = (type, fn, options) =>
    type + "|" + (typeof options === "boolean" ? options : !!(options && options.capture));
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, options) {
    if (this === window && fn) {
      const fns = live.get(id(type, fn, options)) || new Set();
      fns.add(fn);
      live.set(id(type, fn, options), fns);
    }
    return add.call(this, type, fn, options);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, options) {
    if (this === window && live.has(id(type, fn, options))) live.get(id(type, fn, options)).delete(fn);
    return remove.call(this, type, fn, options);
  };
  window.__listeners = (type) => [...live.entries()]
    .filter(([key]) => key.startsWith(type + "|")).reduce((n, [, fns]) => n + fns.size, 0);
})();"""


def storage_listeners(page) -> int:
    return page.evaluate("window.__listeners('storage')")


def test_no_storage_listener_outlives_its_page_view(site, context, page):
    context.add_init_script(COUNT_LISTENERS)
    goto_instant(page, site.url + "ohjeistus/todelliset-tarpeet/")
    page.evaluate("window.__same_document = true")
    away = storage_listeners(page)   # Material's own, if any
    on_checklist = None
    for visit in range(5):
        page.get_by_role("link", name="tarkistuslistalla ennen profiilin perustamista").click()
        page.wait_for_url("**/tarkistuslistat/uusi-profiili/")
        page.wait_for_function(STARTED)
        page.locator("[data-checklist-progress]").wait_for()
        settle(page)
        here = storage_listeners(page)
        assert here > away, "the checklist follows other tabs' changes"
        on_checklist = here if on_checklist is None else on_checklist
        assert here == on_checklist, f"visit {visit + 1}: {here} storage listeners, on the first {on_checklist}"
        page.get_by_role("link", name="Lue ohjeen kohta 3.2: 1. Tavoitteet ja ylläpitäjä").click()
        page.wait_for_url("**/ohjeistus/todelliset-tarpeet/#tavoitteet-ja-yllapitaja")
        page.locator("article h1", has_text="3.2.").wait_for()
        settle(page)
        assert storage_listeners(page) == away, f"visit {visit + 1}: listeners left behind on the guideline page"
    assert page.evaluate("window.__same_document === true")  # every move was instant navigation
    # The checklist still follows another tab after all that: one answer saved elsewhere shows here.
    page.get_by_role("link", name="tarkistuslistalla ennen profiilin perustamista").click()
    page.locator("[data-checklist-progress]").wait_for()
    other = context.new_page()
    other.goto(site.url + "tarkistuslistat/uusi-profiili/", wait_until="load")
    other.wait_for_function(STARTED)
    other.locator("article input[value=ok]").first.check()
    expect = f"1 / {PROFILE['item_count']} kohtaa {PROFILE['progress']}"
    page.wait_for_function("t => document.querySelector('[data-checklist-progress]').innerText === t", arg=expect)
    assert page.watch.console_errors == []


def seed(context, values: dict):
    """localStorage before the first page: {key: raw value}."""
    script = "".join(f"localStorage.setItem({json.dumps('loimaa-ohje:' + key)}, {json.dumps(value)});"
                     for key, value in values.items())
    context.add_init_script(
        f"if (!sessionStorage.getItem('seeded')) {{ {script} sessionStorage.setItem('seeded', '1'); }}")


def keys(page) -> list[str]:
    return sorted(k for k in page.evaluate("Object.keys(localStorage)") if k.startswith("loimaa-ohje:"))


@pytest.mark.parametrize("checklist_id", list(CHECKLISTS))
def test_checklist_answers_under_the_old_key_are_moved_once(site, context, page, checklist_id):
    cl = CHECKLISTS[checklist_id]
    first = cl["groups"][0]["items"][0]["id"]
    old = json.dumps({"version": cl["version"], "value": {"items": {first: "ok"}, "fields": {}}})
    seed(context, {checklist_id: old})
    page.goto(site.url + f"tarkistuslistat/{checklist_id}/", wait_until="load")
    page.wait_for_function(STARTED)
    assert page.locator("[data-checklist-progress]").inner_text().startswith(f"1 / {cl['item_count']} ")
    assert page.locator(f"#{checklist_id}-{first}").is_checked()
    key = script_config(cl)["key"]
    assert keys(page) == ["loimaa-ohje:" + key]
    assert page.evaluate("k => localStorage.getItem(k)", "loimaa-ohje:" + key) == old
    assert page.watch.console_errors == []


def test_a_newer_answer_is_not_overwritten_by_the_old_key(site, context, page):
    first, second = [i["id"] for i in PROFILE["groups"][0]["items"][:2]]
    value = {"version": PROFILE["version"], "value": {"items": {second: "ok"}, "fields": {}}}
    seed(context, {"uusi-profiili": json.dumps({"version": PROFILE["version"], "value": {"items": {first: "ok"}}}),
                   "checklist:uusi-profiili": json.dumps(value)})
    page.goto(site.url + "tarkistuslistat/uusi-profiili/", wait_until="load")
    page.wait_for_function(STARTED)
    assert not page.locator(f"#uusi-profiili-{first}").is_checked()
    assert page.locator(f"#uusi-profiili-{second}").is_checked()
    assert keys(page) == ["loimaa-ohje:checklist:uusi-profiili"]


def test_role_helper_answers_under_the_old_key_are_moved_once(site, context, page):
    outcome = ROLES["outcomes"][-1]["id"]
    path = PATHS[outcome][0]
    value = {"answers": {q: "yes" if yes else "no" for q, yes in path}, "outcome": outcome}
    seed(context, {"perehdytys-rooli": json.dumps({"version": ROLES["version"], "value": value})})
    open_roles(page, site)
    assert visible_outcomes(page) == [outcome]
    assert keys(page) == ["loimaa-ohje:role-helper"]
    assert stored(page, "role-helper")["value"] == value
    page.reload(wait_until="load")   # once: the next load finds nothing to move and the same answers
    page.wait_for_function(STARTED)
    assert visible_outcomes(page) == [outcome]
    assert page.watch.console_errors == []


def test_quiz_answers_under_the_old_key_are_moved_once(site, context, page):
    version = load_site_data(ROOT / "data" / "ohje.yml")["document"]["version"]
    right, missed = QUESTIONS[0], QUESTIONS[-1]
    value = {"answers": {
        right["id"]: {"choice": right["answer"]["value"], "correct": True, "first": True, "ohje": version},
        missed["id"]: {"choice": wrong(missed), "correct": False, "first": False, "ohje": version}}}
    seed(context, {"perehdytys-testi": json.dumps({"version": QUIZ["version"], "value": value})})
    open_quiz(page, site)
    assert progress(page) == f"Vastattu 2 / {TOTAL}, oikein 1."
    assert page.locator(f"#testi-{missed['id']}-{wrong(missed)}").is_checked()
    assert keys(page) == ["loimaa-ohje:quiz"]
    assert stored(page, "quiz")["value"] == value
    page.reload(wait_until="load")   # once: the next load finds nothing to move and the same answers
    page.wait_for_function(STARTED)
    assert progress(page) == f"Vastattu 2 / {TOTAL}, oikein 1."
    assert page.watch.console_errors == []


def test_completion_sheet_fields_under_the_old_key_are_moved_once(site, context, page):
    value = {"name": "Maija Meikäläinen", "unit": "Kirjasto", "date": "1.12.2026"}
    seed(context, {"perehdytys-suoritus": json.dumps({"version": 1, "value": value})})
    open_sheet(page, site)
    fields = {"name": "#suoritus-nimi", "unit": "#suoritus-yksikko", "date": "#suoritus-pvm"}
    assert {k: page.locator(f).input_value() for k, f in fields.items()} == value
    assert keys(page) == ["loimaa-ohje:completion-sheet"]
    assert stored(page, "completion-sheet")["value"] == value
    page.reload(wait_until="load")   # once: the next load finds nothing to move and the same fields
    page.wait_for_function(STARTED)
    assert {k: page.locator(f).input_value() for k, f in fields.items()} == value
    assert page.watch.console_errors == []


def test_a_clear_made_before_the_renaming_is_undone_under_the_new_key(site, context, page):
    """A tab whose quiz was cleared before the upgrade: its undo record (sessionStorage) holds the
    answers under the old key, and localStorage holds nothing to move. "Peru" brings them back
    where the quiz reads them, whether or not this tab or another moved anything."""
    version = load_site_data(ROOT / "data" / "ohje.yml")["document"]["version"]
    right = QUESTIONS[0]
    value = {"answers": {right["id"]: {"choice": right["answer"]["value"], "correct": True, "first": True,
                                        "ohje": version}}}
    record = {"quiz": {"message": "Vastaukset tyhjennetty.",
                       "saved": {"perehdytys-testi": json.dumps({"version": QUIZ["version"], "value": value})}}}
    undo = f"sessionStorage.setItem('loimaa-ohje:undo', {json.dumps(json.dumps(record))});"
    context.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ {undo} sessionStorage.setItem('seeded', 1); }}")
    open_quiz(page, site)
    assert progress(page) == f"Vastattu 0 / {TOTAL}, oikein 0."
    page.locator("[data-quiz-undo]").click()
    page.wait_for_function("t => document.querySelector('[data-quiz-progress]').innerText === t",
                           arg=f"Vastattu 1 / {TOTAL}, oikein 1.")
    assert keys(page) == ["loimaa-ohje:quiz"]
    assert stored(page, "quiz")["value"] == value
    page.reload(wait_until="load")
    page.wait_for_function(STARTED)
    assert progress(page) == f"Vastattu 1 / {TOTAL}, oikein 1."
    assert page.watch.console_errors == []
