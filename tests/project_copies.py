"""Altered copies of the project and their builds: approval dates, `make build` as an editor runs it."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


SITE_URL = "https://intra.example/ohjeet/some/"


# Dates the city might give: one approved body, then all three.
PARTLY = {"Johtoryhmä": "15.1.2026"}


APPROVED = {"Johtoryhmä": "15.1.2026", "Tietoturvaryhmä": "3.2.2026", "Kaupunginhallitus": "9.3.2026"}


def set_dates(project: Path, dates: dict[str, str], confirmed: bool | None = None) -> None:
    """Write approval dates into the copy's data/ohje.yml (body: date). The communications
    address is confirmed when every body has a date (an approved build refuses a placeholder),
    unless `confirmed` says otherwise."""
    path = project / "data" / "ohje.yml"
    text = path.read_text(encoding="utf-8")
    for body, date in dates.items():
        text, n = re.subn(rf"(- body: {body}\n\s+date:)[^\n]*", rf"\g<1> {date}", text)
        assert n == 1, body
    if confirmed is None:
        confirmed = not re.search(r"date: *(#[^\n]*)?\n", text)
    text, n = re.subn(r"(\n\s+confirmed:) *\w+", rf"\g<1> {str(confirmed).lower()}", text)
    assert n == 1
    path.write_text(text, encoding="utf-8")


def make_build(project) -> subprocess.CompletedProcess:
    """`make build` in a copy of the project, as an editor runs it, with this venv (nothing installed)."""
    for part in ("Makefile", "scripts", "requirements.txt"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, project / part)
    venv = Path(sys.executable).parent.parent
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", "build", f"VENV={venv}", "-o", f"{venv}/.installed-build",
                           f"PYTHON={sys.executable}"], cwd=project, env={**env, "PDF": "0"}, capture_output=True,
                          text=True)


def finnish_only(result: subprocess.CompletedProcess) -> list[str]:
    """make build's output without MkDocs' progress lines and the notices: its messages (stderr) before
    the line saying the build stopped (stdout). make itself adds nothing (tests/test_data_errors.py)."""
    assert result.returncode != 0, result.stdout + result.stderr
    out = result.stderr + result.stdout
    assert "Traceback" not in out and "WARNING" not in out and "Doc file" not in out, out
    return [line for line in out.splitlines() if line.strip()
            and not line.startswith(("INFO", "VAROITUS"))]
