"""Quiz component ("Testaa osaamisesi"): data/perehdytys/testi.yml.

Unit: this module, overrides/components/quiz/ (quiz.html, .js, .css),
tests/test_quiz*.py.

    load_quiz(path) -> dict   {"version", "chapters": [c], "questions": [q], "sheet": link, "file"}
    quiz_refs(quiz)           the (where, link, quote) triples guideline.check_refs checks
    render(quiz, href)        the form; each answer and explanation also opens from a details element;
                              the result links the chapters and the completion sheet

As a component (macros/components.py): DATA, load, check, and macros(ctx) -> the macro quiz().

At least 12 questions, one right option each, every chapter covered. Every
problem raises DataError naming the file and the item.
"""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from . import models, templates, versions
from .components import Context
from .guideline import Guideline, Href, check_refs, parse_link
from .models.quiz import LETTERS, Quiz

STORAGE_KEY = "quiz"  # was "perehdytys-testi": loimaa.js moves old answers (Loimaa.storage.renamed)
FILE = "perehdytys/testi.yml"   # under data/
DATA = {FILE: (Quiz, "testi")}
# The quiz's own notice of changed rules (quiz/quiz.html) on its page, focused when linked to.
NOTICE_LINK = {"page": "perehdytys/testaa-osaamisesi.md", "anchor": "muuttuneet"}


def load(data_dir: Path) -> dict:
    return load_quiz(data_dir / FILE)


def check(quiz: dict, guideline: Guideline) -> None:
    check_refs(quiz_refs(quiz), guideline)


def load_quiz(path: Path) -> dict:
    """The quiz (its shape: macros/models/quiz.py): ≥ 12 questions, one right option each, every
    chapter covered."""
    quiz = models.load(path, Quiz)
    questions = [{"id": q.id, "chapter": q.chapter, "question": q.question,
                  "options": [{"value": letter, "text": o.text, "correct": o.correct}
                              for letter, o in zip(LETTERS, q.options, strict=False)],
                  "explanation": q.explanation, "quote": q.quote, "link": parse_link(q.link)}
                 for q in quiz.questions]
    for q in questions:
        q["answer"] = next(o for o in q["options"] if o["correct"])
    chapters = [{"id": c.id, "title": c.title, "link": parse_link(c.page),
                 "questions": [q.id for q in quiz.questions if q.chapter == c.id]} for c in quiz.chapters]
    return {"version": quiz.storage_version, "chapters": chapters, "questions": questions, "file": str(path),
            "sheet": parse_link(quiz.completion_sheet)}


def quiz_refs(quiz: dict):
    yield f"{quiz['file']}: completion_sheet", quiz["sheet"], None
    for c in quiz["chapters"]:
        yield f"{quiz['file']}: chapters ({c['id']!r})", c["link"], None
    for q in quiz["questions"]:
        yield f"{quiz['file']}: kysymys {q['id']!r}", q["link"], q["quote"]


def changed_questions(quiz: dict, updates: dict, sections: dict[str, str]) -> dict[str, list[str]]:
    """{version: the ids of the questions whose section an approved version after it changed (a
    major change)}. updates: versions.staff_updates(); sections: {guideline page: section number}."""
    return {version: [q["id"] for q in quiz["questions"] if sections.get(q["link"]["page"]) in since["sections"]]
            for version, since in updates["since"].items()}


def render(quiz: dict, href: Href, updates: dict | None = None, sections: dict[str, str] | None = None,
           history_href: str = "") -> Markup:
    """The quiz as a form; each answer and explanation also opens from a details element.
    updates, sections, history_href: the questions to mark when the saved answers were made
    against an older version (changed_questions; history_href: "Muutoshistoria" at its version)."""
    sections = sections or {}
    questions = [{**q, "href": href(q["link"]), "section": sections.get(q["link"]["page"], q["chapter"])}
                 for q in quiz["questions"]]
    chapters = [{**c, "href": href(c["link"])} for c in quiz["chapters"]]
    config = {"key": STORAGE_KEY, "version": quiz["version"]}
    changed = changed_questions(quiz, updates, sections) if updates else {}
    if updates:
        config |= {"ohje": updates["current"], "order": updates["order"], "changed": changed}
    notices = [{"version": version, "changes": since["changes"]} for version, since in updates["since"].items()] \
        if updates else []
    return templates.render("quiz/quiz.html", questions=questions, chapters=chapters, sheet_href=href(quiz["sheet"]),
                            config=config, history_href=history_href if any(changed.values()) else "",
                            notices=notices)


def macros(ctx: Context) -> dict:
    updates = versions.staff_updates(ctx.versions)
    sections = {s["page"]: s["number"] for s in ctx.versions["current"]}

    def quiz() -> Markup:
        ctx.use("quiz")
        return render(ctx.data["quiz"], ctx.href, updates, sections, ctx.href(versions.history_link(updates)))

    return {"quiz": quiz}
