"""A component added the way guides/developers.md "Adding a component" says (issue 25, point 1).

A copy of the project gets a tiny fixture component, "laskuri", touching only the two
places, one data file and one page that issue 25 names: its module macros/laskuri.py (its model,
DATA, load and macros(ctx), whose macro calls ctx.use("laskuri")), the folder
overrides/components/laskuri/ with its template, JS and CSS, the data file data/laskuri.yml and a
page using it. No central list is edited: the build finds the
component by its folder (macros/components.py), and `make schemas` and `check_data` know its data
file. The built page carries its markup, its CSS inlined, its JS from its folder, and in Chromium
its class starts.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from browser import STARTED
from conftest import served

pytestmark = pytest.mark.browser

TITLE = "Laskurin otsikko datasta"
FILES = {
    "data/laskuri.yml": f"otsikko: {TITLE}\n",
    "macros/laskuri.py": '''"""Fixture component: data/laskuri.yml."""
from . import models, templates
from .models.types import Strict, Text


class Laskuri(Strict):
    """The counter's data: data/laskuri.yml."""
    otsikko: Text


DATA = {"laskuri.yml": (Laskuri, "laskuri")}


def load(data_dir):
    return models.load(data_dir / "laskuri.yml", Laskuri)


def macros(ctx):
    def laskuri():
        ctx.use("laskuri")
        return templates.render("laskuri/laskuri.html", title=ctx.data["laskuri"].otsikko,
                                config={"key": "laskuri", "version": 1})

    return {"laskuri": laskuri}
''',
    "overrides/components/laskuri/laskuri.html": '''<div class="loimaa-laskuri" data-module="laskuri"
     data-laskuri='{{ config | tojson }}'>
  <p class="loimaa-laskuri__title">{{ title }}</p>
  <p class="loimaa-laskuri__state" data-laskuri-state data-js-only hidden></p>
</div>
''',
    "overrides/components/laskuri/laskuri.js": '''/* Fixture component: says it started, with its settings' key. */
(window.loimaaReady = window.loimaaReady || []).push(function (Loimaa) {
  "use strict";

  class Laskuri extends Loimaa.Component {
    constructor(root) {
      super(root);
      this.part("state").textContent = "Käynnissä: " + this.key;
    }
  }

  Loimaa.register("laskuri", Laskuri);
});
''',
    "overrides/components/laskuri/laskuri.css":
        "/* Fixture component. */\n.loimaa-laskuri__title { font-weight: 700; }\n",
}


def run(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=project, capture_output=True, text=True)


@pytest.fixture(scope="module")
def added(tmp_path_factory):
    """The copy with the component added (and `make schemas` run), and its built site."""
    from harness import copy_project, mkdocs_build

    project = copy_project(tmp_path_factory.mktemp("added") / "p")
    for path, text in FILES.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    page = project / "docs" / "tietosuoja.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ laskuri() }}\n", encoding="utf-8")
    schemas = run(project, "macros.models.schemas", "data")   # make schemas
    assert schemas.returncode == 0, schemas.stderr
    out = project / "site"
    result = mkdocs_build(project, out, "http://127.0.0.1/ohjeet/some/", PDF="0")
    assert result.returncode == 0, result.stdout + result.stderr
    return project, out


@pytest.fixture(scope="module")
def added_site(added):
    return added[1]


def test_make_schemas_and_check_data_know_the_added_data_file(added):
    project, _ = added
    schema = json.loads((project / "data" / "schemas" / "laskuri.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "data/laskuri.yml" and schema["required"] == ["otsikko"]
    data = project / "data" / "laskuri.yml"
    text = data.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=schemas/laskuri.schema.json"
    assert run(project, "macros.models.schemas", "--check", "data").returncode == 0
    try:
        data.write_text(text.replace("otsikko:", "otsikkko:"), encoding="utf-8")
        found = run(project, "macros.check_data", "data")
    finally:
        data.write_text(text, encoding="utf-8")
    assert found.returncode == 1 and "laskuri.yml" in found.stderr and "otsikkko" in found.stderr, found.stderr


def test_the_added_component_is_on_its_page_with_its_js_and_css(added_site):
    html = (added_site / "tietosuoja" / "index.html").read_text(encoding="utf-8")
    assert 'data-module="laskuri"' in html and TITLE in html
    style = re.search(r'<style data-stylesheet="laskuri">([^<]*)</style>', html)
    assert style and ".loimaa-laskuri__title" in style.group(1)
    assert re.search(r'<script src="[^"]*components/laskuri/laskuri\.js" defer>', html)
    assert (added_site / "components" / "laskuri" / "laskuri.js").is_file()
    other = (added_site / "saavutettavuusseloste" / "index.html").read_text(encoding="utf-8")
    assert "laskuri" not in other   # only the page that uses it loads it


def test_the_added_component_starts_in_chromium(added_site, page):
    with served(added_site) as url:
        page.goto(url + "tietosuoja/", wait_until="load")
        page.wait_for_function(STARTED)
        state = page.locator("[data-laskuri-state]")
        assert state.is_visible() and state.inner_text() == "Käynnissä: laskuri"
        assert page.watch.console_errors == []
