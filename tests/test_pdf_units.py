"""Unit tests of the PDF build's helpers: Finnish hyphenation, page preparation, table headers."""
from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest

from conftest import ROOT
from pdftext import structure_cells
from macros import templates

import printpdf
from finnish import hyphenate_fi, voikko_fi
from finnish.hyphenate_fi import SHY, hyphenate_text, hyphenate_word
from mkdocs.exceptions import PluginError


# --- hyphenate_fi -------------------------------------------------------------

def test_compounds_break_at_their_parts_and_syllables():
    word = hyphenate_word("vahingonkorvauslain")
    assert word.replace(SHY, "") == "vahingonkorvauslain"
    assert word.split(SHY) == ["va", "hin", "gon", "kor", "vaus", "lain"]
    assert hyphenate_word("kaupunginhallitus").split(SHY) == ["kau", "pun", "gin", "hal", "li", "tus"]


def test_no_single_letter_left_at_a_line_end():
    for part in hyphenate_word("epäasiallisia").split(SHY):
        assert len(part) > 1, hyphenate_word("epäasiallisia")


def test_short_words_stay_whole():
    assert hyphenate_word("media") == "media"
    assert SHY not in hyphenate_text("ja se on työ")


def test_text_keeps_spacing_punctuation_and_hyphens():
    text = "Keskustelu- ja yhteisöpalvelut,\n  (L-asema-tietopankki-Loimaa-materiaalit)"
    out = hyphenate_text(text)
    assert out.replace(SHY, "") == text
    assert "yh" + SHY + "tei" in out and "ma" + SHY + "te" in out
    assert "Keskus" in out.replace(SHY, "") and out.count("-") == text.count("-")


def test_file_names_addresses_and_numbers_are_not_hyphenated():
    for text in ("Loimaa_brändikäsikirja_1_24.pdf", "etunimi.sukunimi@loimaa.fi",
                 "Loimaa_viestintäohje2025.pdf", "https://loimaa.fi/sosiaalinen", "32201"):
        assert hyphenate_text(text) == text


def test_missing_voikko_fails_loudly(monkeypatch):
    hyphenate_fi._voikko.cache_clear()
    voikko_fi.voikko.cache_clear()   # the one loader (finnish/voikko_fi.py)
    monkeypatch.setitem(sys.modules, "libvoikko", None)  # import fails as if not installed
    try:
        with pytest.raises(hyphenate_fi.VoikkoMissing, match="libvoikko1"):
            hyphenate_fi.check_available()
    finally:
        hyphenate_fi._voikko.cache_clear()
        voikko_fi.voikko.cache_clear()


# --- pdf hook helpers ---------------------------------------------------------

def test_pdf_switch():
    assert printpdf.pdf_enabled(None)  # build and serve alike: the PDF link must work under serve
    assert not printpdf.pdf_enabled("0")
    assert printpdf.pdf_enabled("1")
    with pytest.raises(PluginError):
        printpdf.pdf_enabled("yes")


def test_file_name_from_the_title():
    assert printpdf.slug("Sosiaalisen median ohje 2026") == "sosiaalisen-median-ohje-2026"
    assert printpdf.slug("Äänestys & Öljy") == "aanestys-oljy"


def test_guideline_pages_are_the_numbered_ones_in_nav_order():
    nav = [SimpleNamespace(url=u) for u in ("", "b/", "a/", "lista/", "c/")]
    rendered = {
        "": "<h1>Etusivu</h1>",
        "a/": '<h1 id="x">2. Toinen<a class="headerlink" href="#x">¶</a></h1>',
        "b/": "<h1>1. Ensimmäinen</h1>",
        "lista/": "<h1>Ennen julkaisua</h1>",
        "c/": "<h1>2.1. Alakohta</h1>",
    }
    assert [url for url, _ in printpdf.guideline_pages(nav, rendered)] == ["b/", "a/", "c/"]


PAGE = """<h1 id="31-roolisi">3.1. Roolisi sosiaalisessa mediassa<a class="headerlink" href="#31-roolisi">¶</a></h1>
<p>Toimitko kaupungin edustajana vai yksityishenkilönä? <a href="#yksityishenkilona">Alempana</a>.</p>
<div class="loimaa-no-print"><p>Vain verkossa</p></div>
<aside class="loimaa-site-note" role="note" aria-labelledby="sivuston-huomautus-1">
<p class="loimaa-site-note__label" id="sivuston-huomautus-1">Sivuston huomautus</p>
<p>Käy kohdat läpi <a href="../../tarkistuslistat/uusi-profiili/">tarkistuslistalla</a>.</p></aside> Perässä.
<h2 id="tyonantajan-edustajana">3.1.1. Työnantajan edustajana</h2>
<p>Katso <a href="../tietoturva/#salasanat">3.4</a>, <a href="../../tarkistuslistat/uusi-profiili/">lista</a>,
<a href="../../tietosuoja/">tietosuoja</a> ja <a href="https://loimaa.fi/">loimaa.fi</a>.</p>
<h3 id="kaupungin-someprofiilit">Kaupungin someprofiilit</h3>
<details><summary>Lisää</summary><p>Piilossa verkossa</p></details>
<h2 id="yksityishenkilona">3.1.2. Yksityishenkilönä</h2>
<label for="kentta">Nimi</label>"""


@pytest.fixture
def prepared():
    prefixes = {"ohjeistus/roolisi/": "ohjeistus-roolisi", "ohjeistus/tietoturva/": "ohjeistus-tietoturva"}
    return printpdf.prepare_page(PAGE, "ohjeistus/roolisi/", prefixes, "https://intra.example/some/")


