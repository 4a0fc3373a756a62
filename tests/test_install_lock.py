"""scripts/install-lock.sh installs a lock exactly, whatever the index offers.

The failure this guards against (2026-12): the pip that `python3 -m venv` brings
resolved weasyprint's `fonttools[woff]>=…` against the index, found a release
newer than the lock, and refused the whole install under --require-hashes. Here
a local index plays the part of PyPI after such a release: it holds the locked
versions and newer ones with other dependencies, and the installed set must
still be the lock, with the interpreter's own pip.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

INSTALL = ROOT / "scripts" / "install-lock.sh"

# name -> version -> Requires-Dist lines. "alpha" asks for an extra of "beta" with a
# lower bound only, as weasyprint asks for fonttools[woff]. The newer releases pull
# in a package the lock never names.
INDEX = {
    "alpha": {"1.0": ["beta[fast]>=1.0"]},
    "beta": {"1.0": ["gamma>=1.0; extra == 'fast'"], "2.0": ["gamma>=2.0; extra == 'fast'", "delta"]},
    "gamma": {"1.0": [], "2.0": ["delta"]},
    "delta": {"1.0": []},
}
LOCKED = {"alpha": "1.0", "beta": "1.0", "gamma": "1.0"}


def wheel(folder: Path, name: str, version: str, requires: list[str]) -> Path:
    """A minimal pure-Python wheel with one module and the given dependencies."""
    path = folder / f"{name}-{version}-py3-none-any.whl"
    info = f"{name}-{version}.dist-info"
    extras = sorted({r.split("extra == '")[1].rstrip("'") for r in requires if "extra ==" in r})
    metadata = "\n".join(["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}",
                          *[f"Provides-Extra: {e}" for e in extras],
                          *[f"Requires-Dist: {r}" for r in requires]]) + "\n"
    files = {f"{name}.py": f"VERSION = {version!r}\n", f"{info}/METADATA": metadata,
             f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    record = "".join(f"{n},,\n" for n in files) + f"{info}/RECORD,,\n"
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in {**files, f"{info}/RECORD": record}.items():
            archive.writestr(member, text)
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def index_and_lock(tmp_path_factory):
    root = tmp_path_factory.mktemp("index")
    (root / "wheels").mkdir()
    built = {(n, v): wheel(root / "wheels", n, v, deps) for n, versions in INDEX.items()
             for v, deps in versions.items()}
    lock = root / "requirements.txt"
    lock.write_text("".join(f"{n}=={v} \\\n    --hash=sha256:{sha256(built[n, v])}\n"
                            for n, v in LOCKED.items()), encoding="utf-8")
    return root / "wheels", lock


@pytest.fixture(scope="module")
def bare_venv(tmp_path_factory) -> Path:
    """A venv with the pip that this interpreter bundles (what `python3 -m venv` brings)."""
    where = tmp_path_factory.mktemp("bare") / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", str(where)], check=True)
    return where


@pytest.fixture
def fresh_venv(bare_venv, tmp_path) -> Path:
    """A copy of the bare venv for one test (its python is a link to the interpreter)."""
    shutil.copytree(bare_venv, tmp_path / "venv", symlinks=True)
    return tmp_path / "venv" / "bin" / "python"


def only_this_index(wheels: Path) -> dict:
    """pip sees the local folder and nothing else: no config files, no PyPI."""
    return {**os.environ, "PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1",
            "PIP_FIND_LINKS": str(wheels), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def installed(python: Path) -> dict[str, str]:
    code = ("import json, importlib.metadata as m;"
            "print(json.dumps({d.metadata['Name']: d.version for d in m.distributions()}))")
    found = json.loads(subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout)
    return {n: v for n, v in found.items() if n not in {"pip", "setuptools", "wheel"}}


def test_the_install_is_the_lock_when_the_index_has_newer_releases(index_and_lock, fresh_venv):
    wheels, lock = index_and_lock
    python = fresh_venv
    pip_version = subprocess.run([python, "-m", "pip", "--version"], capture_output=True, text=True).stdout
    result = subprocess.run([INSTALL, python, lock], capture_output=True, text=True, env=only_this_index(wheels))
    assert result.returncode == 0, f"{pip_version}\n{result.stdout}\n{result.stderr}"
    assert installed(python) == LOCKED


def test_the_old_way_fails_on_the_same_index(index_and_lock, fresh_venv):
    """The index above does reproduce the failure: plain --require-hashes resolves the extra."""
    wheels, lock = index_and_lock
    python = fresh_venv
    result = subprocess.run([python, "-m", "pip", "install", "-q", "--require-hashes", "-r", lock],
                            capture_output=True, text=True, env=only_this_index(wheels))
    refused = result.returncode != 0 and "all requirements must have their versions pinned" in result.stderr
    assert refused or installed(python) != LOCKED, f"the index no longer models the failure: {result.stderr}"


def test_an_incomplete_lock_is_refused_in_finnish(index_and_lock, fresh_venv, tmp_path):
    wheels, lock = index_and_lock
    partial = tmp_path / "partial.txt"
    partial.write_text("\n".join(lock.read_text().splitlines()[:2]) + "\n", encoding="utf-8")  # alpha only
    python = fresh_venv
    result = subprocess.run([INSTALL, python, partial], capture_output=True, text=True, env=only_this_index(wheels))
    assert result.returncode != 0
    assert "ei ole täydellinen" in result.stderr and "make lock" in result.stderr, result.stderr


def test_every_install_in_make_and_ci_goes_through_the_script():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install" not in makefile, "install a lock with scripts/install-lock.sh"
    for lock in ["requirements.txt", "requirements-test.txt", "scripts/pip-tools.txt"]:
        assert f"install-lock.sh $(BIN)/python {lock}" in makefile or f"/bin/python {lock}" in makefile, lock
    assert "npm ci" in makefile and "npm install" not in makefile, "Lighthouse from the committed lockfile"


def test_lighthouse_lockfile_pins_what_npm_ci_would_check_against_the_registry():
    """npm ci compares a dist-tag such as "latest" with the registry's newest release: an
    upstream release would break `make bench`. Every such tag is pinned by an override."""
    folder = ROOT / "scripts" / "lighthouse"
    package = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((folder / "package-lock.json").read_text(encoding="utf-8"))
    assert all(v[0].isdigit() for v in package["dependencies"].values()), package["dependencies"]
    installed = {path.rsplit("node_modules/", 1)[1]: entry["version"]
                 for path, entry in lock["packages"].items() if path}
    assert installed["lighthouse"] == package["dependencies"]["lighthouse"]
    for path, entry in lock["packages"].items():
        for name, wanted in entry.get("dependencies", {}).items():
            if re.fullmatch(r"[A-Za-z][\w.-]*", wanted) and wanted != "x":  # a tag, not a range
                assert package["overrides"].get(name) == installed[name], f"{path} asks {name}@{wanted}"
