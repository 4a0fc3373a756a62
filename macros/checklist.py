"""Checklist component (guideline 3.2 and 3.5): data/tarkistuslistat/*.yml.

Unit: this module (load, validate, context), overrides/components/checklist/
(the web form and the printable blank form, sharing field.html), checklist.js,
checklist.css, tests/test_checklist*.py.

    load_checklist(path) -> dict           one validated file
    load_checklists(data_dir) -> dict      {id: checklist}, ordered by section (3.2, then 3.5)
    check_sources(checklists, guideline)   items still quote the section's bullets
    render(cl, href, email) -> Markup      the web form (href: a docs link -> URL from the page)

A checklist dict:

    {
      "id": "uusi-profiili",               stable slug, also the localStorage key
      "title": "Ennen uuden someprofiilin perustamista",
      "section": "3.2",                    the guideline section it comes from
      "source": "ohjeistus/todelliset-tarpeet.md",   that section's page (docs-relative)
      "version": 1,                        storage version of saved answers
      "intro": Prose or None,              text the site writes: guideline.Prose (text, and the
                                           guideline's words when it states a requirement)
      "progress": "vahvistettu",           "5 / 13 kohtaa vahvistettu"
      "ready": None or {"title", "text": Prose, "button"}   shown when every item is handled
      "summary": None or {"title", "intro": Prose, "fields_title", "fields_intro": Prose,
                          "mail_subject", "name_field", "mail_fields"}   the request to communications
                                           (lists with fields); mail_fields: the ids the e-mail carries
      "file": "/.../data/tarkistuslistat/uusi-profiili.yml",
      "groups": [                          the section's numbered points, in order
        {"id": "tavoitteet-ja-yllapitaja",
         "title": "1. Tavoitteet ja ylläpitäjä",
         "anchor": "tavoitteet-ja-yllapitaja",       heading id in the source page
         "items": [
           {"id": "selkea-tarkoitus",      stable slug, unique in the checklist
            "text": "Profiilille on selkeä tarkoitus.",        what the user confirms
            "guideline": "Profiili tulee perustaa ...",        the guideline's bullet, verbatim
            "not_applicable": False,       True: may be marked "ei koske tätä julkaisua"
            "relevant_when": None,         or {"field": "kesto", "value": "maaraaikainen"}: does not
                                           apply once that field has another value (counted apart,
                                           like "ei koske"; a tick on it is kept)
            "recorded_in": []},            the fields whose `records` name this item: [{"id", "label"}]
         ]},
      ],
      "fields": [                          in form order ([] when the list has none)
        {"id": "palvelu", "label": "Palvelu",
         "type": "select",                 text | textarea | select | radio | date | email | tel
         "required": True,
         "required_if": None,              or {"field": "kesto", "value": "maaraaikainen"}
         "required_when": None,            or {"field_label": "Profiilin kesto", "option_label": "Määräaikainen"}
         "options": [{"value": "facebook", "label": "Facebook"}, ...],   select/radio only, else []
         "hint": None,                     or a short help text (Prose)
         "records": [],                    the items whose result or detail the field records (YAML
                                           `records: [item id, ...]`), shown both ways on the form; never
                                           ticks an item: [{"id", "text", "group": {"id", "title"}}]
         "record_groups": [],              their groups, each once: [{"id", "title"}]
         "autocomplete": "off"},           the input's autocomplete token (name, email, tel…)
      ],
      "item_count": 13,
    }

Every problem in a file raises DataError naming the file and the key.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import templates
from .guideline import Guideline, Href, bullets, line_of, optional_prose, parse_prose, with_hrefs
from .validate import (DataError, check_bool, check_list, check_mapping, check_slug, check_text, check_version,
                       each, load_yaml, raise_all)

FIELD_TYPES = {"text", "textarea", "select", "radio", "date", "email", "tel"}
OPTION_TYPES = {"select", "radio"}
READY_KEYS = {"title", "text", "button"}
SUMMARY_KEYS = {"title", "intro", "fields_title", "fields_intro", "mail_subject", "name_field"}
# Sentences the site writes (guideline.Prose: may carry the guideline's words); the other keys are names.
PROSE = {"text", "intro", "fields_intro"}


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
    where = str(path)
    raw = check_mapping(load_yaml(path), where, {"id", "title", "section", "source", "storage_version", "progress",
                                                 "groups"}, {"intro", "fields", "ready", "summary"})
    section = check_text(raw["section"], f"{where}: section")
    if not re.fullmatch(r"\d+(\.\d+)*", section):
        raise DataError(f"{where}: section: odotettiin kohdan numeroa kuten 3.2, saatiin {section!r}")
    source = check_text(raw["source"], f"{where}: source")
    if not source.endswith(".md"):
        raise DataError(f"{where}: source: odotettiin sivua (.md), saatiin {source!r}")
    version = check_version(raw["storage_version"], where)

    ids = IdRegistry(where)
    groups = [_group(g, f"{where}: groups[{i}]", ids)
              for i, g in enumerate(check_list(raw["groups"], f"{where}: groups"), 1)]
    fields = _fields(raw.get("fields"), where, ids)
    _link_records(groups, fields, where)
    for group in groups:
        for item in group["items"]:
            if item["relevant_when"]:
                _option_of(item["relevant_when"], fields, f"{where}: kohta {item['id']!r}.relevant_when")
    return {
        "id": check_slug(raw["id"], f"{where}: id"),
        "title": check_text(raw["title"], f"{where}: title"),
        "section": section,
        "source": source,
        "version": version,
        "intro": optional_prose(raw, "intro", f"{where}: intro"),
        "progress": check_text(raw["progress"], f"{where}: progress"),
        "ready": _texts(raw["ready"], f"{where}: ready", READY_KEYS) if raw.get("ready") is not None else None,
        "summary": _summary(raw.get("summary"), fields, where),
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
        slug = check_slug(value, f"{where}.id")
        if slug in self.seen:
            raise DataError(f"{where}: id {slug!r} on jo käytössä ({self.seen[slug]})")
        self.seen[slug] = where
        return slug


def _describe(value: Any, where: str) -> str:
    """Name an entry by its position and, when it has one, its text or id."""
    if isinstance(value, dict):
        for key in ("id", "text", "label", "title"):
            if isinstance(value.get(key), str) and value[key].strip():
                return f"{where} ({value[key].strip()[:60]!r})"
    return where


def _texts(raw: Any, where: str, keys: set[str]) -> dict:
    check_mapping(raw, where, keys)
    return {key: (parse_prose if key in PROSE else check_text)(raw[key], f"{where}.{key}") for key in sorted(keys)}


def _summary(raw: Any, fields: list[dict], where: str) -> dict | None:
    """What a list with fields sends to communications; required exactly when there are fields."""
    if raw is None:
        if fields:
            raise DataError(f"{where}: summary: lista, jossa on kenttiä (fields), tarvitsee yhteenvedon tiedot "
                            f"({', '.join(sorted(SUMMARY_KEYS))})")
        return None
    if not fields:
        raise DataError(f"{where}: summary: yhteenveto sopii vain listaan, jossa on kenttiä (fields)")
    summary = _texts({k: v for k, v in raw.items() if k != "mail_fields"}, f"{where}: summary", SUMMARY_KEYS)
    mail_fields = (check_list(raw["mail_fields"], f"{where}: summary.mail_fields") if "mail_fields" in raw
                   else [summary["name_field"]])
    known = [f["id"] for f in fields]
    for i, name in enumerate(mail_fields, 1):
        if name not in known:
            raise DataError(f"{where}: summary.mail_fields[{i}]: kenttää {name!r} ei ole (fields)")
    summary["mail_fields"] = mail_fields
    if summary["name_field"] not in [f["id"] for f in fields]:
        raise DataError(f"{where}: summary.name_field: kenttää {summary['name_field']!r} ei ole (fields)")
    return summary


def _group(raw: Any, where: str, ids: IdRegistry) -> dict:
    where = _describe(raw, where)
    check_mapping(raw, where, {"id", "title", "anchor", "items"})
    group_id = ids.add(raw["id"], where)
    if not isinstance(raw["items"], list) or not raw["items"]:
        raise DataError(f"{where}: ryhmässä {group_id!r} ei ole yhtään kohtaa (items on tyhjä)")
    return {
        "id": group_id,
        "title": check_text(raw["title"], f"{where}.title"),
        "anchor": check_slug(raw["anchor"], f"{where}.anchor"),
        "items": [_item(item, f"{where}.items[{i}]", ids) for i, item in enumerate(raw["items"], 1)],
    }


def _item(raw: Any, where: str, ids: IdRegistry) -> dict:
    where = _describe(raw, where)
    check_mapping(raw, where, {"id", "text", "guideline"}, {"not_applicable", "relevant_when"})
    cond = raw.get("relevant_when")
    if cond is not None:
        check_mapping(cond, f"{where}.relevant_when", {"field", "value"})
        cond = {key: check_text(cond[key], f"{where}.relevant_when.{key}") for key in ("field", "value")}
    return {
        "relevant_when": cond,
        "id": ids.add(raw["id"], where),
        "text": check_text(raw["text"], f"{where}.text"),
        "guideline": check_text(raw["guideline"], f"{where}.guideline"),
        "not_applicable": check_bool(raw.get("not_applicable", False), f"{where}.not_applicable"),
    }


def _fields(raw: Any, where: str, ids: IdRegistry) -> list[dict]:
    if raw is None:
        return []
    fields = [_field(f, f"{where}: fields[{i}]", ids) for i, f in enumerate(check_list(raw, f"{where}: fields"), 1)]
    for f in fields:
        cond = f["required_if"]
        if cond is None:
            continue
        target, option = _option_of(cond, fields, f"{where}: fields ({f['id']!r}).required_if")
        f["required_when"] = {"field_label": target["label"], "option_label": option["label"]}
    return fields


def _link_records(groups: list[dict], fields: list[dict], where: str) -> None:
    """Resolve each field's `records` (item ids) to its items, and give each item the fields that record it."""
    items = {item["id"]: (item, group) for group in groups for item in group["items"]}
    for item, _ in items.values():
        item["recorded_in"] = []
    for f in fields:
        resolved, record_groups = [], []
        for i, item_id in enumerate(f["records"], 1):
            at = f"{where}: fields ({f['id']!r}).records[{i}]"
            if item_id not in items:
                group = next((g for g in groups if g["id"] == item_id), None)
                if group:
                    raise DataError(f"{at}: {item_id!r} on ryhmä, ei kohta. Kirjoita ryhmän kohdan id, esimerkiksi "
                                    f"{group['items'][0]['id']!r}.")
                raise DataError(f"{at}: kohtaa {item_id!r} ei ole tässä listassa. Kirjoita jonkin kohdan id "
                                f"(groups → items → id), esimerkiksi {next(iter(items))!r}.")
            item, group = items[item_id]
            resolved.append({"id": item_id, "text": item["text"],
                             "group": {"id": group["id"], "title": group["title"]}})
            if resolved[-1]["group"] not in record_groups:
                record_groups.append(resolved[-1]["group"])
            item["recorded_in"].append({"id": f["id"], "label": f["label"]})
        f["records"], f["record_groups"] = resolved, record_groups


