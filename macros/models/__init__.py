"""The data files' shapes: one pydantic model per file under data/, the single statement of its shape.

    load(path, model) -> model instance     the one loader: YAML (macros/validate.py), then the model
    check(raw, model, file, prefix)          the same for data already read (config.extra.ohje)
    files() -> {glob: (model, schema name)}  each data file (a glob under data/): SITE_FILES here and
                                             each component's DATA (macros/components.py)
    schema(pattern) -> dict                  its JSON Schema (python -m macros.models.schemas writes them)

A mistake raises DataErrors: every mistake of the file, each in Finnish with the file, the key
and its line (errors.py). What a file means beside other files (quotes in the guideline, the role
tree, links, the change log against the stored versions) is checked apart, by the components.
Nothing here imports mkdocs.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .. import components
from ..validate import DataErrors, load_yaml, with_line
from .errors import messages
from .site import OhjeFile
from .synonyms import Synonyms
from .versions import Baseline, Changes

M = TypeVar("M", bound=BaseModel)

# The site's own data files (a glob under data/): the model, and the JSON Schema's name under
# data/schemas/. A component declares its own files (DATA in macros/<name>.py).
SITE_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "ohje.yml": (OhjeFile, "ohje"),
    "haku/synonyymit.yml": (Synonyms, "synonyymit"),
    "versiot/*.yml": (Baseline, "versio"),
    "muutokset.yml": (Changes, "muutokset"),
}
SCHEMA_DIR = "schemas"   # under data/


def files() -> dict[str, tuple[type[BaseModel], str]]:
    """Every data file (a glob under data/): its model and its schema's name."""
    return {**SITE_FILES, **components.data_files()}


def check(raw: Any, model: type[M], file: str | Path, prefix: tuple = ()) -> M:
    """raw as model; DataErrors naming file and each key (under prefix: where raw stands in the file)."""
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        raise DataErrors([with_line(m) for m in messages(err, str(file), raw, prefix)]) from None


def load(path: str | Path, model: type[M]) -> M:
    return check(load_yaml(path), model, path)


def entry_of(path: Path, data_dir: Path) -> tuple[str, type[BaseModel], str] | None:
    """(glob, model, schema name) of a file under data_dir, by files(); None for a file without one."""
    rel = Path(path).relative_to(data_dir)
    return next(((pattern, model, name) for pattern, (model, name) in files().items()
                 if rel.match(pattern) and len(rel.parts) == pattern.count("/") + 1), None)


def model_of(path: Path, data_dir: Path) -> type[BaseModel] | None:
    entry = entry_of(path, data_dir)
    return entry and entry[1]


def schema(pattern: str) -> dict:
    """The JSON Schema of the files files()[pattern] (draft 2020-12, as yaml-language-server reads it)."""
    model, _ = files()[pattern]
    found = model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **found, "title": f"data/{pattern}",
            "description": " ".join((model.__doc__ or "").split())}


def schema_line(path: Path, data_dir: Path) -> str:
    """The first line of a data file: its schema for an editor's YAML editor (yaml-language-server)."""
    _, _, name = entry_of(path, data_dir)
    rel = Path(path).relative_to(data_dir)
    line = f"# yaml-language-server: $schema={'../' * (len(rel.parts) - 1)}{SCHEMA_DIR}/{name}.schema.json"
    return line
