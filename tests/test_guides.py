"""README and the guides by audience (guides/): README stays short, every relative link leads to a file
and a heading that exist, and the communications team's guide lists every message the code can give
an editor (guides/viestinta.md, "Käännöksen viestit"), as the code writes it."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

README = ROOT / "README.md"
GUIDES = ROOT / "guides"
EDITORS = GUIDES / "viestinta.md"
DOCS = [README, *sorted(GUIDES.glob("*.md"))]
README_LINES = 150

# Where the editor's messages are written: the data checks, the hooks and their Finnish library, the
# SITE_URL check and the CSP tool the build runs; Makefile and the install scripts for their echo lines.
PYTHON = ["macros/**/*.py", "overrides/hooks/**/*.py", "scripts/site_url.py", "deploy/csp.py"]
SHELL = ["Makefile", "scripts/*.sh"]
# A message of the code is Finnish (house rule: editor and build messages in Finnish); the few English
# ones are a developer's (PluginError: the theme or a hook changed) and have none of the editor's words.
ENGLISH = re.compile(r"\b(?:the|is|are|not|of|to|in|and|was|has|missing|failed|expected|no|for|with|from)\b", re.I)
# Calls whose first text argument is a message (fail(node, text): the second).
SAYS = {"DataError", "Refused", "fail", "append", "print", "warning"}


# --- helpers (plain functions) ---------------------------------------------------------------

def template(node: ast.AST) -> str:
    """A string expression as text, with … where a value goes in (as the guide writes it)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "…" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return template(node.left) + template(node.right)
    return "…"


def said(tree: ast.AST):
    """The expressions a module says to its user: raised, logged, printed, collected or returned
    messages, and the Finnish columns of its message tables (YAML_MISTAKES, YAML_FALLBACK)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            yield from node.exc.args[:1]
        elif isinstance(node, ast.Call) and (name := getattr(node.func, "id", None)
                                             or getattr(node.func, "attr", None)) in SAYS:
            yield from node.args[1:2] if name == "fail" else node.args[:1]
        elif isinstance(node, (ast.Return, ast.Lambda)):
            value = node.value if isinstance(node, ast.Return) else node.body
            yield from (value.body, value.orelse) if isinstance(value, ast.IfExp) else (value,) if value else ()
        elif isinstance(node, ast.Assign) and any(getattr(t, "id", "").startswith("YAML_") for t in node.targets):
            for item in ast.walk(node.value):   # (PyYAML's English, what is wrong, what to do), (wrong, do)
                if isinstance(item, ast.Tuple):
                    yield from item.elts[-2:]


def is_message(text: str) -> bool:
    """Finnish words of some length: not a fragment such as "…, rivi …", nor markup, nor English."""
    return len(re.sub(r"[\W\d_]", "", text)) >= 12 and not text.startswith("<") and not ENGLISH.search(text)


def code_messages(root: Path = ROOT) -> dict[str, str]:
    """Every message the code can give an editor, as text with … for its values -> the file it is in."""
    found: dict[str, str] = {}
    for pattern in PYTHON:
        for path in sorted(root.glob(pattern)):
            for node in said(ast.parse(path.read_text(encoding="utf-8"))):
                if is_message(text := template(node)):
                    found.setdefault(text, path.relative_to(root).as_posix())
    for pattern in SHELL:
        for path in sorted(root.glob(pattern)):
            for m in re.finditer(r'echo "([^"]+)"', path.read_text(encoding="utf-8")):
                if is_message(text := re.sub(r"\$\{[^}]*\}|\$\w+", "…", m[1])):
                    found.setdefault(text, path.relative_to(root).as_posix())
    return found


def flat(text: str) -> str:
    return " ".join(text.split())


def without_code(markdown: str) -> str:
    """The Markdown without its fenced blocks and code spans (an example link is no link)."""
    markdown = re.sub(r"^(\s*)```.*?^\1```", "", markdown, flags=re.S | re.M)
    return re.sub(r"(`+).+?\1", "", markdown, flags=re.S)


def slug(heading: str) -> str:
    """A heading's anchor as GitHub and GitLab make it: lower case, punctuation dropped, spaces as -."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6} (.+)$", re.sub(r"^```.*?^```", "", markdown, flags=re.S | re.M), re.M):
        base = anchor = slug(heading)
        n = 0
        while anchor in found:
            n += 1
            anchor = f"{base}-{n}"
        found.add(anchor)
    return found


