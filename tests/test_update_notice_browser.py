"""Staff learn that the rules changed (issue 26, point 5), tested with fixture versions (point 7).

A copied project: 2026 approved and stored, then the 2027 draft of tests/version_fixtures.py (a
major change in 3.4, a minor one in 3.5) approved and stored. Saved answers made against 2026
(or saved before answers carried a version) make the completion sheet and the onboarding's front
page say "Ohje on päivittynyt suorituksesi jälkeen", linking to 2027 in "Muutoshistoria", and the
quiz marks the questions of 3.4 to answer again. A fresh user sees none of it, and nothing is
stored before they act. The real guideline's pages are never edited.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
import yaml

from browser import axe_violations, saved, settle
from conftest import SUBPATH, served
from harness import copy_project, mkdocs_build
from onboarding_pages import QUESTIONS, TOTAL, open_quiz, open_sheet, stored, wrong
from project_copies import APPROVED, set_dates
from version_fixtures import APPROVED_2027, CHANGES, MAJOR_NOTE, approve, make_draft

pytestmark = pytest.mark.browser

TITLE = "Ohje on päivittynyt suorituksesi jälkeen"
FRONT = "perehdytys/"
HISTORY = "muutoshistoria/"
# The fixture's major change: the sections whose questions are to be answered again.
MAJOR = [c for c in yaml.safe_load(CHANGES) if c["kind"] == "major"]
CHANGED_SECTIONS = {s for c in MAJOR for s in c["sections"]}
CHANGED = [q for q in QUESTIONS if q["chapter"] in CHANGED_SECTIONS]


@pytest.fixture(scope="module")
def site_2027(tmp_path_factory):
    """The fixture site where 2026 and 2027 are approved (no PDF), served under the sub-path."""
    project = copy_project(tmp_path_factory.mktemp("update-notice") / "p")
    set_dates(project, APPROVED)
    assert approve(project).returncode == 0
    make_draft(project)
    set_dates(project, APPROVED_2027)
    result = approve(project)
    assert result.returncode == 0, result.stderr
    dest = tmp_path_factory.mktemp("update-notice-site") / "site"
    built = mkdocs_build(project, dest, f"http://127.0.0.1:8000{SUBPATH}", PDF="0")
    assert built.returncode == 0, built.stderr
    with served(dest) as url:
        yield SimpleNamespace(url=url, dir=dest)


def answers(version: str | None, wrong_ids: tuple[str, ...] = ()) -> dict:
    """Every question answered (right unless in wrong_ids), as quiz.js saves them; version: the
    guideline version each holds for (None: saved before answers carried one)."""
    found = {}
    for q in QUESTIONS:
        right = q["id"] not in wrong_ids
        value = q["answer"]["value"] if right else next(o["value"] for o in q["options"] if not o["correct"])
        found[q["id"]] = {"choice": value, "correct": right, "first": right} | ({"ohje": version} if version else {})
    return {"quiz": {"version": 1, "value": {"answers": found}}}


def notice(page):
    return page.locator(".loimaa-update-notice__notice:visible")


def open_front(page, site):
    page.goto(site.url + FRONT, wait_until="load")
    page.locator("[data-module='update-notice'][data-module-started]").wait_for(state="attached")
    settle(page)


# "2026": answered against it; None: saved before versions were recorded (read as the first
# baseline, 2026).
@pytest.mark.parametrize("version", ["2026", None], ids=["2026", "no-version"])
def test_the_sheet_and_the_front_page_say_the_rules_changed_and_link_to_the_change(site_2027, context, page,
                                                                                  version):
    saved(context, answers(version))
    for opened in (lambda: open_sheet(page, site_2027), lambda: open_front(page, site_2027)):
        opened()
        shown = notice(page)
        assert shown.count() == 1
        text = re.sub(r"\s+", " ", shown.inner_text())
        assert text.startswith(TITLE) and "Teit perehdytyksen ohjeen version 2026 mukaan." in text
        assert f"versio 2027, kohta {', '.join(MAJOR[0]['sections'])}: {MAJOR_NOTE}" in text
        link = shown.get_by_role("link", name="Katso muutokset muutoshistoriasta (versio 2027)")
        assert link.get_attribute("href").endswith(HISTORY + "#versio-2027")
        assert shown.get_by_role("link", name="Vastaa muuttuneisiin kysymyksiin uudelleen").get_attribute(
            "href").endswith("testaa-osaamisesi/#muuttuneet")
        assert axe_violations(page) == []
    assert page.watch.console_errors == []
    # The link lands on 2027's heading in the history, with its major change under it.
    link.click()
    page.wait_for_url(re.compile(HISTORY + "#versio-2027$"))
    heading = page.locator("#versio-2027")
    assert heading.inner_text().startswith("Versio 2027")
    assert MAJOR_NOTE in page.locator("section[aria-labelledby='versio-2027']").inner_text()


# "2028": a version this site does not know (a newer draft's, seen on the same origin); 17 and
# "luonnos": not a version. Only an answer with no version at all is read as the first baseline.
@pytest.mark.parametrize("version", ["2028", 17, "luonnos"], ids=["unknown", "number", "garbage"])
def test_an_answer_with_a_version_this_site_does_not_know_brings_no_notice(site_2027, context, page, version):
    saved(context, answers(version))
    open_sheet(page, site_2027)
    assert notice(page).count() == 0
    assert page.locator("[data-update-notice-record]").inner_text() == "2027"
    open_front(page, site_2027)
    assert notice(page).count() == 0
    open_quiz(page, site_2027)
    assert page.locator("[data-quiz-changed]:visible, [data-quiz-update]:visible").count() == 0
    assert page.watch.console_errors == []


def test_the_front_pages_link_lands_on_the_quizs_notice_which_lists_what_changed(site_2027, context, page):
    saved(context, answers("2026"))
    open_front(page, site_2027)
    front = [re.sub(r"\s+", " ", li) for li in notice(page).locator("li").all_inner_texts()]
    assert front == [f"versio 2027, kohta {', '.join(c['sections'])}: {c['note']}" for c in MAJOR]
    notice(page).get_by_role("link", name="Vastaa muuttuneisiin kysymyksiin uudelleen").click()
    page.wait_for_url(re.compile(r"testaa-osaamisesi/#muuttuneet$"))
    update = page.locator("[data-quiz-update]")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'muuttuneet'")
    assert update.is_visible() and update.inner_text().startswith(TITLE)
    box = update.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"] / 2   # in view, near the top
    assert [re.sub(r"\s+", " ", li) for li in update.locator("li:visible").all_inner_texts()] == front
    assert axe_violations(page) == []
    assert page.watch.console_errors == []


def test_the_sheet_records_the_version_it_was_completed_against(site_2027, context, page):
    saved(context, answers("2026"))
    open_sheet(page, site_2027)
    version = page.locator("[data-update-notice-record]")
    assert version.inner_text() == "2026"
    page.emulate_media(media="print")
    assert version.is_visible() and notice(page).count() == 1   # on paper too, for the supervisor


def test_the_quiz_marks_the_changed_questions_and_answering_them_again_ends_the_notice(site_2027, context, page):
    assert CHANGED and len(CHANGED) < TOTAL
    saved(context, answers("2026"))
    open_quiz(page, site_2027)
    marked = page.locator(".loimaa-quiz__question:has([data-quiz-changed]:visible)")
    marked.first.wait_for()
    assert [s.get_attribute("data-quiz-question") for s in marked.all()] == [q["id"] for q in CHANGED]
    for q in CHANGED:
        assert page.locator(f"#testi-{q['id']} [data-quiz-changed]").inner_text() == \
            f"Muuttunut: ohjeen kohta {q['chapter']} on muuttunut vastauksesi jälkeen. Vastaa uudelleen."
    update = page.locator("[data-quiz-update]")
    assert update.is_visible() and update.inner_text().startswith(TITLE)
    assert f"{len(CHANGED)} kysymyksen ohjeen kohta on muuttunut" in update.inner_text()
    assert update.get_by_role("link").get_attribute("href").endswith(HISTORY + "#versio-2027")
    assert axe_violations(page) == []
    assert stored(page, "quiz") == answers("2026")["quiz"]   # nothing written by looking

    update.get_by_role("button", name="Vastaa muuttuneisiin uudelleen").click()
    first = page.locator(f"#testi-{CHANGED[0]['id']} fieldset input").first
    page.wait_for_function("el => document.activeElement && document.activeElement.name === el",
                           arg=CHANGED[0]["id"])
    assert first.is_enabled()
    for q in QUESTIONS:   # only the changed ones are open again, with no answer chosen
        assert page.locator(f"#testi-{q['id']} fieldset input").first.is_enabled() == (q in CHANGED), q["id"]
        assert (page.locator(f"#testi-{q['id']} fieldset input:checked").count() == 0) == (q in CHANGED), q["id"]
    # The first answer against the changed rules is a new first try: wrong, then right, counts as a retry.
    retried = CHANGED[0]
    page.locator(f"#testi-{retried['id']}-{wrong(retried)}").check()
    page.locator(f"#testi-{retried['id']} [data-quiz-check]").click()
    page.locator(f"#testi-{retried['id']} [data-quiz-again]").click()
    for i, q in enumerate(CHANGED):
        page.locator(f"#testi-{q['id']}-{q['answer']['value']}").check()
        page.locator(f"#testi-{q['id']} [data-quiz-check]").click()
        page.locator(f"#testi-{q['id']} [data-quiz-verdict]:visible").wait_for()
        assert (update.is_visible()) == (i < len(CHANGED) - 1)
    assert marked.count() == 0
    saved_now = stored(page, "quiz")["value"]["answers"]
    assert {a["ohje"] for a in saved_now.values()} == {"2027"}   # every answer holds for 2027 now

    open_sheet(page, site_2027)
    assert page.locator("[data-update-notice-record]").inner_text() == "2027"
    assert notice(page).count() == 0
    assert page.locator("[data-completion-sheet-tries]").inner_text() == \
        f"Oikein ensimmäisellä yrityksellä {TOTAL - 1} / {TOTAL}, uudelleen vastaamalla 1."
    assert page.watch.console_errors == []


def test_answers_made_against_the_version_in_force_bring_no_notice(site_2027, context, page):
    saved(context, answers("2027"))
    open_sheet(page, site_2027)
    assert page.locator("[data-update-notice-record]").inner_text() == "2027"
    assert notice(page).count() == 0
    open_quiz(page, site_2027)
    assert page.locator("[data-quiz-changed]:visible, [data-quiz-update]:visible").count() == 0


def test_a_fresh_user_sees_no_notice_and_nothing_is_stored_before_acting(site_2027, page):
    open_front(page, site_2027)
    assert notice(page).count() == 0
    open_quiz(page, site_2027)
    assert page.locator("[data-quiz-changed]:visible, [data-quiz-update]:visible").count() == 0
    open_sheet(page, site_2027)
    assert notice(page).count() == 0
    assert page.locator("[data-update-notice-record]").inner_text() == "2027"   # the version shown, for paper
    assert page.evaluate("Object.keys(localStorage)") == []
    assert axe_violations(page) == []
    assert page.watch.console_errors == []


def test_the_sheet_names_the_version_shown_without_javascript(site_2027, nojs):
    nojs.goto(site_2027.url + "perehdytys/suoritusmerkinta/")
    assert nojs.locator(".loimaa-update-notice__version").inner_text() == \
        "Ohjeen versio, jonka mukaan perehdytys on tehty: 2027"
    assert nojs.locator(".loimaa-update-notice__notice:visible, [data-quiz-update]:visible").count() == 0

