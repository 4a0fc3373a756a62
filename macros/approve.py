"""`make hyvaksy` (python -m macros.approve): store the approved version as the next baseline.

When every body has approved (data/ohje.yml: each approval has a date, the communications
address is confirmed), the guideline pages' text is written to data/versiot/<version>.yml
with the version's name, dates and decision references. From then on, the redline and the
page notes compare the next draft with this text. Refuses, in Finnish, while the version
is not fully approved, or when the text has changed since the stored version with no change
in data/muutokset.yml (the build's own check, macros/versions.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from . import versions
from .site_data import load_site_data
from .validate import DataError


class _NavLoader(yaml.SafeLoader):
    """mkdocs.yml's YAML, its tags (!ENV, !!python/name) read as nothing: only nav is wanted."""


_NavLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_NavLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_nav(project: Path) -> list:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_NavLoader)["nav"]


def _approved(stored: Path) -> bool:
    record = yaml.safe_load(stored.read_text(encoding="utf-8")) or {}
    approvals = record.get("approvals") or []
    return bool(approvals) and all(a.get("date") for a in approvals)


def approve(project: Path) -> str:
    """Write the baseline; return what was done (Finnish). DataError when it cannot be done."""
    data = project / "data"
    ohje = load_site_data(data / "ohje.yml")
    missing = [a["body"] for a in ohje["approvals"] if not a["date"]]
    if missing:
        raise DataError(f"{data / 'ohje.yml'}: extra.ohje.approvals: versio {ohje['document']['version']} ei ole "
                        f"vielä hyväksytty: päivämäärä puuttuu ({', '.join(missing)}). Kirjaa jokaisen toimielimen "
                        "päätöksen päivämäärä (ja pykälä) ja vahvista viestinnän osoite, sitten aja make hyvaksy.")
    nav = read_nav(project)
    state = versions.state(data, project / "docs", nav, ohje)
    versions.check_covered(state)   # a changed section with no change entry: the build's own refusal
    version = ohje["document"]["version"]
    target = data / "versiot" / f"{version}.yml"
    sections = [{key: s[key] for key in ("number", "title", "page", "blocks")}
                for s in versions.current_sections(project / "docs", nav)]
    record = (yaml.safe_load(target.read_text(encoding="utf-8")) or {}) if target.exists() else {}
    # The unapproved record being completed (the source of 2026) keeps its note.
    text = versions.baseline_yaml(ohje, sections, record.get("note"))
    if target.exists() and _approved(target):
        # An approved version is the record of what was approved: never overwritten. (The source of 2026 is
        # stored before its approval, so that record is completed once.)
        if target.read_text(encoding="utf-8") == text:
            return (f"Versio {version} on jo tallennettu sellaisenaan: {target.relative_to(project)}. "
                    "Mitään ei muutettu.")
        raise DataError(f"{target.relative_to(project)}: versio {version} on jo tallennettu, ja ohjeen teksti tai "
                        "hyväksyntätiedot poikkeavat siitä. Tallennettua versiota ei korvata. Jos ohjetta on "
                        "muutettu, aloita uusi versio: vaihda data/ohje.yml:n document.version ja kirjaa muutokset "
                        "tiedostoon data/muutokset.yml.")
    target.write_text(text, encoding="utf-8")
    changed = len(state["redline"])
    return (f"Versio {version} on tallennettu hyväksytyksi: {target.relative_to(project)}. "
            + (f"Muuttuneita kohtia edelliseen versioon {state['last']['version']}: {changed}. " if changed else "")
            + "Lisää tiedosto versionhallintaan (git add ja commit). Seuraavan luonnoksen muutokset näytetään "
            "tätä versiota vasten.")


def main(argv: list[str]) -> int:
    project = Path(argv[0]) if argv else Path(".")
    try:
        print(approve(project))
    except DataError as err:
        print(f"VIRHE   -  {err}", file=sys.stderr)
        print("Versiota ei tallennettu.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
