"""Builds from altered copies of the project: approval states, no network, PDF=0, and a
guideline page with additions of the site's (a box, a site note).

The three builds run side by side (one module fixture) to keep the suite fast.
"""
from __future__ import annotations

import re
import subprocess
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from harness import copy_project, mkdocs_build
from pdftext import (CHECKLIST_LINK, checked_data, flat, furniture, margins, mkdocs_config, pdf_href, pdfinfo,
                     pdftotext, strays)
from project_copies import APPROVED, PARTLY, SITE_URL, set_dates
from version_fixtures import log_entry


# Python inside the build may not open a connection: each attempt is written
# down and fails. With `unshare -rn` (a network namespace with no interfaces),
# nothing else in the process can reach a network either.
NO_NETWORK = textwrap.dedent('''
    import os, socket
    def _refuse(*args, **kwargs):
        with open(os.environ["NETWORK_ATTEMPTS"], "a", encoding="utf-8") as log:
            log.write(repr(args[1:] or args) + "\\n")
        raise OSError("network disabled by the test")
    socket.socket.connect = socket.socket.connect_ex = _refuse
    socket.create_connection = socket.getaddrinfo = _refuse
''')


# Added to 3.4 in the "partly" copy: a box of the kind the site once had (its title and text
# are not the city's), and a site note, which the PDF leaves out.
BOX = '!!! tip "Tarkistuslista"\n\n    Muista tarkistaa salasanasi kerran vuodessa.\n'
NOTE = "{% call site_note() %}\nTämä huomautus on vain sivustolla.\n{% endcall %}\n"


def add_to_page(project: Path, page: str, text: str) -> None:
    path = project / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")


def network_isolation() -> tuple[str, ...]:
    """("unshare", "-rn") where the kernel allows it (not in every CI container)."""
    try:
        ok = subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0
    except FileNotFoundError:
        ok = False
    return ("unshare", "-rn") if ok else ()


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("pdf-builds")
    guard = root / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    attempts = root / "network-attempts.log"
    jobs = {}
    for name, dates in (("partly", PARTLY), ("approved", APPROVED), ("skipped", {})):
        project = copy_project(root / name)
        set_dates(project, dates)
        jobs[name] = project
    add_to_page(jobs["partly"], "ohjeistus/tietoturva.md", BOX + "\n" + NOTE)
    # The box changes the text of 3.4: logged, or the build refuses it (macros/versions.py).
    log_entry(jobs["partly"], "2026", ["3.4"], "minor", "Sivuston laatikko lisätty testiä varten.")
    env = {
        "approved": {"PYTHONPATH": str(guard), "NETWORK_ATTEMPTS": str(attempts)},
        "partly": {},
        "skipped": {"PDF": "0"},
    }
    wrapper = {"approved": network_isolation()}
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {name: pool.submit(mkdocs_build, project, project / "site", SITE_URL,
                                     wrapper.get(name, ()), **env[name])
                   for name, project in jobs.items()}
        results = {name: f.result() for name, f in futures.items()}
    for name, result in results.items():
        assert result.returncode == 0, f"{name}: {result.stdout}\n{result.stderr}"
    return {name: project / "site" for name, project in jobs.items()} | {
        "attempts": attempts, "isolated": bool(wrapper["approved"]), "logs": results}


def test_without_network_the_pdf_is_still_built(builds):
    site = builds["approved"]
    pdf = site / pdf_href(site)
    assert pdf.is_file() and int(pdfinfo(pdf)["Pages"]) >= 8
    assert not builds["attempts"].exists(), builds["attempts"].read_text(encoding="utf-8")
    log = builds["logs"]["approved"].stderr
    assert "PDF: pdf/" in log


def test_approved_cover_shows_every_date_and_no_draft_mark(builds):
    site = builds["approved"]
    pdf = site / pdf_href(site)
    cover = flat(pdftotext(pdf, 1))
    for body, date in (("Johtoryhmä", "15.1.2026"), ("Tietoturvaryhmä", "3.2.2026"),
                       ("Kaupunginhallitus", "9.3.2026")):
        assert f"{body} {date}" in cover
    whole = pdftotext(pdf, body=False)
    assert "Luonnos" not in whole and "LUONNOS" not in whole


def test_an_addition_of_the_site_is_found_and_a_site_note_is_left_out(builds):
    """The stray check of test_pdf on a real build: the box's title and text are reported;
    the site note never reaches the PDF."""
    site = builds["partly"]
    pdf = site / pdf_href(site)
    ohje = checked_data(site.parent / "data" / "ohje.yml")   # the copy's dates
    assert strays(pdf, ohje, mkdocs_config()) == ["teksti: Tarkistuslista Muista tarkistaa salasanasi kerran vuodessa."]
    assert "Tämä huomautus on vain sivustolla." in (site / "ohjeistus" / "tietoturva" / "index.html").read_text(
        encoding="utf-8")
    assert "huomautus" not in flat(pdftotext(pdf, body=False))


def test_checklist_pdf_follows_the_status(builds):
    words = furniture()
    for name, draft in (("partly", True), ("approved", False)):
        site = builds[name]
        pdf = site / pdf_href(site, CHECKLIST_LINK)
        not_part = words["checklists"]["not_part" if draft else "not_part_approved"]
        title_page = flat(pdftotext(pdf, 1, body=False))
        assert not_part in title_page and (words["official"]["draft"] in title_page) == draft, name
        heads, feet = margins(pdf, top=True), margins(pdf, top=False)
        assert all((words["official"]["draft"] in head) == draft for head in heads[1:]), (name, heads)
        assert all(not_part in foot for foot in feet[1:]), (name, feet)


def test_draft_while_one_date_is_open(builds):
    site = builds["partly"]
    pdf = site / pdf_href(site)
    cover = flat(pdftotext(pdf, 1))
    assert "Luonnos" in cover
    assert "Johtoryhmä 15.1.2026" in cover
    # The open ones: the body's name with an empty line, no date after it.
    assert re.search(r"Tietoturvaryhmä Kaupunginhallitus", cover), cover
    assert "Luonnos" in flat(pdftotext(pdf, 5, body=False))  # every page's header says so


def test_pdf_0_skips_the_pdf_but_not_the_site(builds):
    site = builds["skipped"]
    assert (site / "index.html").is_file()
    assert not (site / "pdf").exists()
    assert "PDF: pdf/" not in builds["logs"]["skipped"].stderr
