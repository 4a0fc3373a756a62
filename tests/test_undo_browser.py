"""Nothing is wiped by one tap (issue 23, point 3): every clear on the site offers "Peru", as the
checklists do, and the undo survives a reload; the next change ends it, and so does a new tab
(the completion sheet's clear is for a shared computer). One implementation for all of them:
Loimaa.undoable in loimaa.js."""
from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Callable

import pytest

from browser import axe_violations
from onboarding_pages import PATHS, QUESTIONS, TOTAL, answer, open_quiz, open_roles, open_sheet, wrong
from checklist_pages import CHECKLISTS, box, field, open_list, url

pytestmark = pytest.mark.browser

PREFIX = "loimaa-ohje:"


@dataclass
class Clear:
    """One clear as a user meets it: where, what they had done, the button, what the page shows."""
    name: str
    open: Callable            # (page, site) -> None: the page, its component started
    fill: Callable            # (page, site) -> None: something a user does there, saved
    change: Callable          # (page) -> None: a later change on the same page, saved
    button: str               # the clear button's accessible name
    shows: Callable           # (page) -> str: what the component shows of its answers
    root: str                 # the component


def checklist_case(cl_id: str) -> Clear:
    cl = CHECKLISTS[cl_id]
    items = [i["id"] for g in cl["groups"] for i in g["items"]]

    def fill(page, site):
        for item in items[:2]:
            box(page, cl, item).check()
        if cl.get("fields"):
            field(page, cl["fields"][0]["id"]).fill("Loimaan kirjasto")

    def shows(page):
        values = page.eval_on_selector_all(f"#{cl_id} input, #{cl_id} textarea, #{cl_id} select",
                                           "els => els.map(e => e.type === 'checkbox' || e.type === 'radio'"
                                           " ? String(e.checked) : e.value).join('|')")
        return page.locator("[data-checklist-progress]").inner_text() + " " + values

    return Clear(f"checklist-{cl_id}", lambda page, site: open_list(page, url(site, cl)), fill,
                 lambda page: box(page, cl, items[3]).check(), "Tyhjennä vastaukset", shows, ".loimaa-checklist")


def quiz_fill(page, site):
    answer(page, QUESTIONS[0], QUESTIONS[0]["answer"]["value"])
    answer(page, QUESTIONS[1], wrong(QUESTIONS[1]))


def quiz_shows(page):
    verdicts = page.locator("[data-quiz-verdict]:visible").all_inner_texts()
    return page.locator("[data-quiz-progress]").inner_text() + " " + " | ".join(verdicts)


def roles_fill(page, site):
    for qid, yes in PATHS["yksityinen-mainitsee"][-1]:
        page.locator(f"#rooli-{qid}-{'kylla' if yes else 'ei'}").check()


def roles_shows(page):
    return " ".join(page.locator(".loimaa-role-helper__outcome:visible h2").all_inner_texts()) + " " + \
        " ".join(page.locator("[data-role-helper-question] input:checked").evaluate_all("els => els.map(e => e.id)"))


def sheet_fill(page, site):
    open_quiz(page, site)
    quiz_fill(page, site)
    open_roles(page, site)
    roles_fill(page, site)
    open_sheet(page, site)
    page.locator("#suoritus-nimi").fill("Maija Meikäläinen")
    page.locator("#suoritus-yksikko").fill("Kirjastopalvelut")


def sheet_shows(page):
    return " | ".join([page.locator("#suoritus-nimi").input_value(), page.locator("#suoritus-yksikko").input_value(),
                       page.locator("[data-completion-sheet-score]").inner_text(),
                       page.locator("[data-completion-sheet-role]").inner_text()])


CLEARS = [
    *(checklist_case(cl_id) for cl_id in CHECKLISTS),
    Clear("quiz", open_quiz, quiz_fill, lambda page: answer(page, QUESTIONS[2], wrong(QUESTIONS[2])),
          "Tyhjennä vastaukset", quiz_shows, ".loimaa-quiz"),
    Clear("role-helper", open_roles, roles_fill, lambda page: page.locator("#rooli-tyotehtava-kylla").check(),
          "Aloita alusta", roles_shows, ".loimaa-role-helper"),
    Clear("completion-sheet", open_sheet, sheet_fill, lambda page: page.locator("#suoritus-nimi").fill("M"),
          "Tyhjennä perehdytyksen tiedot", sheet_shows, ".loimaa-completion-sheet"),
]


def focused(page) -> str:
    """The focused element's accessible name, as far as these buttons go."""
    return page.evaluate("(e => e.getAttribute('aria-label') || e.textContent.trim())(document.activeElement)")


def saved(page) -> dict:
    return page.evaluate(f"""() => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith({PREFIX!r})).map(k => [k, localStorage.getItem(k)]))""")


def test_every_clear_button_on_the_site_is_one_of_these(site):
    """A clear added to a page without a case here (and so without a tested "Peru") fails."""
    found = set()
    for html in site.dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for attribute in re.findall(r"<button [^>]*\b(data-[a-z-]*(?:clear|reset))\b", text):
            found.add(attribute)
    assert found == {"data-checklist-clear", "data-quiz-clear", "data-role-helper-reset", "data-completion-sheet-clear"}
    for html in site.dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for root, attribute in [("loimaa-checklist", "data-checklist-undo"), ("loimaa-quiz", "data-quiz-undo"),
                                ("loimaa-role-helper", "data-role-helper-undo"),
                                ("loimaa-completion-sheet", "data-completion-sheet-undo")]:
            if f'class="{root}"' in text:
                assert re.search(rf"<button [^>]*{attribute}[^>]*>Peru</button>", text), (html, root)
    names = {c.name for c in CLEARS}
    assert names == {f"checklist-{p}" for p in CHECKLISTS} | {"quiz", "role-helper", "completion-sheet"}


