"""Page helpers for the onboarding components' browser tests (role helper, quiz, completion sheet)."""
from __future__ import annotations

import json
import subprocess


from browser import axe_violations
from conftest import ROOT
from macros import quiz as quiz_component
from macros import role_helper
from macros.guideline import Guideline, check_refs

QUIZ = quiz_component.load_quiz(ROOT / "data" / "perehdytys" / "testi.yml")
ROLES = role_helper.load_roles(ROOT / "data" / "perehdytys" / "roolit.yml")
# Fills the link titles.
check_refs([*quiz_component.quiz_refs(QUIZ), *role_helper.role_refs(ROLES)], Guideline(ROOT / "docs"))
QUESTIONS = QUIZ["questions"]
TOTAL = len(QUESTIONS)
PATHS = role_helper.role_paths(ROLES)
PAGES = ["perehdytys/", "perehdytys/ohje-lyhyesti/", "perehdytys/roolisi/",
         "perehdytys/testaa-osaamisesi/", "perehdytys/suoritusmerkinta/"]


def open_page(page, site, path: str, ready: str):
    page.goto(site.url + path, wait_until="load")
    page.locator(ready).first.wait_for()


def open_quiz(page, site):
    open_page(page, site, "perehdytys/testaa-osaamisesi/", "[data-quiz-progress]:visible")


def open_roles(page, site):
    open_page(page, site, "perehdytys/roolisi/", "form.loimaa-role-helper__form:visible")


def open_sheet(page, site):
    open_page(page, site, "perehdytys/suoritusmerkinta/", "[data-completion-sheet-print]:visible")


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
    return page.eval_on_selector_all("[data-role-helper-outcome]", "els => els.filter(e => e.offsetParent !== null)"
                                     ".map(e => e.dataset.roleHelperOutcome)")


def pdf_text(page, tmp_path) -> str:
    pdf = tmp_path / "suoritus.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def axe_without_scripts(browser, url: str) -> list[str]:
    """axe on the page as served, without the site's script files.

    axe cannot run in a context with JavaScript disabled (its promise never
    settles), so the script files are blocked instead. The inline script in
    <head> then gives up on the components after 3 s and falls back to the
    same HTML and CSS a reader without JavaScript gets. The page's clock is moved
    on by those 3 s rather than waited for.
    """
    ctx = browser.new_context(locale="fi-FI")
    try:
        ctx.route("**/*.js", lambda route: route.abort())
        page = ctx.new_page()
        page.clock.install()
        page.goto(url, wait_until="load")
        assert page.evaluate("document.documentElement.classList.contains('loimaa-js')")  # still waiting
        page.clock.run_for(3000)
        page.wait_for_function("!document.documentElement.classList.contains('loimaa-js')")
        return axe_violations(page)
    finally:
        ctx.close()
