"""Versions of the guideline: approved baselines, the change log and the redline.

- data/versiot/<version>.yml: an approved version's text (its sections' blocks, as
  read from the guideline pages) with its name, dates and decision references. Written
  by `make hyvaksy` (macros/approve.py), never by hand. 2026.yml is the city's source
  document, the first baseline (its words are the source text: tests/test_versions.py).
- data/muutokset.yml: each change with its version, date, sections, note and kind
  (major: the rules changed; minor: typos, links, wording with the same meaning).
- The redline: the guideline pages' text now against the last baseline, by section
  (a numbered page), word by word within a sentence or bullet, whole for a sentence,
  bullet or heading added or removed, and "moved" when the same words left one place
  and arrived in another.

Diff: Python's difflib.SequenceMatcher (standard library: no new dependency in the
exact lock, maintained with Python), over sentences and bullets first, then over the
word tokens of a pair that changed. Its matching is Ratcliff/Obershelp, which keeps
the longest common runs together: a redline reads as whole phrases, not scattered letters.
"""
from __future__ import annotations

import dataclasses
import difflib
import re
from pathlib import Path
import yaml
from markupsafe import Markup

from . import templates
from .guideline import NUMBERED, SITE_NOTE
from . import models
from .models.versions import Baseline, Changes
from .validate import DataError, parse_date

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")
TOKEN = re.compile(r"\w+|[^\w\s]+|\s+")
WORD = re.compile(r"\w+")
REDLINE_PAGE = "muutokset.md"       # "Muutokset hyväksyttyyn versioon" (render_redline_page)
HISTORY_PAGE = "muutoshistoria.md"  # "Muutoshistoria" (render_history)
PAIR_RATIO = 0.5   # a removed and an added unit this alike (word tokens) are one unit changed


# --- the text of the guideline pages ------------------------------------------------------

def page_blocks(markdown: str) -> list[str]:
    """A guideline page as blocks, in a small Markdown of its own: "# heading" (any level
    as "#"), "- bullet" (nested: "  - "), or a paragraph. Site notes, comments, heading
    ids and emphasis are not the guideline's words and are left out."""
    blocks: list[str] = []
    mode = None   # what a following non-blank line continues: "para", "bullet" or nothing
    for raw in SITE_NOTE.sub("", markdown).splitlines():
        line = re.sub(r"<!--.*?-->", "", raw)
        line = re.sub(r"\s*\{[^}]*#[^}]*\}\s*$", "", line).replace("**", "").rstrip()
        text = re.sub(r"\s+", " ", line.strip())
        bullet = re.match(r"^(\s*)[-*]\s+(.*)$", line)
        if not text:
            mode = None
        elif text.startswith("#"):
            blocks.append("# " + text.lstrip("#").strip())
            mode = None
        elif bullet:
            depth = len(bullet.group(1).expandtabs(4)) // 4
            blocks.append("  " * depth + "- " + re.sub(r"\s+", " ", bullet.group(2).strip()))
            mode = "bullet"
        elif mode:
            blocks[-1] += " " + text
        else:
            blocks.append(text)
            mode = "para"
    return blocks


def nav_pages(nav: list) -> list[str]:
    """The docs pages of mkdocs.yml's nav, in order."""
    found = []
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                found += nav_pages(value)
            elif isinstance(value, str) and value.endswith(".md"):
                found.append(value)
    return found


def section_number(title: str) -> str:
    """ "3.1. Roolisi sosiaalisessa mediassa" -> "3.1"."""
    return NUMBERED.match(title).group(0).split(". ", 1)[0].rstrip(".") if NUMBERED.match(title) else ""


def current_sections(docs_dir: Path, nav: list) -> list[dict]:
    """The guideline's sections now: each numbered page in nav order, {number, title, page, blocks}."""
    sections = []
    for src in nav_pages(nav):
        path = Path(docs_dir) / src
        if not path.is_file():
            continue
        blocks = page_blocks(path.read_text(encoding="utf-8"))
        if not blocks or not blocks[0].startswith("# ") or not NUMBERED.match(blocks[0][2:]):
            continue
        title = blocks[0][2:]
        sections.append({"number": section_number(title), "title": title, "page": src, "blocks": blocks[1:]})
    return sections


