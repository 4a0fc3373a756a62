"""The strict build: passes on the real sources, fails loudly on bad input."""
import os
import re
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from harness import copy_project, mkdocs_build
from htmltext import normalise, page_text
from project_copies import finnish_only, make_build
from searching import post_build


def test_strict_build_passes(site):
    assert (site.dir / "index.html").exists()
    assert (site.dir / "404.html").exists()
    assert "WARNING" not in site.log


def test_readable_finnish_urls(site):
    for rel in ["mika-on-sosiaalinen-media", "loimaan-kaupunki-ja-sosiaalinen-media", "ohjeistus",
                "ohjeistus/roolisi", "ohjeistus/todelliset-tarpeet", "ohjeistus/asiallisuus",
                "ohjeistus/tietoturva", "ohjeistus/onnistunut-viestinta", "ohjeistus/lisatietoa",
                "saavutettavuusseloste", "tietosuoja"]:
        assert (site.dir / rel / "index.html").exists(), rel
    for url in site.pages:
        assert url.isascii(), url


def build_with_additions(tmp_path, additions: dict[str, str], **env):
    """Build a copy of the project with text appended to pages (page: text); return its output."""
    project = copy_project(tmp_path / "p")
    for page, addition in additions.items():
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8") + "\n" + addition + "\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", **{"PDF": "0", **env})
    assert result.returncode != 0, "rikkinäinen lähde ei kaatanut käännöstä"
    return result.stdout + result.stderr


def last_line(page: str) -> int:
    """The line number of a line appended to page (build_with_additions)."""
    return len((ROOT / "docs" / page).read_text(encoding="utf-8").splitlines()) + 2


def assert_only_finnish(out: str) -> list[str]:
    """What the editor reads (the output without MkDocs' progress lines and the notices) is ours alone:
    VIRHE lines, then the one line saying the build stopped (the last line of the list returned)."""
    seen = [line for line in out.splitlines() if line.strip() and not line.startswith(("INFO", "VAROITUS"))]
    mistakes = [line for line in seen if line.startswith("VIRHE   -  ")]
    rest = [line for line in seen if line not in mistakes]
    assert mistakes and len(rest) == 1 and rest[0].startswith("Käännös keskeytyi"), out
    for english in ("Traceback", "WARNING", "ERROR", "Doc file", "Aborted", "Error", "undefined"):
        assert english not in out, (english, out)
    return mistakes + rest


@pytest.fixture(scope="module")
def broken_links(tmp_path_factory):
    """One build (PDF included) with a broken link, a misspelt anchor (as in the issue: a real
    heading's id with a letter too many), a link to an anchor of the page itself and an absolute link:
    each is reported, and the PDF is never made."""
    anchor = re.search(r"\{ *#(kieli-[a-z-]+)", (ROOT / "docs/ohjeistus/onnistunut-viestinta.md").read_text()).group(1)
    return anchor, build_with_additions(tmp_path_factory.mktemp("broken"), {
        "ohjeistus/roolisi.md": "[rikki](ei-ole.md) ja [juuri](/index.md)",
        "index.md": f"[rikki](ohjeistus/onnistunut-viestinta.md#{anchor}o)",
        "ohjeistus/tietoturva.md": "[tässä](#ei-tassa)",
    }, PDF="1")


def test_broken_links_and_anchors_are_one_finnish_line_each_with_file_and_line(broken_links):
    anchor, out = broken_links
    seen = assert_only_finnish(out)
    roolisi, index, tietoturva = (f"docs/{p}, rivi {last_line(p)}: "
                                  for p in ("ohjeistus/roolisi.md", "index.md", "ohjeistus/tietoturva.md"))
    expected = [roolisi + "linkin ”ei-ole.md” sivua ohjeistus/ei-ole.md ei ole.",
                roolisi + "linkki ”/index.md” alkaa kauttaviivalla",
                index + f"linkin ”ohjeistus/onnistunut-viestinta.md#{anchor}o” kohtaa #{anchor}o ei ole sivulla "
                f"ohjeistus/onnistunut-viestinta.md. Tarkoititko ”#{anchor}”?",
                tietoturva + "linkin ”#ei-tassa” kohtaa #ei-tassa ei ole sivulla ohjeistus/tietoturva.md."]
    for start in expected:
        assert sum(line.startswith("VIRHE   -  " + start) for line in seen) == 1, (start, out)
    assert len(seen) == len(expected) + 1, out
    assert seen[-1].startswith(f"Käännös keskeytyi: {len(expected)} virhettä"), out


