"""A mistake in data/ ends `mkdocs build` with the checks' own Finnish message, not a traceback.

The macros check data/ when mkdocs-macros loads them (its on_config, inside MkDocs'
build) and raise macros.validate.DataError, whose text names the file, the key and
what to do. MkDocs would print it under a 40-line traceback; here it is printed
alone, as "VIRHE" with the file relative to the project, and the build stops (exit
status 1) with the line `python -m macros.check_data` ends with (the same words in
make build and mkdocs build; under mkdocs serve: fix and save). DataError is recognised by name: the hooks
are loaded before the macros package is importable (it is, once it has raised one).
"""
from __future__ import annotations

import importlib
import logging

from mkdocs.exceptions import Abort

from finnish.messages import finnish_level, from_project, stopped
from sitebuild.serving import serving

log = finnish_level(logging.getLogger("mkdocs.hooks.data_errors"))


def _is_data_error(error: BaseException) -> bool:
    return any(kind.__name__ == "DataError" and kind.__module__.startswith("macros") for kind in type(error).__mro__)


def on_build_error(error: Exception) -> None:
    if _is_data_error(error):
        messages = getattr(error, "messages", [str(error)])   # DataErrors: every mistake found at once
        for message in messages:
            log.error(from_project(message))
        if serving():
            raise Abort(stopped(len(messages), serving=True)) from None
        check_data = importlib.import_module(type(error).__module__.partition(".")[0] + ".check_data")
        raise Abort(check_data.stopped(len(messages))) from None