def _option_of(cond: dict, fields: list[dict], where: str) -> tuple[dict, dict]:
    """The field and option a condition ({"field", "value"}) names; DataError if there is none."""
    target = next((f for f in fields if f["id"] == cond["field"]), None)
    option = next((o for o in target["options"] if o["value"] == cond["value"]), None) if target else None
    if option is None:
        raise DataError(f"{where}: kenttää {cond['field']!r} vaihtoehdolla {cond['value']!r} ei ole")
    return target, option


def _field(raw: Any, where: str, ids: IdRegistry) -> dict:
    where = _describe(raw, where)
    check_mapping(raw, where, {"id", "label", "type"},
                  {"required", "required_if", "options", "hint", "autocomplete", "records"})
    field_id = ids.add(raw["id"], where)
    ftype = check_text(raw["type"], f"{where}.type")
    if ftype not in FIELD_TYPES:
        raise DataError(f"{where}.type: tuntematon tyyppi {ftype!r} (sallitut: {', '.join(sorted(FIELD_TYPES))})")
    required = check_bool(raw.get("required", False), f"{where}.required")
    options = []
    if ftype in OPTION_TYPES:
        values = set()
        for i, opt in enumerate(check_list(raw.get("options"), f"{where}.options"), 1):
            check_mapping(opt, f"{where}.options[{i}]", {"value", "label"})
            value = check_slug(opt["value"], f"{where}.options[{i}]")
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
        "required_when": None,   # the labels of required_if, filled in by _fields
        "options": options,
        "hint": optional_prose(raw, "hint", f"{where}.hint"),
        "autocomplete": check_slug(raw["autocomplete"], f"{where}.autocomplete") if "autocomplete" in raw else "off",
        # item ids here; _link_records resolves them once every item is known
        "records": ([check_slug(r, f"{where}.records[{i}]")
                     for i, r in enumerate(check_list(raw["records"], f"{where}.records"), 1)]
                    if "records" in raw else []),
        "record_groups": [],
    }


