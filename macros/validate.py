"""Reading a data file, and the errors an editor gets: DataError, in Finnish, naming the file and the line.

load_yaml reads YAML (a YAML mistake in Finnish, at its line); the shape of each file is its
model (macros/models/), whose errors macros/models/errors.py words; with_line finds the line
of the key a message names.
"""
from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path
from typing import Any, NamedTuple

import yaml

# A Finnish date: day.month.year (leading zeros allowed).
FI_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class InvalidDate(str):
    """A YAML date that is no day of the calendar (2027-13-45), kept as its text so
    that the models (macros/models/types.py) can name the key; as text it is still a string."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's loader when PyYAML has it (ten times faster, same safe subset),
    with impossible dates kept as InvalidDate instead of a bare ValueError, and a
    key written twice in one mapping refused (PyYAML would keep the last silently)."""

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key != "<<":
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, seen[key], f"duplicate key {key}", key_node.start_mark)
                seen[key] = key_node.start_mark
        return super().construct_mapping(node, deep)


def _timestamp(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return InvalidDate(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
SAFE_LOADER = _Loader


class DataError(ValueError):
    """A data file under data/ is missing, unreadable or malformed.

    A message that starts with a YAML file and a key ("data/ohje.yml: extra.ohje.city.name: ...")
    gets the line of that key in the file ("data/ohje.yml, rivi 21: ..."), wherever it was raised:
    see with_line."""

    def __init__(self, message: str = ""):
        super().__init__(with_line(message))


class DataErrors(DataError):
    """Every mistake one check found, each its own message (and line when printed): the editor
    fixes them all in one round instead of one per build."""

    def __init__(self, messages: list[str]):
        self.messages = list(messages)
        ValueError.__init__(self, "\n".join(self.messages))


def messages_of(error: DataError) -> list[str]:
    return list(getattr(error, "messages", [str(error)]))


def each(items, check) -> list[str]:
    """check(item) for every item: the messages of the DataErrors they raised, in order."""
    found = []
    for item in items:
        try:
            check(item)
        except DataError as err:
            found.extend(messages_of(err))
    return found


def raise_all(found: list[str]) -> None:
    if found:
        raise DataErrors(list(dict.fromkeys(found)))


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


# --- the line of a key ---------------------------------------------------------------------

# A message naming a YAML file and, after it, the key: "file: a.b[2] ('kuvaus').c: what is wrong".
KEYED = re.compile(r"^(?P<file>[^\s:,]+\.ya?ml): (?P<rest>.*)$", re.S)
_QUOTED = r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\""
# One step of a key: a name, a list entry by number ([2], from 1) or by its name ([Kaupunginhallitus]),
# or an entry's id or title as Python writes it (" ('kieli-ja-sisalto')", "kohta 'x'").
STEP = re.compile(rf"\.?(?P<key>[^\W\d][\w-]*)|\[(?P<index>\d+)\]|\[(?P<name>[^\]]+)\]"
                  rf"| ?\((?P<described>{_QUOTED})\)| (?P<id>{_QUOTED})")


def key_steps(rest: str) -> list[tuple[str, str]]:
    """The steps of the key at the start of rest (the message after its file), up to the
    colon that ends it; the words of the message itself are not steps."""
    steps, pos = [], 0
    while True:
        segment, at = [], pos
        while (m := STEP.match(rest, at)) and m.end() > at:
            kind = m.lastgroup
            value = m.group(kind)
            segment.append((kind, ast.literal_eval(value) if kind in ("described", "id") else value))
            at = m.end()
        if not segment or not rest.startswith(": ", at):
            return steps
        steps += segment
        pos = at + 2


def _scalars(node) -> list[str]:
    if isinstance(node, yaml.MappingNode):
        return [v.value for _, v in node.value if isinstance(v, yaml.ScalarNode)]
    return [node.value] if isinstance(node, yaml.ScalarNode) else []


def _names(node, text: str) -> bool:
    """node (a list entry) is the one text names: one of its values, or the start of one (titles are cut)."""
    return any(s == text or (len(text) >= 40 and s.startswith(text)) for s in _scalars(node))


def _with_id(node, wanted: str):
    """The first mapping under node whose id is wanted."""
    if isinstance(node, yaml.MappingNode):
        if any(k.value == "id" and isinstance(v, yaml.ScalarNode) and v.value == wanted for k, v in node.value):
            return node
        children = [v for _, v in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
    else:
        return None
    return next((found for child in children if (found := _with_id(child, wanted)) is not None), None)


def key_line(root, steps: list[tuple[str, str]]) -> int | None:
    """The line (from 1) of the key the steps lead to in a composed YAML document, as far as they
    lead; None when not one step is found."""
    node, mark = root, None
    for kind, value in steps:
        if kind == "key" and isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == value), None)
            if pair:
                mark, node = pair[0].start_mark, pair[1]
        elif kind == "name" and isinstance(node, yaml.MappingNode) and any(k.value == value for k, _ in node.value):
            key, node = next((k, v) for k, v in node.value if k.value == value)   # a key with a space
            mark = key.start_mark
        elif kind == "index" and isinstance(node, yaml.SequenceNode) and 0 < int(value) <= len(node.value):
            node = node.value[int(value) - 1]
            mark = node.start_mark
        elif kind != "index" and isinstance(node, yaml.SequenceNode):
            if (entry := next((e for e in node.value if _names(e, value)), None)) is not None:
                node, mark = entry, entry.start_mark
        elif kind != "index" and not _names(node, value) and (entry := _with_id(node, value)) is not None:
            node, mark = entry, entry.start_mark
    return mark.line + 1 if mark else None


def with_line(message: str) -> str:
    """message with the line of the key it names, after the file; as it was when the file,
    the key or its line cannot be found (or it has its line already)."""
    m = KEYED.match(message) if isinstance(message, str) else None
    if not m or not (steps := key_steps(m["rest"])):
        return message
    try:
        root = yaml.compose(Path(m["file"]).read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return message
    line = key_line(root, steps) if root is not None else None
    return f"{m['file']}, rivi {line}: {m['rest']}" if line else message


# --- YAML mistakes in Finnish ---------------------------------------------------------------

OPEN_QUOTE = re.compile(r'^\s*(?:- )?[\w-]+: ["\']')   # a value that starts with a quotation mark


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
    for n, line in reversed(list(enumerate(lines))):
        if (m := OPEN_QUOTE.match(line)) and line.replace("\\" + m.group()[-1], "").count(m.group()[-1]) % 2:
            return _Mark(n, m.end() - 1)
    return None


# Each kind of YAML mistake: PyYAML's words for it (libyaml's and the pure-Python parser's),
# what is wrong and what to do, in Finnish. The first that matches is used.
YAML_MISTAKES = [
    (r"duplicate key (?P<key>.*)", "avain {key} on kirjoitettu kahdesti (ensimmäinen rivillä {first})",
     "Poista toinen tai yhdistä niiden arvot."),
    (r"quoted scalar.*(end of stream|end of the stream)", "lainausmerkki jäi sulkematta",
     "Lisää arvon loppuun sama lainausmerkki, jolla arvo alkaa."),
    (r"unknown escape character|escape", "lainausmerkeissä olevassa arvossa on kenoviiva (\\)",
     "Kirjoita kenoviivan tilalle \\\\ tai kirjoita arvo yksinkertaisiin lainausmerkkeihin ('...')."),
    (r"flow sequence", "hakasulje [ jäi sulkematta", "Lisää luettelon loppuun ] ja erota arvot pilkuilla."),
    (r"flow mapping", "aaltosulje { jäi sulkematta", "Lisää loppuun } ja erota arvot pilkuilla."),
    (r"tab|'\\t'", "rivillä on sarkain (Tab)", "Sisennä välilyönneillä, älä sarkaimella."),
    (r"mapping values are not allowed",
     "arvossa on kaksoispiste ja välilyönti (: ), tai rivi on sisennetty enemmän kuin edellinen",
     "Jos arvossa on kaksoispiste, kirjoita koko arvo lainausmerkkeihin (\"Huom: teksti\"); muuten sisennä rivi "
     "samoin kuin saman tason rivit."),
    (r"could not find expected ':'", "avaimen perästä puuttuu kaksoispiste",
     "Kirjoita rivi muodossa avain: arvo (kaksoispisteen jälkeen välilyönti)."),
    (r"expected key|block end|block mapping|block collection|expected <block|document start",
     "sisennys ei vastaa saman tason rivejä, tai lainausmerkeissä olevan arvon perässä on tekstiä",
     "Sisennä rivi, tai sitä edeltävä rivi, välilyönneillä samoin kuin saman tason rivit, ja kirjoita "
     "lainausmerkit koko arvon ympärille."),
    (r"undefined alias", "arvo alkaa tähdellä (*)", "Kirjoita arvo lainausmerkkeihin."),
    (r"cannot start any token|directive", "arvo alkaa merkillä, jolla YAML-arvo ei voi alkaa (esim. @, ` tai %)",
     "Kirjoita arvo lainausmerkkeihin."),
]
YAML_FALLBACK = ("tiedoston rakenne on rikki", "Tarkista sisennys, kaksoispisteet, lainausmerkit ja sulkeet.")


def yaml_problem(path: Path, exc: yaml.YAMLError, text: str = "") -> str:
    """A YAML mistake in one Finnish line: the file, the place, what is wrong and what to do.

    The place is where PyYAML noticed the mistake, or, for a bracket or quotation
    mark left open, where it was opened: PyYAML notices that only where the text
    can no longer continue it, often lines later or at the end of the file.
    PyYAML's own English wording only chooses the Finnish one (YAML_MISTAKES)."""
    mark = getattr(exc, "problem_mark", None)
    if "simple key" in (getattr(exc, "context", None) or ""):   # a key without its colon: noticed a line later
        mark = exc.context_mark
    opened = _opened_at(exc, text) if mark else None
    if mark and opened and opened.line < mark.line:
        place = f", rivi {opened.line + 1}, sarake {opened.column + 1} (jäi auki; huomattu rivillä {mark.line + 1})"
    else:
        place = f", rivi {mark.line + 1}, sarake {mark.column + 1}" if mark else ""
    english = " ".join(str(p) for p in (getattr(exc, "context", None), getattr(exc, "problem", None)) if p)
    if opened and opened.line < mark.line and not re.search(r"flow", english):
        english = "quoted scalar end of stream"   # noticed later as something else: the quote left open
    what, todo = YAML_FALLBACK
    for pattern, what_, todo_ in YAML_MISTAKES:
        if m := re.search(pattern, english or str(exc)):
            first = getattr(exc, "context_mark", None)
            what = what_.replace("{key}", m.groupdict().get("key") or "").replace(
                "{first}", str(first.line + 1 if first else "?"))
            todo = todo_
            break
    return f"{path}{place}: virheellinen YAML: {what}. {todo}"


def parse_date(text: str) -> dt.date:
    """A date the models checked (p.k.vvvv, macros/models/types.py) as a date."""
    day, month, year = (int(n) for n in FI_DATE.match(text).groups())
    return dt.date(year, month, day)
