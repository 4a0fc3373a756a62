"""data/versiot/<version>.yml (an approved version's text, written by make hyvaksy) and
data/muutokset.yml (the change log) (macros/versions.py; the changes' versions against the
stored ones are checked there)."""
from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

from .site import Approval
from .types import TEXT_SCHEMA, Date, NonEmpty, OptionalText, Strict, Text, choice, text

KINDS = ("major", "minor")


def block(value: Any) -> Any:
    """Text, kept as written: a nested bullet's indent is part of it."""
    text(value)
    return value


Block = Annotated[str, BeforeValidator(block), WithJsonSchema(TEXT_SCHEMA)]


class Section(Strict):
    number: Text
    title: Text
    page: Text
    blocks: list[Block]


class Baseline(Strict):
    version: Text
    title: Text
    last_reviewed: Date
    approvals: NonEmpty(Approval)
    sections: NonEmpty(Section)
    note: OptionalText = None


class Kinds(Strict):
    major: Text
    minor: Text


class Change(Strict):
    version: Text
    date: Date
    sections: NonEmpty(Text)       # the guideline's section numbers the change concerns
    kind: choice(KINDS, lambda v: "odotettiin major (säännöt muuttuivat) tai minor (kirjoitusvirhe, linkki tai "
                                  f"sanamuoto, merkitys sama), saatiin {v!r}")
    note: Text


class Changes(Strict):
    kinds: Kinds
    changes: list[Change]