# --- consistency with the guideline pages -----------------------------------

def check_sources(checklists: dict[str, dict], guideline: Guideline | Path) -> None:
    """Each group's anchor exists in the source page and its items cover that part's bullets, in order.

    The checklist must follow the guideline: when the guideline's text changes,
    the build fails until the checklist is updated too.
    """
    if not isinstance(guideline, Guideline):
        guideline = Guideline(guideline)

    def check(cl_group):
        cl, group = cl_group
        page = guideline.page(cl["source"], f"{cl['file']}: source")
        where = f"{cl['file']}: ryhmä {group['id']!r}"
        found = bullets(page.markdown, group["anchor"])
        if not found:
            raise DataError(f"{where}: sivulla {cl['source']} ei ole otsikkoa "
                            f"{{ #{group['anchor']} }} luetelmineen")
        quoted = [item["guideline"] for item in group["items"]]
        if quoted != found:
            shown = f"{guideline.docs_dir.name}/{cl['source']}"
            raise DataError(mismatch(cl["file"], group, shown, page.markdown, found))

    raise_all(each([(cl, group) for cl in checklists.values() for group in cl["groups"]], check))


def mismatch(file: str, group: dict, shown: str, markdown: str, found: list[str]) -> str:
    """The first difference between a group's items and the guideline's bullets, as one Finnish
    message: both places (file, line) and what to do."""
    yml = Path(file).read_text(encoding="utf-8") if Path(file).is_file() else ""
    items = group["items"]

    def item_at(item: dict) -> str:
        line = line_of(yml, item["guideline"], "guideline:") or line_of(yml, f"id: {item['id']}", "- ")
        return f"{file}{f', rivi {line}' if line else ''} (ryhmä {group['id']!r}, kohta {item['id']!r})"

    def bullet_at(bullet: str) -> str:
        line = line_of(markdown, bullet, "- ")
        return f"{shown}{f', rivi {line}' if line else ''}"

    quoted = [item["guideline"] for item in items]
    i = next((i for i, (q, b) in enumerate(zip(quoted, found, strict=False)) if q != b),
             min(len(quoted), len(found)))
    if i < len(found) and found[i] not in quoted and i < len(items) and quoted[i] not in found:
        return (f"{item_at(items[i])}: guideline ”{quoted[i]}” ei vastaa ohjetta, jossa lukee nyt "
                f"”{found[i]}” ({bullet_at(found[i])}). Kopioi ohjeen sanamuoto guideline-arvoksi ja tarkista, "
                "ettei text vaadi enempää kuin se.")
    if i < len(found) and found[i] not in quoted:
        return (f"{bullet_at(found[i])}: luetelmakohtaa ”{found[i]}” ei ole tarkistuslistassa {file} "
                f"(ryhmä {group['id']!r}). Lisää sille kohta (id, text, guideline) samaan kohtaan listaa.")
    if i < len(items) and quoted[i] not in found:
        return (f"{item_at(items[i])}: guideline ”{quoted[i]}” ei ole enää ohjeessa ({shown}#{group['anchor']}). "
                "Poista kohta tai korjaa sen guideline ohjeen sanamuodoksi.")
    return (f"{item_at(items[i])}: kohdat ovat eri järjestyksessä kuin ohjeessa, jossa tällä paikalla on "
            f"”{found[i]}” ({bullet_at(found[i])}). Järjestä kohdat ohjeen järjestykseen.")


# --- HTML -------------------------------------------------------------------

def script_config(cl: dict) -> dict:
    """What checklist.js needs beyond the form itself (one JSON data attribute)."""
    return {
        "id": cl["id"],
        "version": cl["version"],
        "progress": cl["progress"],
        "ready": cl["ready"]["title"] if cl["ready"] else None,
        "summary": cl["summary"] and {
            "title": cl["summary"]["title"],
            "list": f"{cl['title']} (ohjeen kohta {cl['section']})",
            "subject": f"{cl['summary']['mail_subject']} (ohjeen kohta {cl['section']})",
            "nameField": cl["summary"]["name_field"],
            "mailFields": cl["summary"]["mail_fields"],
        },
    }


def render(cl: dict, href: Href, email: str) -> Markup:
    """The checklist as an HTML form; href(link) = a docs link ({"page", "anchor"}) from the page being
    rendered, email = communications address."""
    return templates.render("checklist/checklist.html", cl=with_hrefs(cl, href),
                            href=href({"page": cl["source"], "anchor": None}), email=email, config=script_config(cl))
