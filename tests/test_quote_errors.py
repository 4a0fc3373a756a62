"""The guideline's words shown on the site, checked by the build as an editor runs it (`make build`).

- A blockquote on a page of the site's own (docs/perehdytys/ohje-lyhyesti.md) is the guideline's
  text: when the guideline changes and every data file follows, the build still fails until the
  page does, naming its line and the guideline's current wording.
- Every quote that no longer matches, in data/ and in the pages, is named in one build.
"""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from harness import copy_project, mkdocs_build
from project_copies import finnish_only, make_build
from macros import guideline

DOCS = ROOT / "docs"
ESSENTIALS = "docs/perehdytys/ohje-lyhyesti.md"
GUIDELINE_PAGES = sorted(p for p in DOCS.rglob("*.md")
                         if guideline.Page(p.name, p.read_text(encoding="utf-8")).is_guideline)
WORD = re.compile(r"\w{6,}")


def quoted_sentences() -> list[tuple[int, str]]:
    """(line on the essentials page, sentence) of the first sentence of each of its blockquotes."""
    quotes = guideline.blockquotes((ROOT / ESSENTIALS).read_text(encoding="utf-8"))
    assert len(quotes) >= 12
    return [(line, guideline.sentences(text)[0]) for line, text in quotes]


def reword(project, sentence: str) -> tuple[str, str]:
    """Change one word of sentence where the guideline says it: (the page changed, the new sentence)."""
    for path in GUIDELINE_PAGES:
        page = project / path.relative_to(ROOT)
        text = page.read_text(encoding="utf-8")
        for line in text.splitlines():
            if sentence in guideline.plain_text(line):
                word = next(w for w in WORD.findall(sentence) if line.count(w) == 1)
                page.write_text(text.replace(line, line.replace(word, word + "kin")), encoding="utf-8")
                return path.relative_to(ROOT).as_posix(), sentence.replace(word, word + "kin")
    raise AssertionError(f"not on any guideline page: {sentence}")


def follow_in_data(project, old: str, new: str) -> None:
    """What the build asked for in data/: every quote of the old sentence now the new one."""
    for path in (project / "data").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("line, sentence", quoted_sentences())
def test_a_changed_guideline_sentence_names_the_essentials_page_line_when_data_follows(tmp_path, line, sentence):
    project = copy_project(tmp_path / "p")
    changed, new = reword(project, sentence)
    follow_in_data(project, sentence, new)
    said = finnish_only(make_build(project))
    essentials = [m for m in said if m.startswith(f"VIRHE   -  {ESSENTIALS}, rivi {line}: lainaus ”")]
    assert len(essentials) == 1, said
    assert f"ohjeessa lukee nyt ”{new}" in essentials[0] or f"{new}”" in essentials[0], essentials
    assert f"({changed}, rivi " in essentials[0], essentials
    assert all(m.startswith(f"VIRHE   -  {ESSENTIALS}") for m in said[:-1]), said


def test_the_build_itself_checks_the_essentials_page(tmp_path):
    """Not only `make build`'s data check: `mkdocs build` (CI, mkdocs serve) fails on it too."""
    line, sentence = quoted_sentences()[-1]
    project = copy_project(tmp_path / "p")
    _, new = reword(project, sentence)
    follow_in_data(project, sentence, new)
    build = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", PDF="0")
    out = build.stderr + build.stdout
    assert build.returncode != 0 and "Traceback" not in out, out
    assert f"VIRHE   -  {ESSENTIALS}, rivi {line}: lainaus" in out, out


def test_every_quote_mismatch_of_data_and_pages_is_named_in_one_build(tmp_path):
    """Three quotes made wrong in three files (a checklist, the role helper, the essentials page):
    one `make build` names all three."""
    project = copy_project(tmp_path / "p")
    files = {"data/tarkistuslistat/uusi-profiili.yml": re.compile(r'(guideline: "?)(\w+)'),
             "data/perehdytys/roolit.yml": re.compile(r'(- text: "?)(\w+)'),
             ESSENTIALS: re.compile(r"(^> )(\w+)", re.M)}
    lines = {}
    for name, pattern in files.items():
        path = project / name
        text = path.read_text(encoding="utf-8")
        m = pattern.search(text)
        lines[name] = text[:m.start()].count("\n") + 1
        path.write_text(text[:m.start(2)] + "Muka" + text[m.start(2):], encoding="utf-8")
    said = finnish_only(make_build(project))
    for name, line in lines.items():
        assert any(m.startswith(f"VIRHE   -  {name}, rivi {line}") for m in said), (name, line, said)
    assert said[-1].startswith("Käännös keskeytyi: 3 virhettä (yllä). Korjaa ne"), said
