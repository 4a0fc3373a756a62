"""The guideline's status as the build tells it, on a fixed day (SOURCE_DATE_EPOCH).

Four builds of copies of the project, side by side: the day after the review was due,
the day it was due, approved with a placeholder address (refused), and approved with a
decision reference. What each says is read from the pages and the PDF a reader gets.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml

from conftest import ROOT
from harness import copy_project, mkdocs_build
from htmltext import normalise
from pdftext import flat, mkdocs_config, pdf_href, pdftotext, strays
from project_copies import APPROVED, set_dates

from macros.site_data import load_site_data
from macros.validate import parse_date

DATA = yaml.safe_load((ROOT / "data" / "ohje.yml").read_text(encoding="utf-8"))["extra"]["ohje"]
DUE = DATA["document"]["next_review"]
LATE_LINE = f"tarkistus on myöhässä: se piti tehdä {DUE} mennessä"
PYKALA = "KH 9.3.2026 § 15"


def due_plus_one() -> dt.date:
    return parse_date(DUE) + dt.timedelta(days=1)


def epoch(day: dt.date) -> str:
    return str(calendar.timegm(day.timetuple()))


def add_pykala(project, body: str, reference: str) -> None:
    path = project / "data" / "ohje.yml"
    text, n = re.subn(rf"(- body: {body}\n\s+date:[^\n]*\n\s+pykala:)[^\n]*", rf'\g<1> "{reference}"',
                      path.read_text(encoding="utf-8"))
    assert n == 1
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("status-builds")
    due = parse_date(DUE)
    jobs = {
        "late": ({}, {"SOURCE_DATE_EPOCH": epoch(due_plus_one()), "PDF": "1"}),
        "due_day": ({}, {"SOURCE_DATE_EPOCH": epoch(due), "PDF": "0"}),
        "placeholder": ({"confirmed": False}, {"PDF": "0"}),
        "approved": ({"confirmed": True}, {"PDF": "1"}),
    }
    projects = {}
    for name, (change, _) in jobs.items():
        project = copy_project(root / name)
        if change:
            set_dates(project, APPROVED, **change)
            add_pykala(project, "Kaupunginhallitus", PYKALA)
        projects[name] = project
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(mkdocs_build, projects[name], projects[name] / "site",
                                     "https://intra.example/ohjeet/some/", **env)
                   for name, (_, env) in jobs.items()}
        return {name: (projects[name] / "site", f.result()) for name, f in futures.items()}


def pages(site) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def footer(html: str) -> str:
    return normalise(re.sub(r"<[^>]+>", " ", html.split('class="md-copyright loimaa-footer"', 1)[1]))


def banner(html: str) -> str:
    match = re.search(r'<div class="md-banner[^"]*"[^>]*>(.*?)</aside>|<div class="md-banner.*?</div>\s*</div>',
                      html, re.S)
    return normalise(re.sub(r"<[^>]+>", " ", match.group(0))) if match else ""


def test_a_late_review_warns_the_editor_in_finnish(builds):
    site, result = builds["late"]
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("VAROITUS")]
    assert any(f"seuraava tarkistus piti tehdä {DUE} mennessä" in w and "next_review" in w for w in warnings)
    assert "Traceback" not in result.stderr


def test_a_late_review_shows_on_every_page_the_front_page_and_the_pdf_cover(builds):
    site, _ = builds["late"]
    every = pages(site)
    assert len(every) > 15
    for name, html in every.items():
        assert f"Ohje piti tarkistaa {DUE} mennessä" in banner(html), name
        if name != "index.html":  # the front page gives the status in its own section
            assert LATE_LINE in footer(html), name
        printed = re.search(r"data-print-status[^>]*>(.*?)</p>", html, re.S).group(1)
        assert normalise(printed).endswith(LATE_LINE), name  # every printout too
    front = normalise(re.sub(r"<[^>]+>", " ", every["index.html"].split('id="ohjeen-tila"', 1)[1]))
    assert LATE_LINE in front
    pdf = site / pdf_href(site)
    assert LATE_LINE in flat(pdftotext(pdf, 1, body=False))
    # The late-review line is the document's furniture: nothing else is added to the official text.
    ohje = load_site_data(site.parent / "data" / "ohje.yml", due_plus_one())
    assert strays(pdf, ohje, mkdocs_config()) == []


def test_on_the_day_it_is_due_the_review_is_not_late(builds):
    site, result = builds["due_day"]
    assert result.returncode == 0, result.stderr
    assert "tarkistus" not in " ".join(w for w in result.stderr.splitlines() if w.startswith("VAROITUS"))
    for name, html in pages(site).items():  # what a reader sees (print-status.js keeps the late words aside)
        assert "myöhässä" not in re.sub(r"<[^>]+>", " ", html), name
    assert f"seuraava tarkistus {DUE}" in footer(pages(site)["ohjeistus/index.html"])


def test_an_approved_build_with_a_placeholder_address_is_refused_in_finnish(builds):
    _, result = builds["placeholder"]
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"data/ohje\.yml, rivi \d+: extra\.ohje\.communications\.confirmed:", said), said
    assert "confirmed: true" in said and "Traceback" not in said


def test_the_placeholder_address_is_marked_where_it_is_shown_while_a_draft(builds):
    site, _ = builds["due_day"]
    for page in ("index.html", "tietosuoja/index.html", "saavutettavuusseloste/index.html"):
        text = normalise(re.sub(r"<[^>]+>", " ", (site / page).read_text(encoding="utf-8")))
        assert f"{DATA['communications']['email']} (osoite on vielä vahvistamatta)" in text, page


def test_the_placeholder_warns_while_a_draft(builds):
    _, result = builds["due_day"]
    assert any(line.startswith("VAROITUS") and "paikkamerkki" in line for line in result.stderr.splitlines())
    _, result = builds["approved"]
    assert "paikkamerkki" not in result.stderr


def test_an_approved_build_cites_its_decisions(builds):
    site, result = builds["approved"]
    assert result.returncode == 0, result.stderr
    every = pages(site)
    for name, html in every.items():
        assert "Luonnos" not in banner(html), name
        if name != "index.html":
            assert f"Kaupunginhallitus 9.3.2026 ({PYKALA})" in footer(html), name
    unbroken = PYKALA.replace("§ ", "§\u00a0")  # "§ 15" never breaks
    assert f"<td>9.3.2026<br> {unbroken}</td>" in every["index.html"]
    assert not [name for name, html in every.items() if "vahvistamatta" in html]  # the address is confirmed
    for name, html in every.items():  # every printout cites the decisions too
        assert PYKALA in re.search(r"data-print-status[^>]*>(.*?)</p>", html, re.S).group(1), name
    assert "Ohje on hyväksytty kaikissa alla luetelluissa toimielimissä." in every["index.html"]
    pdf = site / pdf_href(site)
    cover = flat(pdftotext(pdf, 1, body=False))
    assert f"Kaupunginhallitus 9.3.2026 {PYKALA}" in cover and "Luonnos" not in cover
    assert cover.count("Hyväksytty") == 2  # the column's header, and the mark where a draft says Luonnos
    ohje = load_site_data(site.parent / "data" / "ohje.yml")
    assert strays(pdf, ohje, mkdocs_config()) == []
