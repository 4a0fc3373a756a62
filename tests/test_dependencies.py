"""Locked dependencies: short pinned lists (requirements*.in) compiled into locks
with hashes (requirements*.txt), and the environment the tests run in is the lock."""
from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+?)\s*(?:\\|#|$)")


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if not line or line.startswith(("-r ", "-c ")):
            continue
        match = PIN.match(line)
        assert match, f"{path.name}: {line!r} is not pinned with =="
        pins[norm(match.group(1))] = match.group(2)
    return pins


def locked(path: Path) -> dict[str, str]:
    """name -> version of a compiled lock; every entry must carry its hashes."""
    text = path.read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 1)[1])
    pins = {}
    for entry in entries:
        if not entry.strip() or entry.lstrip().startswith("#"):
            continue
        match = PIN.match(entry)
        assert match, f"{path.name}: {entry.splitlines()[0]!r} is not pinned with =="
        assert "--hash=sha256:" in entry, f"{path.name}: {match.group(1)} has no hash"
        pins[norm(match.group(1))] = match.group(2)
    return pins


def test_every_package_is_locked_with_hashes_as_the_short_lists_pin_it():
    for short, lock in [("requirements.in", "requirements.txt"),
                        ("requirements-test.in", "requirements-test.txt")]:
        wanted, got = direct_pins(ROOT / short), locked(ROOT / lock)
        assert "pip-compile" in (ROOT / lock).read_text(encoding="utf-8"), f"{lock}: compile it: make lock"
        for name, version in wanted.items():
            assert got.get(name) == version, f"{lock}: {name} {got.get(name)} != {version} in {short}"
        assert len(got) > len(wanted), f"{lock}: the transitive packages are missing"


def test_build_lock_and_test_lock_agree():
    build, test = locked(ROOT / "requirements.txt"), locked(ROOT / "requirements-test.txt")
    assert {n: test.get(n) for n in build} == build


def test_the_running_environment_is_the_test_lock():
    lock = locked(ROOT / "requirements-test.txt")
    installed = {norm(d.metadata["Name"]): d.version for d in metadata.distributions()}
    for name, version in lock.items():
        assert installed.get(name) == version, f"{name}: installed {installed.get(name)}, locked {version}"
    extra = set(installed) - set(lock) - {"pip", "setuptools", "wheel"}
    assert not extra, f"installed but not in the lock: {sorted(extra)}"

