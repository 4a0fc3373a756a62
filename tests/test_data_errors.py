"""An editor's mistake in data/: one Finnish line with the file and the line, through the editor's commands.

- Every value of every data file made wrong: the message names the line of its key (macros.validate.with_line).
- Every kind of YAML mistake in every data file: wholly Finnish, at the line where it was made.
- The same mistake is the same lines in `python -m macros.check_data`, `make build`, `make serve` and `mkdocs build`.
- `make build` ends with the Finnish message only (no "make: *** ... Error 1"), its exit status non-zero.
(mkdocs serve says the same lines: tests/test_serve.py.)
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from harness import copy_project, mkdocs_build
from project_copies import make_build
from macros import check_data

DATA_FILES = sorted(p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*.yml"))
RIVI = re.compile(r"^(?P<file>\S+\.yml), rivi (?P<line>\d+)[,:]")
# PyYAML's English (libyaml's and the pure-Python parser's words), none of which may reach the editor.
ENGLISH = re.compile(r"\b(while|scanning|parsing|expected|found|line|column|could|mapping|sequence|scalar|token|"
                     r"character|stream|allowed|context|indentation|alias|directive|escape|unknown|duplicate)\b")


def leaves(node, path=()):
    """(path, node) of every scalar of a composed YAML document, keys as names, list entries as numbers."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from leaves(value, (*path, (key.value, key)))
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            yield from leaves(value, (*path, (i, value)))
    else:
        yield path, node


def put(raw, steps, value):
    for step in steps[:-1]:
        raw = raw[step]
    raw[steps[-1]] = value


@pytest.fixture(scope="module")
def every_value_wrong(tmp_path_factory):
    """Each value of each data file in turn replaced by a mapping (no key takes one where a value
    stands): (file, the lines of its key and of the entries it is in, the check's message)."""
    project = copy_project(tmp_path_factory.mktemp("values") / "p")
    data = project / "data"
    tried = []
    for name in DATA_FILES:
        path = data / name
        original = path.read_text(encoding="utf-8")
        raw = yaml.safe_load(original)
        for steps, _ in leaves(yaml.compose(original)):
            changed = yaml.safe_load(original)
            put(changed, [s for s, _ in steps], {"x": 1})
            text = yaml.safe_dump(changed, allow_unicode=True, sort_keys=False)
            path.write_text(text, encoding="utf-8")
            # The key's line and its entries' lines in the file as written.
            node, lines = yaml.compose(text), []
            for step, _ in steps:
                if isinstance(node, yaml.MappingNode):
                    key, node = next((k, v) for k, v in node.value if k.value == step)
                    lines.append(key.start_mark.line + 1)
                else:
                    node = node.value[step]
                    lines.append(node.start_mark.line + 1)
            found = [m for m in check_data.problems(data) if m.startswith(f"{data}/{name}") or name in m]
            tried.append((name, steps, lines, found))
        path.write_text(original, encoding="utf-8")
        assert raw == yaml.safe_load(path.read_text(encoding="utf-8"))
    return tried


def test_a_wrong_value_anywhere_in_the_data_is_named_by_the_line_of_its_key(every_value_wrong):
    refused = [t for t in every_value_wrong if t[3]]
    assert len(refused) > 0.9 * len(every_value_wrong) > 300, len(refused)
    for name, steps, lines, found in refused:
        where = ".".join(str(s) for s, _ in steps)
        m = RIVI.match(found[0])
        assert m and m["file"].endswith(name), (name, where, found)
        # The key's own line, or (a message about the entry) the line of an entry it is in.
        assert int(m["line"]) in lines, (name, where, lines, found)
    own = sum(int(RIVI.match(f[0])["line"]) == lines[-1] for _, _, lines, f in refused)
    assert own > 0.8 * len(refused), own


