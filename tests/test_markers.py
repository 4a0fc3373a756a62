"""Every test that drives a browser (Chromium, or WebKit through test_webkit_journeys.py's
`webkit` fixture) carries the `browser` mark (pytest.ini), so `-m browser` and
`-m "not browser"` split the suite where it really splits."""
from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
BROWSER_FIXTURES = {"page", "browser", "context", "webkit"}


def fixtures(tree: ast.Module) -> dict[str, set[str]]:
    """Fixture name -> the fixtures it asks for, for every @pytest.fixture function of a module."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and any("fixture" in ast.unparse(d) for d in node.decorator_list):
            found[node.name] = {a.arg for a in node.args.args}
    return found


def uses_browser(names: set[str], known: dict[str, set[str]], seen: frozenset = frozenset()) -> bool:
    return bool(names & BROWSER_FIXTURES) or any(
        uses_browser(known[n], known, seen | {n}) for n in names - seen if n in known)


def marked(node: ast.AST) -> bool:
    return any("mark.browser" in ast.unparse(d) for d in getattr(node, "decorator_list", []))


def unmarked_browser_tests(path: Path, shared: dict[str, set[str]]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_mark = any(isinstance(n, ast.Assign) and "pytestmark" in ast.unparse(n.targets[0])
                      and "mark.browser" in ast.unparse(n.value) for n in tree.body)
    known = shared | fixtures(tree)
    return [f"{path.name}::{node.name}" for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
            and uses_browser({a.arg for a in node.args.args}, known) and not (module_mark or marked(node))]


def test_every_test_that_drives_the_browser_is_marked():
    shared = fixtures(ast.parse((TESTS / "conftest.py").read_text(encoding="utf-8")))
    assert uses_browser({"sweep"}, shared)  # fixtures that use the browser count too
    modules = sorted(TESTS.glob("test_*.py"))
    assert len(modules) > 40
    assert [t for p in modules for t in unmarked_browser_tests(p, shared)] == []


def test_the_check_finds_an_unmarked_browser_test(tmp_path):
    shared = {"page": set(), "sweep": {"site", "browser"}}
    module = tmp_path / "test_x.py"
    module.write_text("import pytest\n\n@pytest.fixture\ndef opened(page):\n    return page\n\n"
                      "def test_a(opened):\n    pass\n\ndef test_b(sweep):\n    pass\n\n"
                      "@pytest.mark.browser\ndef test_c(page):\n    pass\n\ndef test_d(tmp_path):\n    pass\n")
    assert unmarked_browser_tests(module, shared) == ["test_x.py::test_a", "test_x.py::test_b"]
    module.write_text("import pytest\n\npytestmark = pytest.mark.browser\n\ndef test_a(page):\n    pass\n")
    assert unmarked_browser_tests(module, shared) == []
