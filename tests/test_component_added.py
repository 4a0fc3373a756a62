"""A component added the way guides/developers.md "Adding a component" says (issue 25, point 1).

A copy of the project gets a tiny fixture component, "laskuri": a data file with its model in
macros/models/ (in FILES), a module macros/laskuri.py, a macro calling use("laskuri"), the folder
overrides/components/laskuri/ with its template, JS and CSS, and a page using it. Nothing else
is touched: the built page carries its markup, its CSS inlined, its JS from its folder, and in
Chromium its class starts.
"""
from __future__ import annotations

import re

import pytest

from browser import STARTED
from conftest import served

pytestmark = pytest.mark.browser

TITLE = "Laskurin otsikko datasta"
FILES = {
    "data/laskuri.yml": f"otsikko: {TITLE}\n",
    "macros/models/laskuri.py": '''from .types import Strict, Text


class Laskuri(Strict):
    otsikko: Text
''',
    "macros/laskuri.py": '''"""Fixture component: data/laskuri.yml."""
from . import models, templates
from .models.laskuri import Laskuri


def render(path):
    data = models.load(path, Laskuri)
    return templates.render("laskuri/laskuri.html", title=data.otsikko, config={"key": "laskuri", "version": 1})
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
MACRO = '''    @env.macro
    def laskuri():
        from . import laskuri as laskuri_component
        use("laskuri")
        return laskuri_component.render(data_dir / "laskuri.yml")

    @env.macro
    def role_helper():
'''


@pytest.fixture(scope="module")
def added_site(tmp_path_factory):
    from harness import copy_project, mkdocs_build

    project = copy_project(tmp_path_factory.mktemp("added") / "p")
    for path, text in FILES.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    models = project / "macros" / "models" / "__init__.py"
    text = models.read_text(encoding="utf-8")
    assert '    "muutokset.yml": (Changes, "muutokset"),\n' in text
    models.write_text(text.replace('    "muutokset.yml": (Changes, "muutokset"),\n',
                                   '    "muutokset.yml": (Changes, "muutokset"),\n'
                                   '    "laskuri.yml": (Laskuri, "laskuri"),\n')
                      .replace("from .versions import", "from .laskuri import Laskuri\nfrom .versions import"),
                      encoding="utf-8")
    macros = project / "macros" / "__init__.py"
    text = macros.read_text(encoding="utf-8")
    assert "    @env.macro\n    def role_helper():\n" in text
    macros.write_text(text.replace("    @env.macro\n    def role_helper():\n", MACRO), encoding="utf-8")
    page = project / "docs" / "tietosuoja.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ laskuri() }}\n", encoding="utf-8")
    out = project / "site"
    result = mkdocs_build(project, out, "http://127.0.0.1/ohjeet/some/", PDF="0")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


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
