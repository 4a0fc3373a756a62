"""Quiz in a real browser: checking answers, score, storage, no-JS, axe."""
from __future__ import annotations

from browser import axe_violations
from onboarding_pages import (  # noqa: F401 (nojs is a fixture)
    QUIZ, QUESTIONS, TOTAL, open_quiz, stored, wrong, answer, progress, assert_clean, nojs,
    axe_without_scripts,
)


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
