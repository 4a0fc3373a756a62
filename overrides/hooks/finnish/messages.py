"""The build's messages to an editor: one Finnish line each (data_errors.py, page_errors.py, serve_loop.py,
search_fi.py).

MkDocs prints a record's level name before its message ("ERROR   -  ..."); for these
messages it is VIRHE. Paths are shown from the project's folder, as the editor
knows them (data/ohje.yml, docs/index.md). `python -m macros.check_data` prints its lines
the same way (macros/check_data.py: LEVEL, error_line).
"""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path

LEVEL = "VIRHE"


def _relabel(record: logging.LogRecord) -> bool:
    record.levelname = LEVEL
    return True


def finnish_level(logger: logging.Logger) -> logging.Logger:
    """Every record of logger (one that logs only an editor's errors) is printed as VIRHE."""
    if _relabel not in logger.filters:
        logger.addFilter(_relabel)
    return logger


def from_project(message: str, root: Path | None = None) -> str:
    """message with the project's folder (by default the current one) left out of its paths."""
    return message.replace(f"{root or Path.cwd()}/", "")


def stopped(count: int, serving: bool = False, pdf: bool = False) -> str:
    """The one line after the mistakes (VIRHE lines above it): how many, and what to do.

    `make build`: fix and build again. `make serve` re-reads a file on save: fix and save; the server
    keeps the last good site meanwhile. pdf: the build stopped before making the PDF (a page's mistake)."""
    mistakes, them = ("virhe", "se") if count == 1 else ("virhettä", "ne")
    if serving:
        return (f"Sivustoa ei käännetty uudelleen: {count} {mistakes} (yllä). Korjaa {them} ja tallenna tiedosto; "
                "palvelin näyttää siihen asti viimeisimmän onnistuneen version.")
    return f"Käännös keskeytyi: {count} {mistakes} (yllä). Korjaa {them} ja käännä uudelleen" + \
        ("; PDF:ää ei tehty." if pdf else ".")


# MkDocs' own progress lines an editor needs, in Finnish (the rest of its INFO lines are left out).
EDITOR_INFO = [
    (re.compile(r"Documentation built in (?P<s>[\d.]+) seconds"),
     lambda m: f"Sivusto käännetty ({m['s'].replace('.', ',')} s)."),
    (re.compile(r"Serving on (?P<url>\S+)"),
     lambda m: f"Sivusto näkyy osoitteessa {m['url']} (Ctrl+C lopettaa). Tallennettu muutos näkyy heti."),
    (re.compile(r"Detected file changes"), lambda m: "Tiedostoa muutettu: käännetään uudelleen…"),
]
INFO_LEVEL = "TIETO"


class EditorLog(logging.Filter):
    """On MkDocs' output: VAROITUS and VIRHE lines as they are; of the INFO lines only those in
    EDITOR_INFO, in Finnish; MkDocs' and mkdocs-macros' other English progress lines left out."""

    def filter(self, record):
        if record.levelno >= logging.WARNING:
            return True
        for pattern, finnish in EDITOR_INFO:
            if m := pattern.search(record.getMessage()):
                record.msg, record.args, record.levelname = finnish(m), (), INFO_LEVEL
                return True
        return False


def editor_log(handler_of: str = "mkdocs") -> None:
    """`make build` and `make serve` (FINNISH_ONLY=1 in the Makefile): the editor sees only Finnish lines.
    A developer's `mkdocs build` and CI keep MkDocs' INFO lines."""
    if os.environ.get("FINNISH_ONLY") != "1":
        return
    for handler in logging.getLogger(handler_of).handlers:
        if isinstance(handler, logging.StreamHandler) and not any(isinstance(f, EditorLog) for f in handler.filters):
            handler.addFilter(EditorLog())
