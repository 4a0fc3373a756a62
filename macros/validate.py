"""Small helpers that make a bad data file fail the build with a clear message.

Every error names the file and the place in it, so an editor of the YAML
knows exactly what to fix.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml


# libyaml's loader when PyYAML has it (ten times faster, same safe subset).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(ValueError):
    """A data file under data/ is missing, unreadable or malformed."""


def load_yaml(path: Path) -> Any:
    """Read a YAML file, turning every failure into a DataError naming it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: tiedostoa ei voi lukea ({exc.strerror})") from exc
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: virheellinen YAML: {exc}") from exc


def check_mapping(value: Any, where: str, required: set[str], optional: set[str] = frozenset()) -> dict:
    """Check that value is a mapping with exactly the allowed keys."""
    if not isinstance(value, dict):
        raise DataError(f"{where}: odotettiin avain–arvo-rakennetta, saatiin {type(value).__name__}")
    unknown = set(value) - required - set(optional)
    if unknown:
        raise DataError(f"{where}: tuntematon avain {', '.join(sorted(map(str, unknown)))}")
    missing = required - set(value)
    if missing:
        raise DataError(f"{where}: puuttuva avain {', '.join(sorted(missing))}")
    return value


def check_text(value: Any, where: str) -> str:
    """A non-empty string (numbers such as a version are accepted as text)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"{where}: odotettiin tekstiä, saatiin {value!r}")
    return value.strip()


def check_date(value: Any, where: str, *, optional: bool = False) -> dt.date | None:
    """A YAML date (VVVV-KK-PP); None is allowed only when optional."""
    if value is None and optional:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise DataError(f"{where}: odotettiin päivämäärää muodossa VVVV-KK-PP, saatiin {value!r}")


def check_list(value: Any, where: str) -> list:
    """A non-empty list."""
    if not isinstance(value, list) or not value:
        raise DataError(f"{where}: odotettiin ei-tyhjää luetteloa")
    return value
