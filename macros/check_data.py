"""`python -m macros.check_data`: data/ read as the build will, before MkDocs reads it.

MkDocs reads data/ohje.yml into its config (mkdocs.yml: INHERIT) before any
code of ours runs, so a YAML mistake there would stop it with its own English
message, and an impossible date such as 2027-13-45 with a bare ValueError.
`make build` and `make serve` run this first: every data file is read with the
data's own loader and checked by its model (macros/models/), data/ohje.yml too, so the
editor gets the Finnish message naming the file and the key. Then the components' data is checked
against the guideline as the build checks it (macros.components.load_components: quotes, the
checklists' bullets), so such a mistake too comes as one Finnish message, without
the build's Python traceback. (The serve hook runs it too when a rebuild fails; the
build itself checks everything again.)

Each message is printed as the build and `mkdocs serve` print it (overrides/hooks/data_errors.py,
serve_loop.py): "VIRHE   -  " and the message, then the line saying the build stopped.
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import models, versions
from .components import load_components
from .guideline import Guideline
from .validate import DataError, load_yaml, messages_of

LEVEL = "VIRHE"   # the build's level name for an editor's error (overrides/hooks/finnish/messages.py)


def stopped(count: int = 1) -> str:
    """The line after the data's mistakes (make build; the build's data_errors.py hook says the same)."""
    if count == 1:
        return "Käännös keskeytyi tiedon virheeseen (yllä). Korjaa se ja käännä uudelleen."
    return f"Käännös keskeytyi: {count} virhettä (yllä). Korjaa ne ja käännä uudelleen."


STOPPED = stopped(1)


def error_line(message: str) -> str:
    """message as MkDocs prints an error whose level is LEVEL."""
    return f"{LEVEL:<8}-  {message}"


def problems(data_dir: Path) -> list[str]:
    """Finnish messages for every mistake in data/; empty when there is none. First each file
    alone, by its model (macros/models/); then, when every file is sound, the files against
    each other and the guideline, as the build checks them."""
    found = []
    for path in sorted(data_dir.rglob("*.yml")):
        try:
            model = models.model_of(path, data_dir)
            models.load(path, model) if model else load_yaml(path)
        except DataError as err:
            found.extend(messages_of(err))
    if not found:
        try:
            load_components(data_dir, Guideline(data_dir.parent / "docs"))
            versions.load_baselines(data_dir / "versiot")
            versions.load_changes(data_dir / "muutokset.yml")
        except DataError as err:
            found.extend(messages_of(err))
    return found


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else Path("data")
    found = problems(data_dir)
    for message in found:
        print(error_line(message), file=sys.stderr)
    if found:
        print(stopped(len(found)), file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
