"""Versions and changes, tested as a cycle with fixture versions in copied projects.

approved 2026 (make hyvaksy's module stores it) -> a draft of 2027 that changes one bullet,
deletes one, adds one and moves a sentence from 3.4 to 3.5 (tests/version_fixtures.py) ->
its redline, page note and history -> 2027 approved and stored -> the redline is empty.
The real guideline's pages are never edited.
"""
from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest
import yaml

from browser import axe_violations, settle
from conftest import ROOT
from harness import copy_project, mkdocs_build
from htmltext import article_text, normalise
from search_worker import worker_search
from version_fixtures import (ADDED, APPROVED_2027, CHANGED, DELETED, MAJOR_NOTE, MINOR_NOTE, MOVED, TIETOTURVA,
                              approve, log_entry, make_draft, replace_once)
from guideline_source import body_lines
from pdftext import flat, furniture, mkdocs_config, pdf_href, pdftotext, strays
from project_copies import APPROVED, set_dates

from macros import versions
from macros.approve import read_nav
from macros.site_data import load_site_data

OPEN = dict.fromkeys(APPROVED, "")
URL = "http://127.0.0.1:8000/"



def article(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def text(html: str) -> str:
    """A piece of a page as a reader sees it (words, no markup)."""
    return normalise(article_text(f"<article>{html}</article>"))


def changes_shown(site: Path) -> list[tuple[str, str, str]]:
    """The redline page's changes as a reader sees them: (section heading, label, text)."""
    html = article(site, "muutokset")
    found = []
    for section in re.findall(r"<section class=\"loimaa-redline__section.*?</section>", html, re.S):
        heading = text(re.search(r"<h2.*?</h2>", section, re.S).group(0))
        for li in re.findall(r"<li class=\"loimaa-redline__change.*?</li>", section, re.S):
            what = text(re.search(r'<p class="loimaa-redline__what">.*?</p>', li).group(0))
            body = re.search(r'<p class="loimaa-redline__text">(.*?)</p>', li).group(1)
            found.append((heading, what, body))
    return found


def check_source_order(baseline: dict, source_lines: list[str]) -> list[str]:
    """The source's lines not found, in order, in a baseline's text."""
    text = " ".join(re.sub(r"^\s*- ", "", b).removeprefix("# ") for s in baseline["sections"]
                    for b in [s["title"], *s["blocks"]])
    missing, pos = [], 0
    for line in source_lines:
        found = text.find(line, pos)
        if found < 0:
            missing.append(line)
        else:
            pos = found + len(line)
    return missing


# --- the stored versions of the real project -------------------------------------------------

def test_the_first_baseline_is_the_source_text_of_2026():
    baseline = versions.load_baselines(ROOT / "data" / "versiot")[0]
    assert baseline["version"] == "2026"
    assert check_source_order(baseline, body_lines()) == []


def test_the_check_of_the_source_order_can_fail():
    baseline = versions.load_baselines(ROOT / "data" / "versiot")[0]
    lines = body_lines()
    assert check_source_order(baseline, [*lines[:3], "Sana, jota lähteessä ei ole.", *lines[3:]]) \
        == ["Sana, jota lähteessä ei ole."]


def test_the_guideline_now_is_its_last_stored_version_and_the_redline_page_says_so_in_one_line(site):
    last = versions.load_baselines(ROOT / "data" / "versiot")[-1]
    assert versions.redline(last["sections"], versions.current_sections(ROOT / "docs", read_nav(ROOT))) == []
    text = normalise(article_text(article(site.dir, "muutokset")))
    assert text == f"Muutokset hyväksyttyyn versioon Ohjeen teksti on sama kuin ohjeen ensimmäisessä versiossa " \
                   f"{last['version']} (kaupungin lähdeasiakirja): muutoksia ei ole."


def test_the_redline_page_is_out_of_the_search_index(site):
    import json
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert "muutokset/" not in locations and "muutoshistoria/" in locations


# --- unit: the diff ----------------------------------------------------------------------------

def test_word_changes_within_a_sentence_and_whole_units_added_or_removed():
    old = ["# Otsikko", "Ensimmäinen virke pysyy. Toinen virke poistuu.", "- Luo vahvat salasanat ja suojaa ne.",
           "- Poistuva kohta."]
    new = ["# Otsikko", "Ensimmäinen virke pysyy.", "- Luo vahvat salasanat ja säilytä ne.", "- Uusi kohta tuli."]
    items = versions.section_changes(versions.units(old), versions.units(new))
    assert [(i["change"], i["unit"]) for i in items] == [
        ("removed", "sentence"), ("changed", "bullet"), ("added", "bullet"), ("removed", "bullet")]
    assert items[1]["parts"] == [("equal", "Luo vahvat salasanat ja "), ("del", "suojaa"), ("ins", "säilytä"),
                                 ("equal", " ne.")]
    assert all(i["under"] == "Otsikko" for i in items)


# --- the refusals --------------------------------------------------------------------------------

def test_hyvaksy_refuses_a_version_not_fully_approved(tmp_path):
    project = copy_project(tmp_path / "p")
    before = (project / "data" / "versiot" / "2026.yml").read_text(encoding="utf-8")
    result = approve(project)
    assert result.returncode == 1
    assert "versio 2026 ei ole vielä hyväksytty: päivämäärä puuttuu (Johtoryhmä, Tietoturvaryhmä, " \
           "Kaupunginhallitus)" in result.stderr
    assert "Traceback" not in result.stderr
    assert (project / "data" / "versiot" / "2026.yml").read_text(encoding="utf-8") == before
    assert list((project / "data" / "versiot").iterdir()) == [project / "data" / "versiot" / "2026.yml"]


def test_hyvaksy_never_overwrites_an_approved_version(tmp_path):
    project = copy_project(tmp_path / "p")
    set_dates(project, APPROVED)
    assert approve(project).returncode == 0   # the source of 2026, stored before approval, completed once
    stored = project / "data" / "versiot" / "2026.yml"
    before = stored.read_text(encoding="utf-8")
    again = approve(project)
    assert again.returncode == 0 and "Versio 2026 on jo tallennettu sellaisenaan" in again.stdout, again.stderr
    set_dates(project, {**APPROVED, "Johtoryhmä": "16.1.2026"})   # the record would change
    refused = approve(project)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "versio 2026 on jo tallennettu" in refused.stderr and "document.version" in refused.stderr
    assert stored.read_text(encoding="utf-8") == before


def test_a_build_refuses_a_changed_section_with_no_change_entry(tmp_path):
    project = copy_project(tmp_path / "p")
    make_draft(project, with_changes=False)
    result = mkdocs_build(project, project / "site", URL, PDF="0")
    assert result.returncode != 0
    said = [line for line in result.stderr.splitlines() if line.startswith("VIRHE")]
    assert len(said) == 1 and "ohjeen kohta 3.4 (ohjeistus/tietoturva.md) poikkeaa" in said[0], result.stderr
    assert "data/muutokset.yml" in said[0] and "Traceback" not in result.stderr


def project_state(project: Path) -> dict:
    """versions.state() of a copied project, as its build computes it."""
    return versions.state(project / "data", project / "docs", read_nav(project),
                          load_site_data(project / "data" / "ohje.yml"))


def unchanged_section(project: Path) -> str:
    """A section of the draft whose text is the stored version's (from the guideline, not picked by hand)."""
    state = project_state(project)
    changed = {s["number"] for s in state["redline"]}
    return next(s["number"] for s in state["current"] if s["number"] not in changed)


def test_a_build_refuses_a_major_entry_naming_a_section_whose_text_did_not_change(tmp_path):
    project = copy_project(tmp_path / "p")
    make_draft(project)
    number = unchanged_section(project)
    line = log_entry(project, "2027", [number], "major", "Väärään kohtaan kirjattu sääntöjen muutos.")
    result = mkdocs_build(project, project / "site", URL, PDF="0")
    assert result.returncode != 0
    said = [row for row in result.stderr.splitlines() if row.startswith("VIRHE")]
    assert len(said) == 1 and f"muutokset.yml, rivi {line}: changes[3].sections:" in said[0], result.stderr
    assert f"ohjeen kohdan {number} teksti on sama kuin viimeksi tallennetussa versiossa 2026" in said[0]
    assert "Traceback" not in result.stderr


def test_a_minor_entry_may_name_a_section_whose_text_did_not_change(tmp_path):
    """A link fix changes no words of the guideline."""
    project = copy_project(tmp_path / "p")
    make_draft(project)
    log_entry(project, "2027", [unchanged_section(project)], "minor", "Linkki korjattu.")
    assert project_state(project)["uncovered"] == []


def test_a_change_after_approval_under_the_approved_versions_name_asks_for_a_new_version(tmp_path):
    """document.version still names the approved version: an entry for it would never count,
    so the build says to start a new version instead of asking for that entry again."""
    project = copy_project(tmp_path / "p")
    set_dates(project, APPROVED)
    assert approve(project).returncode == 0
    replace_once(project / TIETOTURVA, f"- {DELETED}\n", "")
    log_entry(project, "2026", ["3.4"], "major", "Yksityisyysasetusten kohta poistettu.")
    said = project_state(project)["uncovered"]
    assert len(said) == 1 and "ohjeen kohta 3.4 (ohjeistus/tietoturva.md) poikkeaa hyväksytystä versiosta 2026" \
        in said[0], said
    assert "aloita uusi versio (vaihda document.version" in said[0] and "Lisää muutos" not in said[0]
    refused = approve(project)
    assert refused.returncode == 1 and "aloita uusi versio (vaihda document.version" in refused.stderr


def test_the_title_naming_an_earlier_version_only_is_a_warning():
    state = {"baselines": [{"version": "2026"}, {"version": "2027"}], "version": "2028"}
    assert versions.title_notices(state, "Sosiaalisen median ohje 2028") == []
    assert versions.title_notices(state, "Sosiaalisen median ohje") == []
    said = versions.title_notices(state, "Sosiaalisen median ohje 2027")
    assert len(said) == 1 and "nimeää aiemman version 2027, mutta ei versiota 2028" in said[0]
    assert versions.title_notices({**state, "version": "2027"}, "Sosiaalisen median ohje 2027") == []
    assert versions.title_notices({**state, "version": "2027"}, "Sosiaalisen median ohje 2026") != []


# --- the cycle ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cycle(tmp_path_factory):
    """{step: (project, site)}: the draft of 2027 (with the draft PDF), then 2027 approved."""
    project = copy_project(tmp_path_factory.mktemp("versions") / "p")
    set_dates(project, APPROVED)
    result = approve(project)
    assert result.returncode == 0, result.stderr
    stored_2026 = yaml.safe_load((project / "data" / "versiot" / "2026.yml").read_text(encoding="utf-8"))
    make_draft(project)
    set_dates(project, OPEN)
    draft = mkdocs_build(project, tmp_path_factory.mktemp("draft-site"), URL, PDF="1")
    assert draft.returncode == 0, draft.stderr
    draft_site = Path(re.search(r"Building documentation to directory: (\S+)", draft.stderr).group(1))
    set_dates(project, APPROVED_2027)
    # approved, not yet stored (make hyvaksy not run): the official PDF, with no appendix
    unstored = mkdocs_build(project, tmp_path_factory.mktemp("unstored-site"), URL, PDF="1")
    assert unstored.returncode == 0, unstored.stderr
    unstored_site = Path(re.search(r"Building documentation to directory: (\S+)", unstored.stderr).group(1))
    stored = approve(project)
    assert stored.returncode == 0, stored.stderr
    after = mkdocs_build(project, tmp_path_factory.mktemp("approved-site"), URL, PDF="0")
    assert after.returncode == 0, after.stderr
    approved_site = Path(re.search(r"Building documentation to directory: (\S+)", after.stderr).group(1))
    return {"project": project, "stored_2026": stored_2026, "draft": draft_site, "approved": approved_site,
            "unstored": unstored_site, "said": stored.stdout, "draft_said": draft.stderr}


def test_approving_2026_stores_its_text_dates_and_decisions(cycle):
    stored = cycle["stored_2026"]
    assert stored["version"] == "2026"
    assert {a["body"]: a["date"] for a in stored["approvals"]} == APPROVED
    last = versions.load_baselines(ROOT / "data" / "versiot")[-1]
    assert stored["sections"] == last["sections"]   # the same text: the source's
    assert stored["note"] == last["note"]           # the source record's note, kept as it is completed


def test_a_draft_whose_title_still_names_the_last_version_is_built_with_a_warning(cycle):
    """The fixture's draft changes document.version to 2027 and leaves the title "…ohje 2026"."""
    warned = [row for row in cycle["draft_said"].splitlines() if row.startswith("VAROITUS")]
    assert any("document.title" in row and "nimeää aiemman version 2026, mutta ei versiota 2027" in row
               for row in warned), cycle["draft_said"]


def test_the_redline_names_the_change_entries_of_each_section_with_their_kind_in_words(cycle):
    html = article(cycle["draft"], "muutokset")
    logged = {text(re.search(r"<h2.*?</h2>", section, re.S).group(0))[:3]:
              text(re.search(r'<ul class="loimaa-redline__log">.*?</ul>', section, re.S).group(0))
              for section in re.findall(r"<section class=\"loimaa-redline__section.*?</section>", html, re.S)}
    assert logged == {"3.4": f"Sääntöjen muutos (1.3.2027): {MAJOR_NOTE}",
                      "3.5": f"Pieni korjaus (2.3.2027): {MINOR_NOTE}"}
    intro = text(re.search(r'<p class="loimaa-redline__intro">.*?</p>', html, re.S).group(0))
    assert intro.startswith(
        "Luonnoksen 2027 teksti verrattuna viimeksi hyväksyttyyn versioon 2026 (hyväksytty 9.3.2026).")


def test_an_approved_build_has_no_empty_banner_and_a_draft_keeps_its_own(cycle):
    """Material draws its banner (a yellow strip, a landmark) whenever the theme's block is not empty."""
    for path in ["index.html", "ohjeistus/tietoturva/index.html", "muutokset/index.html"]:
        assert '<aside class="md-banner' not in (cycle["approved"] / path).read_text(encoding="utf-8"), path
        banner = re.search(r'<aside class="md-banner">.*?</aside>',
                           (cycle["draft"] / path).read_text(encoding="utf-8"), re.S)
        assert banner and text(banner.group(0)).startswith("Luonnos. Hyväksyntä puuttuu: Johtoryhmä"), path


def test_the_redline_shows_each_change_of_the_draft(cycle):
    shown = changes_shown(cycle["draft"])
    plain = [(h, w, text(t)) for h, w, t in shown]
    security = "3.4. Muista tietoturva ja salassapito"
    success = "3.5. Onnistunut viestintä sosiaalisessa mediassa työnantajan edustajana"
    assert (security, "Siirretty virke kohtaan 3.5", f"Poistettu: {MOVED}") in plain
    assert (success, "Siirretty virke kohdasta 3.4", f"Lisätty: {MOVED}") in plain
    assert (security, "Poistettu luettelokohta · Profiilit ja salasanat", f"Poistettu: {DELETED}") in plain
    assert (security, "Lisätty luettelokohta · Profiilit ja salasanat", f"Lisätty: {ADDED}") in plain
    changed = [t for h, w, t in shown if w == "Muutettu luettelokohta · Profiilit ja salasanat"]
    assert len(changed) == 1 and len(shown) == 5
    # word by word: the words kept are plain, the old word struck out, the new ones inserted
    assert changed[0].startswith("Luo vahvat salasanat ja <del>")
    assert re.sub(r"<del>.*?</del>|<[^>]+>|Lisätty: ", "", changed[0]) == CHANGED[1]
    assert re.sub(r"<ins>.*?</ins>|<[^>]+>|Poistettu: ", "", changed[0]) == CHANGED[0]


def test_a_major_change_shows_on_its_page_and_a_minor_one_only_in_the_history(cycle):
    site = cycle["draft"]
    note = re.search(r'<aside class="loimaa-site-note loimaa-change-note".*?</aside>',
                     article(site, "ohjeistus/tietoturva"), re.S)
    assert note and text(note.group(0)) == \
        f"Sivuston huomautus Muuttunut 1.3.2027: {MAJOR_NOTE} Katso muutokset hyväksyttyyn versioon"
    assert 'href="../../muutokset/"' in note.group(0)
    assert "loimaa-change-note" not in article(site, "ohjeistus/onnistunut-viestinta")
    history = normalise(article_text(article(site, "muutoshistoria")))
    assert f"Versio 2027 (luonnos) Ei vielä hyväksytty. Katso muutokset hyväksyttyyn versioon. " \
           f"Sääntöjen muutokset 1.3.2027 · kohta 3.4: {MAJOR_NOTE} " \
           f"Pienet korjaukset (merkitys ei muuttunut) 2.3.2027 · kohta 3.5: {MINOR_NOTE}" in history
    assert "Versio 2026 Hyväksytty: Johtoryhmä 15.1.2026; Tietoturvaryhmä 3.2.2026; Kaupunginhallitus 9.3.2026." \
        in history


def test_approving_the_draft_makes_it_the_baseline_and_the_redline_empty(cycle):
    site = cycle["approved"]
    assert "Versio 2027 on tallennettu hyväksytyksi: data/versiot/2027.yml" in cycle["said"]
    stored = versions.load_baselines(cycle["project"] / "data" / "versiot")
    assert [b["version"] for b in stored] == ["2026", "2027"] and stored[-1]["approved"]
    assert normalise(article_text(article(site, "muutokset"))) == (
        "Muutokset hyväksyttyyn versioon Ohjeen teksti on sama kuin viimeksi hyväksytyssä versiossa 2027: "
        "muutoksia ei ole.")
    assert "loimaa-change-note" not in article(site, "ohjeistus/tietoturva")
    history = normalise(article_text(article(site, "muutoshistoria")))
    assert history.index("Versio 2027 Hyväksytty: Johtoryhmä 10.3.2027") < history.index("Versio 2026 Hyväksytty")
    assert f"kohta 3.4: {MAJOR_NOTE}" in history and f"kohta 3.5: {MINOR_NOTE}" in history


# --- the draft PDF's appendix -------------------------------------------------------------------

def guideline_pdf(site: Path) -> Path:
    return site / pdf_href(site)


def test_the_draft_pdf_carries_the_redline_as_its_appendix_and_the_approved_one_does_not(cycle):
    title = furniture()["official"]["redline"]["title"]
    draft = flat(pdftotext(guideline_pdf(cycle["draft"])))
    assert draft.count(title) == 1
    appendix = draft.split(title, 1)[1]
    for label, words in [("Siirretty virke kohtaan 3.5", MOVED), ("Siirretty virke kohdasta 3.4", MOVED),
                         ("Poistettu luettelokohta · Profiilit ja salasanat", DELETED),
                         ("Lisätty luettelokohta · Profiilit ja salasanat", ADDED),
                         ("Muutettu luettelokohta · Profiilit ja salasanat", "Luo vahvat salasanat ja")]:
        assert flat(f"{label} {words}") in appendix, label
    assert "suojaa" in appendix and "säilytä" in appendix
    # what it is compared with, in the web page's words, and the entries logged with their kind in words
    assert flat("Luonnoksen 2027 teksti verrattuna viimeksi hyväksyttyyn versioon 2026 (hyväksytty 9.3.2026).") \
        in appendix and "tallennettu" not in appendix
    assert flat(f"Sääntöjen muutos (1.3.2027): {MAJOR_NOTE}") in appendix
    assert flat(f"Pieni korjaus (2.3.2027): {MINOR_NOTE}") in appendix
    assert title not in flat(pdftotext(guideline_pdf(cycle["unstored"])))


def test_the_official_text_check_holds_with_the_appendix_as_declared_furniture(cycle):
    """The draft's own text differs from the source (its strays are in the body), but nothing of
    the appendix is reported: its title, labels and both versions' words are declared furniture."""
    pdf = guideline_pdf(cycle["draft"])
    ohje = load_site_data(cycle["project"] / "data" / "ohje.yml")
    ohje["approvals"] = [{**a, "date": None} for a in ohje["approvals"]]   # as the draft was built
    found = strays(pdf, ohje, mkdocs_config())
    assert found and all(s.startswith("teksti: ") for s in found), found
    reported = " ".join(found)
    assert flat(CHANGED[1]) in reported   # the draft's new words are found in its body
    for appendix_words in [furniture()["official"]["redline"]["title"], "Siirretty virke", "Lisätty luettelokohta",
                           "Poistettu luettelokohta", "Muutettu luettelokohta"]:
        assert appendix_words not in reported


# --- search: deleted text is not found as if in force ----------------------------------------------

@pytest.fixture(scope="module")
def served_draft(cycle):
    """The draft's site on a local port (its own server: the session's serves the real site)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(cycle["draft"]))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.browser
def test_the_redline_page_does_not_make_deleted_text_findable(served_draft, page):
    page.goto(served_draft + "ohjeistus/tietoturva/")
    queries = [DELETED, MOVED, ADDED, CHANGED[0], CHANGED[1], "yksityisyysasetukset", "suojaa"]
    results = worker_search(page, queries)
    assert all("muutokset/" not in r for r in results), results
    # the rules in force are found where they stand
    assert results[queries.index(ADDED)][:1] == ["ohjeistus/tietoturva/"]
    assert "ohjeistus/onnistunut-viestinta/" in results[queries.index(MOVED)]


@pytest.mark.browser
def test_the_redline_reads_on_a_phone_tells_changes_apart_without_colour_and_is_axe_clean(served_draft, page):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(served_draft + "muutokset/")
    settle(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page) == []
    # struck through / underlined, and announced: the hidden words are in the accessible text
    assert page.locator(".loimaa-redline del").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine") == "line-through"
    assert page.locator(".loimaa-redline ins").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine") == "underline"
    changed = page.locator(".loimaa-redline__change--changed .loimaa-redline__text")
    said = normalise(changed.inner_text())
    assert said.startswith("Luo vahvat salasanat ja Poistettu: suojaa") and "Lisätty: säilytä" in said
    page.emulate_media(media="print")
    colours = page.locator(".loimaa-redline ins, .loimaa-redline del").evaluate_all(
        "els => els.map(e => getComputedStyle(e).color)")
    assert set(colours) == {"rgb(0, 0, 0)"}   # black and white print keeps only the lines
    # only insertions are underlined on paper: not the sections' headings (links)
    headings = page.locator(".loimaa-redline__section h2 a")
    assert headings.count() >= 2
    assert set(headings.evaluate_all("els => els.map(e => getComputedStyle(e).textDecorationLine)")) == {"none"}
