"""Unit tests of the data loader and the macros' plain functions."""
import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from macros import render
from macros import site_data, templates
from macros.site_data import build_date, load_site_data, notices
from macros.validate import DataError, load_yaml, parse_date

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "ohje.yml"



def unlined(message: str) -> str:
    """message without the line of the key it names (tests/test_data_errors.py checks the lines)."""
    return re.sub(r"(\.yml), rivi \d+: ", r"\1: ", message)


def write(tmp_path, data) -> Path:
    """The file as editors write it: the data under extra.ohje (mkdocs.yml: INHERIT)."""
    path = tmp_path / "ohje.yml"
    path.write_text(yaml.safe_dump({"extra": {"ohje": data}}, allow_unicode=True), encoding="utf-8")
    return path


def raw():
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))["extra"]["ohje"]


def test_real_data_loads_and_matches_the_source_cover():
    data = load_site_data(DATA)
    assert [a["body"] for a in data["approvals"]] == ["Johtoryhmä", "Tietoturvaryhmä", "Kaupunginhallitus"]
    assert data["city"]["postal_address"] == "PL 9, 32201 Loimaa"
    assert data["city"]["street_address"] == "Ylistaronkatu 36, 32200 Loimaa"
    assert data["city"]["phone"] == "02 76 110"
    assert data["communications"]["confirmed"] is False  # placeholder until the city confirms


def test_dates_are_kept_as_written_in_finnish(tmp_path):
    data = raw()
    for i, a in enumerate(data["approvals"]):
        a["date"] = f"{i + 1}.12.2026"
    data["communications"]["confirmed"] = True
    loaded = load_site_data(write(tmp_path, data))
    assert [a["date"] for a in loaded["approvals"]] == ["1.12.2026", "2.12.2026", "3.12.2026"]
    assert loaded["document"]["last_reviewed"] == raw()["document"]["last_reviewed"]


def test_a_misspelt_key_is_named_on_its_own_line_with_the_key_it_should_be(tmp_path):
    """Walk 25: "emial" for "email" named the mapping's line and said nothing to do."""
    text = (ROOT / "data" / "ohje.yml").read_text(encoding="utf-8")
    assert text.count("  email: ") == 1
    path = tmp_path / "ohje.yml"
    path.write_text(text.replace("  email: ", "  emial: "), encoding="utf-8")
    line = text[:text.index("  email: ")].count("\n") + 1
    with pytest.raises(DataError) as err:
        load_site_data(path)
    assert str(err.value) == (f"{path}, rivi {line}: extra.ohje.communications.emial: tuntematon avain emial. "
                              "Tarkoititko ”email”? Se puuttuu: korjaa avaimen nimi.")


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.pop("city"), "puuttuva avain city"),
    (lambda d: d["city"].update(fax="123"), "tuntematon avain fax"),
    (lambda d: d["approvals"][1].update(date="xx.xx.xxxx"), "extra.ohje.approvals[Tietoturvaryhmä].date"),
    (lambda d: d["approvals"][0].update(date="1.12."),
     "approvals[Johtoryhmä].date: odotettiin päivämäärää muodossa p.k.vvvv"),
    (lambda d: d["approvals"][2].update(pykala=["KH", 15]), "approvals[Kaupunginhallitus].pykala"),
    (lambda d: d["approvals"][2].update(paatos="KH"),
     "approvals[Kaupunginhallitus].paatos: tuntematon avain paatos. Korjaa"),
    (lambda d: d["approvals"][0].update(body=""), "approvals[1].body"),
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
    assert str(path) in unlined(str(err.value))
    assert message in unlined(str(err.value))


