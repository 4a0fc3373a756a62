"""The data files' models (macros/models/) and the JSON Schemas generated from them.

- Every data file has a model; the committed schemas and each file's first line are what
  `make schemas` writes from the models now.
- Each schema, read as an editor's YAML editor reads it (a small JSON Schema reader below: the
  `jsonschema` package is not installed), accepts the real file and refuses the hostile
  fixtures: an unknown key in each mapping, each required key left out, each value made a
  mapping. The model refuses each of them too.
- Every string of every file with markup in it (test_hostile_data.py's payload): the schema
  never refuses what the model accepts (no false alarm while typing), and it does refuse some.
"""
from __future__ import annotations

import copy
import json
import re

import pytest

from conftest import ROOT
from macros import models
from macros.models import schemas
from macros.validate import DataError, load_yaml
from hostile import payload, put, strings

DATA = ROOT / "data"
PATHS = sorted(DATA.rglob("*.yml"))
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def schema_of(path):
    pattern, _, name = models.entry_of(path, DATA)
    found = json.loads((DATA / models.SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert found["$schema"] == DRAFT and found["title"] == f"data/{pattern}", found.get("title")
    return found


def is_type(value, name: str) -> bool:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return {"string": isinstance(value, str), "number": number, "integer": number and isinstance(value, int),
            "boolean": isinstance(value, bool), "null": value is None, "object": isinstance(value, dict),
            "array": isinstance(value, list)}[name]


def valid(schema: dict, value, root: dict) -> bool:
    """value against schema: the keywords the generated schemas use (JSON Schema 2020-12)."""
    if "$ref" in schema:
        return valid(root["$defs"][schema["$ref"].rsplit("/", 1)[1]], value, root)
    if "anyOf" in schema and not any(valid(s, value, root) for s in schema["anyOf"]):
        return False
    if "oneOf" in schema and sum(valid(s, value, root) for s in schema["oneOf"]) != 1:
        return False
    if "enum" in schema and value not in schema["enum"]:
        return False
    types = schema.get("type")
    if types and not any(is_type(value, t) for t in ([types] if isinstance(types, str) else types)):
        return False
    if isinstance(value, str) and (len(value) < schema.get("minLength", 0)
                                   or ("pattern" in schema and not re.search(schema["pattern"], value))):
        return False
    if isinstance(value, (int, float)) and value < schema.get("minimum", value):
        return False
    if isinstance(value, list) and (len(value) < schema.get("minItems", 0) or "items" in schema and not all(
            valid(schema["items"], v, root) for v in value)):
        return False
    if isinstance(value, dict):
        props, more = schema.get("properties", {}), schema.get("additionalProperties")
        if any(k not in value for k in schema.get("required", [])) or (more is False and set(value) - set(props)):
            return False
        return all(valid(props.get(k, more if isinstance(more, dict) else {}), v, root) for k, v in value.items())
    return True


def model_accepts(path, raw) -> bool:
    try:   # (a file name that is not there: no line looked up for the message)
        models.check(raw, models.model_of(path, DATA), f"hostile/{path.name}")
    except DataError:
        return False
    return True


def mappings(value, steps=()):
    """The steps to every mapping in a value."""
    if isinstance(value, dict):
        yield steps
        for key, item in value.items():
            yield from mappings(item, (*steps, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from mappings(item, (*steps, i))


def leaves(value, steps=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*steps, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from leaves(item, (*steps, i))
    else:
        yield steps


def node(raw, steps):
    for step in steps:
        raw = raw[step]
    return raw


def hostile(raw, schema):
    """(what, changed file) for each shape mistake an editor can make in raw."""
    for steps in mappings(raw):
        if sub_schema(schema, raw, steps).get("additionalProperties") is not False:
            continue   # a mapping of free keys (the staff words of a class)
        changed = copy.deepcopy(raw)
        node(changed, steps)["tuntematon"] = "x"
        yield f"unknown key at {steps}", changed
    for steps in mappings(raw):
        sub = sub_schema(schema, raw, steps)
        for key in sub.get("required", []):
            changed = copy.deepcopy(raw)
            del node(changed, steps)[key]
            yield f"no {key} at {steps}", changed
    for steps in leaves(raw):
        changed = copy.deepcopy(raw)
        put(changed, steps, {"x": 1})
        yield f"a mapping at {steps}", changed


def sub_schema(schema, raw, steps):
    """The object schema that stands for the mapping at steps in raw (following $ref and anyOf)."""
    here, value = schema, raw
    for step in (*steps, None):
        while "$ref" in here or "anyOf" in here or "oneOf" in here:
            if "$ref" in here:
                here = schema["$defs"][here["$ref"].rsplit("/", 1)[1]]
            else:
                here = next(s for s in here.get("anyOf", here.get("oneOf")) if valid(s, value, schema))
        if step is None:
            return here
        if isinstance(step, int):
            here, value = here["items"], value[step]
        else:
            props, more = here.get("properties", {}), here.get("additionalProperties")
            here, value = props.get(step, more if isinstance(more, dict) else {}), value[step]


def test_every_data_file_has_a_model_and_the_real_files_pass_it():
    for path in PATHS:
        assert models.entry_of(path, DATA), path
        assert model_accepts(path, load_yaml(path)), path


def test_the_committed_schemas_and_first_lines_are_what_the_models_give():
    wanted = schemas.wanted(DATA)
    assert {p.name for p in (DATA / models.SCHEMA_DIR).iterdir()} == {
        p.name for p in wanted if p.suffix == ".json"}
    for path, text in wanted.items():
        assert path.read_text(encoding="utf-8") == text, f"{path}: run make schemas"
    for path in PATHS:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        target = path.parent / first.removeprefix(schemas.PREFIX)
        assert first.startswith(schemas.PREFIX) and target.resolve().is_file(), (path, first)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.relative_to(DATA).as_posix())
def test_each_schema_accepts_its_real_file_and_refuses_the_hostile_fixtures(path):
    schema, raw = schema_of(path), load_yaml(path)
    assert valid(schema, raw, schema)
    tried = 0
    for what, changed in hostile(raw, schema):
        assert not valid(schema, changed, schema), what
        assert not model_accepts(path, changed), what
        tried += 1
    assert tried > 5


def test_the_schemas_never_refuse_a_value_the_model_accepts():
    refused = 0
    for path in PATHS:
        schema, raw = schema_of(path), load_yaml(path)
        for n, (steps, text) in enumerate(strings(raw)):
            changed = copy.deepcopy(raw)
            put(changed, steps, f"{text} {payload(n)}")
            if not valid(schema, changed, schema):
                refused += 1
                assert not model_accepts(path, changed), (path.name, steps)
    assert refused > 50, refused   # ids, anchors, links, dates, addresses, kinds
