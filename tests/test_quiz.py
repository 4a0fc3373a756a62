"""Quiz data and markup (data/perehdytys/testi.yml, macros/quiz.py, overrides/components/quiz.html)."""
from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from macros import quiz as quiz_component
from macros.validate import DataError
from onboarding_data import QUIZ_RAW, quiz, check_guideline, QUIZ, href


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


def test_a_reworded_quote_fails_the_build(tmp_path):
    raw = copy.deepcopy(QUIZ_RAW)
    raw["questions"][0]["quote"] = "Viestipalvelut ovat somea."
    with pytest.raises(DataError, match=r"testi.yml, rivi \d+: kysymys 'whatsapp-ryhma': lainausta ei löydy"):
        check_guideline(quiz_component.quiz_refs(quiz(raw, tmp_path)))


def test_a_missing_anchor_or_page_fails_the_build(tmp_path):
    raw = copy.deepcopy(QUIZ_RAW)
    raw["questions"][1]["link"] = "ohjeistus/roolisi.md#ei-ole"
    with pytest.raises(DataError, match=r"'virallinen-kanava'.*ei ole otsikkoa \{ #ei-ole \}"):
        check_guideline(quiz_component.quiz_refs(quiz(raw, tmp_path)))
    raw["questions"][1]["link"] = "ohjeistus/poistettu.md"
    with pytest.raises(DataError, match=r"'virallinen-kanava'.*sivua ohjeistus/poistettu.md ei ole"):
        check_guideline(quiz_component.quiz_refs(quiz(raw, tmp_path)))


@pytest.mark.parametrize("change, message", [
    (lambda r: r["questions"].__delitem__(slice(11, None)), r"kysymyksiä on 11, vähintään 12"),
    (lambda r: r["questions"][0]["options"][1].update(correct=True), r"'whatsapp-ryhma'.*tasan yksi, nyt 2"),
    (lambda r: r["questions"][0]["options"][0].pop("correct"), r"'whatsapp-ryhma'.*tasan yksi, nyt 0"),
    (lambda r: r["questions"][0].update(chapter="9"), r"'whatsapp-ryhma'.*kohtaa '9' ei ole"),
    (lambda r: r["questions"].__setitem__(slice(None), [q for q in r["questions"] if q["chapter"] != "3.6"]
                                          + [{**r["questions"][0], "id": "kopio"}]), r"ei ole kysymystä: 3.6"),
    (lambda r: r["questions"][3].update(id="whatsapp-ryhma"), r"id 'whatsapp-ryhma' on käytössä kahdesti"),
    (lambda r: r["questions"][2].update(link="https://example.org/"), r"questions\[3\].*link: odotettiin ohjeen sivua"),
    (lambda r: r["questions"][2].pop("explanation"),
     r"questions\[3\] \('koskeeko-ohje-vapaa-ajalla'\): puuttuva avain explanation"),
    (lambda r: r.update(storage_version=0), r"storage_version"),
], ids=["too-few", "two-right", "none-right", "unknown-chapter", "chapter-uncovered", "duplicate-id",
        "outside-link", "no-explanation", "bad-version"])
def test_bad_quiz_data_fails_naming_file_and_item(tmp_path, change, message):
    raw = copy.deepcopy(QUIZ_RAW)
    change(raw)
    with pytest.raises(DataError, match=message) as error:
        quiz(raw, tmp_path)
    assert "testi.yml" in str(error.value)


def test_quiz_html_has_a_labelled_control_per_option_and_an_answer_to_open():
    html = quiz_component.render(QUIZ, href)
    assert html.count("<fieldset>") == html.count("<legend>") == len(QUIZ["questions"])
    ids = re.findall(r'<input type="radio" id="([^"]+)"', html)
    assert len(ids) == sum(len(q["options"]) for q in QUIZ["questions"])
    assert all(f'<label for="{i}">' in html for i in ids)
    answers = html.count("<summary>Oikea vastaus ja perustelu</summary>")
    assert html.count("<details") == answers == len(QUIZ["questions"])
    q = QUIZ["questions"][0]
    assert f'<strong>Oikea vastaus:</strong> {q["answer"]["value"]}) {q["answer"]["text"]}' in html
    assert 'style=' not in html and "<script" not in html


def test_data_text_is_escaped(tmp_path):
    raw = copy.deepcopy(QUIZ_RAW)
    raw["questions"][0]["question"] = "<img src=x onerror=alert(1)>?"
    q = quiz(raw, tmp_path)
    check_guideline(quiz_component.quiz_refs(q))
    assert "&lt;img src=x onerror=alert(1)&gt;?" in quiz_component.render(q, href)


def source_terms() -> dict[str, str]:
    """The guideline's term bullets with the description bullet under each ("- Viestipalvelut" / " - Palveluja…")."""
    text = (Path(__file__).parent / "fixtures" / "sosiaalisen-median-ohje-2026.txt").read_text(encoding="utf-8")
    return dict(re.findall(r"^- ([^\n]+)\n - ([^\n]+)", text, re.M))


def test_a_quoted_term_shows_its_description_under_it_as_the_guideline_does():
    """Walk 23 J3-6: "Viestipalvelut" and its description showed as two sibling bullets."""
    terms = source_terms()
    assert "Viestipalvelut" in terms
    html = str(quiz_component.render(QUIZ, href))
    quoted = 0
    for q in QUIZ["questions"]:
        block = html[html.index(f'id="testi-{q["id"]}"'):]
        block = block[block.index("<blockquote"):block.index("</blockquote>")]
        flat = re.sub(r"\s+", " ", block)
        for term, description in terms.items():
            if f"<li>{term}</li>" in flat or f"<li>{term}<ul>" in flat:
                quoted += 1
                assert f"<li>{term}<ul><li>{description}" in flat, (q["id"], flat)
    assert quoted, "no quiz quote quotes a term of the guideline's lists: the test checks nothing"