# --- baselines (data/versiot/) ---------------------------------------------------------------

def load_baselines(directory: Path) -> list[dict]:
    """Every stored version, oldest first (by its last approval date; the unapproved source first)."""
    found = []
    for path in sorted(Path(directory).glob("*.yml")):
        data = models.load(path, Baseline)
        approvals = [a.model_dump() for a in data.approvals]
        dates = [parse_date(a["date"]) for a in approvals if a["date"]]
        approved = all(a["date"] for a in approvals)
        found.append({"version": data.version, "title": data.title, "last_reviewed": data.last_reviewed,
                      "approvals": approvals, "approved": approved, "approved_on": max(dates) if approved else None,
                      "note": data.note, "sections": [s.model_dump() for s in data.sections], "file": path.name})
    return sorted(found, key=lambda b: (b["approved_on"] is not None, b["approved_on"] or 0))


def baseline_yaml(ohje: dict, sections: list[dict], note: str | None = None) -> str:
    """The text of data/versiot/<version>.yml for an approved version (ohje: checked site data;
    note: the stored record's own, kept when make hyvaksy completes it)."""
    doc = ohje["document"]
    data = {"version": doc["version"], "title": doc["title"], "last_reviewed": doc["last_reviewed"],
            "approvals": [{"body": a["body"], "date": a["date"], "pykala": a["pykala"]} for a in ohje["approvals"]]}
    data |= ({"note": note} if note else {}) | {"sections": sections}
    head = (models.schema_line(Path("versiot/v.yml"), Path(".")) + "\n"
            f"# Ohjeen hyväksytty versio {doc['version']}: sen teksti, päivämäärät ja päätösten viitteet.\n"
            "# Kirjoitettu komennolla make hyvaksy. Älä muokkaa käsin: seuraavan version muutokset\n"
            "# näytetään tätä tekstiä vasten (sivu \"Muutokset hyväksyttyyn versioon\").\n")
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


# --- the change log (data/muutokset.yml) -------------------------------------------------------

def load_changes(path: Path, versions: set[str] | None = None) -> dict:
    """data/muutokset.yml: {kinds: {major, minor: heading}, changes: [{version, date, sections, kind, note}]}.
    versions: the names a change may carry (the stored versions and the draft's); None: any."""
    data = models.load(path, Changes)
    for i, change in enumerate(data.changes, 1):
        if versions is not None and change.version not in versions:
            where = f"{path}: changes[{i}]"
            raise DataError(f"{where}.version: versiota {change.version!r} ei ole. Kirjoita luonnoksen versio "
                            f"(data/ohje.yml: document.version) tai jonkin tallennetun version nimi: "
                            f"{', '.join(sorted(versions))}.")
    return {"kinds": data.kinds.model_dump(),
            "changes": [c.model_dump() | {"entry": i} for i, c in enumerate(data.changes, 1)]}


def covers(change: dict, number: str) -> bool:
    return number in change["sections"]


# --- the redline ---------------------------------------------------------------------------

@dataclasses.dataclass
class Unit:
    kind: str        # "heading", "sentence" or "bullet"
    text: str
    under: str       # the heading it stands under ("" at the top of the page)


def units(blocks: list[str]) -> list[Unit]:
    """Sentences, bullets and headings: the units added or removed whole."""
    found, under = [], ""
    for block in blocks:
        if block.startswith("# "):
            under = block[2:]
            found.append(Unit("heading", under, ""))
        elif block.lstrip().startswith("- "):
            found.append(Unit("bullet", block.lstrip()[2:], under))
        else:
            found += [Unit("sentence", s, under) for s in SENTENCE_END.split(block) if s]
    return found


