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


# --- consistency with the guideline pages -----------------------------------

def guideline_bullets(markdown: str, anchor: str) -> list[str]:
    """The bullets under the heading { #anchor } of a page, without Markdown emphasis."""
    lines = markdown.splitlines()
    start = next((i for i, line in enumerate(lines)
                  if line.startswith("#") and re.search(r"\{[^}]*#" + re.escape(anchor) + r"[\s}]", line)), None)
    if start is None:
        return []
    bullets = []
    for line in lines[start + 1:]:
        if line.startswith("#"):
            break
        if line.startswith("- "):
            bullets.append(line[2:].replace("**", "").strip())
    return bullets


def check_sources(checklists: dict[str, dict], docs_dir: Path) -> None:
    """Each group's anchor exists in the source page and its items cover that part's bullets, in order.

    The checklist must follow the guideline: when the guideline's text changes,
    the build fails until the checklist is updated too.
    """
    for cl in checklists.values():
        page = Path(docs_dir) / cl["source"]
        if not page.is_file():
            raise DataError(f"{cl['file']}: source: sivua {cl['source']} ei ole")
        text = page.read_text(encoding="utf-8")
        for group in cl["groups"]:
            where = f"{cl['file']}: ryhmä {group['id']!r}"
            bullets = guideline_bullets(text, group["anchor"])
            if not bullets:
                raise DataError(f"{where}: sivulla {cl['source']} ei ole otsikkoa {{ #{group['anchor']} }} luetelmineen")
            quoted = [item["guideline"] for item in group["items"]]
            if quoted != bullets:
                extra = [q for q in quoted if q not in bullets]
                missing = [b for b in bullets if b not in quoted]
                raise DataError(f"{where}: kohdat eivät vastaa ohjetta ({cl['source']}#{group['anchor']}); "
                                f"ohjeessa mutta ei listassa: {missing}; listassa mutta ei ohjeessa: {extra}"
                                + ("" if missing or extra else "; järjestys eroaa"))


def source_href(checklist: dict, page_url: str, use_directory_urls: bool = True) -> str:
    """Relative URL from the checklist's page to its guideline page (works under any sub-path)."""
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    target = File(checklist["source"], "", "", use_directory_urls).url
    return get_relative_url(target, page_url)


# --- HTML -------------------------------------------------------------------
# The form works without JavaScript (fieldset/legend, a label on every control).
# Elements marked data-checklist-js are hidden until checklist.js starts, and
# data-checklist-nojs ones are hidden by it. No inline styles (CSP: style-src 'self').

