"""Quiz component ("Testaa osaamisesi"): data/perehdytys/testi.yml.

Unit: this module, overrides/components/quiz.html, quiz.js, quiz.css,
tests/test_quiz*.py.

    load_quiz(path) -> dict   {"version", "chapters": [c], "questions": [q], "sheet": link, "file"}
    quiz_refs(quiz)           the (where, link, quote) triples guideline.check_refs checks
    render(quiz, href)        the form; each answer and explanation also opens from a details element;
                              the result links the chapters and the completion sheet

At least 12 questions, one right option each, every chapter covered. Every
problem raises DataError naming the file and the item.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any
from collections.abc import Callable

from markupsafe import Markup

from . import templates
from .guideline import parse_link, parse_quote
from .validate import (DataError, check_bool, check_list, check_mapping, check_slug, check_text, check_unique,
                       check_version, load_yaml)

LETTERS = "abcdefgh"
MIN_QUESTIONS = 12
STORAGE_KEY = "perehdytys-testi"
Href = Callable[[dict], str]   # link -> URL relative to the page being rendered


def load_quiz(path: Path) -> dict:
    """Load and validate the quiz: ≥ 12 questions, one right option each, every chapter covered."""
    where = str(path)
    raw = check_mapping(load_yaml(path), where, {"storage_version", "completion_sheet", "chapters", "questions"})
    chapters = []
    for i, c in enumerate(check_list(raw["chapters"], f"{where}: chapters"), 1):
        check_mapping(c, f"{where}: chapters[{i}]", {"id", "title", "page"})
        chapters.append({"id": check_text(c["id"], f"{where}: chapters[{i}].id"),
                         "title": check_text(c["title"], f"{where}: chapters[{i}].title"),
                         "link": parse_link(c["page"], f"{where}: chapters[{i}].page")})
    check_unique(chapters, f"{where}: chapters")
    chapter_ids = [c["id"] for c in chapters]
    questions = [_question(q, f"{where}: questions[{i}]", chapter_ids)
                 for i, q in enumerate(check_list(raw["questions"], f"{where}: questions"), 1)]
    check_unique(questions, f"{where}: questions")
    if len(questions) < MIN_QUESTIONS:
        raise DataError(f"{where}: kysymyksiä on {len(questions)}, vähintään {MIN_QUESTIONS} tarvitaan")
    uncovered = [c for c in chapter_ids if not any(q["chapter"] == c for q in questions)]
    if uncovered:
        raise DataError(f"{where}: näistä ohjeen kohdista ei ole kysymystä: {', '.join(uncovered)}")
    for c in chapters:
        c["questions"] = [q["id"] for q in questions if q["chapter"] == c["id"]]
    return {"version": check_version(raw["storage_version"], where), "chapters": chapters,
            "questions": questions, "file": where,
            "sheet": parse_link(raw["completion_sheet"], f"{where}: completion_sheet")}


def _question(raw: Any, where: str, chapter_ids: list[str]) -> dict:
    check_mapping(raw, where, {"id", "chapter", "question", "options", "explanation", "quote", "link"})
    qid = check_slug(raw["id"], f"{where}.id")
    where = f"{where} ({qid!r})"
    chapter = check_text(raw["chapter"], f"{where}.chapter")
    if chapter not in chapter_ids:
        raise DataError(f"{where}.chapter: kohtaa {chapter!r} ei ole chapters-luettelossa")
    options = []
    raw_options = check_list(raw["options"], f"{where}.options")
    if not 2 <= len(raw_options) <= len(LETTERS):
        raise DataError(f"{where}.options: vaihtoehtoja pitää olla 2–{len(LETTERS)}")
    for i, opt in enumerate(raw_options):
        check_mapping(opt, f"{where}.options[{i + 1}]", {"text"}, {"correct"})
        options.append({"value": LETTERS[i], "text": check_text(opt["text"], f"{where}.options[{i + 1}].text"),
                        "correct": check_bool(opt.get("correct", False), f"{where}.options[{i + 1}].correct")})
    right = [o for o in options if o["correct"]]
    if len(right) != 1:
        raise DataError(f"{where}.options: oikeita vaihtoehtoja pitää olla tasan yksi, nyt {len(right)}")
    return {
        "id": qid,
        "chapter": chapter,
        "question": check_text(raw["question"], f"{where}.question"),
        "options": options,
        "answer": right[0],
        "explanation": check_text(raw["explanation"], f"{where}.explanation"),
        "quote": parse_quote(raw["quote"], f"{where}.quote"),
        "link": parse_link(raw["link"], f"{where}.link"),
    }


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
    return templates.render("quiz.html", questions=questions, chapters=chapters, sheet_href=href(quiz["sheet"]),
                            config=config, history_href=history_href if any(changed.values()) else "",
                            notices=notices)
