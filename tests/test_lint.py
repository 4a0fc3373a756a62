"""ruff (pinned in requirements-test.in, configured in pyproject.toml) finds nothing."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_ruff_check_is_clean():
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run([str(ruff), "check", "--no-cache", "--output-format", "concise", "."],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_reads_the_project_config():
    """The rules that keep a noqa meaningful are on: a bare or stale noqa fails the check."""
    ruff = Path(sys.executable).parent / "ruff"
    shown = subprocess.run([str(ruff), "check", "--show-settings", "tests/test_lint.py"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for rule in ["unused-noqa (RUF100)", "blanket-noqa (PGH004)", "blind-except (BLE001)"]:
        assert rule in shown, rule
