"""Data helpers for the onboarding components' tests (role helper, quiz): the real data, loaded and checked."""
from __future__ import annotations

import yaml

from conftest import ROOT
from macros import guideline, templates
from macros import quiz as quiz_component
from macros import role_helper
from macros.guideline import Guideline

DATA = ROOT / "data" / "perehdytys"
DOCS = ROOT / "docs"
QUIZ_RAW = yaml.safe_load((DATA / "testi.yml").read_text(encoding="utf-8"))
ROLES_RAW = yaml.safe_load((DATA / "roolit.yml").read_text(encoding="utf-8"))
GUIDELINE_PAGES = sorted([*DOCS.glob("*.md"), *(DOCS / "ohjeistus").glob("*.md")])


def quiz(raw=QUIZ_RAW, tmp_path=None) -> dict:
    if tmp_path is None:
        return quiz_component.load_quiz(DATA / "testi.yml")
    path = tmp_path / "testi.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return quiz_component.load_quiz(path)


def roles_from(raw, tmp_path) -> dict:
    path = tmp_path / "roolit.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return role_helper.load_roles(path)


def check_guideline(refs, docs=DOCS):
    guideline.check_refs(refs, Guideline(docs))


def quote_html(lines, link, href):
    """The shared quote piece (overrides/components/shared.html), as the components render it."""
    macro = templates.environment().get_template("shared.html").module.quote
    return templates.render_markup(macro(lines, href(link), link["title"]))


def checked(q: dict, r: dict) -> tuple[dict, dict]:
    check_guideline([*role_helper.role_refs(r), *quiz_component.quiz_refs(q)])
    return q, r

QUIZ, ROLES = checked(quiz_component.load_quiz(DATA / "testi.yml"), role_helper.load_roles(DATA / "roolit.yml"))


def question(raw, qid):
    return next(q for q in raw["questions"] if q["id"] == qid)


def href(link):
    return link["page"] + ("#" + link["anchor"] if link["anchor"] else "")