def render_checklist(cl: dict, href: str, email: str) -> str:
    """The checklist as an HTML form; href = source_href(), email = communications address."""
    cid = cl["id"]
    total = cl["item_count"]
    counted = "käsitelty" if _has_na(cl) else "vahvistettu"
    parts = [
        f'<div class="loimaa-checklist" data-module="checklist" data-checklist-id="{cid}" '
        f'data-checklist-version="{cl["version"]}" data-checklist-counted="{counted}" '
        f'data-checklist-title="{escape(cl["title"])} (ohjeen kohta {cl["section"]})">',
        f'<p class="loimaa-checklist__intro">{escape(cl["intro"])}</p>' if cl["intro"] else "",
        f'<p class="loimaa-checklist__storage-note admonition warning" data-checklist-storage-note hidden>'
        'Selaimesi ei salli tallentamista: vastauksia ei tallenneta, ja ne katoavat, kun suljet sivun.</p>',
        '<div class="loimaa-checklist__status" data-checklist-js hidden>',
        f'<p class="loimaa-checklist__progress" role="status" data-checklist-progress>'
        f'<strong>0 / {total}</strong> kohtaa {counted}</p>',
        f'<progress class="loimaa-checklist__bar" max="{total}" value="0" aria-hidden="true" data-checklist-bar></progress>',
        '</div>',
        # Not in the search index: the items quote the guideline, whose own page
        # should be the hit. (On the <form>: Material's search parser ends an
        # exclusion at the first closing tag of the same name, and forms never nest.)
        f'<form class="loimaa-checklist__form" id="{cid}" action="#" aria-label="{escape(cl["title"])}" '
        'data-search-exclude>',
    ]
    for group in cl["groups"]:
        parts.append(_group_html(cid, group, href))
    if cl["fields"]:
        parts.append(_fields_html(cid, cl["fields"]))
    parts.append('</form>')
    if _has_na(cl):
        parts.append(
            '<div class="loimaa-checklist__ready admonition success" data-checklist-ready hidden>'
            '<p class="admonition-title">Valmis julkaistavaksi</p>'
            '<p>Kaikki kohdat on käsitelty. Kun aloitat seuraavan julkaisun, tyhjennä lista.</p>'
            '<p><button type="button" class="md-button md-button--primary" data-checklist-clear>Uusi julkaisu</button></p>'
            '</div>')
    parts.append(
        '<div class="loimaa-checklist__actions loimaa-no-print" data-checklist-js hidden>'
        f'<p class="loimaa-checklist__progress-copy" data-checklist-progress-copy>0 / {total} kohtaa {counted}</p>'
        '<button type="button" class="md-button" data-checklist-clear>Tyhjennä vastaukset</button>'
        '<p class="loimaa-checklist__message" role="status" data-checklist-message></p>'
        '</div>')
    if cl["fields"]:
        parts.append(_summary_html(cid, cl, email))
    parts.append('</div>')
    return "\n".join(p for p in parts if p)


def _has_na(cl: dict) -> bool:
    return any(item["not_applicable"] for g in cl["groups"] for item in g["items"])


def _group_html(cid: str, group: dict, href: str) -> str:
    link = f"{escape(href)}#{group['anchor']}"
    rows = [f'<fieldset class="loimaa-checklist__group" id="{cid}-{group["id"]}" data-checklist-group>',
            f'<legend>{escape(group["title"])}</legend>',
            '<ul class="loimaa-checklist__items">']
    for item in group["items"]:
        base = f"{cid}-{item['id']}"
        rows.append(
            f'<li class="loimaa-checklist__item" data-checklist-item="{item["id"]}">'
            f'<div class="loimaa-checklist__check">'
            f'<input type="checkbox" id="{base}" name="{item["id"]}" value="ok" aria-describedby="{base}-ohje">'
            f'<label for="{base}" id="{base}-label">{escape(item["text"])}</label></div>'
            f'<p class="loimaa-checklist__guideline" id="{base}-ohje">Ohjeessa: '
            f'<a href="{link}">”{escape(item["guideline"])}”</a></p>')
        if item["not_applicable"]:
            rows.append(
                f'<div class="loimaa-checklist__na">'
                f'<input type="checkbox" id="{base}-na" name="{item["id"]}-na" value="na" aria-describedby="{base}-label">'
                f'<label for="{base}-na">Ei koske tätä julkaisua</label></div>')
        rows.append('</li>')
    rows += ['</ul>', '</fieldset>']
    return "\n".join(rows)


def _fields_html(cid: str, fields: list[dict]) -> str:
    labels = {f["id"]: f for f in fields}
    rows = ['<fieldset class="loimaa-checklist__group loimaa-checklist__fields" '
            f'id="{cid}-tiedot" data-checklist-fields>',
            '<legend>Tiedot viestinnälle</legend>',
            '<p class="loimaa-checklist__fields-intro">Viestintä tarvitsee nämä tiedot päättääkseen profiilista.</p>']
    for f in fields:
        rows.append(_field_html(cid, f, labels))
    rows.append('</fieldset>')
    return "\n".join(rows)


