"""Tests import no test module and touch no sys.path; the benches import nothing from tests/.

Shared helpers live in helper modules (tests/browser.py, tests/pdftext.py, ...), fixtures in
tests/conftest.py, and what the tests share with scripts/ lives in scripts/ (harness.py,
search_queries.py). pytest.ini's `pythonpath` puts the project, tests/, the hooks, deploy/ and
scripts/ on the import path.
"""
from __future__ import annotations

import ast

import pytest

from conftest import ROOT

TESTS, SCRIPTS = ROOT / "tests", ROOT / "scripts"
TEST_HELPERS = {p.stem for p in TESTS.glob("*.py")} | {"tests"}


def imported(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, top-level module) of every import, at any depth (a function's own imports too)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def path_changes(tree: ast.AST) -> list[int]:
    """Lines that change sys.path: sys.path.insert/append/extend(...) or an assignment to sys.path[...]."""
    def is_sys_path(node: ast.AST) -> bool:
        return (isinstance(node, ast.Attribute) and node.attr == "path"
                and isinstance(node.value, ast.Name) and node.value.id == "sys")

    lines = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("insert", "append", "extend") and is_sys_path(node.func.value)):
            lines.append(node.lineno)
        elif isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(is_sys_path(t.value if isinstance(t, ast.Subscript) else t) for t in targets):
                lines.append(node.lineno)
    return lines


def faults_of_test_module(source: str, name: str) -> list[str]:
    """What a module under tests/ does that it must not: import a test module, change sys.path."""
    tree = ast.parse(source)
    return ([f"{name}:{line}: tuo testimoduulin {module}" for line, module in imported(tree)
             if module.startswith("test_")]
            + [f"{name}:{line}: muuttaa sys.pathia" for line in path_changes(tree)])


def faults_of_script(source: str, name: str) -> list[str]:
    """What a script must not do: import anything from tests/ (or put tests/ on sys.path)."""
    tree = ast.parse(source)
    return [f"{name}:{line}: tuo tests/-kansion moduulin {module}" for line, module in imported(tree)
            if module in TEST_HELPERS]


def test_no_test_module_imports_another_or_changes_sys_path():
    problems = [p for path in sorted(TESTS.glob("*.py"))
                for p in faults_of_test_module(path.read_text(encoding="utf-8"), path.stem)]
    assert not problems, "\n".join(problems)


def test_scripts_import_nothing_from_tests():
    paths = sorted(SCRIPTS.rglob("*.py"))
    assert paths
    problems = [p for path in paths for p in faults_of_script(path.read_text(encoding="utf-8"), path.stem)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("source", [
    "from test_pdf import flat",
    "import test_pdf",
    "def f():\n    from test_pdf import pdf_href\n",
    "import sys\nsys.path.insert(0, 'x')",
    "import sys\nsys.path.append('x')",
    "import sys\nsys.path[:0] = ['x']",
])
def test_the_test_module_check_finds_each_kind(source):
    assert faults_of_test_module(source, "test_x")


@pytest.mark.parametrize("source", [
    "from conftest import copy_project", "import browser", "def f():\n    from pdftext import flat\n",
    "from tests.sweep import run_sweep", "from test_search_fi import QUERIES",
])
def test_the_script_check_finds_each_kind(source):
    assert faults_of_script(source, "bench_x")


def test_the_checks_pass_helpers_and_scripts_modules():
    assert not faults_of_test_module("from pdftext import flat\nfrom harness import copy_project", "test_x")
    assert not faults_of_script("from harness import copy_project\nfrom search_queries import QUESTIONS", "bench_x")
