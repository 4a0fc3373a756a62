"""`python -m macros.models.schemas [--check]` (make schemas): the data files' JSON Schemas.

Writes data/schemas/<name>.schema.json from the models (macros/models/, files()) and puts the line
"# yaml-language-server: $schema=..." first in each data file, so an editor's YAML editor
(VS Code's YAML extension, any editor with yaml-language-server) completes the keys and marks a
mistake while the file is being typed. The build still checks every file by its model.
--check: change nothing; list what is out of date (exit status 1 if anything is).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from . import SCHEMA_DIR, entry_of, files, schema, schema_line

PREFIX = "# yaml-language-server: $schema="


def schema_text(pattern: str) -> str:
    return json.dumps(schema(pattern), ensure_ascii=False, indent=2) + "\n"


def with_schema_line(text: str, line: str) -> str:
    """text with line first (in place of an older schema line)."""
    rest = text.split("\n", 1)[1] if text.startswith(PREFIX) else text
    return f"{line}\n{rest}"


def wanted(data_dir: Path) -> dict[Path, str]:
    """Every file this writes, with its text."""
    found = {data_dir / SCHEMA_DIR / f"{name}.schema.json": schema_text(pattern)
             for pattern, (_, name) in files().items()}
    for path in sorted(data_dir.rglob("*.yml")):
        if entry_of(path, data_dir):
            found[path] = with_schema_line(path.read_text(encoding="utf-8"), schema_line(path, data_dir))
    return found


def main(argv: list[str]) -> int:
    check = "--check" in argv
    data_dir = Path(next((a for a in argv if not a.startswith("--")), "data"))
    stale = [path for path, text in wanted(data_dir).items()
             if not path.is_file() or path.read_text(encoding="utf-8") != text]
    if check:
        for path in stale:
            print(f"{path}: not what the models give (macros/models/); run make schemas", file=sys.stderr)
        return 1 if stale else 0
    for path, text in wanted(data_dir).items():
        if path in stale:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
