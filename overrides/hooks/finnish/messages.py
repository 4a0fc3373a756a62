"""The build's messages to an editor: one Finnish line each (data_errors.py, page_errors.py, serve_loop.py,
search_fi.py).

MkDocs prints a record's level name before its message ("ERROR   -  ..."); for these
messages it is VIRHE. Paths are shown from the project's folder, as the editor
knows them (data/ohje.yml, docs/index.md). `python -m macros.check_data` prints its lines
the same way (macros/check_data.py: LEVEL, error_line).
"""
from __future__ import annotations

import logging
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
