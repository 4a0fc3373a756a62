"""Hostile values for the data files: a payload, every string of a YAML value, and how to put one in."""
from __future__ import annotations


def payload(n: int) -> str:
    return f"<script>alert({n})</script>\"'&|="


def strings(value, path=()):
    """(path, text) of every string in a YAML value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, path + (i,))
    elif isinstance(value, str):
        yield path, value


def put(raw, path, value):
    node = raw
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
