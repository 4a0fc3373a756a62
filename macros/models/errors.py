"""pydantic's ValidationError as the Finnish messages an editor gets: file, key by name, what to do.

    messages(error, file, raw, prefix) -> list[str]    "data/x.yml: groups[2] ('id').text: ..."

The key is written as macros/validate.py reads it back to find its line (with_line): names
joined by dots, a list entry by its number from 1 and its id, text or title, an approving body
by its name. The words come from the types' own checks (types.py) or, for a key missing, unknown,
or of the wrong kind, from here.
"""
from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import ValidationError

from .types import TAG, At

NAMED_BY = ("id", "text", "label", "title")   # an entry's description, the first it has
KEY = re.compile(r"[^\W\d][\w-]*")   # a key as validate.STEP reads it back


def place(steps: tuple, raw: Any) -> str:
    """steps (keys, list positions from 0) as the message names them, e.g. groups[2] ('tavoitteet').title."""
    out, node = "", raw
    for step in steps:
        if isinstance(step, int) and not isinstance(step, bool) and isinstance(node, list) and 0 <= step < len(node):
            node = node[step]
            if isinstance(node, dict) and isinstance(node.get("body"), str) and node["body"].strip():
                out += f"[{node['body'].strip()}]"
                continue
            out += f"[{step + 1}]"
            name = next((node[k].strip() for k in NAMED_BY if isinstance(node, dict) and isinstance(node.get(k), str)
                         and node[k].strip()), None)
            if name:
                out += f" ({name[:60]!r})"
        else:
            if isinstance(step, int):
                out += f"[{step + 1}]"
            elif not KEY.fullmatch(str(step)):   # a key with a space: [palvelujen nimet]
                out += f"[{step}]"
            else:
                out += f".{step}" if out else str(step)
            node = node.get(step) if isinstance(node, dict) else None
    return out


def kind(value: Any) -> str:
    return {dict: "avain–arvo-rakenne", list: "luettelo", str: "teksti", bool: "true/false", int: "luku",
            float: "luku", type(None): "tyhjä arvo"}.get(type(value), type(value).__name__)


def what(error: dict) -> str:
    """The Finnish words for one of pydantic's errors."""
    ctx = error.get("ctx") or {}
    found = error.get("input")
    match error["type"]:
        case "value_error" | "assertion_error":
            return str(ctx.get("error"))
        case "model_type" | "dict_type" | "model_attributes_type":
            return f"odotettiin avain–arvo-rakennetta, saatiin {kind(found)}"
        case "list_type" | "tuple_type":
            return f"odotettiin luetteloa, saatiin {kind(found)}"
        case "too_short" if ctx.get("min_length") == 1:
            return "odotettiin ei-tyhjää luetteloa"
        case "string_type":
            return f"odotettiin tekstiä, saatiin {found!r}"
        case "bool_type":
            return "odotettiin true tai false"
        case _:
            return f"arvo {found!r} ei kelpaa"


def further(error: dict) -> tuple:
    """The steps from the value checked to the mistake (types.At), if any."""
    err = (error.get("ctx") or {}).get("error")
    return err.steps if isinstance(err, At) else ()


def messages(error: ValidationError, file: str, raw: Any, prefix: tuple = ()) -> list[str]:
    """One message per mistake, in the file's order, each with what to do. An unknown key is named
    at its own place (so its own line); one that is a missing key misspelt says so, and the missing
    key is not named again. The keys missing from one mapping come in one message."""
    found: dict[str, list[str]] = {}          # head "file: place: " -> words
    missing: dict[tuple, list[str]] = {}      # mapping's steps -> its missing keys
    unknown: list[tuple[tuple, str]] = []     # (mapping's steps, key)
    for err in error.errors(include_url=False):
        steps = tuple(s for s in err["loc"] if not (isinstance(s, str) and (s.startswith(TAG) or s == "[key]")))
        if err["type"] == "missing":
            missing.setdefault(prefix + steps[:-1], []).append(str(steps[-1]))
        elif err["type"] in ("extra_forbidden", "invalid_key"):
            key = err["input"] if err["type"] == "invalid_key" else steps[-1]
            unknown.append((prefix + steps[:-1], key))
        else:
            found.setdefault(_head(file, prefix + steps + further(err), raw, prefix), []).append(what(err))
    said_unknown = []
    for at, key in unknown:
        close = difflib.get_close_matches(str(key), missing.get(at, []), n=1)
        if close:
            missing[at].remove(close[0])
            todo = f"Tarkoititko ”{close[0]}”? Se puuttuu: korjaa avaimen nimi."
        else:
            todo = "Korjaa avaimen nimi tai poista rivi."
        said_unknown.append((_head(file, at + (str(key),), raw, prefix), f"tuntematon avain {key}. {todo}"))
    for at, keys in missing.items():   # a mapping's line before its keys' lines
        if keys:
            words = f"puuttuva avain {', '.join(sorted(keys))}. Lisää {'se' if len(keys) == 1 else 'ne'}."
            found.setdefault(_head(file, at, raw, prefix), []).append(words)
    for head, words in said_unknown:
        found.setdefault(head, []).append(words)
    return [head + "; ".join(said) for head, said in found.items()]


def _head(file: str, steps: tuple, raw: Any, prefix: tuple) -> str:
    where = place(steps, _wrap(raw, prefix))
    return f"{file}: {where}: " if where else f"{file}: "


def _wrap(raw: Any, prefix: tuple) -> Any:
    for key in reversed(prefix):
        raw = {key: raw}
    return raw
