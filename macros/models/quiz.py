"""data/perehdytys/testi.yml: the self-check quiz (macros/quiz.py): at least 12 questions,
one right option each, every chapter covered."""
from __future__ import annotations

from pydantic import model_validator

from .types import At, Bool, Link, NonEmpty, Quote, Slug, StorageVersion, Strict, Text, unique

LETTERS = "abcdefgh"
MIN_QUESTIONS = 12


class Chapter(Strict):
    id: Text
    title: Text
    page: Link


class Option(Strict):
    text: Text
    correct: Bool = False


class Question(Strict):
    id: Slug
    chapter: Text                  # a chapter's id
    question: Text
    options: NonEmpty(Option)
    explanation: Text
    quote: Quote                   # the guideline's own words, verbatim on the link's page
    link: Link

    @model_validator(mode="after")
    def _one_right(self):
        if not 2 <= len(self.options) <= len(LETTERS):
            raise At(f"vaihtoehtoja pitää olla 2–{len(LETTERS)}", "options")
        right = sum(o.correct for o in self.options)
        if right != 1:
            raise At(f"oikeita vaihtoehtoja pitää olla tasan yksi, nyt {right}", "options")
        return self


class Quiz(Strict):
    storage_version: StorageVersion
    completion_sheet: Link
    chapters: NonEmpty(Chapter)
    questions: NonEmpty(Question)

    @model_validator(mode="after")
    def _covered(self):
        unique(self.chapters, ("chapters",))
        unique(self.questions, ("questions",))
        chapter_ids = [c.id for c in self.chapters]
        for i, q in enumerate(self.questions):
            if q.chapter not in chapter_ids:
                raise At(f"kohtaa {q.chapter!r} ei ole chapters-luettelossa", "questions", i, "chapter")
        if len(self.questions) < MIN_QUESTIONS:
            raise ValueError(f"kysymyksiä on {len(self.questions)}, vähintään {MIN_QUESTIONS} tarvitaan")
        uncovered = [c for c in chapter_ids if not any(q.chapter == c for q in self.questions)]
        if uncovered:
            raise ValueError(f"näistä ohjeen kohdista ei ole kysymystä: {', '.join(uncovered)}")
        return self
