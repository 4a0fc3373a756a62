"""Small helpers that make a bad data file fail the build with a clear message.

Every error names the file and the place in it, so an editor of the YAML
knows exactly what to fix.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, NamedTuple

import yaml

# Stable ids (items, fields, questions, anchors): each becomes an HTML id or a storage key.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# An address and nothing else: no quotes, spaces, "?" or "&" that would break or extend a mailto: link.
# A Finnish date: day.month.year (leading zeros allowed).
FI_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")


class InvalidDate(str):
    """A YAML date that is no day of the calendar (2027-13-45), kept as its text so
    that check_date can name the key; as text it is still a string."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's loader when PyYAML has it (ten times faster, same safe subset),
    with impossible dates kept as InvalidDate instead of a bare ValueError."""


def _timestamp(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return InvalidDate(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
SAFE_LOADER = _Loader


class DataError(ValueError):
    """A data file under data/ is missing, unreadable or malformed."""


def load_yaml(path: Path) -> Any:
    """Read a YAML file, turning every failure into a DataError naming it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: tiedostoa ei voi lukea ({exc.strerror})") from exc
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise DataError(yaml_problem(path, exc, text)) from exc


OPEN_QUOTE = re.compile(r'^\s*(?:- )?[\w-]+: "')   # a value that starts with a quotation mark


class _Mark(NamedTuple):
    line: int
    column: int


def _opened_at(exc: yaml.YAMLError, text: str):
    """Where a bracket or quoted value left open was opened (line, column from 0), or None."""
    mark, opened = exc.problem_mark, getattr(exc, "context_mark", None)
    if opened and re.search(r"flow|quoted", getattr(exc, "context", None) or ""):
        return opened
    # A quoted value left open runs on to the next quotation mark, lines later: the last line
    # before the mistake was noticed that opens a value with a quotation mark it does not close.
    lines = text.splitlines()[:mark.line]
    return next((_Mark(n, line.index('"')) for n, line in reversed(list(enumerate(lines)))
                 if OPEN_QUOTE.match(line) and line.replace('\\"', "").count('"') % 2), None)


def yaml_problem(path: Path, exc: yaml.YAMLError, text: str = "") -> str:
    """A YAML mistake in one line that names the file and the place (PyYAML's own
    wording of the problem has no Finnish version; it stays, in brackets).

    The place is where PyYAML noticed the mistake, or, for a bracket or quotation
    mark left open, where it was opened: PyYAML notices that only where the text
    can no longer continue it, often lines later or at the end of the file."""
    mark = getattr(exc, "problem_mark", None)
    opened = _opened_at(exc, text) if mark else None
    if mark and opened and opened.line < mark.line:
        place = f", rivi {opened.line + 1}, sarake {opened.column + 1} (jäi auki; huomattu rivillä {mark.line + 1})"
    else:
        place = f", rivi {mark.line + 1}, sarake {mark.column + 1}" if mark else ""
    problem = " ".join(str(p) for p in (getattr(exc, "context", None), getattr(exc, "problem", None)) if p)
    return (f"{path}{place}: virheellinen YAML; tarkista sisennys, kaksoispisteet, lainausmerkit ja sulkeet"
            f" ({problem or exc})")


def check_mapping(value: Any, where: str, required: set[str], optional: set[str] = frozenset()) -> dict:
    """Check that value is a mapping with exactly the allowed keys."""
    if not isinstance(value, dict):
        raise DataError(f"{where}: odotettiin avain–arvo-rakennetta, saatiin {type(value).__name__}")
    unknown = set(value) - required - set(optional)
    if unknown:
        raise DataError(f"{where}: tuntematon avain {', '.join(sorted(map(str, unknown)))}")
    missing = required - set(value)
    if missing:
        raise DataError(f"{where}: puuttuva avain {', '.join(sorted(missing))}")
    return value


def check_text(value: Any, where: str) -> str:
    """A non-empty string (numbers such as a version are accepted as text)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where}: odotettiin tekstiä, saatiin {value!r}")
    return value.strip()


def check_date(value: Any, where: str, *, optional: bool = False) -> str | None:
    """A day of the calendar written the Finnish way, p.k.vvvv (29.11.2026); kept as
    written, because the theme shows the value straight from config. None only when optional."""
    if value is None and optional:
        return None
    if isinstance(value, (dt.date, InvalidDate)):   # YAML read 2027-01-15 as a date
        raise DataError(f"{where}: kirjoita päivämäärä muodossa p.k.vvvv, esim. 15.1.2027 (ei {value})")
    match = FI_DATE.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise DataError(f"{where}: odotettiin päivämäärää muodossa p.k.vvvv (esim. 15.1.2027), saatiin {value!r}")
    day, month, year = (int(n) for n in match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        raise DataError(f"{where}: {value.strip()!r} ei ole oikea päivämäärä (kuukausi 1–12, päivä enintään "
                        "kuukauden viimeinen)") from None
    return value.strip()


def parse_date(text: str) -> dt.date:
    """A date checked by check_date (p.k.vvvv) as a date."""
    day, month, year = (int(n) for n in FI_DATE.match(text).groups())
    return dt.date(year, month, day)


def check_list(value: Any, where: str) -> list:
    """A non-empty list."""
    if not isinstance(value, list) or not value:
        raise DataError(f"{where}: odotettiin ei-tyhjää luetteloa")
    return value


def check_slug(value: Any, where: str) -> str:
    """A stable id: small letters a–z, digits and single hyphens."""
    text = check_text(value, where)
    if not SLUG.match(text):
        raise DataError(f"{where}: id saa sisältää vain pieniä kirjaimia a–z, numeroita ja väliviivoja, "
                        f"saatiin {text!r}")
    return text


def check_bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise DataError(f"{where}: odotettiin true tai false")
    return value


def check_version(value: Any, where: str) -> int:
    """storage_version: a positive whole number (raised when saved answers change shape)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise DataError(f"{where}: storage_version: odotettiin positiivista kokonaislukua, saatiin {value!r}")
    return value


def check_email(value: Any, where: str) -> str:
    """An e-mail address as it may stand in a mailto: link."""
    text = check_text(value, where)
    if not EMAIL.match(text):
        raise DataError(f"{where}: {text!r} ei ole sähköpostiosoite; kirjoita pelkkä osoite kuten "
                        "viestinta@loimaa.fi (ei lainausmerkkejä, välilyöntejä, ?- tai &-merkkejä)")
    return text


def check_unique(items: list[dict], where: str) -> None:
    """No two entries share an id."""
    seen = set()
    for item in items:
        if item["id"] in seen:
            raise DataError(f"{where}: id {item['id']!r} on käytössä kahdesti")
        seen.add(item["id"])
