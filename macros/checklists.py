"""Interactive checklists (guideline 3.2 and 3.5): data/tarkistuslistat/*.yml.

Public API (also used by the PDF build to print the checklists as blank forms):

    load_checklist(path) -> dict           one validated file
    load_checklists(data_dir) -> dict      {id: checklist}, ordered by section (3.2, then 3.5)

A checklist dict:

    {
      "id": "uusi-profiili",               stable slug, also the localStorage key
      "title": "Ennen uuden someprofiilin perustamista",
      "section": "3.2",                    the guideline section it comes from
      "source": "ohjeistus/todelliset-tarpeet.md",   that section's page (docs-relative)
      "version": 1,                        storage version of saved answers
      "intro": "..." or "",
      "file": "/.../data/tarkistuslistat/uusi-profiili.yml",
      "groups": [                          the section's numbered points, in order
        {"id": "tavoitteet-ja-yllapitaja",
         "title": "1. Tavoitteet ja ylläpitäjä",
         "anchor": "tavoitteet-ja-yllapitaja",       heading id in the source page
         "items": [
           {"id": "selkea-tarkoitus",      stable slug, unique in the checklist
            "text": "Profiilille on selkeä tarkoitus.",        what the user confirms
            "guideline": "Profiili tulee perustaa ...",        the guideline's bullet, verbatim
            "not_applicable": False},      True: may be marked "ei koske tätä julkaisua"
         ]},
      ],
      "fields": [                          3.2 only (empty list for 3.5), in form order
        {"id": "palvelu", "label": "Palvelu",
         "type": "select",                 text | textarea | select | radio | date
         "required": True,
         "required_if": None,              or {"field": "kesto", "value": "maaraaikainen"}
         "options": [{"value": "facebook", "label": "Facebook"}, ...],   select/radio only, else []
         "hint": None},                    or a short help text
      ],
      "item_count": 13,
    }

Every problem in a file raises DataError naming the file and the item.
The HTML of the interactive form is built by render_checklist (plain function).
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from .validate import DataError, check_list, check_mapping, check_text, load_yaml

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELD_TYPES = {"text", "textarea", "select", "radio", "date"}
OPTION_TYPES = {"select", "radio"}


# --- loading and validation ---------------------------------------------------

def load_checklists(data_dir: Path) -> dict[str, dict]:
    """Every data_dir/*.yml checklist, keyed by id, ordered by guideline section."""
    files = sorted(Path(data_dir).glob("*.yml"))
    if not files:
        raise DataError(f"{data_dir}: ei yhtään tarkistuslistaa (*.yml)")
    checklists = [load_checklist(f) for f in files]
    result: dict[str, dict] = {}
    for cl in sorted(checklists, key=lambda c: [int(p) for p in c["section"].split(".")]):
        if cl["id"] in result:
            raise DataError(f"{cl['file']}: id {cl['id']!r} on jo käytössä tiedostossa {result[cl['id']]['file']}")
        result[cl["id"]] = cl
    return result


def load_checklist(path: Path) -> dict:
    """Load and validate one checklist file (see the module docstring for the shape)."""
    path = Path(path)
    raw = check_mapping(load_yaml(path), str(path),
                        {"id", "title", "section", "source", "storage_version", "groups"}, {"intro", "fields"})
    where = str(path)
    section = check_text(raw["section"], f"{where}: section")
    if not re.fullmatch(r"\d+(\.\d+)*", section):
        raise DataError(f"{where}: section: odotettiin kohdan numeroa kuten 3.2, saatiin {section!r}")
    source = check_text(raw["source"], f"{where}: source")
    if not source.endswith(".md"):
        raise DataError(f"{where}: source: odotettiin sivua (.md), saatiin {source!r}")
    version = raw["storage_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DataError(f"{where}: storage_version: odotettiin positiivista kokonaislukua, saatiin {version!r}")

    ids = IdRegistry(where)
    groups = [_group(g, f"{where}: groups[{i}]", ids) for i, g in enumerate(check_list(raw["groups"], f"{where}: groups"), 1)]
    fields = _fields(raw.get("fields"), where, ids)
    return {
        "id": _slug(raw["id"], f"{where}: id"),
        "title": check_text(raw["title"], f"{where}: title"),
        "section": section,
        "source": source,
        "version": version,
        "intro": check_text(raw["intro"], f"{where}: intro") if raw.get("intro") is not None else "",
        "file": where,
        "groups": groups,
        "fields": fields,
        "item_count": sum(len(g["items"]) for g in groups),
    }


class IdRegistry:
    """Ids of groups, items and fields: each becomes an HTML id, so all are unique."""

    def __init__(self, where: str):
        self.where = where
        self.seen: dict[str, str] = {}

    def add(self, value: Any, where: str) -> str:
        slug = _slug(value, f"{where}.id")
        if slug in self.seen:
            raise DataError(f"{where}: id {slug!r} on jo käytössä ({self.seen[slug]})")
        self.seen[slug] = where
        return slug


def _slug(value: Any, where: str) -> str:
    text = check_text(value, where)
    if not SLUG.match(text):
        raise DataError(f"{where}: id saa sisältää vain pieniä kirjaimia a–z, numeroita ja väliviivoja, saatiin {text!r}")
    return text


def _describe(value: Any, where: str) -> str:
    """Name an entry by its position and, when it has one, its text or id."""
    if isinstance(value, dict):
        for key in ("id", "text", "label", "title"):
            if isinstance(value.get(key), str) and value[key].strip():
                return f"{where} ({value[key].strip()[:60]!r})"
    return where


def _group(raw: Any, where: str, ids: IdRegistry) -> dict:
    where = _describe(raw, where)
    check_mapping(raw, where, {"id", "title", "anchor", "items"})
    group_id = ids.add(raw["id"], where)
    if not isinstance(raw["items"], list) or not raw["items"]:
        raise DataError(f"{where}: ryhmässä {group_id!r} ei ole yhtään kohtaa (items on tyhjä)")
    return {
        "id": group_id,
        "title": check_text(raw["title"], f"{where}.title"),
        "anchor": _slug(raw["anchor"], f"{where}.anchor"),
        "items": [_item(item, f"{where}.items[{i}]", ids) for i, item in enumerate(raw["items"], 1)],
    }


def _item(raw: Any, where: str, ids: IdRegistry) -> dict:
    where = _describe(raw, where)
    check_mapping(raw, where, {"id", "text", "guideline"}, {"not_applicable"})
    na = raw.get("not_applicable", False)
    if not isinstance(na, bool):
        raise DataError(f"{where}.not_applicable: odotettiin true tai false")
    return {
        "id": ids.add(raw["id"], where),
        "text": check_text(raw["text"], f"{where}.text"),
        "guideline": check_text(raw["guideline"], f"{where}.guideline"),
        "not_applicable": na,
    }


def _fields(raw: Any, where: str, ids: IdRegistry) -> list[dict]:
    if raw is None:
        return []
    fields = [_field(f, f"{where}: fields[{i}]", ids) for i, f in enumerate(check_list(raw, f"{where}: fields"), 1)]
    by_id = {f["id"]: f for f in fields}
    for f in fields:
        cond = f["required_if"]
        if cond is None:
            continue
        target = by_id.get(cond["field"])
        if target is None or cond["value"] not in [o["value"] for o in target["options"]]:
            raise DataError(f"{where}: fields ({f['id']!r}).required_if: kenttää {cond['field']!r} "
                            f"vaihtoehdolla {cond['value']!r} ei ole")
    return fields


def _field(raw: Any, where: str, ids: IdRegistry) -> dict:
    where = _describe(raw, where)
    check_mapping(raw, where, {"id", "label", "type"}, {"required", "required_if", "options", "hint"})
    field_id = ids.add(raw["id"], where)
    ftype = check_text(raw["type"], f"{where}.type")
    if ftype not in FIELD_TYPES:
        raise DataError(f"{where}.type: tuntematon tyyppi {ftype!r} (sallitut: {', '.join(sorted(FIELD_TYPES))})")
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise DataError(f"{where}.required: odotettiin true tai false")
    options = []
    if ftype in OPTION_TYPES:
        values = set()
        for i, opt in enumerate(check_list(raw.get("options"), f"{where}.options"), 1):
            check_mapping(opt, f"{where}.options[{i}]", {"value", "label"})
            value = _slug(opt["value"], f"{where}.options[{i}]")
            if value in values:
                raise DataError(f"{where}.options[{i}]: arvo {value!r} on jo käytössä")
            values.add(value)
            options.append({"value": value, "label": check_text(opt["label"], f"{where}.options[{i}].label")})
    elif "options" in raw:
        raise DataError(f"{where}.options: vaihtoehdot sopivat vain tyypeille select ja radio")
    cond = raw.get("required_if")
    if cond is not None:
        check_mapping(cond, f"{where}.required_if", {"field", "value"})
        cond = {"field": check_text(cond["field"], f"{where}.required_if.field"),
                "value": check_text(cond["value"], f"{where}.required_if.value")}
        if required:
            raise DataError(f"{where}: required ja required_if eivät sovi yhteen")
    return {
        "id": field_id,
        "label": check_text(raw["label"], f"{where}.label"),
        "type": ftype,
        "required": required,
        "required_if": cond,
        "options": options,
        "hint": check_text(raw["hint"], f"{where}.hint") if raw.get("hint") is not None else None,
    }