# Each kind of mistake an editor makes in YAML, made on a line "key: value" of a file (line: the
# line, key: the line up to its colon, name: the key's name): the line as changed. indent_less only
# on an indented line; duplicate_key writes the key again on the next line (the line named).
MISTAKES = {
    "open_quote": lambda line, key, name, value: f'{key}: "{value}',
    "open_bracket": lambda line, key, name, value: f"{key}: [{value}",
    "open_brace": lambda line, key, name, value: f"{key}: {{{value}",
    "tab": lambda line, key, name, value: "\t" + line.lstrip(),
    "indent_more": lambda line, key, name, value: " " + line,
    "indent_less": lambda line, key, name, value: line[1:],
    "colon_in_value": lambda line, key, name, value: f"{key}: Huom: {value}",
    "no_colon": lambda line, key, name, value: f"{key} {value}",
    "duplicate_key": lambda line, key, name, value: f"{line}\n{key[:len(key) - len(name)].replace('-', ' ')}{name}: "
                                                    f"{value}",
}
VALUE_LINE = re.compile(r"^(?P<key> *(?:- )?[a-z_]+): (?P<value>[A-Za-zÅÄÖåäö][^#\"'\[{:]*)$")


def target(text: str, nested: bool = False) -> int | None:
    """The first line (from 0) "key: plain value" right after another key of the same mapping
    (nested: an indented one); None when there is none."""
    lines = text.splitlines()

    def indent(line):
        return len(line) - len(line.lstrip(" "))
    return next((n for n, line in enumerate(lines) if n > 0 and VALUE_LINE.match(line) and not line.startswith(" -")
                 and re.match(r"^ *[a-z_]+:", lines[n - 1]) and indent(lines[n - 1]) == indent(line)
                 and (indent(line) > 0 or not nested)), None)


@pytest.mark.parametrize("mistake", MISTAKES)
def test_each_kind_of_yaml_mistake_in_each_data_file_is_finnish_at_its_line(tmp_path, mistake):
    """python -m macros.check_data, as make build runs it: one Finnish line per file."""
    project = copy_project(tmp_path / "p")
    expected = {}
    for name in DATA_FILES:
        path = project / "data" / name
        lines = path.read_text(encoding="utf-8").splitlines()
        n = target("\n".join(lines), nested=mistake == "indent_less")
        if n is None:   # indent_less: data/haku/synonyymit.yml has no indented key
            continue
        m = VALUE_LINE.match(lines[n])
        key, value = m["key"], m["value"].strip()
        lines[n] = MISTAKES[mistake](lines[n], key, key.lstrip(" -"), value)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        expected[name] = n + 2 if mistake == "duplicate_key" else n + 1
    result = subprocess.run([sys.executable, "-m", "macros.check_data"], cwd=project, capture_output=True,
                            text=True)
    assert result.returncode == 1 and result.stdout == "", result.stderr
    said = result.stderr.splitlines()
    assert said[-1] == check_data.stopped(len(expected)) and len(said) == len(expected) + 1, result.stderr
    assert len(expected) >= len(DATA_FILES) - (mistake == "indent_less"), expected
    for name, line in expected.items():
        mine = [s for s in said if s.startswith(f"VIRHE   -  data/{name}, rivi {line}, sarake ")]
        assert len(mine) == 1, (name, line, result.stderr)
        assert "virheellinen YAML: " in mine[0] and not ENGLISH.search(mine[0].split(": ", 1)[1]), mine[0]


@pytest.fixture(scope="module")
def impossible_date(tmp_path_factory):
    """data/ohje.yml with an approval's impossible date (2026-13-01): the project and the message expected."""
    project = copy_project(tmp_path_factory.mktemp("date") / "p")
    path = project / "data" / "ohje.yml"
    text = path.read_text(encoding="utf-8")
    m = re.search(r"- body: (.+)\n( +)date:.*\n", text)
    path.write_text(text[:m.start()] + f"- body: {m[1]}\n{m[2]}date: 2026-13-01\n" + text[m.end():], encoding="utf-8")
    line = text[:m.start()].count("\n") + 2
    build = make_build(project)   # (copies the Makefile and scripts/ into the project)
    venv = Path(sys.executable).parent.parent
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    serve = subprocess.run(["make", "serve", f"VENV={venv}", "-o", f"{venv}/.installed-build",
                            f"PYTHON={sys.executable}"], cwd=project, env=env, capture_output=True, text=True,
                           timeout=120)
    return project, f"data/ohje.yml, rivi {line}: extra.ohje.approvals[{m[1]}].date: ", {"build": build, "serve": serve}


