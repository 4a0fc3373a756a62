"""A mistake in data/ ends `mkdocs build` with the checks' own Finnish message, not a traceback.

The macros check data/ when mkdocs-macros loads them (its on_config, inside MkDocs'
build) and raise macros.validate.DataError, whose text names the file, the key and
what to do. MkDocs would print it under a 40-line traceback; here it is printed
alone, as "VIRHE" with the file relative to the project, and the build stops (exit
status 1) with the line `python -m macros.check_data` ends with (the same words in
make build, mkdocs build and mkdocs serve). DataError is recognised by name: the hooks
are loaded before the macros package is importable (it is, once it has raised one).
"""
from __future__ import annotations

import importlib
import logging

from mkdocs.exceptions import Abort

from finnish.messages import finnish_level, from_project

log = finnish_level(logging.getLogger("mkdocs.hooks.data_errors"))


def is_data_error(error: BaseException) -> bool:
    return type(error).__name__ == "DataError" and type(error).__module__.startswith("macros")


def on_build_error(error):
    if is_data_error(error):
        log.error(from_project(str(error)))
        check_data = importlib.import_module(type(error).__module__.partition(".")[0] + ".check_data")
        raise Abort(check_data.STOPPED) from None
