"""Sources that a later move off Material for MkDocs can keep (issue 13, point 8).

Zensical reads mkdocs.yml (INHERIT included) and renders the theme with
MiniJinja, but runs no MkDocs hooks. So the theme's data must be in config as
MkDocs reads it, the templates may use Jinja filters and expressions only, and
macros/ imports nothing from mkdocs. ProperDocs: test_properdocs.py.
"""
from __future__ import annotations

import ast
import copy
import re
import subprocess
import sys
from pathlib import Path

import jinja2
import yaml
from mkdocs.config import load_config

from conftest import ROOT, FakeEnv
from harness import copy_project
from htmltext import normalise

DATA = ROOT / "data" / "ohje.yml"


def data_file() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))["extra"]["ohje"]


def test_macros_import_nothing_from_mkdocs():
    for path in sorted((ROOT / "macros").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(n == "mkdocs" or n.startswith("mkdocs.") for n in names), (path.name, names)


def test_templates_call_no_python_methods():
    """`x.y(` inside a Jinja tag is a Python method, unless x is a template imported with `as x`."""
    call = re.compile(r"\b([A-Za-z_]\w*)\.(\w+)\(")
    for path in sorted((ROOT / "overrides").rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        imported = set(re.findall(r"\{%-?\s*import\s+\S+\s+as\s+(\w+)", text))
        imported |= {"fallback"}   # Material's own translation macros (partials/languages)
        for tag in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", text, re.S):
            for obj, name in call.findall(tag):
                assert obj in imported, f"{path.relative_to(ROOT)}: {obj}.{name}() in {tag!r}"


def test_the_theme_reads_its_data_from_config_as_mkdocs_reads_it():
    """No plugin or hook runs here: load_config only reads mkdocs.yml and what it inherits."""
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    assert config.extra["ohje"] == data_file()
    theme = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")),
                               undefined=jinja2.StrictUndefined)
    theme.filters["url"] = lambda value: value
    footer = normalise(re.sub(r"<[^>]+>", " ", theme.get_template("partials/copyright.html").render(
        config={"extra": config.extra}, page=None)))
    ohje = data_file()
    assert f"{ohje['city']['name']} · {ohje['document']['title']}" in footer
    assert "Hyväksyntä: " + ", ".join(f"{a['body']} {a['date'] or 'ei vielä hyväksytty'}"
                                      for a in ohje["approvals"]) + "." in footer
    assert f"viimeksi tarkistettu {ohje['document']['last_reviewed']}" in footer
    html = theme.get_template("partials/copyright.html").render(config={"extra": config.extra}, page=None)
    assert f'href="mailto:{ohje["communications"]["email"]}?subject=' in html
    assert "Tulosta / lataa PDF" not in html   # without the PDF hook, no link to a PDF that is not made


def test_the_macros_check_the_config_data_and_put_no_theme_data_there():
    import macros

    ohje = data_file()
    conf = {"docs_dir": str(ROOT / "docs"), "extra": {"ohje": ohje}, "nav": [], "use_directory_urls": True}
    before = copy.deepcopy(ohje)
    env = FakeEnv(conf)
    macros.define_env(env)
    assert conf["extra"]["ohje"] is ohje and ohje == before      # read and checked, not replaced
    # checklists: the PDF hook's forms; ohje_status: what the data means on the build's day;
    # versions: the draft PDF's appendix of changes (macros/versions.py)
    assert set(conf["extra"]) == {"ohje", "checklists", "ohje_status", "versions"}
    assert conf["extra"]["ohje_status"]["review_late"] is False
    assert env.variables["ohje"]["city"] == ohje["city"]


def check_data(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.check_data"], cwd=project, capture_output=True, text=True)


def test_check_data_passes_the_real_data_quietly():
    result = check_data(ROOT)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_check_data_names_the_file_and_the_place_of_a_mistake_mkdocs_would_report_in_english(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / "data" / "ohje.yml"
    original = data.read_text(encoding="utf-8")
    data.write_text(original.replace("      name: Loimaan kaupunki\n", "      name: [Loimaan kaupunki\n"),
                    encoding="utf-8")
    result = check_data(project)
    last = result.stderr.strip().splitlines()[-2]   # the last: the build stopped
    assert result.returncode == 1
    assert last.startswith("VIRHE   -  data/ohje.yml, rivi ") and "virheellinen YAML" in last, result.stderr
    # An impossible ISO date stops MkDocs' own YAML reading with a bare ValueError.
    data.write_text(original.replace("next_review: 30.11.2027", "next_review: 2027-13-45"), encoding="utf-8")
    result = check_data(project)
    assert re.fullmatch(r"VIRHE   -  data/ohje\.yml, rivi \d+: (.*)", result.stderr.strip().splitlines()[-2])[1] == \
        "extra.ohje.document.next_review: kirjoita päivämäärä muodossa p.k.vvvv, esim. 15.1.2027 " \
        "(ei 2027-13-45)"


def test_make_build_and_serve_check_the_data_before_mkdocs_reads_it():
    for target in ("build", "serve"):
        plan = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        lines = plan.splitlines()
        check = next(i for i, line in enumerate(lines) if "-m macros.check_data" in line)
        mkdocs = next(i for i, line in enumerate(lines) if f"mkdocs {target}" in line)
        assert check < mkdocs, plan


def zensical_project(dest: Path) -> Path:
    """The real mkdocs.yml, theme overrides and data, with one plain page and without what
    Zensical cannot run yet: mkdocs-macros (guides/developers.md, "Portability") and the navigation of macro pages."""
    project = copy_project(dest)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config, macros = re.subn(r"\n  - macros:\n(?:      .*\n)+", "\n", config)
    config, nav = re.subn(r"\nnav:\n(?:  .*\n)+", "\n", config)
    assert (macros, nav) == (1, 1), "mkdocs.yml changed shape: update this test"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for page in (project / "docs").rglob("*.md"):
        page.unlink()
    (project / "docs" / "index.md").write_text("# Sivu\n\nTeksti.\n", encoding="utf-8")
    return project


def zensical_build(project: Path) -> str:
    result = subprocess.run([str(Path(sys.executable).parent / "zensical"), "build", "-f", "mkdocs.yml"],
                            cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return (project / "site" / "index.html").read_text(encoding="utf-8")


def test_zensical_renders_the_footer_and_the_draft_notice_from_the_data(tmp_path):
    """MiniJinja, INHERIT and no hooks: what the theme shows needs none of our Python."""
    project = zensical_project(tmp_path / "draft")
    page = zensical_build(project)
    ohje = data_file()
    footer = normalise(re.sub(r"<[^>]+>", " ", page[page.index('class="md-copyright loimaa-footer"'):]))
    assert footer.startswith(f'class="md-copyright loimaa-footer"> {ohje["city"]["name"]} · '
                             f'{ohje["document"]["title"]} Hyväksyntä: {ohje["approvals"][0]["body"]} ei vielä'), footer
    assert f"viimeksi tarkistettu {ohje['document']['last_reviewed']}" in footer
    assert f'href="mailto:{ohje["communications"]["email"]}?subject=' in page
    assert 'class="loimaa-draft"' in page

    data = project / "data" / "ohje.yml"
    text, n = re.subn(r"(- body: \w+\n +date:)\n", r"\g<1> 1.12.2026\n", data.read_text(encoding="utf-8"))
    assert n == len(ohje["approvals"])
    data.write_text(text, encoding="utf-8")
    page = zensical_build(project)
    assert 'class="loimaa-draft"' not in page
    assert f'{ohje["approvals"][-1]["body"]} 1.12.2026.' in normalise(re.sub(r"<[^>]+>", " ", page))