def word_parts(old: str, new: str) -> list[tuple[str, str]]:
    """[(op, text)] with op "equal", "del" or "ins": new against old, word by word."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            parts.append(("ins", "".join(b[j1:j2])))
    return parts


def likeness(old: str, new: str) -> float:
    """How alike two units are, by their words (spaces and punctuation would make any two alike)."""
    return difflib.SequenceMatcher(None, WORD.findall(old.lower()), WORD.findall(new.lower()),
                                   autojunk=False).ratio()


def section_changes(old: list[Unit], new: list[Unit]) -> list[dict]:
    """The changes of one section: items {change, unit, under, parts} in the new text's order."""
    items = []
    matcher = difflib.SequenceMatcher(None, [(u.kind, u.text) for u in old], [(u.kind, u.text) for u in new],
                                      autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        removed, added = list(old[i1:i2]), list(new[j1:j2])
        for unit in added:
            match = next((u for u in removed if u.kind == unit.kind and likeness(u.text, unit.text) >= PAIR_RATIO),
                         None)
            if match is not None:
                while removed[0] is not match:   # removed before the pair, in the old order
                    gone = removed.pop(0)
                    items.append(item("removed", gone, [("del", gone.text)]))
                removed.pop(0)
                items.append(item("changed", unit, word_parts(match.text, unit.text)))
            else:
                items.append(item("added", unit, [("ins", unit.text)]))
        items += [item("removed", u, [("del", u.text)]) for u in removed]
    return items


def item(change: str, unit: Unit, parts: list[tuple[str, str]]) -> dict:
    return {"change": change, "unit": unit.kind, "under": unit.under, "text": unit.text, "parts": parts,
            "other": None}


def redline(baseline: list[dict], current: list[dict]) -> list[dict]:
    """The changed sections, {number, title, page, status, items}, in the current order
    (a removed section after the others). A unit that left one place and arrived in
    another is marked moved, with the other section's number."""
    old = {s["number"]: s for s in baseline}
    new_numbers = {s["number"] for s in current}
    sections = []
    for section in current:
        before = old.get(section["number"])
        items = section_changes(units(before["blocks"]) if before else [], units(section["blocks"]))
        if before and before["title"] != section["title"]:
            items.insert(0, {"change": "changed", "unit": "title", "under": "", "text": section["title"],
                             "parts": word_parts(before["title"], section["title"]), "other": None})
        if items:
            sections.append({**section, "status": "changed" if before else "added", "items": items})
    for section in baseline:
        if section["number"] not in new_numbers:
            sections.append({**section, "status": "removed",
                             "items": [item("removed", u, [("del", u.text)]) for u in units(section["blocks"])]})
    mark_moves(sections)
    return sections


def mark_moves(sections: list[dict]) -> None:
    """A removed unit whose words were added elsewhere: "moved" both ways."""
    added = {}
    for section in sections:
        for entry in section["items"]:
            if entry["change"] == "added":
                added.setdefault(entry["text"], []).append((section, entry))
    for section in sections:
        for entry in section["items"]:
            if entry["change"] == "removed" and added.get(entry["text"]):
                target, arrived = added[entry["text"]].pop(0)
                entry.update(change="moved_out", other=target["number"])
                arrived.update(change="moved_in", other=section["number"])


# --- what a build shows -----------------------------------------------------------------------

def state(data_dir: Path, docs_dir: Path, nav: list, ohje: dict) -> dict:
    """Everything the pages, the PDF and the checks need: the stored versions, the last one,
    the changes since it (pending), the redline, the pages with a major change, every change
    logged and the sections now (for staff_updates and the quiz)."""
    data_dir = Path(data_dir)
    baselines = load_baselines(data_dir / "versiot")
    if not baselines:
        raise DataError(f"{data_dir / 'versiot'}: yhtään tallennettua versiota ei ole; ensimmäinen on 2026.yml "
                        "(kaupungin lähdeasiakirja). Palauta se versionhallinnasta.")
    version = ohje["document"]["version"]
    last = baselines[-1]
    log = load_changes(data_dir / "muutokset.yml", {b["version"] for b in baselines} | {version})
    changes = log["changes"]
    approved_versions = {b["version"] for b in baselines if b["approved"]}
    pending = [c for c in changes if c["version"] not in approved_versions]
    current = current_sections(docs_dir, nav)
    sections = [{**s, "changes": [c for c in pending if covers(c, s["number"])]}
                for s in redline(last["sections"], current)]
    uncovered = [uncovered_message(data_dir / "muutokset.yml", section, last, version)
                 for section in sections if not any(covers(c, section["number"]) for c in pending)]
    uncovered += unchanged_major(data_dir / "muutokset.yml", pending, sections, last)
    major = {}
    for change in pending:
        if change["kind"] == "major":
            for number in change["sections"]:
                major.setdefault(number, []).append(change)
    pages = {s["page"]: major[s["number"]] for s in current if s["number"] in major}
    history = history_entries(baselines, changes, version, approved_versions)
    return {"baselines": baselines, "last": last, "pending": pending, "redline": sections, "major_pages": pages,
            "history": history, "changes": changes, "current": current, "kinds": log["kinds"], "version": version,
            "approved": ohje["approved"],
            "uncovered": uncovered}


def uncovered_message(path: Path, section: dict, last: dict, version: str) -> str:
    """A changed section with no change entry: what to add, or, when the draft still carries
    the name of the approved version it differs from, to start a new version first."""
    where = f"{path}: changes: ohjeen kohta {section['number']} ({section['page']})"
    if last["approved"] and last["version"] == version:
        return (f"{where} poikkeaa hyväksytystä versiosta {version}, ja data/ohje.yml:n document.version on yhä "
                f"\"{version}\". Hyväksyttyä versiota ei muuteta: aloita uusi versio (vaihda document.version ja "
                "tyhjennä hyväksyntöjen päivämäärät, ks. guides/viestinta.md, Versiot ja muutokset, kohta 1) ja "
                "kirjaa muutos sen versiolle. Tai palauta kohdan teksti ennalleen.")
    return (f"{where} poikkeaa viimeksi tallennetusta versiosta {last['version']}, mutta yksikään luonnoksen muutos "
            f"ei koske sitä. Lisää muutos: version: \"{version}\", date, sections: [\"{section['number']}\"], "
            "kind (major tai minor) ja lyhyt note. Tai palauta kohdan teksti ennalleen.")


def unchanged_major(path: Path, pending: list[dict], sections: list[dict], last: dict) -> list[str]:
    """A major change (the rules changed) naming a section whose text is the last stored
    version's: its note would stand on a page that did not change. A minor one may (a link fix)."""
    changed = {s["number"] for s in sections}
    return [f"{path}: changes[{c['entry']}].sections: muutos on major (säännöt muuttuivat), mutta ohjeen kohdan "
            f"{number} teksti on sama kuin viimeksi tallennetussa versiossa {last['version']}. Kirjoita "
            "sections-luetteloon kohta, jonka teksti muuttui, tai kind: minor, jos muutos ei muuttanut ohjeen tekstiä."
            for c in pending if c["kind"] == "major" for number in c["sections"] if number not in changed]


def title_notices(state: dict, title: str) -> list[str]:
    """document.title naming an earlier stored version but not the version built: a warning
    (the title stands in the header, the PDF's cover and file name and the completion sheet)."""
    order = [b["version"] for b in state["baselines"]]
    version = state["version"]
    earlier = order[:order.index(version)] if version in order else order
    named = [v for v in earlier if v in title]
    if not named or version in title:
        return []
    return [f"data/ohje.yml: document.title \"{title}\" nimeää aiemman version {named[-1]}, mutta ei versiota "
            f"{version} (document.version). Jos otsikossa on version nimi, vaihda se: otsikko näkyy sivujen "
            "ylätunnisteessa, PDF:n kansilehdellä ja tiedostonimessä sekä suoritusmerkinnässä."]


def check_covered(state: dict) -> None:
    """A section whose text differs from the last stored version needs a change entry (DataError)."""
    if state["uncovered"]:
        raise DataError(state["uncovered"][0])


def history_entries(baselines: list[dict], changes: list[dict], version: str, approved: set[str]) -> list[dict]:
    """The history page's versions, newest first: the draft (when its changes are pending),
    then each stored version with its approvals and its changes (major and minor apart)."""
    entries = []
    if version not in approved:
        mine = [c for c in changes if c["version"] == version]
        if mine:
            entries.append({"version": version, "approved": False, "approvals": [], "note": None,
                            "major": [c for c in mine if c["kind"] == "major"],
                            "minor": [c for c in mine if c["kind"] == "minor"]})
    for base in reversed(baselines):
        if not base["approved"] and base["version"] == version and entries:
            continue   # the draft of this version stands above with its changes
        mine = [c for c in changes if c["version"] == base["version"]] if base["approved"] else []
        entries.append({"version": base["version"], "approved": base["approved"], "approvals": base["approvals"],
                        "note": base["note"], "major": [c for c in mine if c["kind"] == "major"],
                        "minor": [c for c in mine if c["kind"] == "minor"]})
    return entries


# --- what staff who answered against an older version are told ---------------------------------

def history_anchor(version: str) -> str:
    """The id of a version's heading on the page "Muutoshistoria" (versions/history.html)."""
    return f"versio-{version}"


def history_link(updates: dict) -> dict:
    """"Muutoshistoria" at the newest version that changed the rules (updates: staff_updates)."""
    newest = [since["newest"] for since in updates["since"].values()]
    return {"page": HISTORY_PAGE, "anchor": history_anchor(max(newest, key=updates["order"].index)) if newest else None}


def staff_updates(state: dict) -> dict:
    """What the onboarding tells someone whose saved answers were made against an older version.

    {"current": the version answers made now carry: the version the site shows once approved; on a
                a draft's site the last approved version (the draft is not in force: an answer
                made on it must not later claim it, nor a completion sheet name it),
     "order": the known version names, oldest first (saved answers with another name or none
              are read as the first: the city's first baseline, before versions were recorded),
     "since": {version: {"newest": the newest approved version with a major change after it,
                         "changes": those major changes, oldest first,
                         "sections": their section numbers}}}
    A version is in "since" only when an approved version after it changed the rules (a major
    change): minor changes (same meaning) are no reason to tell staff to look again."""
    order = [b["version"] for b in state["baselines"]]
    if state["version"] not in order:
        order.append(state["version"])
    approved = [b["version"] for b in state["baselines"] if b["approved"]]
    current = state["version"] if state["approved"] or not approved else approved[-1]
    since = {}
    for i, version in enumerate(order):
        newer = [v for v in approved if order.index(v) > i]
        changes = [c for c in state["changes"] if c["version"] in newer and c["kind"] == "major"]
        if changes:
            newest = max((c["version"] for c in changes), key=order.index)
            since[version] = {"newest": newest, "changes": changes,
                              "sections": sorted({n for c in changes for n in c["sections"]})}
    return {"current": current, "order": order, "since": since}


# --- rendered (templates under overrides/components/versions/) --------------------------------

def render_redline_page(state: dict, links: dict[str, str]) -> Markup:
    """The redline page's body: what is compared with what, then the changes (or one line)."""
    return templates.render("versions/redline-page.html", sections=state["redline"], links=links,
                            version=state["version"], last=last_shown(state))


def last_shown(state: dict) -> dict:
    """The version the redline compares with, as the page and the draft PDF's appendix name it."""
    last = state["last"]
    return {"version": last["version"], "approved": last["approved"], "approved_on_text": approved_on_text(last)}


def render_history(state: dict, redline_href: str) -> Markup:
    return templates.render("versions/history.html", entries=state["history"], kinds=state["kinds"],
                            redline_href=redline_href)


def render_change_note(changes: list[dict], href: str) -> Markup:
    return templates.render("versions/change-note.html", changes=changes, href=href, id="muuttunut")


def approved_on_text(baseline: dict) -> str:
    day = baseline["approved_on"]
    return f"{day.day}.{day.month}.{day.year}" if day else ""