def test_check_data_make_build_and_make_serve_say_the_same_lines(impossible_date):
    project, start, make = impossible_date
    check = subprocess.run([sys.executable, "-m", "macros.check_data"], cwd=project, capture_output=True,
                           text=True)
    assert check.returncode == 1, check.stderr
    first, stopped = check.stderr.splitlines()
    assert first.startswith("VIRHE   -  " + start) and "(ei 2026-13-01)" in first, check.stderr
    assert stopped == check_data.STOPPED
    for target, result in make.items():
        assert result.returncode != 0, target
        assert [line for line in (result.stdout + result.stderr).splitlines() if line.strip()] == [first, stopped], \
            (target, result.stdout + result.stderr)


@pytest.mark.parametrize("target", ["build", "serve"])
def test_make_ends_with_the_finnish_message_alone_and_fails(impossible_date, target):
    """No "make: *** [Makefile:NN: build] Error 1" after the message; CI still sees the failure."""
    result = impossible_date[2][target]
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "make" not in out and "Error" not in out, out
    assert out.strip().splitlines()[-1] == check_data.STOPPED, out


@pytest.mark.parametrize("name, before, after", [
    ("ohje.yml", "confirmed: false", "confirmed: kyllä"),   # MkDocs reads it, the macros refuse it
    ("haku/synonyymit.yml", "tili: profiili", 'tili: "profiili'),   # read by the search hook
])
def test_a_plain_mkdocs_build_says_what_check_data_says(tmp_path, name, before, after):
    project = copy_project(tmp_path / "p")
    path = project / "data" / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(before, after, 1), encoding="utf-8")
    line = text[:text.index(before)].count("\n") + 1
    check = subprocess.run([sys.executable, "-m", "macros.check_data"], cwd=project, capture_output=True,
                           text=True)
    said = check.stderr.splitlines()
    assert len(said) == 2 and said[0].startswith(f"VIRHE   -  data/{name}, rivi {line}") and \
        said[1] == check_data.STOPPED, check.stderr
    assert not ENGLISH.search(said[0].split(": ", 1)[1]), said
    build = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", PDF="0")
    out = build.stderr + build.stdout   # the messages (logged), then the line the build stopped with
    assert build.returncode != 0 and "ERROR" not in out and "Aborted" not in out, out
    assert [line for line in out.splitlines() if line.strip() and not line.startswith(("INFO", "VAROITUS"))] \
        == said, out


@pytest.mark.parametrize("change, key", [
    # Every body has approved, the address is still a placeholder (communications.confirmed: false).
    (lambda text: re.sub(r"(?m)^( +date:)$", r"\1 1.12.2026", text), "communications.confirmed"),
    # The next review before the last one.
    (lambda text: re.sub(r"next_review: [\d.]+", "next_review: 1.1.2020", text), "document.next_review"),
], ids=["approved-with-placeholder", "review-before-last"])
def test_a_mistake_between_two_values_names_the_line_of_its_key(tmp_path, change, key):
    project = copy_project(tmp_path / "p")
    path = project / "data" / "ohje.yml"
    text = change(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    name = key.rsplit(".", 1)[1]
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.strip().startswith(f"{name}:"))
    check = subprocess.run([sys.executable, "-m", "macros.check_data"], cwd=project, capture_output=True,
                           text=True)
    assert check.stderr.splitlines()[0].startswith(f"VIRHE   -  data/ohje.yml, rivi {line}: extra.ohje.{key}: "), \
        check.stderr
