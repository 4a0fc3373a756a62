"""The benches' readable summary in bench-results/: the measurements live there, not in the guides.

`make bench` (bench.py) writes bench-results/bench.md, scripts/bench_search.py bench-results/bench-search.md:
when and on what it was measured (UTC date, commit, CPU cores), the budgets met or missed, and the table
the bench printed. Standard library only.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"


def commit(root: Path = ROOT) -> str:
    """The short commit measured, marked when the work tree had changes; "?" outside git."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True).stdout.strip()
    try:
        head = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no")
    except OSError:
        return "?"
    return (head or "?") + (" (with uncommitted changes)" if head and dirty else "")


def summary(title: str, table: str, missed: list[str], when: dt.datetime, measured: str, cores: int) -> str:
    budgets = "all met." if not missed else "MISSED:\n\n" + "\n".join(f"- {m}" for m in missed)
    return (f"# {title}\n\n- Measured: {when:%Y-%m-%d %H:%M} UTC\n- Commit: {measured}\n- CPU cores: {cores}\n\n"
            f"Budgets: {budgets}\n\n```\n{table.rstrip()}\n```\n")


def write(name: str, title: str, table: str, missed: list[str], results: Path = RESULTS) -> Path:
    """bench-results/<name>.md; its path."""
    results.mkdir(exist_ok=True)
    path = results / f"{name}.md"
    path.write_text(summary(title, table, missed, dt.datetime.now(dt.UTC), commit(), os.cpu_count() or 0),
                    encoding="utf-8")
    return path
