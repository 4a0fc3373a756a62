"""The page_errors hook's wording (overrides/hooks/finnish/page_reports.py) as plain functions:
MkDocs' English link reports and mkdocs-macros' failures become one Finnish line naming the file and the line.
(Through the editor's commands: tests/test_build.py and tests/test_serve.py.)"""
from __future__ import annotations

import re
import sys

import jinja2
import pytest

from conftest import ROOT
from macros.validate import DataError

from finnish import messages, page_reports

SOURCE = "# Otsikko\n\nKatso [tämä](roolisi.md#roolit) ja [toinen](../index.md).\n\n[viite]: ei-ole.md\n"


def source_of(page):
    return f"docs/{page}", SOURCE


# MkDocs 1.6's reports, word for word (mkdocs/structure/pages.py), each with what it must become.
REPORTS = [
    ("Doc file 'ohjeistus/x.md' contains a link 'ei-ole.md', but the target 'ohjeistus/ei-ole.md' is not found "
     "among documentation files.",
     "docs/ohjeistus/x.md, rivi 5: linkin ”ei-ole.md” sivua ohjeistus/ei-ole.md ei ole. Korjaa linkki"),
    ("Doc file 'ohjeistus/x.md' contains a link '../index.md', but the target 'index.md' is not found among "
     "documentation files. Did you mean '../index/'?",
     "docs/ohjeistus/x.md, rivi 3: linkin ”../index.md” sivua index.md ei ole. Tarkoititko ”../index/”?"),
    ("Doc file 'ohjeistus/x.md' contains a link 'roolisi.md#roolit', but the doc 'ohjeistus/roolisi.md' does not "
     "contain an anchor '#roolit'.",
     "docs/ohjeistus/x.md, rivi 3: linkin ”roolisi.md#roolit” kohtaa #roolit ei ole sivulla ohjeistus/roolisi.md. "
     "Tarkoititko ”#roolisi”?"),
    ("Doc file 'ohjeistus/x.md' contains a link '#ei-ole', but there is no such anchor on this page.",
     "docs/ohjeistus/x.md: linkin ”#ei-ole” kohtaa #ei-ole ei ole sivulla ohjeistus/x.md."),
    ("Doc file 'ohjeistus/x.md' contains an unrecognized relative link 'roolit', it was left as is.",
     "docs/ohjeistus/x.md: linkin ”roolit” sivua roolit ei ole."),
    ("Doc file 'ohjeistus/x.md' contains an absolute link '/index.md', it was left as is. Did you mean '../index.md'?",
     "docs/ohjeistus/x.md: linkki ”/index.md” alkaa kauttaviivalla, eikä se toimi sivuston alikansiossa. "
     "Tarkoititko ”../index.md”?"),
]


@pytest.mark.parametrize("report, start", REPORTS)
def test_each_english_link_report_becomes_one_finnish_line_with_the_file_and_line(report, start):
    message = page_reports.link_message(report, source_of, lambda target: {"roolisi", "asiantuntijana"})
    assert message.startswith(start), message
    assert "\n" not in message and "Doc file" not in message
    assert "Korjaa" in message or "Kirjoita" in message


def test_other_reports_are_left_alone():
    assert page_reports.link_message("Building documentation to directory: site", source_of) is None


def test_a_link_is_found_only_where_it_stands_whole():
    text = "[a](ei-ole.md)\n[b](kei-ole.md)\n[c](x/ei-ole.md)\n<a href=\"ei-ole.md\">\n[d]: ei-ole.md\n"
    assert page_reports.lines_with(text, "ei-ole.md") == [1, 4, 5]
    assert page_reports.place("docs/x.md", [1, 4]) == "docs/x.md, rivit 1, 4"
    assert page_reports.place("docs/x.md", []) == "docs/x.md"


def test_the_line_counts_the_front_matter():
    source = "---\ntitle: X\n---\n\n# Otsikko\n{{ x }}\n"
    body = "# Otsikko\n{{ x }}\n"
    assert page_reports.body_offset(source, body) == 4
    assert page_reports.body_offset(source, "muuta") == 0


