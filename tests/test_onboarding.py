"""Onboarding data and macros: validation, faithful quotes, links that exist in the built site."""
from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import ROOT
from macros import guideline, templates
from macros import quiz as quiz_component
from macros import role_helper
from macros.guideline import Guideline
from macros.validate import DataError

DATA = ROOT / "data" / "perehdytys"
DOCS = ROOT / "docs"
QUIZ_RAW = yaml.safe_load((DATA / "testi.yml").read_text(encoding="utf-8"))
ROLES_RAW = yaml.safe_load((DATA / "roolit.yml").read_text(encoding="utf-8"))
GUIDELINE_PAGES = sorted([*DOCS.glob("*.md"), *(DOCS / "ohjeistus").glob("*.md")])


def quiz(raw=QUIZ_RAW, tmp_path=None) -> dict:
    if tmp_path is None:
        return quiz_component.load_quiz(DATA / "testi.yml")
    path = tmp_path / "testi.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return quiz_component.load_quiz(path)


def roles_from(raw, tmp_path) -> dict:
    path = tmp_path / "roolit.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return role_helper.load_roles(path)


def check_guideline(refs, docs=DOCS):
    guideline.check_refs(refs, Guideline(docs))


def quote_html(lines, link, href):
    """The shared quote piece (overrides/components/shared.html), as the components render it."""
    macro = templates.environment().get_template("shared.html").module.quote
    return templates.render_markup(macro(lines, href(link), link["title"]))


def checked(q: dict, r: dict) -> tuple[dict, dict]:
    check_guideline([*role_helper.role_refs(r), *quiz_component.quiz_refs(q)])
    return q, r


QUIZ, ROLES = checked(quiz_component.load_quiz(DATA / "testi.yml"), role_helper.load_roles(DATA / "roolit.yml"))


# --- the real data ----------------------------------------------------------------------

def test_quiz_has_at_least_twelve_questions_covering_every_chapter():
    assert len(QUIZ["questions"]) >= 12
    chapters = [c["id"] for c in QUIZ["chapters"]]
    assert chapters == ["1", "2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6"]
    assert {q["chapter"] for q in QUIZ["questions"]} == set(chapters)


def test_each_question_has_one_right_answer_an_explanation_a_quote_and_a_link():
    for q in QUIZ["questions"]:
        assert [o["correct"] for o in q["options"]].count(True) == 1, q["id"]
        assert q["explanation"] and q["quote"] and q["link"]["title"], q["id"]


def test_the_right_answer_is_not_always_in_the_same_place():
    places = [q["answer"]["value"] for q in QUIZ["questions"]]
    assert max(places.count(p) for p in set(places)) <= len(places) / 2, places


def test_the_issue_scenarios_are_in_the_quiz():
    """The scenarios issue 5 names: insulting comment, work e-mail, photo, closed group, wrong time."""
    ids = {q["id"] for q in QUIZ["questions"]}
    assert {"loukkaava-kommentti", "tyosahkoposti-kirjautuminen", "kuva-ilman-lupaa",
            "suljettu-ryhma", "virheellinen-aukioloaika"} <= ids


def test_role_helper_reaches_the_four_situations_of_3_1_and_the_no_permission_case():
    assert [o["id"] for o in ROLES["outcomes"]] == [
        "virkaprofiili", "asiantuntijaprofiili", "ei-lupaa", "yksityinen-mainitsee", "yksityinen"]
    paths = role_helper.role_paths(ROLES)
    assert all(paths[o] for o in paths)
    assert paths["asiantuntijaprofiili"] == [[("tyotehtava", True), ("lupa", True), ("omalla-nimella", True)]]
    assert paths["yksityinen"] == [[("tyotehtava", False), ("oma-profiili", True), ("mainitsee", False)]]


def test_every_role_question_asked_in_the_issue_is_there():
    texts = " ".join(q["text"] for q in ROLES["questions"].values())
    for words in ["työtehtäviäsi", "lupa hallinnoida", "omaa, henkilökohtaista profiiliasi", "työskentelet kaupungilla"]:
        assert words in texts


# --- faithful to the guideline -------------------------------------------------------------

def guideline_text() -> str:
    return " ".join(guideline.plain_text(p.read_text(encoding="utf-8")) for p in GUIDELINE_PAGES)


def test_every_quote_on_the_essentials_page_is_the_guidelines_own_text():
    """Ohje lyhyesti: what is in a blockquote is copied, never reworded."""
    source = (DOCS / "perehdytys" / "ohje-lyhyesti.md").read_text(encoding="utf-8")
    quotes, current = [], []
    for line in source.splitlines() + [""]:
        if line.startswith(">"):
            current.append(line[1:].strip())
        elif current:
            quotes.append(guideline.plain_text("\n".join(current)))
            current = []
    assert len(quotes) >= 12
    text = guideline_text()
    missing = [q for q in quotes if q not in text]
    assert missing == []


