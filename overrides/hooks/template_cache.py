"""Compiled theme templates kept between builds (.cache/jinja/theme/).

Compiling Material's templates and our overrides is a third of an HTML-only
build. Jinja's own bytecode cache keys each entry by the template's file and
a checksum of its source, so an edited template is compiled afresh; nothing
else changes. A checkout where .cache/ cannot be written builds without it.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

CACHE = Path(".cache/jinja/theme")


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    directory = Path(config["config_file_path"]).parent / CACHE
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(directory))
    return env
