"""Checklist data (data/tarkistuslistat/*.yml): loader, validation, HTML, build failures."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, FakeEnv
from macros import links
from macros.guideline import bullets
from macros.checklist import check_sources, load_checklist, load_checklists
from macros.checklist import render as render_checklist
from macros.site_data import load_site_data
from macros.validate import DataError

DATA = ROOT / "data" / "tarkistuslistat"
DOCS = ROOT / "docs"
PAGES = {"uusi-profiili": "tarkistuslistat/uusi-profiili", "ennen-julkaisua": "tarkistuslistat/ennen-julkaisua"}


def from_checklist_page(link: dict) -> str:
    """A docs link as the checklist macro makes it, from a checklist page."""
    return links.href(link["page"], link["anchor"], "tarkistuslistat/x/")


def raw(name: str) -> dict:
    return yaml.safe_load((DATA / f"{name}.yml").read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict, name: str = "uusi-profiili") -> Path:
    path = tmp_path / f"{name}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --- the real data -------------------------------------------------------------

def test_both_checklists_load_in_guideline_order_with_the_guidelines_groups():
    lists = load_checklists(DATA)
    assert list(lists) == ["uusi-profiili", "ennen-julkaisua"]
    profile, post = lists.values()
    assert (profile["section"], profile["source"]) == ("3.2", "ohjeistus/todelliset-tarpeet.md")
    assert (post["section"], post["source"]) == ("3.5", "ohjeistus/onnistunut-viestinta.md")
    assert [g["title"] for g in profile["groups"]] == [
        "1. Tavoitteet ja ylläpitäjä", "2. Profiilin tyyppi", "3. Aktiivinen käyttö",
        "4. Käyttöehdot ja tekijänoikeudet"]
    assert [g["title"] for g in post["groups"]] == [
        "1. Tunnista roolisi", "2. Kieli ja sisältö", "3. Tarkkuus ja luotettavuus", "4. Osallistu ja seuraa",
        "5. Kunnioitus ja asiallisuus", "6. Yksityisyys ja tekijänoikeudet", "7. Lait ja eettisyys",
        "8. Yhteenveto"]
    assert post["fields"] == []


@pytest.mark.parametrize("checklist_id", ["uusi-profiili", "ennen-julkaisua"])
def test_every_bullet_of_the_section_is_an_item_quoted_verbatim(checklist_id):
    cl = load_checklists(DATA)[checklist_id]
    page = (DOCS / cl["source"]).read_text(encoding="utf-8")
    bullets = [line[2:].replace("**", "").strip() for line in page.splitlines() if line.startswith("- ")]
    quoted = [item["guideline"] for g in cl["groups"] for item in g["items"]]
    assert quoted == bullets
    assert cl["item_count"] == len(bullets) == {"uusi-profiili": 13, "ennen-julkaisua": 26}[checklist_id]


def test_the_profile_request_asks_what_communications_needs():
    fields = {f["id"]: f for f in load_checklists(DATA)["uusi-profiili"]["fields"]}
    required = {i for i, f in fields.items() if f["required"]}
    assert required == {"profiilin-nimi", "palvelu", "tarkoitus", "kohderyhma", "yksikko", "yllapitaja-1",
                        "kesto", "paivitysaika", "kayttoehtojen-tarkistaja",
                        "tilaaja", "tilaajan-sahkoposti", "tilaajan-puhelin", "esihenkilo"}
    # One administrator is asked for; the guideline sets no number, so the second is optional.
    assert fields["yllapitaja-2"]["required"] is False and fields["yllapitaja-2"]["required_if"] is None
    assert (fields["tilaajan-sahkoposti"]["type"], fields["tilaajan-puhelin"]["type"]) == ("email", "tel")
    assert [o["label"] for o in fields["palvelu"]["options"]][:2] == ["Facebook", "Instagram"]
    assert fields["palvelu"]["options"][-1]["value"] == "muu"
    assert fields["palvelu-muu"]["required_if"] == {"field": "palvelu", "value": "muu"}
    assert fields["paattyy"] == {**fields["paattyy"], "type": "date",
                                 "required_if": {"field": "kesto", "value": "maaraaikainen"}}


def test_sources_match_the_guideline_pages():
    check_sources(load_checklists(DATA), DOCS)  # raises on any mismatch


def test_guideline_change_without_checklist_change_fails(tmp_path):
    docs = tmp_path / "docs"
    (docs / "ohjeistus").mkdir(parents=True)
    for cl in load_checklists(DATA).values():
        text = (DOCS / cl["source"]).read_text(encoding="utf-8")
        (docs / cl["source"]).write_text(text.replace("Suojele omaa", "Suojaa omaa"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        check_sources(load_checklists(DATA), docs)
    assert "ennen-julkaisua.yml" in str(err.value) and "yksityisyys-ja-tekijanoikeudet" in str(err.value)
    assert "Suojaa omaa ja muiden yksityisyyttä." in str(err.value)


@pytest.mark.parametrize("change, says", [
    # Every bullet of 3.5 "2. Kieli ja sisältö", changed on the page in each way an editor might.
    (lambda b: b.replace("- Käytä yleisesti", "- Käytä aina yleisesti"),
     ["ennen-julkaisua.yml, rivi {item} (ryhmä 'kieli-ja-sisalto', kohta 'ymmarrettava-kieli')",
      "lukee nyt ”Käytä aina yleisesti ymmärrettävää kieltä.” (docs/ohjeistus/onnistunut-viestinta.md, rivi {page})",
      "Kopioi ohjeen sanamuoto guideline-arvoksi"]),
    (lambda b: b.replace("- Käytä yleisesti ymmärrettävää kieltä.\n",
                         "- Käytä yleisesti ymmärrettävää kieltä.\n- Uusi.\n"),
     ["docs/ohjeistus/onnistunut-viestinta.md, rivi {next}: luetelmakohtaa ”Uusi.” ei ole tarkistuslistassa",
      "Lisää sille kohta"]),
    (lambda b: b.replace("- Käytä yleisesti ymmärrettävää kieltä.\n", ""),
     ["ennen-julkaisua.yml, rivi {item} (ryhmä 'kieli-ja-sisalto', kohta 'ymmarrettava-kieli'): guideline",
      "ei ole enää ohjeessa", "Poista kohta"]),
    (lambda b: b.replace("- Käytä yleisesti ymmärrettävää kieltä.\n", "").replace(
        "- Mieti,", "- Käytä yleisesti ymmärrettävää kieltä.\n- Mieti,"),
     ["ennen-julkaisua.yml, rivi {item} (ryhmä 'kieli-ja-sisalto', kohta 'ymmarrettava-kieli')"]),
])
def test_a_changed_bullet_is_named_by_both_files_and_lines_with_what_to_do(tmp_path, change, says):
    src = "ohjeistus/onnistunut-viestinta.md"
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    text = (DOCS / src).read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    (docs / src).write_text(changed, encoding="utf-8")
    lines = text.splitlines()
    page = lines.index("- Käytä yleisesti ymmärrettävää kieltä.") + 1
    yml = (DATA / "ennen-julkaisua.yml").read_text(encoding="utf-8").splitlines()
    item = 1 + yml.index("        guideline: Käytä yleisesti ymmärrettävää kieltä.")
    with pytest.raises(DataError) as err:
        check_sources(load_checklists(DATA), docs)
    message = str(err.value)
    assert "\n" not in message and "[" not in message, message   # one line, no Python lists
    for part in says:
        assert part.format(item=item, page=page, next=page + 1) in message, message


def test_bullets_reads_one_part_only():
    page = (DOCS / "ohjeistus" / "todelliset-tarpeet.md").read_text(encoding="utf-8")
    assert bullets(page, "profiilin-tyyppi") == [
        "Pysyvä profiili: esim. toimialan, palvelualueen tai työryhmän profiili.",
        "Määräaikainen profiili: esim. tapahtuman tai hankkeen profiili.",
        "Palvelualuejohtajat vastaavat oman alueensa viestinnästä."]
    assert bullets(page, "ei-ole") == []


def test_item_ids_are_stable_slugs_unique_per_checklist():
    for cl in load_checklists(DATA).values():
        ids = [g["id"] for g in cl["groups"]] + [i["id"] for g in cl["groups"] for i in g["items"]]
        ids += [f["id"] for f in cl["fields"]]
        assert len(ids) == len(set(ids))
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


# --- malformed data ------------------------------------------------------------

@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["groups"][0]["items"][1].pop("id"), "'Olen miettinyt, miksi profiili tarvitaan"),
    (lambda d: d["groups"][1]["items"][0].update(id="selkea-tarkoitus"), "id 'selkea-tarkoitus' on jo käytössä"),
    (lambda d: d["groups"][2]["items"][0].update(vari="punainen"), "tuntematon avain vari"),
    (lambda d: d["groups"][3].update(items=[]), "ryhmässä 'kayttoehdot-ja-tekijanoikeudet' ei ole yhtään kohtaa"),
    (lambda d: d["groups"][0]["items"][0].update(id="Iso Kirjain"), "id saa sisältää vain"),
    (lambda d: d["fields"][0].update(type="checkbox"), "tuntematon tyyppi 'checkbox'"),
    (lambda d: d["fields"][1].pop("options"), "fields[2] ('palvelu').options"),
    (lambda d: d["fields"][2].update(required_if={"field": "palvelu", "value": "myspace"}), "'myspace'"),
    (lambda d: d.update(storage_version="1"), "storage_version"),
    (lambda d: d.pop("section"), "puuttuva avain section"),
])
def test_malformed_checklist_names_the_file_and_the_item(tmp_path, mutate, message):
    data = raw("uusi-profiili")
    mutate(data)
    path = write(tmp_path, data)
    with pytest.raises(DataError) as err:
        load_checklist(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_missing_id_names_the_item_by_its_text(tmp_path):
    data = raw("ennen-julkaisua")
    del data["groups"][5]["items"][3]["id"]
    with pytest.raises(DataError) as err:
        load_checklist(write(tmp_path, data, "ennen-julkaisua"))
    assert "groups[6]" in str(err.value) and "items[4]" in str(err.value)
    assert data["groups"][5]["items"][3]["text"] in str(err.value)
    assert "puuttuva avain id" in str(err.value)


def test_fields_without_a_summary_are_named_at_the_fields_line_with_what_to_do(tmp_path):
    """Walk 25: one optional field added to 3.5 stopped the build naming summary:, which the file
    does not have, so the message had no line."""
    data = raw("ennen-julkaisua")
    assert "fields" not in data and "summary" not in data
    data["fields"] = [{"id": "lisatiedot", "label": "Lisätietoja", "type": "textarea"}]
    path = write(tmp_path, data, "ennen-julkaisua")
    line = path.read_text(encoding="utf-8").splitlines().index("fields:") + 1
    with pytest.raises(DataError) as err:
        load_checklist(path)
    assert str(err.value).startswith(f"{path}, rivi {line}: fields: lista, jossa on kenttiä, tarvitsee myös "
                                     "yhteenvedon tiedot (summary: ")
    assert str(err.value).endswith("Lisää summary-kohta tai poista kentät")


def test_two_files_with_the_same_id_fail(tmp_path):
    write(tmp_path, raw("uusi-profiili"), "a")
    write(tmp_path, raw("uusi-profiili"), "b")
    with pytest.raises(DataError, match=r"b\.yml: id 'uusi-profiili' on jo käytössä .*a\.yml"):
        load_checklists(tmp_path)


# --- HTML ----------------------------------------------------------------------

class FormParser(HTMLParser):
    """Collects controls, labels and fieldset/legend structure of the rendered form."""

    def __init__(self):
        super().__init__()
        self.controls, self.labels, self.ids = [], set(), []
        self.fieldsets = self.legends = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag in ("input", "select", "textarea"):
            self.controls.append(a)
        if tag == "label":
            self.labels.add(a.get("for"))
        self.fieldsets += tag == "fieldset"
        self.legends += tag == "legend"


@pytest.mark.parametrize("checklist_id", ["uusi-profiili", "ennen-julkaisua"])
def test_rendered_form_has_a_label_for_every_control_and_a_legend_per_fieldset(checklist_id):
    cl = load_checklists(DATA)[checklist_id]
    parser = FormParser()
    parser.feed(render_checklist(cl, from_checklist_page, "viestinta@example.invalid"))
    assert parser.fieldsets == parser.legends >= len(cl["groups"])
    for control in parser.controls:
        assert control["id"] in parser.labels, control
    assert len(parser.ids) == len(set(parser.ids))
    checkboxes = [c for c in parser.controls if c.get("type") == "checkbox" and c["value"] == "ok"]
    assert [c["name"] for c in checkboxes] == [i["id"] for g in cl["groups"] for i in g["items"]]


@pytest.mark.parametrize("needed", ["required", "required_when", None])
def test_the_star_note_is_there_only_where_a_field_has_a_star(needed):
    """"Tähdellä (*) merkityt…" explains a star: a list whose fields are all optional has none (walk 25)."""
    cl = load_checklists(DATA)["uusi-profiili"]
    cl["fields"] = [{**f, "required": False, "required_if": None, "required_when": None} for f in cl["fields"]]
    if needed == "required":
        cl["fields"][-1]["required"] = True
    elif needed == "required_when":
        cl["fields"][-1].update(required_if={"field": "kesto", "value": "maaraaikainen"},
                                required_when={"field_label": "Profiilin kesto", "option_label": "Määräaikainen"})
    html = render_checklist(cl, from_checklist_page, "viestinta@example.invalid")
    assert ("Tähdellä (*) merkityt tiedot tarvitaan pyyntöön." in html) == (needed is not None)
    assert (" *<" in html or "(* jos" in html) == (needed is not None)


def test_rendered_text_is_escaped_and_email_comes_from_the_argument():
    cl = load_checklists(DATA)["uusi-profiili"]
    cl["groups"][0]["items"][0] = {**cl["groups"][0]["items"][0], "text": "<b>lihava</b> & muu"}
    html = render_checklist(cl, from_checklist_page, "joku@example.invalid")
    assert "&lt;b&gt;lihava&lt;/b&gt; &amp; muu" in html and "<b>lihava" not in html
    assert 'href="mailto:joku@example.invalid"' in html


def source_href(cl, page_url, use_directory_urls=True):
    return links.href(cl["source"], None, page_url, use_directory_urls)


def test_source_href_is_relative_from_the_checklist_page():
    cl = load_checklists(DATA)["ennen-julkaisua"]
    assert source_href(cl, "tarkistuslistat/ennen-julkaisua/") == "../../ohjeistus/onnistunut-viestinta/"
    assert source_href(cl, "tarkistuslistat/ennen-julkaisua.html", False) == "../ohjeistus/onnistunut-viestinta.html"


# --- the built site --------------------------------------------------------------

def test_built_pages_link_every_group_once_to_an_existing_anchor(site):
    """One link per group to the guideline (the quotes are plain text: fewer tab stops, issue 14)."""
    for cl in load_checklists(DATA).values():
        html = (site.dir / PAGES[cl["id"]] / "index.html").read_text(encoding="utf-8")
        target = (site.dir / cl["source"].removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        assert not re.search(r'class="loimaa-checklist__guideline"[^>]*>[^<]*<a', html)
        links = re.findall(r'class="loimaa-checklist__source"><a href="([^"]+)"', html)
        assert len(links) == len(cl["groups"])
        for href, group in zip(links, cl["groups"], strict=True):
            path, anchor = href.split("#")
            assert path == "../../" + cl["source"].removesuffix(".md") + "/" and anchor == group["anchor"]
            assert f'id="{anchor}"' in target, href


def test_email_on_the_page_is_the_one_in_the_city_data(site):
    email = load_site_data(ROOT / "data" / "ohje.yml")["communications"]["email"]
    html = (site.dir / PAGES["uusi-profiili"] / "index.html").read_text(encoding="utf-8")
    assert f'href="mailto:{email}"' in html and f'data-checklist-email="{email}"' in html


def test_guideline_pages_and_front_page_link_to_the_checklists(site):
    def links(rel):
        return re.findall(r'href="([^"]+)"', (site.dir / rel / "index.html").read_text(encoding="utf-8"))

    assert "../../tarkistuslistat/uusi-profiili/" in links("ohjeistus/todelliset-tarpeet")
    assert "../../tarkistuslistat/ennen-julkaisua/" in links("ohjeistus/onnistunut-viestinta")
    front = (site.dir / "index.html").read_text(encoding="utf-8")
    for question, href in [("Perustamassa uutta someprofiilia?", "tarkistuslistat/uusi-profiili/"),
                           ("Julkaisemassa kaupungin nimissä?", "tarkistuslistat/ennen-julkaisua/")]:
        card = front[front.index(question):]
        card = card[:card.index("</li>")]
        assert f'href="{href}"' in card, question


@pytest.mark.parametrize("mutate, names", [
    (lambda d: d["groups"][0]["items"][0].pop("id"), ["uusi-profiili.yml", "Profiilille on selkeä tarkoitus."]),
    (lambda d: d["groups"][2]["items"][1].update(id="selkea-tarkoitus"), ["uusi-profiili.yml", "selkea-tarkoitus"]),
    (lambda d: d["groups"][1]["items"][2].update(huom="x"), ["uusi-profiili.yml", "palvelualuejohtaja", "huom"]),
    (lambda d: d["groups"][3].update(items=[]), ["uusi-profiili.yml", "kayttoehdot-ja-tekijanoikeudet"]),
])
def test_malformed_checklist_fails_the_build(tmp_path, mutate, names):
    """The build's own data check (macros.define_env, in-process); that its DataError stops the
    build with its message is shown once, by a real build (test_site_data.py)."""
    import macros

    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "tarkistuslistat" / "uusi-profiili.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # As MkDocs reads it.
    ohje = yaml.safe_load((ROOT / "data" / "ohje.yml").read_text(encoding="utf-8"))["extra"]["ohje"]
    conf = {"docs_dir": str(ROOT / "docs"), "extra": {"ohje": ohje}, "nav": [], "use_directory_urls": True}
    with pytest.raises(DataError) as err:
        macros.define_env(FakeEnv(conf, tmp_path))
    for name in names:
        assert name in str(err.value), name


# --- fields that record an item's result or detail (records) -----------------------------------

# Words too common in these lists to tie a field to an item ("profiili", "palvelu", "kaupunki", "nimi").
COMMON = {"profii", "palvel", "kaupun", "loimaa", "nimi"}


def stems(text: str) -> set[str]:
    """Content words of text, each by its first six letters (Finnish inflects at the end)."""
    return {w[:6] for w in re.findall(r"\w{4,}", text.lower())} - COMMON


def overlapping(cl: dict) -> set[tuple[str, str]]:
    """(field id, item id) pairs that ask about the same thing, as a new user reads them: two content
    words shared by the field's label and the item's text ("Käyttöehdot tarkisti" / "käyttöehdot on
    tarkistettu"), or an option of the field named in the item ("Määräaikainen" / "määräaikainen profiili")."""
    pairs = set()
    for f in cl["fields"]:
        options = set().union(set(), *(stems(o["label"]) for o in f["options"]))
        for group in cl["groups"]:
            for item in group["items"]:
                words = stems(item["text"])
                if len(stems(f["label"]) & words) >= 2 or options & words:
                    pairs.add((f["id"], item["id"]))
    return pairs


@pytest.mark.parametrize("checklist_id", sorted(PAGES))
def test_a_field_and_an_item_that_ask_about_the_same_thing_name_each_other(checklist_id):
    """Issue 23: "Käyttöehdot tarkisti (nimi)" beside "Palvelun käyttöehdot on tarkistettu…", "Päivittämiseen
    varattu aika" beside "Päivittämiseen on varattu aikaa…", "Profiilin kesto: Pysyvä" beside "…tarvitaanko
    määräaikainen profiili…" read as the same question asked twice. Each such pair is declared (records)."""
    cl = load_checklists(DATA)[checklist_id]
    declared = {(f["id"], r["id"]) for f in cl["fields"] for r in f["records"]}
    assert overlapping(cl) <= declared
    if checklist_id == "uusi-profiili":
        assert {("kesto", "tyyppi-maaraaikainen"), ("kayttoehtojen-tarkistaja", "kayttoehdot-tarkistettu"),
                ("paivitysaika", "aikaa-varattu")} <= overlapping(cl)


@pytest.mark.parametrize("checklist_id", sorted(PAGES))
def test_the_form_shows_a_records_link_both_ways(checklist_id):
    cl = load_checklists(DATA)[checklist_id]
    html = render_checklist(cl, from_checklist_page, "viestinta@example.invalid")
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    for f in cl["fields"]:
        box = re.search(rf'<(?:div|fieldset) class="loimaa-field[^"]*" id="{cl["id"]}-{f["id"]}-kentta".*?'
                        r'</(?:div|fieldset)>', html, re.S)[0]
        note = re.search(r'<p class="loimaa-field__records">(.*?)</p>', box)
        if not f["records"]:
            assert note is None, f["id"]
            continue
        groups = {r["group"]["id"]: r["group"]["title"] for r in f["records"]}
        assert note[1].startswith("Liittyy kohtaan " if len(groups) == 1 else "Liittyy kohtiin "), f["id"]
        for group_id, title in groups.items():
            assert f'<a href="#{cl["id"]}-{group_id}">{title}</a>' in note[1] and f"{cl['id']}-{group_id}" in ids
        for r in f["records"]:
            item = re.search(rf'data-checklist-item="{r["id"]}">.*?</li>', html, re.S)[0]
            link = f'<a href="#{cl["id"]}-{f["id"]}-kentta">{f["label"]}</a>'
            assert f'<p class="loimaa-checklist__recorded">{cl["summary"]["fields_title"]}: ' in item and link in item
    recorded = {r["id"] for f in cl["fields"] for r in f["records"]}
    assert html.count('class="loimaa-checklist__recorded"') == len(recorded)


@pytest.mark.parametrize("records, says", [
    (["tyyppi-maaraikainen"], "records[1]: kohtaa 'tyyppi-maaraikainen' ei ole tässä listassa. Kirjoita jonkin "
                              "kohdan id (groups → items → id), esimerkiksi 'selkea-tarkoitus'."),
    (["tyyppi-pysyva", "profiilin-tyyppi"], "records[2]: 'profiilin-tyyppi' on ryhmä, ei kohta. Kirjoita ryhmän "
                                            "kohdan id, esimerkiksi 'tyyppi-pysyva'."),
    ([], "records: odotettiin ei-tyhjää luetteloa"),
])
def test_records_naming_no_item_fails_with_a_finnish_message(tmp_path, records, says):
    data = raw("uusi-profiili")
    kesto = next(f for f in data["fields"] if f["id"] == "kesto")
    kesto["records"] = records
    with pytest.raises(DataError) as error:
        load_checklist(write(tmp_path, data))
    assert re.match(rf"{re.escape(str(tmp_path / 'uusi-profiili.yml'))}, rivi \d+: fields", str(error.value))
    assert says in str(error.value) and "kesto" in str(error.value)
