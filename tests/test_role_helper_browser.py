"""Role helper in a real browser: one question at a time, the matching situation, storage, no-JS, axe."""
from __future__ import annotations

import pytest

from browser import axe_violations
from layout import DESKTOP, PHONE, layout_problems
from onboarding_pages import (
    ROLES, PATHS, open_roles, stored, assert_clean, visible_outcomes, axe_without_scripts,
)

pytestmark = pytest.mark.browser


def test_only_the_first_question_shows_at_first_and_nothing_is_stored(site, page):
    open_roles(page, site)
    assert page.locator("[data-role-helper-question]:visible").count() == 1
    assert page.locator("#rooli-tyotehtava").is_visible()
    assert visible_outcomes(page) == []
    assert not page.locator(".loimaa-role-helper [data-nojs]").is_visible()
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
        # The next Tab stop after the last answer is in the result, not "Aloita alusta" (issue 23 walk).
        page.locator(f"#rooli-{qid}-{'kylla' if yes else 'ei'}").focus()
        page.keyboard.press("Tab")
        assert page.evaluate(f"!!document.activeElement.closest('#tilanne-{outcome}')"), \
            page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
        heading = page.locator(f"#tilanne-{outcome}-otsikko")
        assert heading.inner_text() == f"Tilanteesi: {title}"
        assert page.locator("[data-role-helper-status]").inner_text().startswith(f"Tilanteesi: {title}.")
        assert page.locator("[data-role-helper-question]:visible").count() == len(path)
        assert page.locator(f"#tilanne-{outcome} blockquote").first.is_visible()
        # The path the user took, as one plain sentence: no list of one.
        section = page.locator(f"#tilanne-{outcome}")
        assert section.locator(".loimaa-role-helper__when:visible").all_inner_texts() == [
            f"Kun vastaat: {path_text(path)}"]
        assert section.locator("li:visible", has_text="?").count() == 0
        assert stored(page, "role-helper")["value"] == {
            "answers": {q: "yes" if y else "no" for q, y in path}, "outcome": outcome}
    assert axe_violations(page) == []
    assert_clean(page)


def test_changing_an_earlier_answer_drops_the_later_ones_and_reset_clears_with_undo(site, page):
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
    page.locator("#rooli-kaupungin-nimissa-kylla").check()
    assert visible_outcomes(page) == ["ei-tyotehtava"]
    page.reload(wait_until="load")
    assert visible_outcomes(page) == ["ei-tyotehtava"]
    assert page.locator("#rooli-tyotehtava-ei").is_checked()
    saved = stored(page, "role-helper")
    # "Aloita alusta" clears, and offers "Peru" as the checklists do, after a reload too.
    undo = page.get_by_role("button", name="Peru")
    assert not undo.is_visible()
    page.get_by_role("button", name="Aloita alusta").click()
    assert visible_outcomes(page) == []
    assert stored(page, "role-helper") is None
    assert page.evaluate("document.activeElement.id") == "rooli-tyotehtava-kylla"
    assert page.locator("[data-role-helper-message]").inner_text() == "Vastaukset tyhjennetty."
    assert undo.is_visible()
    assert axe_violations(page) == []
    page.reload(wait_until="load")
    assert visible_outcomes(page) == []
    undo.click()
    assert visible_outcomes(page) == ["ei-tyotehtava"]
    assert page.locator("#rooli-kaupungin-nimissa-kylla").is_checked()
    assert stored(page, "role-helper") == saved
    assert page.locator("[data-role-helper-message]").inner_text() == "Vastaukset palautettu."
    assert not undo.is_visible()
    assert page.evaluate("document.activeElement.textContent") == "Aloita alusta"
    # The next answer after a clear ends the chance to undo it.
    page.get_by_role("button", name="Aloita alusta").click()
    page.locator("#rooli-tyotehtava-kylla").check()
    assert not undo.is_visible() and page.locator("[data-role-helper-message]").inner_text() == ""
    page.reload(wait_until="load")
    assert not undo.is_visible()
    assert stored(page, "role-helper")["value"] == {"answers": {"tyotehtava": "yes"}, "outcome": ""}
    assert_clean(page)