def test_essentials_page_covers_and_links_every_chapter():
    source = (DOCS / "perehdytys" / "ohje-lyhyesti.md").read_text(encoding="utf-8")
    for c in QUIZ["chapters"]:
        assert f"## {c['id']}." in source, c["id"]
        assert f"(../{c['link']['page']})" in source, c["link"]["page"]


def test_a_reworded_quote_fails_the_build(tmp_path):
    raw = copy.deepcopy(QUIZ_RAW)
    raw["questions"][0]["quote"] = "Viestipalvelut ovat somea."
    with pytest.raises(DataError, match=r"testi.yml: kysymys 'whatsapp-ryhma': lainausta ei löydy"):
        check_guideline(quiz_component.quiz_refs(quiz(raw, tmp_path)))


def test_a_missing_anchor_or_page_fails_the_build(tmp_path):
    raw = copy.deepcopy(QUIZ_RAW)
    raw["questions"][1]["link"] = "ohjeistus/roolisi.md#ei-ole"
    with pytest.raises(DataError, match=r"'virallinen-kanava'.*ei ole otsikkoa \{ #ei-ole \}"):
        check_guideline(quiz_component.quiz_refs(quiz(raw, tmp_path)))
    raw["questions"][1]["link"] = "ohjeistus/poistettu.md"
    with pytest.raises(DataError, match=r"'virallinen-kanava'.*sivua ohjeistus/poistettu.md ei ole"):
        check_guideline(quiz_component.quiz_refs(quiz(raw, tmp_path)))


def test_a_role_quote_that_is_not_on_its_page_fails(tmp_path):
    raw = copy.deepcopy(ROLES_RAW)
    raw["outcomes"][0]["quotes"][0]["link"] = "ohjeistus/tietoturva.md"
    with pytest.raises(DataError, match=r"roolit.yml: tilanne 'virkaprofiili'.quotes\[1\]: lainausta ei löydy"):
        check_guideline(role_helper.role_refs(roles_from(raw, tmp_path)))


# --- validation of the quiz ------------------------------------------------------------------

@pytest.mark.parametrize("change, message", [
    (lambda r: r["questions"].__delitem__(slice(11, None)), r"kysymyksiä on 11, vähintään 12"),
    (lambda r: r["questions"][0]["options"][1].update(correct=True), r"'whatsapp-ryhma'.*tasan yksi, nyt 2"),
    (lambda r: r["questions"][0]["options"][0].pop("correct"), r"'whatsapp-ryhma'.*tasan yksi, nyt 0"),
    (lambda r: r["questions"][0].update(chapter="9"), r"'whatsapp-ryhma'.*kohtaa '9' ei ole"),
    (lambda r: r["questions"].__setitem__(slice(None), [q for q in r["questions"] if q["chapter"] != "3.6"]
                                          + [{**r["questions"][0], "id": "kopio"}]), r"ei ole kysymystä: 3.6"),
    (lambda r: r["questions"][3].update(id="whatsapp-ryhma"), r"id 'whatsapp-ryhma' on käytössä kahdesti"),
    (lambda r: r["questions"][2].update(link="https://example.org/"), r"questions\[3\].*link: odotettiin ohjeen sivua"),
    (lambda r: r["questions"][2].pop("explanation"), r"questions\[3\]: puuttuva avain explanation"),
    (lambda r: r.update(storage_version=0), r"storage_version"),
], ids=["too-few", "two-right", "none-right", "unknown-chapter", "chapter-uncovered", "duplicate-id",
        "outside-link", "no-explanation", "bad-version"])
def test_bad_quiz_data_fails_naming_file_and_item(tmp_path, change, message):
    raw = copy.deepcopy(QUIZ_RAW)
    change(raw)
    with pytest.raises(DataError, match=message) as error:
        quiz(raw, tmp_path)
    assert "testi.yml" in str(error.value)


# --- validation of the role helper ---------------------------------------------------------------

def question(raw, qid):
    return next(q for q in raw["questions"] if q["id"] == qid)


