"""What the tests (tests/conftest.py) and the benches (scripts/bench_search.py) share: a copy of
the project, its strict build, Debian's Chromium and a free port. Imports nothing from tests/."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


CHROMIUM = "/usr/bin/chromium"


CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


# Everything mkdocs needs to build the site; copied for builds from altered sources.
PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "macros", "overrides", "deploy"]  # deploy/csp.py: the CSP hook


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mkdocs_build(project: Path, dest: Path, site_url: str, wrapper: tuple[str, ...] = (),
                 **env) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` in project (wrapper: a command to run it under,
    e.g. ("unshare", "-rn")); return the finished process."""
    return subprocess.run(
        [*wrapper, sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **env},
    )


def copy_project(dest: Path) -> Path:
    """A throwaway copy of the sources, for tests that break or change them.

    With the build caches (.cache/: the Finnish search data, compiled templates) as the
    session's build left them: a copy whose words are unchanged does not compute its
    search data again. Each cache entry is keyed by all of its inputs, so a changed copy
    computes its own."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in [*PROJECT_PARTS, ".cache/search-fi", ".cache/jinja"]:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest
