"""ProperDocs (the maintained MkDocs 1.x fork) builds the same site as MkDocs (issue 13, portability)."""
from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT
from harness import mkdocs_build

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def files(site):
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"}


def test_properdocs_builds_the_same_site(tmp_path):
    url = "http://127.0.0.1/ohjeet/some/"
    ours = tmp_path / "mkdocs"
    result = mkdocs_build(ROOT, ours, url, PDF="0")
    assert result.returncode == 0, result.stderr
    theirs = tmp_path / "properdocs"
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-d", str(theirs)], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "SITE_URL": url, "PDF": "0"})
    assert result.returncode == 0, result.stdout + result.stderr
    a, b = files(ours), files(theirs)
    assert sorted(a) == sorted(b)
    different = []
    for name, path in a.items():
        x, y = path.read_bytes(), b[name].read_bytes()
        if name.endswith(".html"):   # each names its generator in a <meta>; nothing else may differ
            x, y = (GENERATOR.sub("", z.decode("utf-8")) for z in (x, y))
        if x != y:
            different.append(name)
    assert different == []