def test_without_javascript_role_helper_is_a_plain_list_of_situations(site, browser, nojs):
    nojs.goto(site.url + "perehdytys/roolisi/")
    assert not nojs.locator("form.loimaa-role-helper__form").is_visible()
    assert nojs.locator(".loimaa-role-helper [data-nojs]").is_visible()
    headings = nojs.locator(".loimaa-role-helper__outcome h2").all_inner_texts()
    assert headings == [o["title"] for o in ROLES["outcomes"]]
    assert nojs.locator(".loimaa-role-helper__when").first.is_visible()
    assert axe_without_scripts(browser, nojs.url) == []


def answer_path(page, path):
    for qid, yes in path:
        page.locator(f"#rooli-{qid}-{'kylla' if yes else 'ei'}").check()


def path_text(path) -> str:
    questions = ROLES["questions"]
    return "; ".join(f"{questions[q]['text']} {'Kyllä' if yes else 'Ei'}" for q, yes in path)


# Every outcome, not only those reached two ways today: a parametrization that can come out
# empty would skip the test (the data has one path per outcome since the Ei/Ei/Ei situation).
@pytest.mark.parametrize("outcome", list(PATHS))
def test_outcome_shows_only_the_users_own_path_as_plain_text(site, page, outcome):
    paths = PATHS[outcome]
    for mine in paths:
        open_roles(page, site)
        answer_path(page, mine)
        section = page.locator(f"#tilanne-{outcome}")
        text = section.inner_text()
        assert f"Kun vastaat: {path_text(mine)}\n" in text + "\n"
        assert all(path_text(other) not in text for other in paths if other != mine)
        assert "jommallakummalla" not in text and section.locator("ul.loimaa-role-helper__when").is_hidden()
        page.get_by_role("button", name="Aloita alusta").click()
    assert axe_violations(page) == []
    assert_clean(page)


@pytest.mark.parametrize("outcome", [o["id"] for o in ROLES["outcomes"] if o["ask"]])
def test_outcomes_that_are_not_allowed_say_whom_to_ask(site, page, outcome):
    open_roles(page, site)
    answer_path(page, PATHS[outcome][0])
    ask = page.locator(f"#tilanne-{outcome} .loimaa-role-helper__ask")
    assert "esihenkilöltäsi" in ask.inner_text()
    assert ask.get_by_role("link").get_attribute("href") == "mailto:viestinta@loimaa.fi"
    assert_clean(page)


@pytest.mark.parametrize("outcome", [o["id"] for o in ROLES["outcomes"]])
def test_one_seuraavaksi_link_whatever_the_outcome(site, page, outcome):
    open_roles(page, site)
    answer_path(page, PATHS[outcome][0])
    nexts = page.locator("article a:visible", has_text="Seuraavaksi")
    assert {a.evaluate("a => a.href") for a in nexts.all()} == {site.url + "perehdytys/testaa-osaamisesi/"}
    assert page.locator(f"#tilanne-{outcome}").get_by_text("Seuraavaksi").count() == 0


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360", "1280"])
def test_role_helper_layout_halfway_and_at_an_outcome(site, page, size):
    page.set_viewport_size(size)
    open_roles(page, site)
    page.locator("#rooli-tyotehtava-kylla").check()
    assert layout_problems(page) == []
    for outcome in ("ei-lupaa", "asiantuntijaprofiili"):
        page.get_by_role("button", name="Aloita alusta").click()
        answer_path(page, PATHS[outcome][0])
        assert visible_outcomes(page) == [outcome]
        assert layout_problems(page) == []
        assert axe_violations(page) == []
    assert_clean(page)