def _required_note(f: dict, fields: dict[str, dict]) -> str:
    if f["required"]:
        return " (pakollinen)"
    cond = f["required_if"]
    if cond:
        target = fields[cond["field"]]
        option = next(o["label"] for o in target["options"] if o["value"] == cond["value"])
        return f" (pakollinen, jos {target['label'].lower()} on {option.lower()})"
    return ""


def _field_html(cid: str, f: dict, fields: dict[str, dict]) -> str:
    fid = f"{cid}-{f['id']}"
    data = f'data-checklist-field="{f["id"]}"'
    if f["required"]:
        data += ' data-required="true"'
    if f["required_if"]:
        data += f' data-required-if="{f["required_if"]["field"]}={f["required_if"]["value"]}"'
    label_text = escape(f["label"]) + f'<span class="loimaa-field__required">{escape(_required_note(f, fields))}</span>'
    hint = f'<p class="loimaa-field__hint" id="{fid}-hint">{escape(f["hint"])}</p>' if f["hint"] else ""
    described = f' aria-describedby="{fid}-hint"' if f["hint"] else ""
    required = " required" if f["required"] else ""
    if f["type"] == "radio":
        options = "".join(
            f'<div class="loimaa-field__option"><input type="radio" id="{fid}-{o["value"]}" name="{f["id"]}" '
            f'value="{o["value"]}"{required}><label for="{fid}-{o["value"]}">{escape(o["label"])}</label></div>'
            for o in f["options"])
        return (f'<fieldset class="loimaa-field loimaa-field--radio" {data}{described}>'
                f'<legend>{label_text}</legend>{hint}{options}</fieldset>')
    attrs = f'id="{fid}" name="{f["id"]}"{required}{described}'
    if f["type"] == "textarea":
        control = f'<textarea {attrs} rows="3"></textarea>'
    elif f["type"] == "select":
        options = "".join(f'<option value="{o["value"]}">{escape(o["label"])}</option>' for o in f["options"])
        control = f'<select {attrs}><option value="">Valitse</option>{options}</select>'
    else:
        control = f'<input type="{f["type"]}" {attrs} autocomplete="off">'
    return (f'<div class="loimaa-field loimaa-field--{f["type"]}" {data}>'
            f'<label for="{fid}">{label_text}</label>{hint}{control}</div>')


def _summary_html(cid: str, cl: dict, email: str) -> str:
    mail = escape(email)
    subject = escape(f"Someprofiilipyyntö (ohjeen kohta {cl['section']})")
    return "\n".join([
        f'<p class="loimaa-checklist__nojs" data-checklist-nojs>Tulosta täytetty lomake tai kopioi tiedot ja lähetä ne '
        f'viestinnälle osoitteeseen <a href="mailto:{mail}">{mail}</a>.</p>',
        f'<section class="loimaa-summary" aria-labelledby="{cid}-yhteenveto-otsikko" data-checklist-js hidden>',
        f'<h2 id="{cid}-yhteenveto-otsikko">Yhteenveto viestinnälle</h2>',
        '<p class="loimaa-summary__intro loimaa-no-print">Yhteenveto päivittyy, kun täytät lomaketta. '
        'Puuttuvat tiedot ja vahvistamattomat kohdat näkyvät siinä.</p>',
        '<div class="loimaa-summary__body" data-checklist-summary></div>',
        '<div class="loimaa-summary__actions loimaa-no-print">',
        '<button type="button" class="md-button" data-checklist-print>Tulosta yhteenveto</button>',
        '<button type="button" class="md-button" data-checklist-copy>Kopioi leikepöydälle</button>',
        f'<a class="md-button md-button--primary" href="mailto:{mail}" data-checklist-mailto '
        f'data-email="{mail}" data-subject="{subject}">Lähetä sähköpostilla viestinnälle</a>',
        f'<p class="loimaa-summary__to">Vastaanottaja: {mail}</p>',
        '<p class="loimaa-summary__message" role="status" data-checklist-summary-message></p>',
        '</div>',
        '</section>',
    ])
