"""The data files' shapes: one pydantic model per file under data/, the single statement of its shape.

    load(path, model) -> model instance     the one loader: YAML (macros/validate.py), then the model
    check(raw, model, file, prefix)          the same for data already read (config.extra.ohje)
    FILES                                    each data file (a glob under data/) and its model
    schema(model) -> dict                    its JSON Schema (scripts/data_schemas.py writes them)

A mistake raises DataErrors: every mistake of the file, each in Finnish with the file, the key
and its line (errors.py). What a file means beside other files (quotes in the guideline, the role
tree, links, the change log against the stored versions) is checked apart, by the components.
Nothing here imports mkdocs.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..validate import DataErrors, load_yaml, with_line
from .checklist import Checklist
from .errors import messages
from .quiz import Quiz
from .roles import Roles
from .site import OhjeFile
from .synonyms import Synonyms
from .versions import Baseline, Changes

M = TypeVar("M", bound=BaseModel)

FILES: dict[str, type[BaseModel]] = {
    "ohje.yml": OhjeFile,
    "tarkistuslistat/*.yml": Checklist,
    "perehdytys/roolit.yml": Roles,
    "perehdytys/testi.yml": Quiz,
    "haku/synonyymit.yml": Synonyms,
    "versiot/*.yml": Baseline,
    "muutokset.yml": Changes,
}
SCHEMA_DIR = "schemas"   # under data/: <model's file name>.schema.json, named in each file's first line


def check(raw: Any, model: type[M], file: str | Path, prefix: tuple = ()) -> M:
    """raw as model; DataErrors naming file and each key (under prefix: where raw stands in the file)."""
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        raise DataErrors([with_line(m) for m in messages(err, str(file), raw, prefix)]) from None


def load(path: str | Path, model: type[M]) -> M:
    return check(load_yaml(path), model, path)


def model_of(path: Path, data_dir: Path) -> type[BaseModel] | None:
    """The model of a file under data_dir, by FILES."""
    rel = Path(path).relative_to(data_dir)
    return next((m for pattern, m in FILES.items() if rel.match(pattern) and len(rel.parts) == pattern.count("/") + 1),
                None)


def schema_name(model: type[BaseModel]) -> str:
    return f"{model.__name__.lower()}.schema.json"


def schema(model: type[BaseModel]) -> dict:
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