@pytest.mark.parametrize("clear", CLEARS, ids=[c.name for c in CLEARS])
def test_clear_offers_undo_after_a_reload_and_the_next_change_ends_it(site, context, page, clear):
    clear.open(page, site)
    clear.fill(page, site)
    before, shown = saved(page), clear.shows(page)
    assert before
    root = page.locator(clear.root)
    undo = root.get_by_role("button", name="Peru")
    assert not undo.is_visible()

    root.get_by_role("button", name=clear.button).click()
    assert saved(page) == {} and clear.shows(page) != shown
    message = root.get_by_role("status").filter(has_text="tyhjennetty")
    said = message.inner_text()
    assert undo.is_visible()
    if clear.name != "role-helper":   # "Aloita alusta" goes back to the first question
        assert focused(page) == clear.button
        page.keyboard.press("Tab")
        assert focused(page) == "Peru"   # right after the button
    assert axe_violations(page) == []

    # The page loaded again (a reload, or a visit elsewhere and back) still offers it, in the same words.
    clear.open(page, site)
    assert saved(page) == {} and clear.shows(page) != shown
    assert undo.is_visible() and message.inner_text() == said
    # A new tab (the next person at a shared computer) is not offered the previous one's answers.
    other = context.new_page()
    clear.open(other, site)
    assert not other.locator(clear.root).get_by_role("button", name="Peru").is_visible()
    other.close()

    undo.click()
    assert saved(page) == before and clear.shows(page) == shown
    assert root.get_by_role("status").filter(has_text="palautettu").is_visible()
    assert not undo.is_visible()
    assert focused(page) == clear.button
    clear.open(page, site)
    assert clear.shows(page) == shown and not undo.is_visible()

    # Cleared, then changed: undoing would overwrite the change, so "Peru" goes, for good.
    root.get_by_role("button", name=clear.button).click()
    assert undo.is_visible()
    clear.change(page)
    assert not undo.is_visible()
    clear.open(page, site)
    assert not undo.is_visible()
    assert page.watch.console_errors == []


def test_the_sheets_clear_is_undone_on_the_quiz_and_role_pages_too(site, page):
    sheet_fill(page, site)
    page.get_by_role("button", name="Tyhjennä perehdytyksen tiedot").click()
    open_quiz(page, site)
    assert page.locator("[data-quiz-progress]").inner_text() == f"Vastattu 0 / {TOTAL}, oikein 0."
    open_sheet(page, site)
    page.locator(".loimaa-completion-sheet").get_by_role("button", name="Peru").click()
    open_quiz(page, site)
    assert page.locator("[data-quiz-progress]").inner_text() == f"Vastattu 2 / {TOTAL}, oikein 1."
    open_roles(page, site)
    shown = page.locator(".loimaa-role-helper__outcome:visible")
    assert shown.get_attribute("data-role-helper-outcome") == "yksityinen-mainitsee"
    assert page.watch.console_errors == []


def test_what_a_clear_keeps_is_named_on_the_privacy_page(site, page):
    open_quiz(page, site)
    quiz_fill(page, site)
    page.get_by_role("button", name="Tyhjennä vastaukset").click()
    kept = page.evaluate("Object.keys(sessionStorage).filter(k => k.startsWith('loimaa-ohje:'))")
    assert kept == [PREFIX + "undo"]
    page.goto(site.url + "tietosuoja/", wait_until="load")
    text = page.locator("article").inner_text()
    assert f"sessionStorage, nimellä {kept[0]}" in text
    assert "Peru" in text


UNDO_WORDS = re.compile("tyhjennet|palautettu", re.IGNORECASE)


@pytest.mark.parametrize("clear", CLEARS, ids=[c.name for c in CLEARS])
def test_the_undo_message_goes_once_the_user_acts_again(site, page, clear):
    """A message of Loimaa.undoable does not linger: a second clear says there was nothing left to
    clear (its "Peru" still brings back the first), and answering again ends "palautettu" as it
    ends "tyhjennetty"."""
    clear.open(page, site)
    clear.fill(page, site)
    root = page.locator(clear.root)
    undo = root.get_by_role("button", name="Peru")
    messages = root.get_by_role("status").filter(has_text=UNDO_WORDS)

    root.get_by_role("button", name=clear.button).click()
    first = messages.inner_text()
    assert "tyhjennetty" in first
    root.get_by_role("button", name=clear.button).click()
    again = messages.inner_text()
    assert again != first and again.startswith("Ei tyhjennettävää.") and undo.is_visible()

    undo.click()
    assert "palautettu" in messages.inner_text()
    clear.change(page)
    assert messages.count() == 0 and not undo.is_visible()

    root.get_by_role("button", name=clear.button).click()
    assert messages.count() == 1
    clear.change(page)
    assert messages.count() == 0 and not undo.is_visible()
    assert page.watch.console_errors == []