@pytest.mark.parametrize("change, message", [
    (lambda r: question(r, "lupa").update(if_no="ei-mitaan"), r"'lupa'.if_no: kysymystä tai tilannetta 'ei-mitaan' ei ole"),
    (lambda r: question(r, "mainitsee").update(if_no="tyotehtava"), r"silmukan: tyotehtava → .* → tyotehtava"),
    (lambda r: question(r, "mainitsee").update(if_no="yksityinen-mainitsee"), r"ei pääse mistään vastauksesta: yksityinen"),
    (lambda r: r.update(start="alku"), r"start: kysymystä 'alku' ei ole"),
    (lambda r: question(r, "lupa").update({True: "x"}), r"questions\[2\]: tuntematon avain True"),
    (lambda r: r["outcomes"][0].pop("quotes"), r"outcomes\[1\]: puuttuva avain quotes"),
], ids=["dangling", "loop", "unreachable", "no-start", "yaml-yes-key", "no-quotes"])
def test_bad_role_data_fails_naming_file_and_item(tmp_path, change, message):
    raw = copy.deepcopy(ROLES_RAW)
    change(raw)
    with pytest.raises(DataError, match=message) as error:
        roles_from(raw, tmp_path)
    assert "roolit.yml" in str(error.value)


# --- HTML without JavaScript -------------------------------------------------------------------------

def href(link):
    return link["page"] + ("#" + link["anchor"] if link["anchor"] else "")


def test_quiz_html_has_a_labelled_control_per_option_and_an_answer_to_open():
    html = quiz_component.render(QUIZ, href)
    assert html.count("<fieldset>") == html.count("<legend>") == len(QUIZ["questions"])
    ids = re.findall(r'<input type="radio" id="([^"]+)"', html)
    assert len(ids) == sum(len(q["options"]) for q in QUIZ["questions"])
    assert all(f'<label for="{i}">' in html for i in ids)
    assert html.count("<details") == html.count("<summary>Oikea vastaus ja perustelu</summary>") == len(QUIZ["questions"])
    q = QUIZ["questions"][0]
    assert f'<strong>Oikea vastaus:</strong> {q["answer"]["value"]}) {q["answer"]["text"]}' in html
    assert 'style=' not in html and "<script" not in html


def test_role_html_lists_every_situation_with_when_and_quotes():
    html = role_helper.render(ROLES, href)
    for o in ROLES["outcomes"]:
        assert f'<h2 id="tilanne-{o["id"]}-otsikko">' in html
    assert ("Kun vastaat: Teetkö tätä osana työtehtäviäsi? Kyllä; Onko sinulla lupa hallinnoida kaupungin "
            "somekanavia? Kyllä; Onko profiili perustettu omalla nimelläsi? Ei</p>") in html
    assert ("<li>Teetkö tätä osana työtehtäviäsi? Ei; Käytätkö omaa, henkilökohtaista profiiliasi? Ei</li>") in html
    assert html.count("<blockquote") == sum(len(o["quotes"]) for o in ROLES["outcomes"])
    assert re.search(r'<form [^>]*data-js-only data-search-exclude hidden>', html)   # the questions need JavaScript


def test_quotes_keep_the_guidelines_lead_and_bullets():
    html = quote_html(["Asiantuntijaprofiilissa:", "käytetään x", "mainitaan y"], {"title": "T"}, lambda link: "u")
    assert "<p>Asiantuntijaprofiilissa:</p><ul><li>käytetään x</li><li>mainitaan y</li></ul>" in html
    assert "<blockquote class=\"loimaa-onboarding__quote\"><p>Yksi.</p></blockquote>" in quote_html(
        ["Yksi."], {"title": "T"}, lambda link: "u")


def test_data_text_is_escaped(tmp_path):
    raw = copy.deepcopy(QUIZ_RAW)
    raw["questions"][0]["question"] = "<img src=x onerror=alert(1)>?"
    q = quiz(raw, tmp_path)
    check_guideline(quiz_component.quiz_refs(q))
    assert "&lt;img src=x onerror=alert(1)&gt;?" in quiz_component.render(q, href)


# --- the built site: every explanation's link lands on a page and heading that exist --------------------

class _Links(HTMLParser):
    """Links inside the quote sources and "Seuraavaksi" lines, and every id on a page."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.inside = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        cls = a.get("class") or ""
        if tag == "p" and ("loimaa-onboarding__source" in cls or "loimaa-roles__next" in cls):
            self.inside = 1
        if tag == "a" and self.inside:
            self.hrefs.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "p":
            self.inside = 0


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("page, expected", [
    ("perehdytys/testaa-osaamisesi/", len(QUIZ["questions"])),
    ("perehdytys/roolisi/", sum(len(o["quotes"]) + len(o["next"]) for o in ROLES["outcomes"])),
])
def test_every_explanation_link_targets_an_existing_page_and_anchor(site, page, expected):
    links = parse(site.dir / page / "index.html").hrefs
    assert len(links) == expected
    base = "http://x/" + page
    for link in links:
        target = urlsplit(urljoin(base, link))
        assert not link.startswith(("/", "http")), link          # relative: works under any sub-path
        html = site.dir / target.path.lstrip("/") / "index.html"
        assert html.is_file(), link
        if target.fragment:
            assert target.fragment in parse(html).ids, link