def undefined(template: str):
    """The error and traceback of rendering template strictly, as mkdocs-macros does."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.globals.update(checklist=lambda name: name, config={"extra": {}})
    try:
        env.from_string(template).render()
    except jinja2.TemplateError as error:
        return error, sys.exc_info()[2]
    raise AssertionError("rendered")


def test_a_mistyped_name_is_named_on_its_line_with_the_nearest_known_one():
    error, tb = undefined("# Otsikko\n\n{{ chekclist('x') }}\n")
    assert page_reports.template_line(error, tb) == 3
    assert page_reports.macro_message("docs/x.md, rivi 3", error, ["checklist", "quiz"]) == \
        "docs/x.md, rivi 3: tuntematon nimi ”chekclist”. Tarkoititko ”checklist”? Tarkista kirjoitusasu."
    error, tb = undefined("{{ config.extra.ei_ole }}")
    assert page_reports.macro_message("docs/x.md, rivi 1", error, ["checklist"]) == \
        "docs/x.md, rivi 1: tuntematon nimi ”ei_ole”. Tarkista kirjoitusasu."


def test_a_syntax_error_and_a_macros_own_check_are_named_on_their_line():
    error, tb = undefined("\n\n{{ checklist('x' }}\n")
    assert page_reports.template_line(error, tb) == 3
    assert page_reports.macro_message("docs/x.md, rivi 3", error, []).startswith(
        "docs/x.md, rivi 3: makron kirjoitusvirhe: kohdassa, jossa pitäisi olla ”)”, on ”}”.")
    own = DataError("tarkistuslistaa 'x' ei ole (data/tarkistuslistat/)")
    assert page_reports.macro_message("docs/x.md, rivi 3", own, []) == \
        "docs/x.md, rivi 3: tarkistuslistaa 'x' ei ole (data/tarkistuslistat/)"


def test_the_closing_line_counts_the_mistakes():
    assert messages.stopped(1).startswith("Käännös keskeytyi: 1 virhe (yllä). Korjaa se ")
    assert messages.stopped(3).startswith("Käännös keskeytyi: 3 virhettä (yllä). Korjaa ne ")
    assert messages.stopped(1, serving=True).startswith("Sivustoa ei käännetty uudelleen: 1 virhe (yllä). "
                                                           "Korjaa se ja tallenna tiedosto")
    assert messages.stopped(2, serving=True).startswith("Sivustoa ei käännetty uudelleen: 2 virhettä (yllä). "
                                                           "Korjaa ne ja tallenna tiedosto")


# Jinja's syntax errors an editor makes in a macro call: each message wholly Finnish.
SYNTAX_MISTAKES = ["{{ checklist('x' }}", "{{ checklist('x') }", "{{ checklist('x') x }}", "{{ checklist('x) }}",
                   "{{ checklist(x)) }}", "{% iff x %}{% endif %}", "{{ checklist; }}",
                   "{{ checklist(('x') }}", "{{ }}"]
ENGLISH = re.compile(r"\b(unexpected|expected|token|got|end|template|statement|char|unknown|tag|block|print)\b")


@pytest.mark.parametrize("template", SYNTAX_MISTAKES)
def test_a_syntax_error_is_wholly_finnish(template):
    try:
        jinja2.Environment().parse(template)
    except jinja2.TemplateSyntaxError as error:
        message = page_reports.macro_message("docs/x.md, rivi 1", error, [])
    else:
        raise AssertionError(f"parsed: {template}")
    assert message.startswith("docs/x.md, rivi 1: makron kirjoitusvirhe: "), message
    assert not ENGLISH.search(message.split("Tarkista")[0]), message


def test_nav_reports_name_mkdocs_yml_and_its_line():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    entry = next(line for line in config.splitlines() if line.strip().startswith("- ") and line.endswith(".md"))
    page = entry.rsplit(" ", 1)[1]
    line = config.splitlines().index(entry) + 1
    missing = (f"A reference to '{page}' is included in the 'nav' configuration, which is not found in the "
               "documentation files.")
    assert page_reports.nav_message(missing, config) == \
        f"mkdocs.yml, rivi {line}: valikon (nav) sivua {page} ei ole kansiossa docs/. Korjaa tiedoston nimi " \
        "tai lisää sivu."
    omitted = ('The following pages exist in the docs directory, but are not included in the "nav" '
               "configuration:\n  - uusi.md\n  - ohjeistus/toinen.md")
    nav = config.splitlines().index("nav:") + 1
    assert page_reports.nav_message(omitted, config) == \
        f"mkdocs.yml, rivi {nav}: sivut, jotka eivät ole valikossa (nav): docs/uusi.md, docs/ohjeistus/toinen.md. " \
        "Lisää ne valikkoon tai poista ne kansiosta docs/."
    assert page_reports.nav_message("Cleaning site directory", config) is None