def test_a_broken_anchor_stops_the_build_before_the_pdf(broken_links):
    anchor, out = broken_links
    assert "PDF" not in "".join(line for line in out.splitlines() if line.startswith("INFO")), out
    assert "#ohjeistus-" not in out and "WeasyPrint" not in out and "BuildError" not in out, out


def test_a_mistyped_macro_name_in_each_page_that_calls_one_is_named_with_its_line(tmp_path):
    """Every macro call of the site's pages, its name mistyped (a letter dropped): one build names each."""
    project = copy_project(tmp_path / "p")
    expected = []
    for path in sorted((project / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not (m := re.search(r"\{\{-? *([a-z_]+)\(", text)):
            continue
        name = m.group(1)
        path.write_text(text[:m.start(1)] + name[:-1] + text[m.end(1):], encoding="utf-8")
        line = text[:m.start()].count("\n") + 1
        expected.append(f"VIRHE   -  {path.relative_to(project).as_posix()}, rivi {line}: tuntematon nimi "
                        f"”{name[:-1]}”. Tarkoititko ”{name}”? Tarkista kirjoitusasu.")
    assert len(expected) >= 8
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", PDF="1")
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    seen = assert_only_finnish(out)
    assert sorted(seen[:-1]) == sorted(expected), out


def test_an_unknown_attribute_in_a_page_is_named_with_its_line(tmp_path):
    page = "ohjeistus/tietoturva.md"
    out = build_with_additions(tmp_path, {page: "{{ config.extra.ohje.ei_ole_olemassa }}"})
    seen = assert_only_finnish(out)
    assert seen[0] == f"VIRHE   -  docs/{page}, rivi {last_line(page)}: tuntematon nimi ”ei_ole_olemassa”. " \
                      "Tarkista kirjoitusasu.", out


def test_a_page_left_out_of_nav_and_a_nav_entry_without_its_page_name_mkdocs_yml(tmp_path):
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = next(line for line in text.splitlines() if line.startswith("          - ") and line.endswith(".md"))
    page = entry.rsplit(" ", 1)[1]
    config.write_text(text.replace(entry, entry[:-3] + "x.md"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", PDF="0")
    seen = assert_only_finnish(result.stdout + result.stderr)
    line = text.splitlines().index(entry) + 1
    assert f"VIRHE   -  mkdocs.yml, rivi {line}: valikon (nav) sivua {page[:-3]}x.md ei ole kansiossa docs/." \
           " Korjaa tiedoston nimi tai lisää sivu." in seen, seen
    assert any(s.startswith("VIRHE   -  mkdocs.yml, rivi ") and f"ole valikossa (nav): docs/{page}." in s
               for s in seen), seen


def test_make_build_names_a_changed_guideline_bullet_in_both_files_without_a_traceback(tmp_path):
    """The issue's case: a 3.5 bullet reworded on its page. Every bullet of every checklist's source
    would do; the first of 3.5 stands for them (tests/test_checklist.py tries each kind of change)."""
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "ohjeistus" / "onnistunut-viestinta.md"
    text = page.read_text(encoding="utf-8")
    bullet = re.search(r"^- (.+)$", text, re.M)
    page.write_text(text.replace(bullet.group(0), f"- {bullet.group(1)} Aina.", 1), encoding="utf-8")
    said = finnish_only(make_build(project))
    line = text[:bullet.start()].count("\n") + 1
    assert len(said) == 2 and said[1] == "Käännös keskeytyi tiedon virheeseen (yllä). Korjaa se ja käännä uudelleen."
    assert said[0].startswith("VIRHE   -  data/tarkistuslistat/ennen-julkaisua.yml, rivi "), said
    assert f"(docs/ohjeistus/onnistunut-viestinta.md, rivi {line})" in said[0], said
    assert "Kopioi ohjeen sanamuoto guideline-arvoksi" in said[0], said


def test_make_build_names_a_broken_link_by_file_and_line(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs" / "ohjeistus" / "roolisi.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[rikki](ei-ole.md)\n", encoding="utf-8")
    said = finnish_only(make_build(project))
    assert said[0].startswith(f"VIRHE   -  docs/ohjeistus/roolisi.md, rivi {last_line('ohjeistus/roolisi.md')}: "
                              "linkin ”ei-ole.md” sivua"), said
    assert len(said) == 2 and said[1].startswith("Käännös keskeytyi: 1 virhe "), said


def test_malformed_site_data_fails_naming_the_file(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "data" / "ohje.yml").write_text("approvals: [\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", PDF="0")
    assert result.returncode != 0
    assert "ohje.yml" in result.stdout + result.stderr


def test_draft_notice_on_every_page_until_all_dates_are_set(site, tmp_path):
    bodies = [a["body"] for a in yaml.safe_load((ROOT / "data" / "ohje.yml").read_text(encoding="utf-8"))
              ["extra"]["ohje"]["approvals"] if not a["date"]]
    for html in site.dir.rglob("*.html"):
        text = normalise(html.read_text(encoding="utf-8"))
        assert "Luonnos." in text, html
        assert f"Hyväksyntä puuttuu: {', '.join(bodies)}." in text, html  # who has not approved yet
    project = copy_project(tmp_path / "p")
    data_file = project / "data" / "ohje.yml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    for i, approval in enumerate(data["extra"]["ohje"]["approvals"]):
        approval["date"] = f"{10 + i}.1.2027"
    data["extra"]["ohje"]["communications"]["confirmed"] = True  # an approved build refuses a placeholder
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    result = mkdocs_build(project, out, "http://127.0.0.1/", PDF="0")
    assert result.returncode == 0, result.stderr
    for html in out.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "Luonnos" not in text, html
    front = normalise(page_text(out, "."))
    assert "Johtoryhmä 10.1.2027" in front and "Kaupunginhallitus 12.1.2027" in front
    assert "Kaupunginhallitus 12.1.2027" in (out / "tietosuoja" / "index.html").read_text(encoding="utf-8")


def test_front_page_answers_the_common_needs(site):
    front = normalise(page_text(site.dir, "."))
    for text in ["Perustamassa uutta someprofiilia?", "Julkaisemassa kaupungin nimissä?", "Uusi työntekijä?",
                 "Ohje koskee Loimaan kaupungin nimissä tehtyä sosiaalisen median käyttöä",
                 "Johtoryhmä ei vielä hyväksytty", "PL 9, 32201 Loimaa", "Versio 2026"]:
        assert text in front, text


def test_footer_links_on_every_page(site):
    for html in site.dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        if "<html" not in text:
            continue
        assert "Saavutettavuusseloste</a>" in text, html
        assert "Tietosuoja</a>" in text, html
        assert 'href="mailto:' in text and "Anna palautetta</a>" in text, html


def test_accessibility_statement_has_the_model_headings(site):
    text = normalise(page_text(site.dir, "saavutettavuusseloste"))
    for heading in ["Digipalvelun saavutettavuuden tila", "Ei-saavutettava sisältö",
                    "Miten saavutettavuutta on arvioitu", "Palaute", "14 päivän", "Valvontaviranomainen", "Traficom",
                    "Digitaalisen esteettömyyden ja saavutettavuuden valvontayksikkö"]:
        assert heading in text, heading


def test_no_outside_hosts_referenced_by_the_site(site):
    """No font, script or stylesheet is loaded from another host."""
    import re

    for html in site.dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text):
            assert "//" not in tag.split("href=")[-1].split("src=")[-1][:10] or "127.0.0.1" in tag, (html, tag)
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_accessibility_statement_claims_only_what_the_tests_show(site):
    """Known faults (tests/layout.py) are listed as not accessible; no claim about a dark theme."""
    from layout import COMPONENT_FAULTS

    html = (site.dir / "saavutettavuusseloste" / "index.html").read_text(encoding="utf-8")
    text = normalise(page_text(site.dir, "saavutettavuusseloste"))
    status = text.split("Digipalvelun saavutettavuuden tila", 1)[1].split("Ei-saavutettava sisältö", 1)[0]
    faults = html.split('id="ei-saavutettava-sisalto"', 1)[1].split("<h2", 1)[0]
    pages = {path for path, _ in COMPONENT_FAULTS}
    assert ("osittain" in status) == bool(pages), status
    for path in pages:
        assert f'href="../{path}"' in faults, path
    assert "tumma" not in text and "teema" not in text


def _visible_text(html: str) -> str:
    """Text and the attributes a user or screen reader meets, without scripts and styles."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.skip, self.parts = 0, []

        def handle_starttag(self, tag, attrs):
            self.skip += tag in ("script", "style", "svg")
            self.parts += [v for k, v in attrs if k in ("aria-label", "title", "alt", "placeholder") and v]

        def handle_endtag(self, tag):
            self.skip -= tag in ("script", "style", "svg")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return " ".join(parser.parts)


def test_the_sites_own_text_uses_finnish_quotation_marks(site):
    """”…” as in Finnish print; the guideline's own text has no quotation marks at all."""
    assert not re.search('["“„]', (ROOT / "tests" / "fixtures" / "sosiaalisen-median-ohje-2026.txt").read_text())
    found = []
    for html in sorted(site.dir.rglob("*.html")):
        text = _visible_text(html.read_text(encoding="utf-8"))
        found += [f"{html.relative_to(site.dir)}: {m.group(0)}" for m in re.finditer('.{0,30}["“„].{0,30}', text)]
    assert found == []


def test_ohje_lyhyesti_describes_its_quotes_as_they_look(site):
    """It once said its quotes were in quotation marks; they are indented blocks with a rule."""
    html = (site.dir / "perehdytys" / "ohje-lyhyesti" / "index.html").read_text(encoding="utf-8")
    intro = normalise(page_text(site.dir, "perehdytys/ohje-lyhyesti")).split("1. Mikä")[0]
    quotes = re.findall(r"<blockquote>\s*<p>(.)", html)
    assert quotes
    assert "lainausmerk" not in intro.lower() or all(q == "”" for q in quotes)
    assert "Sisennetyt lainaukset" in intro


def test_build_fails_when_finnish_search_has_no_index_to_change(site, tmp_path):
    # Another search plugin (or none) would leave the site with stock search, unnoticed.
    # The hook in-process (searching.post_build) on a site without a search index.
    from mkdocs.exceptions import PluginError

    assert "  - search:\n      lang: fi\n" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    with pytest.raises(PluginError) as err:
        post_build(site, tmp_path, {}, index=False)
    assert "search_fi" in str(err.value) and "search_index.json is missing" in str(err.value), err.value


# --- The address a build is for (make build / make publish, scripts/site_url.py) ----------------

def make_plan(target: str, site_url: str | None) -> subprocess.CompletedProcess:
    """`make -n target`: prints the recipe without running it; the SITE_URL check ("+") runs."""
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    if site_url is not None:
        env["SITE_URL"] = site_url
    return subprocess.run(["make", "-n", target, f"PYTHON={sys.executable}"], cwd=ROOT, env=env,
                          capture_output=True, text=True)


def test_a_local_build_without_site_url_says_nothing_about_it():
    """make build without SITE_URL is the editor's usual build (for one's own machine): no notice to read.
    make publish is where the address matters, and it refuses without one (below)."""
    plan = make_plan("build", None)
    assert plan.returncode == 0, plan.stderr
    assert "SITE_URL" not in plan.stdout + plan.stderr
    assert "mkdocs build --strict" in plan.stdout
    assert "SITE_URL" not in make_plan("build", "https://intra.loimaa.fi/ohjeet/some/").stdout


@pytest.mark.parametrize("site_url, says", [
    (None, "SITE_URL puuttuu: julkaistava sivusto käännetään osoitteeseensa"),
    ("", "SITE_URL puuttuu: julkaistava sivusto käännetään osoitteeseensa"),
    ("https://intra.loimaa.fi/ohjeet/some", "SITE_URL=https://intra.loimaa.fi/ohjeet/some ei kelpaa"),
    ("intra.loimaa.fi/ohjeet/some/", "SITE_URL=intra.loimaa.fi/ohjeet/some/ ei kelpaa"),
    ("https://intra.loimaa.fi/ohjeet/some/ ", "SITE_URL=https://intra.loimaa.fi/ohjeet/some/  ei kelpaa"),
    (" https://intra.loimaa.fi/ohjeet/some/", "SITE_URL= https://intra.loimaa.fi/ohjeet/some/ ei kelpaa"),
    ("http://127.0.0.1:8000/", "SITE_URL=http://127.0.0.1:8000/ ei ole sivuston julkaisuosoite"),
    ("https://example.invalid/", "SITE_URL=https://example.invalid/ ei ole sivuston julkaisuosoite"),
])
def test_publish_refuses_without_a_real_address_before_anything_runs(site_url, says):
    plan = make_plan("publish", site_url)
    assert plan.returncode != 0
    finnish = [line for line in plan.stderr.splitlines() if not line.startswith("make")]
    assert len(finnish) == 1 and finnish[0].startswith(says), plan.stderr
    assert "esim. SITE_URL=https://intra.loimaa.fi/ohjeet/some/ make publish" in finnish[0]
    # make stopped at the check: nothing is installed, nothing built.
    assert "system-deps" not in plan.stdout and "mkdocs" not in plan.stdout, plan.stdout


def test_publish_builds_for_a_real_address():
    plan = make_plan("publish", "https://intra.loimaa.fi/ohjeet/some/")
    assert plan.returncode == 0, plan.stderr
    assert "mkdocs build --strict" in plan.stdout.splitlines()[-1] and "SITE_URL" not in plan.stdout


def test_make_build_names_a_link_an_anchor_and_a_checklist_id_in_three_pages_at_once_in_finnish_only(tmp_path):
    """Three mistakes in three pages: one `make build` names all three, each at its line, with the
    nearest right value; the editor sees Finnish lines only (no MkDocs INFO lines around them)."""
    project = copy_project(tmp_path / "p")
    docs = project / "docs"
    pages = sorted(docs.rglob("*.md"))
    link = re.compile(r"\]\((?P<page>[\w./-]+)\.md\)")
    anchor = re.compile(r"\]\((?P<page>[\w./-]+\.md)#(?P<anchor>[\w-]+)\)")
    macro = re.compile(r"checklist\([\"'](?P<id>[\w-]+)[\"']\)")
    expected = []
    for pattern, wrong, says in [
            (macro, lambda m: m[0].replace(m["id"], m["id"][:-1]), lambda m: f"Tarkoititko ”{m['id']}”?"),
            (anchor, lambda m: m[0].replace(m["anchor"], m["anchor"] + "x"),
             lambda m: f"Tarkoititko ”#{m['anchor']}”?"),
            (link, lambda m: m[0].replace(m["page"], m["page"] + "x"), lambda m: "sivua ")]:
        path = next(p for p in pages if pattern.search(p.read_text(encoding="utf-8"))
                    and p not in [e[0] for e in expected])
        text = path.read_text(encoding="utf-8")
        m = pattern.search(text)
        path.write_text(text[:m.start()] + wrong(m) + text[m.end():], encoding="utf-8")
        line = text[:m.start()].count("\n") + 1
        expected.append((path, f"VIRHE   -  {path.relative_to(project).as_posix()}, rivi {line}: ", says(m)))
    result = make_build(project)
    out = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
    assert result.returncode != 0
    for _, start, says in expected:
        assert any(line.startswith(start) and says in line for line in out), (start, says, out)
    assert out[-1].startswith("Käännös keskeytyi: 3 virhettä (yllä). Korjaa ne"), out
    assert all(line.startswith(("VIRHE   -  ", "VAROITUS -  ")) for line in out[:-1]), out
