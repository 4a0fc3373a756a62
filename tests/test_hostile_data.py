"""Hostile data: every string of the data files, with markup in it, is refused or shown as text.

Each string of data/ohje.yml and the components' data (the checklists, the quiz, the role helper) gets
PAYLOAD (with its own number). Alone, each changed value either fails the
checks the build runs, with a message that names the file and the key, or
passes them. Then one build takes every value that passed, at once: no
<script> of the data reaches any page, each value stands in the HTML as text
(or inside a JSON data attribute), the PDF shows the city's and the
checklists' values as text, and Chromium opens no dialog on any page.
"""
from __future__ import annotations

import copy
import html
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, served
from harness import copy_project, mkdocs_build
from hostile import payload, put, strings
from macros import check_data, components, models, validate

# data/ohje.yml and every data file a component declares (DATA in macros/<name>.py).
FILES = ["ohje.yml", *sorted(path.relative_to(ROOT / "data").as_posix() for path in (ROOT / "data").rglob("*.yml")
                             if models.entry_of(path, ROOT / "data")[0] in components.data_files())]
# Values of these files that the PDF prints (its cover and the checklist appendices).
IN_PDF = re.compile(r"^(ohje\.yml:extra\.ohje\.(city\.(?!name_genitive)|document\.title|approvals)"
                    r"|tarkistuslistat/.*:(title|intro|groups.*\.(title|text)"
                    r"|fields.*\.(label|hint)|summary\.fields_title))")




def names(raw, path) -> set[str]:
    """What a message may call the key: the key names on its path and the ids of the entries it is in."""
    found, node = set(), raw
    for step in path:
        if isinstance(step, str):
            found.add(step)
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            found.add(node["id"])
        node = node[step]
    return found



def parsed_once(load_yaml):
    """load_yaml that parses each distinct file text once (the checks still run on a fresh copy
    every time): of the five files, four are unchanged in each of the 500-odd tries."""
    parsed = {}

    def load(path):
        text = Path(path).read_text(encoding="utf-8")
        if text not in parsed:
            parsed[text] = load_yaml(path)  # a YAML error is raised, not kept
        return copy.deepcopy(parsed[text])
    return load


def dump(path: Path, raw) -> None:
    # libyaml's emitter: the pure-Python one took most of the 500-odd writes' time.
    path.write_text(yaml.dump(raw, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Classify every string (refused / accepted), then build the project with all accepted ones."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "p")
    data = project / "data"
    originals = {name: yaml.safe_load((data / name).read_text(encoding="utf-8")) for name in FILES}
    accepted, refused, n = {}, [], 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(models, "load_yaml", parsed_once(validate.load_yaml))   # the one loader's reader
        for name, raw in originals.items():
            for path, text in strings(raw):
                n += 1
                changed = copy.deepcopy(raw)
                put(changed, path, f"{text} {payload(n)}")
                dump(data / name, changed)
                found = check_data.problems(data)   # what make build and the build say
                if found:
                    refused.append((name, path, "\n".join(found), names(raw, path)))
                else:
                    accepted[n] = (name, path)
            dump(data / name, raw)
    for n, (name, path) in accepted.items():
        raw = yaml.safe_load((data / name).read_text(encoding="utf-8"))
        put(raw, path, f"{dict(strings(originals[name]))[path]} {payload(n)}")
        dump(data / name, raw)
    out = project / "site"
    result = mkdocs_build(project, out, "http://127.0.0.1/ohjeet/some/", PDF="1")
    return {"accepted": accepted, "refused": refused, "site": out, "result": result}


def where(name, path) -> str:
    return name + ":" + ".".join(str(p) for p in path)


def test_every_string_was_tried_and_both_outcomes_occur(hostile):
    assert len(hostile["accepted"]) > 150 and len(hostile["refused"]) > 100
    refused = {where(name, path) for name, path, _, _ in hostile["refused"]}
    for key in ["ohje.yml:extra.ohje.communications.email", "tarkistuslistat/uusi-profiili.yml:id",
                "perehdytys/testi.yml:questions.0.quote", "perehdytys/roolit.yml:start"]:
        assert any(r == key or r.startswith(key + ".") for r in refused), key


def test_refused_values_are_named_by_file_and_key(hostile):
    for name, path, message, keys in hostile["refused"]:
        last = message.splitlines()[-1]
        assert Path(name).name in last, message
        assert any(k in last for k in keys), (where(name, path), message)


def test_build_with_every_accepted_value_passes(hostile):
    result = hostile["result"]
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_script_from_the_data_reaches_a_page_and_each_value_is_text(hostile):
    pages = {p: p.read_text(encoding="utf-8") for p in hostile["site"].rglob("*.html")}
    everything = "\n".join(pages.values())
    for page, text in pages.items():
        assert "<script>alert(" not in text, page
    for n, (name, path) in hostile["accepted"].items():
        as_text = html.escape(f"<script>alert({n})</script>", quote=False) in everything
        as_json = f"\\u003cscript\\u003ealert({n})\\u003c/script\\u003e" in everything
        unused = where(name, path) in {"ohje.yml:extra.ohje.communications.name"}   # shown nowhere today
        assert as_text or as_json or unused, where(name, path)


def test_the_pdfs_show_their_values_as_text(hostile):
    pdfs = sorted((hostile["site"] / "pdf").glob("*.pdf"))   # the guideline, the checklists' blank forms
    assert len(pdfs) == 2, pdfs
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
                   for pdf in pdfs)
    text = re.sub(r"\s+", "", text.replace("\u00ad", ""))   # narrow cells wrap the value
    for n, (name, path) in hostile["accepted"].items():
        if IN_PDF.match(where(name, path)):
            assert f"<script>alert({n})</script>" in text, where(name, path)


@pytest.mark.browser
def test_chromium_opens_no_dialog_on_any_page(hostile, browser):
    ctx = browser.new_context(locale="fi-FI")
    dialogs, errors = [], []
    page = ctx.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        with served(hostile["site"]) as url:
            for html_file in sorted(hostile["site"].rglob("index.html")):
                rel = html_file.parent.relative_to(hostile["site"]).as_posix()
                page.goto(url + ("" if rel == "." else rel + "/"), wait_until="load")
                page.wait_for_function("!document.querySelector('[data-module]:not([data-module-started])')")
            assert dialogs == [] and errors == []
            # The checklist's ready state, drawn by checklist.js, shows its value as text too.
            page.goto(url + "tarkistuslistat/ennen-julkaisua/", wait_until="load")
            for box in page.locator("input[value=ok]").all():
                box.check()
            assert "<script>alert(" in page.locator("[data-checklist-ready]").inner_text()
            assert dialogs == [] and errors == []
    finally:
        ctx.close()
