"""Unit tests of the data loader and the macros' plain functions."""
import datetime as dt
from pathlib import Path

import pytest
import yaml

from macros import render
from macros.site_data import approval_line, fi_date, is_draft, load_site_data
from macros.validate import DataError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "ohje.yml"


def write(tmp_path, data) -> Path:
    path = tmp_path / "ohje.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def raw():
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def test_real_data_loads_and_matches_the_source_cover():
    data = load_site_data(DATA)
    assert [a["body"] for a in data["approvals"]] == ["Johtoryhmä", "Tietoturvaryhmä", "Kaupunginhallitus"]
    assert data["city"]["postal_address"] == "PL 9, 32201 Loimaa"
    assert data["city"]["street_address"] == "Ylistaronkatu 36, 32200 Loimaa"
    assert data["city"]["phone"] == "02 76 110"
    assert data["communications"]["confirmed"] is False  # placeholder until the city confirms


def test_draft_until_every_body_has_a_date(tmp_path):
    data = raw()
    assert load_site_data(write(tmp_path, data))["draft"] is True
    for i, a in enumerate(data["approvals"]):
        a["date"] = dt.date(2026, 12, i + 1)
    loaded = load_site_data(write(tmp_path, data))
    assert loaded["draft"] is False
    assert "Kaupunginhallitus 3.12.2026" in loaded["approval_line"]


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.pop("city"), "puuttuva avain city"),
    (lambda d: d["city"].update(fax="123"), "tuntematon avain fax"),
    (lambda d: d["approvals"][1].update(date="xx.xx.xxxx"), "approvals[2].date"),
    (lambda d: d.update(approvals=[]), "approvals: odotettiin ei-tyhjää"),
    (lambda d: d["communications"].update(confirmed="ehkä"), "communications.confirmed"),
    (lambda d: d["document"].update(title=""), "document.title"),
])
def test_bad_data_names_the_file_and_the_place(tmp_path, mutate, message):
    data = raw()
    mutate(data)
    path = write(tmp_path, data)
    with pytest.raises(DataError) as err:
        load_site_data(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_broken_yaml_is_reported_with_the_file(tmp_path):
    path = tmp_path / "ohje.yml"
    path.write_text("city: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match="virheellinen YAML") as err:
        load_site_data(path)
    assert str(path) in str(err.value)


def test_finnish_dates_and_lines():
    assert fi_date(dt.date(2026, 2, 1)) == "1.2.2026"
    assert fi_date(None) == ""
    approvals = [{"body": "Johtoryhmä", "date": dt.date(2026, 1, 5)}, {"body": "Kaupunginhallitus", "date": None}]
    assert is_draft(approvals)
    # The footer uses the front page table's words for a missing approval.
    assert approval_line(approvals) == "Hyväksyntä: Johtoryhmä 5.1.2026, Kaupunginhallitus ei vielä hyväksytty"


def test_approval_table_and_contact():
    # HTML from templates now (issue 13): a "|" in the data can no longer split a Markdown table.
    table = render.approval_table([{"body": "Johtoryhmä", "date": None}])
    assert "<tr><td>Johtoryhmä</td><td>ei vielä hyväksytty</td></tr></tbody>" in table
    contact = render.city_contact(load_site_data(DATA)["city"])
    assert contact.startswith("<p><strong>Loimaan kaupunki</strong>")
    assert "Puh. 02 76 110" in contact
    assert render.mailto("a@b.fi", "Palaute: x") == "mailto:a@b.fi?subject=Palaute%3A%20x"


@pytest.mark.parametrize("email", ['viestinta"@loimaa.fi', "viestinta@loimaa.fi?cc=x@evil.example",
                                   "viestinta@loimaa.fi&body=x", "viesti nta@loimaa.fi", "viestinta"])
def test_an_email_must_be_an_address(tmp_path, email):
    data = raw()
    data["communications"]["email"] = email
    path = write(tmp_path, data)
    with pytest.raises(DataError) as err:
        load_site_data(path)
    last = str(err.value).splitlines()[-1]
    assert f"{path}: communications.email" in last and "ei ole sähköpostiosoite" in last


def test_an_impossible_date_names_the_file_and_the_key(tmp_path):
    text = (DATA).read_text(encoding="utf-8").replace("last_reviewed: 2026-11-29", "last_reviewed: 2027-13-45")
    path = tmp_path / "ohje.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_site_data(path)
    last = str(err.value).splitlines()[-1]
    assert f"{path}: document.last_reviewed: '2027-13-45' ei ole oikea päivämäärä" in last


def test_an_impossible_date_fails_the_build_with_the_finnish_message(tmp_path):
    from conftest import copy_project, mkdocs_build

    project = copy_project(tmp_path / "p")
    data = project / "data" / "ohje.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("next_review: 2027-11-30", "next_review: 2027-02-30"),
                    encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", PDF="0")
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "document.next_review: '2027-02-30' ei ole oikea päivämäärä" in out
    assert "ValueError: day is out of range" not in out