def broken_links(path: Path) -> list[str]:
    """The relative links of a Markdown file whose file or heading does not exist."""
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", without_code(path.read_text(encoding="utf-8"))):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        dest = (path.parent / file).resolve() if file else path
        if not dest.exists():
            broken.append(f"{target}: no file {dest.relative_to(ROOT) if dest.is_relative_to(ROOT) else dest}")
        elif anchor and (dest.suffix != ".md" or anchor not in anchors(dest.read_text(encoding="utf-8"))):
            broken.append(f"{target}: no heading #{anchor} in {dest.name}")
    return broken


def messages_section() -> str:
    text = EDITORS.read_text(encoding="utf-8")
    return text.split("\n## Käännöksen viestit\n", 1)[1].split("\n## ", 1)[0]


# --- the tests -------------------------------------------------------------------------------

def test_readme_is_short():
    lines = README.read_text(encoding="utf-8").count("\n")
    assert lines <= README_LINES, f"README.md has {lines} lines; move detail into a guide under guides/"


def test_readme_links_every_guide():
    links = re.findall(r"\]\((guides/[^)#]+)", README.read_text(encoding="utf-8"))
    assert {p.relative_to(ROOT).as_posix() for p in GUIDES.glob("*.md")} <= set(links)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves(path):
    assert broken_links(path) == []


def test_a_broken_link_or_anchor_is_found(tmp_path):
    (tmp_path / "other.md").write_text("# Other\n\n## Käännöksen viestit (yllä)\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("[a](other.md#käännöksen-viestit-yllä) [b](other.md#kaannoksen-viestit) [c](gone.md) "
                    "`[d](gone.md)` [e](https://example.org/x) [f](#page)\n\n# Page\n", encoding="utf-8")
    problems = broken_links(page)
    assert len(problems) == 2 and "#kaannoksen-viestit" in problems[0] and "gone.md" in problems[1]


def test_the_message_list_is_read_from_the_code():
    """The derivation itself: the kinds of message it must find are found."""
    found = code_messages()
    assert len(found) > 80
    files = set(found.values())
    assert {"macros/validate.py", "overrides/hooks/finnish/page_reports.py", "macros/site_data.py",
            "overrides/hooks/finnish/messages.py", "scripts/site_url.py", "scripts/system-deps.sh"} <= files
    assert "rivillä on sarkain (Tab)" in found   # a row of the YAML_MISTAKES table
    assert not any(ENGLISH.search(text) for text in found)


def test_every_message_of_the_code_is_in_the_editors_guide():
    """Each message an editor can meet is quoted in "Käännöksen viestit" as the code writes it (… for its
    values), with what it means and what to do beside it. A new or reworded message fails here until the
    guide has it."""
    section = flat(messages_section())
    missing = [f"{where}: {text}" for text, where in code_messages().items() if flat(text) not in section]
    assert missing == [], "Add these to guides/viestinta.md, \"Käännöksen viestit\":\n" + "\n".join(missing)


def test_a_new_message_would_fail(tmp_path):
    """A message added to the code is one the guide does not have yet."""
    (tmp_path / "macros").mkdir()
    (tmp_path / "macros" / "x.py").write_text(
        'def check(v, where):\n    raise DataError(f"{where}: uusi virheviesti, jota oppaassa ei ole: {v}")\n',
        encoding="utf-8")
    assert code_messages(tmp_path) == {"…: uusi virheviesti, jota oppaassa ei ole: …": "macros/x.py"}
    assert "uusi virheviesti" not in messages_section()