def test_page_headings_shift_under_their_chapter(prepared):
    html = prepared["html"]
    assert '<h2 id="ohjeistus-roolisi--31-roolisi" class="pdf-chapter-title">3.1. Roolisi' in html
    assert '<h3 id="ohjeistus-roolisi--tyonantajan-edustajana">' in html
    assert '<h4 id="ohjeistus-roolisi--kaupungin-someprofiilit">' in html
    assert (prepared["number"], prepared["level"], prepared["id"]) == ("3.1", 2, "ohjeistus-roolisi")


def test_toc_entries_follow_the_official_numbering(prepared):
    assert [(e["title"], e["level"], e["target"]) for e in prepared["toc"]] == [
        ("3.1. Roolisi sosiaalisessa mediassa", 2, "ohjeistus-roolisi--31-roolisi"),
        ("3.1.1. Työnantajan edustajana", 3, "ohjeistus-roolisi--tyonantajan-edustajana"),
        ("3.1.2. Yksityishenkilönä", 3, "ohjeistus-roolisi--yksityishenkilona"),
    ]


def test_links_stay_inside_the_pdf_or_go_to_the_site(prepared):
    html = prepared["html"]
    assert 'href="#ohjeistus-roolisi--yksityishenkilona"' in html
    assert 'href="#ohjeistus-tietoturva--salasanat"' in html
    assert 'href="https://intra.example/some/tarkistuslistat/uusi-profiili/"' in html  # a page of the site
    assert 'href="https://intra.example/some/tietosuoja/"' in html
    assert 'href="https://loimaa.fi/"' in html
    assert 'for="ohjeistus-roolisi--kentta"' in html


def test_screen_only_parts_and_site_notes_go_and_details_open(prepared):
    html = prepared["html"]
    assert "headerlink" not in html and "¶" not in html
    assert "Vain verkossa" not in html
    assert "Sivuston huomautus" not in html and "tarkistuslistalla" not in html
    assert "Perässä." in html.replace(SHY, "")  # the text after a dropped element stays
    assert "<details open" in html


def test_running_text_is_hyphenated_but_headings_are_not(prepared):
    html = prepared["html"]
    assert "yk" + SHY + "si" + SHY + "tyis" + SHY + "hen" in html  # in the paragraph
    assert ">3.1.2. Yksityishenkilönä<" in html  # heading whole


def test_required_note():
    """The printed form's marks, from the field piece the web form shares (checklist/field.html)."""
    fields = [{"id": "kesto", "label": "Profiilin kesto", "required": True, "required_if": None,
               "required_when": None, "options": [{"value": "maaraaikainen", "label": "Määräaikainen"}]},
              {"id": "paattyy", "label": "Päättymispäivä", "required": False,
               "required_if": {"field": "kesto", "value": "maaraaikainen"},
               "required_when": {"field_label": "Profiilin kesto", "option_label": "Määräaikainen"}, "options": []},
              {"id": "muuta", "label": "Muuta", "required": False, "required_if": None, "required_when": None,
               "options": []}]
    required_note = templates.environment().get_template("checklist/field.html").module.required_note
    assert [str(required_note(f, paper=True)) for f in fields] == [
        " *", " (* jos profiilin kesto: määräaikainen)", ""]


def test_weasyprint_problems_are_collected():
    """build_pdf stops the build on these (a missing file would spoil the official version)."""
    from weasyprint import HTML

    with printpdf._weasyprint_problems() as problems:
        HTML(string='<html lang="fi"><title>x</title><img src="puuttuu.png" alt="">',
             base_url=str(ROOT)).write_pdf()
    assert problems and "puuttuu.png" in " ".join(problems)


TABLE = """<html lang="fi"><title>x</title><table><caption>Käsittely</caption>
<thead><tr><th scope="col">Toimielin</th><th scope="col">Hyväksytty</th></tr></thead>
<tbody><tr><th scope="row">Johtoryhmä</th><td>1.2.2027</td></tr>
<tr><th scope="row">Kaupunginhallitus</th><td></td></tr></tbody></table>"""


def scopes(pdf: bytes, tmp_path) -> list:

    path = tmp_path / "taulukko.pdf"
    path.write_bytes(pdf)
    return [cell.get("Scope") for cell in structure_cells(path, "TH")]


def test_table_headers_get_their_scope(tmp_path):
    """WeasyPrint (the locked version) writes no /Scope; the finisher adds it from scope=.
    When this fails on the first line, WeasyPrint writes it itself: the finisher can go."""
    from weasyprint import HTML

    plain = HTML(string=TABLE).write_pdf(pdf_variant="pdf/ua-1")
    assert scopes(plain, tmp_path) == [None] * 4
    problems = []
    finished = HTML(string=TABLE).write_pdf(
        pdf_variant="pdf/ua-1", finisher=lambda doc, pdf: problems.extend(printpdf._table_header_scopes(doc, pdf)))
    assert scopes(finished, tmp_path) == ["/Column", "/Column", "/Row", "/Row"]
    assert problems == []


def test_a_header_left_without_scope_is_a_problem(monkeypatch):
    """If WeasyPrint stops keeping the structure element on the cell's box, the build says so."""
    from weasyprint import HTML

    problems = []
    document = HTML(string=TABLE).render()
    for page in document.pages:  # as if WeasyPrint kept the structure element elsewhere
        monkeypatch.setattr(type(page._page_box), "descendants", lambda self, placeholders=False: iter(()))
    document.write_pdf(pdf_variant="pdf/ua-1",
                       finisher=lambda doc, pdf: problems.extend(printpdf._table_header_scopes(doc, pdf)))
    assert problems == ["4 taulukon otsikkosolulta puuttuu /Scope"]
