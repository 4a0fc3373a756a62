"""data/haku/synonyymit.yml: staff words by class (macros/synonyms.py reads it for the search)."""
from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, RootModel, WithJsonSchema, model_validator

from .types import At, Strict, text

STAFF_WORD = re.compile(r"[^\W\d_]+")


def targets(value: Any) -> list[str]:
    """A guideline word or word pair, or a list of them; lower case, single spaces."""
    found = [value] if isinstance(value, str) else value
    if not isinstance(found, list) or not found or not all(
            isinstance(t, str) and t.split() and all(STAFF_WORD.fullmatch(w) for w in t.split()) for t in found):
        raise ValueError(f"arvon on oltava ohjeen sana tai sanapari tai luettelo niistä, saatiin {value!r}")
    return [" ".join(t.lower().split()) for t in found]


def reason(value: Any) -> str:
    try:
        return text(value)
    except ValueError:
        raise ValueError("peruste puuttuu: kerro, mitä ohjeen sanoja luokka koskee") from None


def flag(name: str):
    """A class's mark (`tausta: true`, `kanava: true`, `toimija: true`): true, or left out."""
    def check(value: Any) -> bool:
        if value is not True:
            raise ValueError(f"`{name}:` on joko `true` tai se jätetään pois")
        return True
    return check


# No pattern: JavaScript's \W (the editor's) knows no ä or ö; the model checks the letters.
WORD_SCHEMA = {"type": "string", "minLength": 1}
Targets = Annotated[list, BeforeValidator(targets), WithJsonSchema(
    {"anyOf": [WORD_SCHEMA, {"type": "array", "minItems": 1, "items": WORD_SCHEMA}]})]


class SynonymClass(Strict):
    peruste: Annotated[str, BeforeValidator(reason), WithJsonSchema({"type": "string", "minLength": 1})]
    sanat: dict[str, Targets]
    tausta: Annotated[bool | None, BeforeValidator(flag("tausta")),
                      WithJsonSchema({"type": "boolean", "enum": [True]})] = None
    kanava: Annotated[bool | None, BeforeValidator(flag("kanava")),
                      WithJsonSchema({"type": "boolean", "enum": [True]})] = None
    toimija: Annotated[bool | None, BeforeValidator(flag("toimija")),
                       WithJsonSchema({"type": "boolean", "enum": [True]})] = None

    @model_validator(mode="before")
    @classmethod
    def _both(cls, value: Any):
        if not isinstance(value, dict) or not {"peruste", "sanat"} <= set(value):
            raise ValueError("luokalla on oltava `peruste:` (mitä ohjeen sanoja se koskee) ja `sanat:`, "
                             "ja siinä voi olla `tausta: true`, `kanava: true` ja `toimija: true`")
        return value

    @model_validator(mode="after")
    def _words(self):
        if not self.sanat:
            raise At("sanat puuttuvat (esim. `tili: profiili`)", "sanat")
        for key, found in self.sanat.items():
            if not STAFF_WORD.fullmatch(key) or key != key.lower():
                raise At("avaimen on oltava yksi sana pienin kirjaimin", "sanat", key)
            if key in found:
                raise At("sana ei voi olla oma synonyyminsä", "sanat", key)
        return self


class Synonyms(RootModel[dict[str, SynonymClass]]):
    """Class -> its reason (peruste: the guideline's words it stands for) and its words (sanat)."""

    @model_validator(mode="before")
    @classmethod
    def _classes(cls, value: Any):
        if not isinstance(value, dict) or not value:
            raise ValueError("odotettiin luokkia (esim. `henkilöt:`, jonka alla `peruste:` ja `sanat:`)")
        return value

    @model_validator(mode="after")
    def _one_class_each(self):
        seen: dict[str, str] = {}
        for name, body in self.root.items():
            for key in body.sanat:
                if key in seen:
                    raise At(f"sana on jo luokassa {seen[key]}; kullakin sanalla on yksi luokka", name, "sanat", key)
                seen[key] = name
        return self