def test_broken_yaml_is_reported_with_the_file(tmp_path):
    path = tmp_path / "ohje.yml"
    path.write_text("city: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match="virheellinen YAML") as err:
        load_site_data(path)
    assert str(path) in unlined(str(err.value))


@pytest.mark.parametrize("opening", ["[", '"'])
def test_a_bracket_or_quote_left_open_is_named_at_its_own_line(tmp_path, opening):
    """PyYAML notices an open bracket or quotation mark lines later, or at the end of the file: the
    message names the line where it was opened. Tried on every value line of data/ohje.yml."""
    lines = (ROOT / "data" / "ohje.yml").read_text(encoding="utf-8").splitlines()
    tried = 0
    for n, line in enumerate(lines):
        if not re.match(r"^ *(- )?[a-z_]+: [^\s#\[\"'|>]", line):
            continue
        key, value = line.split(": ", 1)
        path = tmp_path / "ohje.yml"
        path.write_text("\n".join([*lines[:n], f"{key}: {opening}{value}", *lines[n + 1:]]) + "\n", encoding="utf-8")
        with pytest.raises(DataError) as err:
            load_yaml(path)
        assert f"ohje.yml, rivi {n + 1}, " in unlined(str(err.value)), (line, str(err.value))
        tried += 1
    assert tried > 15


def test_status_lines_from_the_shared_template():
    """The footer, the front page and the PDF cover share these macros (site/status.html)."""
    approvals = [{"body": "Johtoryhmä", "date": "5.1.2026", "pykala": None},
                 {"body": "Tietoturvaryhmä", "date": "7.1.2026", "pykala": "TTR 7.1.2026 § 3"},
                 {"body": "Kaupunginhallitus", "date": None, "pykala": "KH 2.2.2027 § 15"}]
    line = templates.macro("site/status.html", "approval_line", approvals)
    # The footer uses the front page table's words for a missing approval; a reference
    # without a date is not a decision yet.
    assert line == ("Hyväksyntä: Johtoryhmä 5.1.2026, Tietoturvaryhmä 7.1.2026 (TTR 7.1.2026 § 3), "
                    "Kaupunginhallitus ei vielä hyväksytty")
    document = {"version": "2026", "last_reviewed": "29.11.2026", "next_review": "30.11.2027"}
    assert render.review_line(document) == \
        "Versio 2026 · viimeksi tarkistettu 29.11.2026 · seuraava tarkistus 30.11.2027"
    assert render.review_line(document, True) == \
        "Versio 2026 · viimeksi tarkistettu 29.11.2026 · tarkistus on myöhässä: se piti tehdä 30.11.2027 mennessä"
    assert templates.macro("site/status.html", "approval_line",
                           [{"body": "<b>A & B</b>", "date": None, "pykala": None}]) == \
        "Hyväksyntä: &lt;b&gt;A &amp; B&lt;/b&gt; ei vielä hyväksytty"


def test_print_status_line_from_the_shared_template():
    """Printed pages' status (overrides/main.html): "Luonnos" while a date is missing, escaped."""
    ohje = {"city": {"name": "Loimaan kaupunki"}, "document": {"title": "<b>Ohje & ohje</b>", "version": "2026"},
            "approvals": [{"body": "Johtoryhmä", "date": "5.1.2026"}, {"body": "Kaupunginhallitus", "date": None}]}
    assert templates.macro("site/status.html", "print_status", ohje) == \
        "Loimaan kaupunki · &lt;b&gt;Ohje &amp; ohje&lt;/b&gt;, versio 2026 · Luonnos"
    ohje["approvals"][1]["date"] = "2.2.2026"
    assert templates.macro("site/status.html", "print_status", ohje).endswith(
        " · Hyväksytty: Johtoryhmä 5.1.2026, Kaupunginhallitus 2.2.2026")


def test_approval_table_and_contact():
    # HTML from templates now (issue 13): a "|" in the data can no longer split a Markdown table.
    table = render.approval_table([{"body": "Johtoryhmä", "date": None, "pykala": None},
                                   {"body": "Kaupunginhallitus", "date": "2.2.2027", "pykala": "KH 2.2.2027 § 15"}])
    # (Blanks between the cells and after <br>: the search index would run them together.)
    assert '<tr><th scope="row"> Johtoryhmä</th> <td>ei vielä hyväksytty</td></tr>' in table
    assert '<tr><th scope="row"> Kaupunginhallitus</th> <td>2.2.2027<br> KH 2.2.2027 §\u00a015</td></tr>' in table
    assert '<th scope="col">Toimielin</th> <th scope="col">Hyväksytty</th>' in table  # the PDF cover's words
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
    assert f"{path}: extra.ohje.communications.email" in unlined(last) and "ei ole sähköpostiosoite" in last


@pytest.mark.parametrize("written, says", [
    ("30.2.2027", "'30.2.2027' ei ole oikea päivämäärä"),
    ("45.13.2027", "'45.13.2027' ei ole oikea päivämäärä"),
    ("2027-01-15", "kirjoita päivämäärä muodossa p.k.vvvv, esim. 15.1.2027 (ei 2027-01-15)"),
    ("2027-13-45", "kirjoita päivämäärä muodossa p.k.vvvv, esim. 15.1.2027 (ei 2027-13-45)"),
])
def test_a_wrong_or_impossible_date_names_the_file_the_line_and_the_key(tmp_path, written, says):
    text = DATA.read_text(encoding="utf-8").replace("last_reviewed: 29.11.2026", f"last_reviewed: {written}")
    path = tmp_path / "ohje.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_site_data(path)
    line = text.splitlines().index(next(t for t in text.splitlines() if "last_reviewed: " in t)) + 1
    assert f"{path}, rivi {line}: extra.ohje.document.last_reviewed: {says}" in str(err.value)


def test_an_impossible_date_fails_the_build_with_the_finnish_message(tmp_path):
    from harness import copy_project, mkdocs_build

    project = copy_project(tmp_path / "p")
    data = project / "data" / "ohje.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("next_review: 30.11.2027", "next_review: 30.2.2027"),
                    encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", PDF="0")
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/ohje.yml: extra.ohje.document.next_review: '30.2.2027' ei ole oikea päivämäärä" in unlined(out)
    assert "ValueError" not in out


# --- dates that speak, and no approved guideline with a placeholder address ----------------

def approved(data: dict, confirmed: bool) -> dict:
    for i, a in enumerate(data["approvals"]):
        a["date"] = f"{i + 1}.12.2026"
    data["communications"]["confirmed"] = confirmed
    return data


def test_an_approved_guideline_with_a_placeholder_address_is_refused(tmp_path):
    path = write(tmp_path, approved(raw(), confirmed=False))
    with pytest.raises(DataError) as err:
        load_site_data(path)
    assert f"{path}: extra.ohje.communications.confirmed:" in unlined(str(err.value))
    assert "paikkamerkki" in unlined(str(err.value)) and "confirmed: true" in unlined(str(err.value))
    loaded = load_site_data(write(tmp_path, approved(raw(), confirmed=True)))
    assert loaded["approved"] is True and notices(loaded) == []


def test_a_draft_with_a_placeholder_builds_with_a_warning():
    loaded = load_site_data(DATA, today=dt.date(2026, 12, 6))
    assert loaded["approved"] is False
    assert [n for n in notices(loaded) if "paikkamerkki" in n and "viestinta@loimaa.fi" in n]


@pytest.mark.parametrize("next_review, last_reviewed, ok", [
    ("28.11.2026", "29.11.2026", False), ("1.1.2026", "29.11.2026", False),
    ("29.11.2026", "29.11.2026", True), ("30.11.2027", "29.11.2026", True),
])
def test_next_review_may_not_come_before_the_last(tmp_path, next_review, last_reviewed, ok):
    data = raw()
    data["document"].update(next_review=next_review, last_reviewed=last_reviewed)
    path = write(tmp_path, data)
    if ok:
        load_site_data(path)
        return
    with pytest.raises(DataError) as err:
        load_site_data(path)
    assert f"{path}: extra.ohje.document.next_review: seuraava tarkistus {next_review} on ennen" \
        in unlined(str(err.value))


def test_the_review_is_late_the_day_after_it_was_due():
    due = parse_date(raw()["document"]["next_review"])
    for today, late in ((due - dt.timedelta(days=365), False), (due, False),
                        (due + dt.timedelta(days=1), True), (due + dt.timedelta(days=900), True)):
        loaded = load_site_data(DATA, today=today)
        assert loaded["document"]["review_late"] is late, today
        assert loaded["built"] == f"{today.day}.{today.month}.{today.year}"
        said = [n for n in notices(loaded) if "tarkistus on myöhässä" in n]
        assert bool(said) is late
        if late:
            assert raw()["document"]["next_review"] in said[0] and "next_review" in said[0]


@pytest.mark.parametrize("value, day", [("0", dt.date(1970, 1, 1)), ("1796083199", dt.date(2026, 11, 30)),
                                        ("1796083200", dt.date(2026, 12, 1))])
def test_source_date_epoch_fixes_the_builds_day(value, day):
    assert build_date({"SOURCE_DATE_EPOCH": value}) == day
    assert build_date({}) == dt.date.today()


@pytest.mark.parametrize("value", ["huomenna", "1.5", "99999999999999999999"])
def test_a_wrong_source_date_epoch_is_refused_in_finnish(value):
    with pytest.raises(DataError, match="SOURCE_DATE_EPOCH: odotettiin sekunteja"):
        build_date({"SOURCE_DATE_EPOCH": value})


def test_site_name_that_lost_the_title_is_a_warning_naming_both_files():
    title = load_site_data(ROOT / "data" / "ohje.yml")["document"]["title"]
    site_name = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)
    assert site_data.site_name_notices(site_name, title) == []   # the real site: the header says the title
    said = site_data.site_name_notices(site_name, title.replace("2026", "2027"))
    assert len(said) == 1 and said[0].startswith("mkdocs.yml: site_name ") and "document.title" in said[0]
