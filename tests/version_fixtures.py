"""Fixture versions of the guideline in a copied project (never the real pages).

DRAFT_2027 turns a copy of the approved 2026 into a draft of 2027 that changes one
bullet, deletes one, adds one and moves a sentence from 3.4 to 3.5, with its entries
in data/muutokset.yml (a major change in 3.4, a minor one in 3.5).
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

TIETOTURVA = "docs/ohjeistus/tietoturva.md"
ONNISTUNUT = "docs/ohjeistus/onnistunut-viestinta.md"
CHANGED = ("Luo vahvat salasanat ja suojaa ne.",
           "Luo vahvat salasanat ja säilytä ne kaupungin salasanojen hallintaohjelmassa.")
DELETED = "Tarkista sosiaalisen median profiilin yksityisyysasetukset."
ADDED = "Ota kaksivaiheinen tunnistautuminen käyttöön aina, kun palvelu sen sallii."
MOVED = "Jokainen työntekijä ja luottamushenkilö on vastuussa organisaation tietoturvasta."
MAJOR_NOTE = "Salasanat säilytetään hallintaohjelmassa, ja kaksivaiheinen tunnistautuminen otetaan käyttöön."
MINOR_NOTE = "Tietoturvavastuuta koskeva virke siirretty kohdasta 3.4."
CHANGES = f"""
  - version: "2027"
    date: 1.3.2027
    sections: ["3.4"]
    kind: major
    note: {MAJOR_NOTE}
  - version: "2027"
    date: 2.3.2027
    sections: ["3.5"]
    kind: minor
    note: {MINOR_NOTE}
"""


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def set_version(project: Path, version: str) -> None:
    path = project / "data" / "ohje.yml"
    text, n = re.subn(r'(\n\s+version:) *"[^"]*"', rf'\g<1> "{version}"', path.read_text(encoding="utf-8"))
    assert n == 1
    path.write_text(text, encoding="utf-8")


def make_draft(project: Path, with_changes: bool = True) -> None:
    """The copy's text becomes the 2027 draft (with its change entries unless with_changes=False)."""
    tietoturva, onnistunut = project / TIETOTURVA, project / ONNISTUNUT
    replace_once(tietoturva, f"- {CHANGED[0]}\n", f"- {CHANGED[1]}\n")
    replace_once(tietoturva, f"- {DELETED}\n", "")
    replace_once(tietoturva, "- Älä käytä samaa salasanaa eri palveluissa.\n",
                 f"- Älä käytä samaa salasanaa eri palveluissa.\n- {ADDED}\n")
    replace_once(tietoturva, f"{MOVED}\n\n", "")
    replace_once(onnistunut, "Kun viestit kaupungin nimissä, muista seuraavat ohjeet:\n",
                 f"{MOVED}\n\nKun viestit kaupungin nimissä, muista seuraavat ohjeet:\n")
    set_version(project, "2027")
    if with_changes:
        replace_once(project / "data" / "muutokset.yml", "\nchanges: []\n", f"\nchanges:{CHANGES}")


APPROVED_2027 = {"Johtoryhmä": "10.3.2027", "Tietoturvaryhmä": "12.3.2027", "Kaupunginhallitus": "5.4.2027"}


def approve(project: Path) -> subprocess.CompletedProcess:
    """python -m macros.approve, as `make hyvaksy` runs it."""
    return subprocess.run([sys.executable, "-m", "macros.approve"], cwd=project, capture_output=True, text=True)


def log_entry(project: Path, version: str, sections: list[str], kind: str, note: str) -> int:
    """Append an entry to the copy's data/muutokset.yml; return the line of its `sections:`."""
    path = project / "data" / "muutokset.yml"
    text = path.read_text(encoding="utf-8").replace("\nchanges: []\n", "\nchanges:\n").rstrip("\n") + "\n"
    entry = (f'  - version: "{version}"\n    date: 3.3.2027\n    sections: {sections!r}\n'
             f"    kind: {kind}\n    note: {note}\n")
    path.write_text(text + entry, encoding="utf-8")
    return len(text.splitlines()) + 3
