"""data/perehdytys/roolit.yml: the role helper's yes/no questions and the guideline's situations
(macros/role_helper.py; the tree itself, every answer leading somewhere, is checked there)."""
from __future__ import annotations

from pydantic import model_validator

from .types import At, Link, NonEmpty, OptionalText, Prose, Quote, Slug, StorageVersion, Strict, Text


class Question(Strict):
    id: Slug
    text: Text
    hint: Prose | None = None
    if_yes: Slug                   # the next question or an outcome
    if_no: Slug


class QuoteLink(Strict):
    text: Quote                    # the guideline's own words, verbatim on the link's page
    link: Link


class Next(Strict):
    text: Text
    page: Link


class Outcome(Strict):
    id: Slug
    title: Text
    summary: Text
    quotes: NonEmpty(QuoteLink)
    next: list[Next] | None = None   # pages to read next ("Katso myös")
    ask: OptionalText = None         # whom to ask; the communications address follows it


class Roles(Strict):
    storage_version: StorageVersion
    start: Slug
    questions: NonEmpty(Question)
    outcomes: NonEmpty(Outcome)

    @model_validator(mode="after")
    def _unique(self):
        seen: set[str] = set()
        for key in ("questions", "outcomes"):
            for i, entry in enumerate(getattr(self, key)):
                if entry.id in seen:
                    raise At(f"id {entry.id!r} on käytössä kahdesti", key, i, "id")
                seen.add(entry.id)
        return self
