"""Checklist component (guideline 3.2 and 3.5): data/tarkistuslistat/*.yml.

Unit: this module (load, context; the file's shape: macros/models/checklist.py), overrides/components/checklist/
(the web form and the printable blank form, sharing field.html), checklist.js,
checklist.css, tests/test_checklist*.py.

    load_checklist(path) -> dict           one validated file
    load_checklists(data_dir) -> dict      {id: checklist}, ordered by section (3.2, then 3.5)
    check_sources(checklists, guideline)   items still quote the section's bullets
    render(cl, href, email) -> Markup      the web form (href: a docs link -> URL from the page)

As a component (macros/components.py): DATA, load, check, and macros(ctx) -> the macro
checklist(id).

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

Every problem in a file raises DataError naming the file and the key (macros/models/).
"""
from __future__ import annotations

import difflib
from pathlib import Path

from markupsafe import Markup

from . import models, templates
from .components import Context
from .guideline import Href, Guideline, bullets, line_of, parse_prose, with_hrefs
from .models.checklist import Checklist, option_of
from .validate import DataError, each, raise_all

FOLDER = "tarkistuslistat"   # under data/
DATA = {f"{FOLDER}/*.yml": (Checklist, "tarkistuslista")}


# --- loading ---------------------------------------------------------------

def load(data_dir: Path) -> dict[str, dict]:
    return load_checklists(data_dir / FOLDER)


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
    """One checklist file (its shape: macros/models/checklist.py) as the dict above."""
    where = str(path)
    cl = models.load(path, Checklist)
    groups = [{"id": g.id, "title": g.title, "anchor": g.anchor,
               "items": [{"relevant_when": i.relevant_when and i.relevant_when.model_dump(), "id": i.id,
                          "text": i.text, "guideline": i.guideline, "not_applicable": i.not_applicable}
                         for i in g.items]} for g in cl.groups]
    fields = [_field(f, f"{where}: fields[{n}] ({f.id!r})", cl) for n, f in enumerate(cl.fields or [], 1)]
    _link_records(groups, fields)
    summary = cl.summary and {
        "fields_intro": parse_prose(cl.summary.fields_intro, f"{where}: summary.fields_intro"),
        "fields_title": cl.summary.fields_title,
        "intro": parse_prose(cl.summary.intro, f"{where}: summary.intro"),
        **{key: getattr(cl.summary, key) for key in ("mail_subject", "name_field", "title")},
        "mail_fields": cl.summary.mail_fields or [cl.summary.name_field]}
    return {
        "id": cl.id,
        "title": cl.title,
        "section": cl.section,
        "source": cl.source,
        "version": cl.storage_version,
        "intro": parse_prose(cl.intro, f"{where}: intro"),
        "progress": cl.progress,
        "ready": cl.ready and {"button": cl.ready.button, "text": parse_prose(cl.ready.text, f"{where}: ready.text"),
                               "title": cl.ready.title},
        "summary": summary,
        "file": where,
        "groups": groups,
        "fields": fields,
        "item_count": sum(len(g["items"]) for g in groups),
    }


def _field(f, where: str, cl: Checklist) -> dict:
    required_when = None
    if f.required_if:
        target, option = option_of(f.required_if, {x.id: x for x in cl.fields}, ())
        required_when = {"field_label": target.label, "option_label": option.label}
    return {
        "id": f.id,
        "label": f.label,
        "type": f.type,
        "required": f.required,
        "required_if": f.required_if and f.required_if.model_dump(),
        "required_when": required_when,
        "options": [o.model_dump() for o in f.options or []],
        "hint": parse_prose(f.hint, f"{where}.hint"),
        "autocomplete": f.autocomplete,
        "records": list(f.records or []),   # item ids; _link_records resolves them
        "record_groups": [],
    }


def _link_records(groups: list[dict], fields: list[dict]) -> None:
    """Resolve each field's `records` (item ids, checked by the model) to its items, and give each
    item the fields that record it."""
    items = {item["id"]: (item, group) for group in groups for item in group["items"]}
    for item, _ in items.values():
        item["recorded_in"] = []
    for f in fields:
        resolved, record_groups = [], []
        for item_id in f["records"]:
            item, group = items[item_id]
            resolved.append({"id": item_id, "text": item["text"],
                             "group": {"id": group["id"], "title": group["title"]}})
            if resolved[-1]["group"] not in record_groups:
                record_groups.append(resolved[-1]["group"])
            item["recorded_in"].append({"id": f["id"], "label": f["label"]})
        f["records"], f["record_groups"] = resolved, record_groups


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


check = check_sources   # the component's check against the guideline (macros/components.py)


# --- HTML -------------------------------------------------------------------

def script_config(cl: dict) -> dict:
    """What checklist.js needs beyond the form itself (one JSON data attribute)."""
    return {
        "id": cl["id"],
        # The component's name first (issue 25); keys saved as the bare id before are moved by
        # loimaa.js (Loimaa.storage.renamed).
        "key": f"checklist:{cl['id']}",
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


def unknown_checklist(checklist_id: str, known: list[str]) -> str:
    """A checklist macro naming no checklist: the nearest id, and what to write."""
    close = difflib.get_close_matches(str(checklist_id), known, n=1)
    hint = f" Tarkoititko ”{close[0]}”?" if close else ""
    return (f"tarkistuslistaa ”{checklist_id}” ei ole.{hint} Kirjoita sulkeisiin jonkin kansion data/tarkistuslistat/ "
            f"tiedoston nimi ilman .yml-päätettä: {', '.join(sorted(known))}.")


def macros(ctx: Context) -> dict:
    checklists = ctx.data["checklist"]

    def checklist(checklist_id: str) -> Markup:
        if checklist_id not in checklists:
            raise DataError(unknown_checklist(checklist_id, list(checklists)))
        ctx.use("checklist")
        return render(checklists[checklist_id], ctx.href, ctx.ohje["communications"]["email"])

    return {"checklist": checklist}
