"""Quiz in a real browser: checking answers, score, result, storage, two tabs, layout, no-JS, axe."""
from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from conftest import ROOT
from macros.guideline import quote_lines
from macros.site_data import load_site_data
from browser import axe_violations, in_front
from layout import DESKTOP, PHONE, layout_problems
from onboarding_pages import (
    QUIZ, QUESTIONS, TOTAL, open_quiz, stored, wrong, answer, progress, assert_clean,
)

pytestmark = pytest.mark.browser
# The guideline version each saved answer holds for: the version the site shows (issue 26, point 5).
VERSION = load_site_data(ROOT / "data" / "ohje.yml")["document"]["version"]


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
        focus = "data-quiz-verdict" if n < TOTAL else "data-quiz-result"     # the last answer shows the result
        assert page.evaluate(f"document.activeElement.hasAttribute('{focus}')")
        details = section.locator("details")
        assert details.is_visible() and details.get_attribute("open") is not None
        assert section.locator(".loimaa-quiz__explanation").inner_text() == q["explanation"]
        assert quote_lines(q["quote"])[-1] in section.locator("blockquote").inner_text()
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
        n = len(c["questions"])
        # Reads as Finnish: the chapter's title as it is, then the score ("…media? (oikein 1 / 1)").
        assert result.locator(f'[data-quiz-chapter-result="{c["id"]}"]').inner_text() == \
            f"{c['title']} (oikein {ok} / {n}{': kertaa tämä kohta' if ok < n else ''})"
    assert "?:" not in result.inner_text()
    assert stored(page, "quiz")["value"]["answers"][QUESTIONS[1]["id"]] == \
        {"choice": wrong(QUESTIONS[1]), "correct": False, "first": False, "ohje": VERSION}
    assert axe_violations(page) == []
    # One reset, and it clears what was saved.
    assert page.locator(".loimaa-quiz").get_by_role("button", name=re.compile("Yritä uudelleen|Tyhjennä")).count() == 1
    page.get_by_role("button", name="Tyhjennä vastaukset").click()
    assert progress(page) == f"Vastattu 0 / {TOTAL}, oikein 0."
    assert not result.is_visible()
    assert stored(page, "quiz") is None
    assert_clean(page)


def answer_all(page, wrong_ones=(), start=0):
    for i, q in enumerate(QUESTIONS[start:], start):
        answer(page, q, wrong(q) if i in wrong_ones else q["answer"]["value"])


def test_result_is_focused_in_view_links_wrong_chapters_and_leads_to_the_sheet(site, page):
    page.set_viewport_size(PHONE)
    open_quiz(page, site)
    answer_all(page, wrong_ones=(0, 5))
    result = page.locator("[data-quiz-result]")
    result.wait_for()
    assert page.evaluate("document.activeElement.hasAttribute('data-quiz-result')")
    heading = result.get_by_role("heading", name="Tuloksesi").bounding_box()
    header = page.locator(".md-header").bounding_box()
    # Its heading and score are on the screen, below the sticky header.
    assert header["y"] + header["height"] <= heading["y"] < PHONE["height"] - 150, (header, heading)
    wrong_chapters = {QUESTIONS[0]["chapter"], QUESTIONS[5]["chapter"]}
    links = {c["id"]: result.locator(f'[data-quiz-chapter-result="{c["id"]}"] a') for c in QUIZ["chapters"]}
    assert {cid for cid, a in links.items() if "kertaa" in a.locator("xpath=..").inner_text()} == wrong_chapters
    targets = {cid: urljoin(page.url, links[cid].get_attribute("href")) for cid in wrong_chapters}
    sheet = result.get_by_role("link", name="Siirry suoritusmerkintään")
    assert sheet.is_visible()
    sheet_url = urljoin(page.url, sheet.get_attribute("href"))
    for cid, url in targets.items():        # each link opens the chapter's own section of the guideline
        page.goto(url, wait_until="load")
        assert page.get_by_role("heading", level=1).inner_text().startswith(f"{cid}. "), url
    page.goto(sheet_url, wait_until="load")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Perehdytyksen suoritusmerkintä")
    assert page.locator("[data-completion-sheet-score]").inner_text() == \
        f"Testi on tehty: oikein {TOTAL - 2} / {TOTAL}."
    assert_clean(page)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360", "1280"])
def test_quiz_layout_when_half_answered_and_finished(site, page, size):
    page.set_viewport_size(size)
    open_quiz(page, site)
    for q in QUESTIONS[:3]:
        answer(page, q, wrong(q))
    assert layout_problems(page) == []
    answer_all(page, start=3)
    page.locator("[data-quiz-result]").wait_for()
    assert layout_problems(page) == []
    assert axe_violations(page) == []
    assert_clean(page)


