"""pydantic's ValidationError as the Finnish messages an editor gets: file, key by name, what to do.

    messages(error, file, raw, prefix) -> list[str]    "data/x.yml: groups[2] ('id').text: ..."

The key is written as macros/validate.py reads it back to find its line (with_line): names
joined by dots, a list entry by its number from 1 and its id, text or title, an approving body
by its name. The words come from the types' own checks (types.py) or, for a key missing, unknown,
or of the wrong kind, from here.
"""
from __future__ import annotations

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
        case "missing":
            return "puuttuva avain"
        case "extra_forbidden" | "invalid_key":
            return "tuntematon avain"
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
    """One message per mistake, in the file's order; the keys unknown in (or missing from) one
    mapping in one message, unknown first."""
    found: dict[str, dict[str, list[str]]] = {}   # place -> words -> keys
    for err in error.errors(include_url=False):
        steps = tuple(s for s in err["loc"] if not (isinstance(s, str) and (s.startswith(TAG) or s == "[key]")))
        words = what(err)
        keys = []
        if err["type"] in ("missing", "extra_forbidden", "invalid_key"):
            steps, keys = steps[:-1], [str(err["input"] if err["type"] == "invalid_key" else steps[-1])]
        where = place(prefix + steps + further(err), _wrap(raw, prefix))
        found.setdefault(f"{file}: {where}: " if where else f"{file}: ", {}).setdefault(words, []).extend(keys)
    return [head + "; ".join(f"{words} {', '.join(sorted(keys))}" if keys else words
                             for words, keys in sorted(said.items(), key=lambda w: w[0] == "puuttuva avain"))
            for head, said in found.items()]


def _wrap(raw: Any, prefix: tuple) -> Any:
    for key in reversed(prefix):
        raw = {key: raw}
    return raw
