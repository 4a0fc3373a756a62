"""The strict build: passes on the real sources, fails loudly on bad input."""
import os
import re
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, copy_project, mkdocs_build
from htmltext import normalise, page_text


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


def build_with_additions(tmp_path, additions: dict[str, str]):
    """Build a copy of the project with text appended to pages (page: text); return its output."""
    project = copy_project(tmp_path / "p")
    for page, addition in additions.items():
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8") + "\n" + addition + "\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", PDF="0")
    assert result.returncode != 0, "rikkinäinen lähde ei kaatanut käännöstä"
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def broken_links(tmp_path_factory):
    """One build with a broken link on one page and a broken anchor on another: strict mode
    reports every warning before it stops, so each test reads its own."""
    return build_with_additions(tmp_path_factory.mktemp("broken"), {
        "ohjeistus/roolisi.md": "[rikki](ei-ole.md)",
        "index.md": "[rikki](ohjeistus/tietoturva.md#ei-ole)",
    })


def warnings_about(out: str, page: str) -> str:
    """The build's warning lines that name page."""
    return "\n".join(line for line in out.splitlines() if "WARNING" in line and page in line)


def test_undefined_macro_variable_fails_naming_the_page(tmp_path):
    out = build_with_additions(tmp_path, {"ohjeistus/tietoturva.md": "{{ ohje.ei_ole_olemassa }}"})
    assert "tietoturva.md" in out


def test_broken_internal_link_fails_naming_the_page(broken_links):
    assert "ei-ole.md" in warnings_about(broken_links, "roolisi.md"), broken_links


def test_broken_anchor_fails_the_build(broken_links):
    assert "ei-ole" in warnings_about(broken_links, "index.md"), broken_links


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
    # The hook in-process (test_search_fi.post_build) on a site without a search index.
    from mkdocs.exceptions import PluginError
    from test_search_fi import post_build

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


def test_a_build_without_site_url_says_in_one_finnish_line_that_it_is_for_local_use():
    plan = make_plan("build", None)
    assert plan.returncode == 0, plan.stderr
    said = [line for line in plan.stdout.splitlines() if "SITE_URL" in line]
    assert said == ["SITE_URL puuttuu: käännetään paikalliseen käyttöön (http://127.0.0.1:8000/). "
                    "Julkaisuun: SITE_URL=https://intra.loimaa.fi/ohjeet/some/ make publish"]
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
    assert plan.stdout.splitlines()[-1].endswith("mkdocs build --strict") and "SITE_URL" not in plan.stdout