def test_two_tabs_share_answers_without_losing_either(site, context, page):
    other = context.new_page()
    open_quiz(page, site)
    open_quiz(other, site)
    a, b, c = QUESTIONS[0], QUESTIONS[1], QUESTIONS[2]
    answer(in_front(page), a, a["answer"]["value"])
    # The answer from the first tab appears in the second, through the storage event.
    other.locator(f"#testi-{a['id']}-{a['answer']['value']}:checked").wait_for()
    assert other.locator(f"#testi-{a['id']} [data-quiz-verdict]").inner_text().startswith("Oikein!")
    answer(in_front(other), b, wrong(b))
    page.locator(f"#testi-{b['id']}-{wrong(b)}:checked").wait_for()
    answer(in_front(page), c, c["answer"]["value"])
    other.locator(f"#testi-{c['id']}-{c['answer']['value']}:checked").wait_for()
    for tab in (page, other):
        assert progress(tab) == f"Vastattu 3 / {TOTAL}, oikein 2."
    assert set(stored(page, "quiz")["value"]["answers"]) == {a["id"], b["id"], c["id"]}
    # Clearing in one tab clears the other.
    in_front(page).get_by_role("button", name="Tyhjennä vastaukset").click()
    other.locator("[data-quiz-progress]", has_text=f"Vastattu 0 / {TOTAL}").wait_for()
    assert other.locator("input[type=radio]:checked").count() == 0
    # A tab that has not yet heard of another's answer (its storage event held back) keeps it when it saves.
    other.add_init_script("window.addEventListener('storage', e => e.stopImmediatePropagation())")
    open_quiz(other, site)
    answer(in_front(page), a, a["answer"]["value"])
    # The answer reaches the other tab's storage a moment later, event or no event (Chromium syncs the tabs'
    # storage asynchronously; a clean run saw the other tab save before it had arrived): wait for it there.
    other.wait_for_function("([key, id]) => (localStorage.getItem(key) || '').includes(id)",
                            arg=["loimaa-ohje:quiz", a["id"]])
    assert progress(other) == f"Vastattu 0 / {TOTAL}, oikein 0."
    answer(in_front(other), b, wrong(b))
    assert set(stored(page, "quiz")["value"]["answers"]) == {a["id"], b["id"]}
    assert_clean(page)
    other.close()


def test_a_question_can_be_answered_again_on_its_own(site, page):
    """Issue 23: a checked answer was locked; only "Tyhjennä vastaukset" (all of them) let one try again."""
    open_quiz(page, site)
    first, second = QUESTIONS[0], QUESTIONS[1]
    answer(page, first, wrong(first))
    answer(page, second, second["answer"]["value"])
    section = page.locator(f"#testi-{first['id']}")
    again = section.get_by_role("button", name="Vastaa uudelleen")
    assert page.get_by_role("button", name="Vastaa uudelleen").count() == 2   # one per answered question
    again.click()
    # Open again, the earlier choice still chosen and focused, nothing of the verdict left.
    chosen = section.locator(f"#testi-{first['id']}-{wrong(first)}")
    assert chosen.is_enabled() and chosen.is_checked()
    assert page.evaluate("document.activeElement.id") == f"testi-{first['id']}-{wrong(first)}"
    assert not section.locator("[data-quiz-verdict]").is_visible()
    assert not again.is_visible() and section.get_by_role("button", name="Tarkista vastaus").is_visible()
    assert progress(page) == f"Vastattu 1 / {TOTAL}, oikein 1."
    # The other answer is untouched.
    assert page.locator(f"#testi-{second['id']} [data-quiz-verdict]").inner_text().startswith("Oikein!")
    # Nothing is lost by opening it: the saved answer stays until a new one is checked.
    assert stored(page, "quiz")["value"]["answers"][first["id"]]["choice"] == wrong(first)
    page.reload(wait_until="load")
    open_quiz(page, site)
    assert section.locator("[data-quiz-verdict]").inner_text().startswith("Väärin.")
    again.click()
    answer(page, first, first["answer"]["value"])
    assert section.locator("[data-quiz-verdict]").inner_text().startswith("Oikein!")
    assert progress(page) == f"Vastattu 2 / {TOTAL}, oikein 2."
    assert stored(page, "quiz")["value"]["answers"][first["id"]] == \
        {"choice": first["answer"]["value"], "correct": True, "first": False, "ohje": VERSION}   # right on the retry
    assert axe_violations(page) == []
    assert_clean(page)


def test_a_wrong_answer_can_be_put_right_after_the_result(site, page):
    open_quiz(page, site)
    answer_all(page, wrong_ones=(4,))
    score = page.locator("[data-quiz-score]")
    assert score.inner_text().startswith(f"{TOTAL - 1} / {TOTAL} oikein.")
    q = QUESTIONS[4]
    page.locator(f"#testi-{q['id']}").get_by_role("button", name="Vastaa uudelleen").click()
    assert not page.locator("[data-quiz-result]").is_visible()
    assert progress(page) == f"Vastattu {TOTAL - 1} / {TOTAL}, oikein {TOTAL - 1}."
    answer(page, q, q["answer"]["value"])
    assert score.inner_text() == f"{TOTAL} / {TOTAL} oikein. Hienoa, kaikki oikein!"
    assert page.evaluate("document.activeElement.hasAttribute('data-quiz-result')")
    assert_clean(page)
