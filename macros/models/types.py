"""The value types the data files share, each with its Finnish message and its JSON Schema.

A type's check raises ValueError with the Finnish words for what is wrong; macros/models/errors.py
puts the file and the key in front of them. Nothing here imports mkdocs.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, WithJsonSchema

from ..validate import FI_DATE, InvalidDate

# Stable ids (items, fields, questions, anchors): each becomes an HTML id or a storage key.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# An address and nothing else: no quotes, spaces, "?" or "&" that would break or extend a mailto: link.
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
LINK = re.compile(r"^(?![/.])(?!.*://)[^#]*\.md(#[a-z0-9]+(-[a-z0-9]+)*)?$")
TAG = "§"   # a union's branch in an error's place: not a key (errors.py leaves it out)


class Strict(BaseModel):
    """A mapping of a data file: exactly its keys, no others."""
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def text(value: Any) -> str:
    """A non-empty string (numbers such as a version are accepted as text), stripped."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"odotettiin tekstiä, saatiin {value!r}")
    return value.strip()


def slug(value: Any) -> str:
    value = text(value)
    if not SLUG.match(value):
        raise ValueError(f"id saa sisältää vain pieniä kirjaimia a–z, numeroita ja väliviivoja, saatiin {value!r}")
    return value


def date(value: Any) -> str:
    """A day of the calendar written the Finnish way, p.k.vvvv (29.11.2026); kept as written,
    because the theme shows the value straight from config."""
    if isinstance(value, (dt.date, InvalidDate)):   # YAML read 2027-01-15 as a date
        raise ValueError(f"kirjoita päivämäärä muodossa p.k.vvvv, esim. 15.1.2027 (ei {value})")
    match = FI_DATE.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"odotettiin päivämäärää muodossa p.k.vvvv (esim. 15.1.2027), saatiin {value!r}")
    day, month, year = (int(n) for n in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{value.strip()!r} ei ole oikea päivämäärä (kuukausi 1–12, päivä enintään "
                         "kuukauden viimeinen)") from None
    return value.strip()


def email(value: Any) -> str:
    value = text(value)
    if not EMAIL.match(value):
        raise ValueError(f"{value!r} ei ole sähköpostiosoite; kirjoita pelkkä osoite kuten viestinta@loimaa.fi "
                         "(ei lainausmerkkejä, välilyöntejä, ?- tai &-merkkejä)")
    return value


def version(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"odotettiin positiivista kokonaislukua, saatiin {value!r}")
    return value


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("odotettiin true tai false")
    return value


def link(value: Any) -> str:
    """'page.md' or 'page.md#anchor', docs-relative."""
    value = text(value)
    page, _, anchor = value.partition("#")
    if not page.endswith(".md") or page.startswith(("/", ".")) or "://" in page:
        raise ValueError(f"odotettiin ohjeen sivua kuten ohjeistus/roolisi.md#ankkuri, saatiin {value!r}")
    if anchor and not SLUG.match(anchor):
        raise ValueError(f"ankkuri {anchor!r} ei kelpaa")
    return value


class At(ValueError):
    """A mistake found under the value being checked: steps (keys, list positions from 0) lead to it."""

    def __init__(self, message: str, *steps):
        super().__init__(message)
        self.steps = steps


def quote(value: Any) -> list:
    """A guideline quote: one passage, or lines (a lead ending in ':' and the bullets after it).
    A line may be a list of its own: the sub-bullets of the bullet before it."""
    if not isinstance(value, list):
        return [text(value)]
    if not value:
        raise ValueError("odotettiin ei-tyhjää luetteloa")
    lines: list = []
    for i, line in enumerate(value):
        if isinstance(line, list):
            if not lines or not isinstance(lines[-1], str) or lines[-1].endswith(":"):
                raise At("alakohtien luettelo kuuluu sitä edeltävän kohdan alle; lisää ensin kohta, "
                               "jonka alakohtia ne ovat", i)
            if not line:
                raise At("odotettiin ei-tyhjää luetteloa", i)
            subs = []
            for j, sub in enumerate(line):
                try:
                    subs.append(text(sub))
                except ValueError as err:
                    raise At(str(err), i, j) from None
            lines.append(subs)
        else:
            try:
                lines.append(text(line))
            except ValueError as err:
                raise At(str(err), i) from None
    return lines


def optional(check):
    """check, or None for an empty value."""
    return lambda value: None if value is None else check(value)


TEXT_SCHEMA = {"type": ["string", "number"], "minLength": 1, "pattern": r"\S"}


def _string(pattern: str | None = None, **more) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", **({"pattern": pattern} if pattern else {}), **more})


Text = Annotated[str, BeforeValidator(text), WithJsonSchema(TEXT_SCHEMA)]
Slug = Annotated[str, BeforeValidator(slug), _string(SLUG.pattern)]
Date = Annotated[str, BeforeValidator(date), _string(FI_DATE.pattern, examples=["15.1.2027"])]
OptionalDate = Annotated[str | None, BeforeValidator(optional(date)),
                         WithJsonSchema({"anyOf": [{"type": "string", "pattern": FI_DATE.pattern}, {"type": "null"}]})]
Email = Annotated[str, BeforeValidator(email), _string(EMAIL.pattern)]
StorageVersion = Annotated[int, BeforeValidator(version), WithJsonSchema({"type": "integer", "minimum": 1})]
Bool = Annotated[bool, BeforeValidator(boolean), WithJsonSchema({"type": "boolean"})]
Link = Annotated[str, BeforeValidator(link), _string(LINK.pattern, examples=["ohjeistus/roolisi.md#ankkuri"])]
Quote = Annotated[list, BeforeValidator(quote), WithJsonSchema({"anyOf": [
    {"type": "string", "minLength": 1},
    {"type": "array", "minItems": 1, "items": {"anyOf": [
        {"type": "string", "minLength": 1},
        {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}]}}]})]


def NonEmpty(item):
    """A list of at least one item (a type, used as list[item] is)."""
    return Annotated[list[item], Field(min_length=1)]


class QuotedProse(Strict):
    """Text the site writes that states a requirement: the text, and the guideline's words it rests on."""
    text: Text
    quote: Quote
    link: Link


# Text the site writes: plain text, or {text, quote, link} (guideline.Prose).
Prose = Annotated[Annotated[Text, Tag(TAG + "text")] | Annotated[QuotedProse, Tag(TAG + "quoted")],
                  Discriminator(lambda v: TAG + ("quoted" if isinstance(v, (dict, QuotedProse)) else "text"))]


OptionalText = Annotated[str | None, BeforeValidator(optional(text)),
                         WithJsonSchema({"anyOf": [TEXT_SCHEMA, {"type": "null"}]})]


def choice(values: tuple[str, ...], wrong):
    """One of values (a JSON Schema enum); wrong(value) says what is wrong otherwise."""
    def check(value: Any) -> str:
        if value not in values:
            raise ValueError(wrong(value))
        return value
    return Annotated[str, BeforeValidator(check), WithJsonSchema({"enum": list(values)})]


def matching(pattern: str, wrong):
    """Text matching pattern (the whole of it); wrong(value) says what is wrong otherwise."""
    def check(value: Any) -> str:
        value = text(value)
        if not re.fullmatch(pattern, value):
            raise ValueError(wrong(value))
        return value
    return Annotated[str, BeforeValidator(check), _string(f"^(?:{pattern})$")]


def unique(entries, steps, what: str = "id") -> None:
    """No two entries share an id: At the second one."""
    seen: dict = {}
    for i, entry in enumerate(entries):
        if entry.id in seen:
            raise At(f"id {entry.id!r} on käytössä kahdesti", *steps, i, what)
        seen[entry.id] = i
