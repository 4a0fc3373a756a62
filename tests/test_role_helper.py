"""Role helper data and markup (data/perehdytys/roolit.yml, macros/role_helper.py,
overrides/components/role-helper.html)."""
from __future__ import annotations

import copy
import itertools
import re

import pytest

from macros import role_helper
from macros.validate import DataError
from onboarding_data import ROLES_RAW, roles_from, check_guideline, ROLES, question, href


def test_role_helper_reaches_the_four_situations_of_3_1_and_the_two_not_allowed_cases():
    assert [o["id"] for o in ROLES["outcomes"]] == [
        "virkaprofiili", "asiantuntijaprofiili", "ei-lupaa", "ei-tyotehtava", "yksityinen-mainitsee", "yksityinen"]
    paths = role_helper.role_paths(ROLES)
    assert all(paths[o] for o in paths)
    assert paths["asiantuntijaprofiili"] == [[("tyotehtava", True), ("lupa", True), ("omalla-nimella", True)]]
    assert [("tyotehtava", False), ("oma-profiili", True), ("mainitsee", False)] in paths["yksityinen"]


def situation_in_3_1(said: dict) -> str:
    """Guideline 3.1 as rules, from what the answers say (said: question id -> yes?), written apart from
    the tree in roolit.yml. 3.1.1: in work tasks, or in the city's name, you act for the city, which you
    may "vain, jos se kuuluu hänen työtehtäviinsä ja hänellä on lupa hallinnoida kaupungin somekanavia";
    a profile in your own name is an expert profile, one that is not a work or office profile. 3.1.2:
    otherwise you act as a private person, who may say they work for the city."""
    work = said["tyotehtava"]
    for_the_city = work or (not said["oma-profiili"] and said["kaupungin-nimissa"])
    if for_the_city and not work:
        return "ei-tyotehtava"
    if for_the_city and not said["lupa"]:
        return "ei-lupaa"
    if for_the_city:
        return "asiantuntijaprofiili" if said["omalla-nimella"] else "virkaprofiili"
    return "yksityinen-mainitsee" if said["mainitsee"] else "yksityinen"


def follow(roles: dict, said: dict) -> str:
    node = roles["start"]
    while node in roles["questions"]:
        node = roles["questions"][node]["yes" if said[node] else "no"]
    return node


RULED = {"tyotehtava", "lupa", "omalla-nimella", "oma-profiili", "kaupungin-nimissa", "mainitsee"}


def test_every_combination_of_answers_ends_in_the_situation_3_1_gives_it():
    # A question the rules above do not know: write what 3.1 says of it into situation_in_3_1.
    assert set(ROLES["questions"]) <= RULED
    ids = sorted(RULED)
    wrong = []
    for answers in itertools.product((True, False), repeat=len(ids)):
        said = dict(zip(ids, answers, strict=True))
        reached, right = follow(ROLES, said), situation_in_3_1(said)
        if reached != right:
            wrong.append(f"{reached} ≠ {right}: " + ", ".join(f"{q}={'Kyllä' if said[q] else 'Ei'}" for q in ids))
    assert wrong == []


def test_each_summary_fits_every_path_that_leads_to_it():
    """A summary may not speak of a profile of one's own where a path to it said "Ei" to that question."""
    summaries = {o["id"]: o["summary"] for o in ROLES["outcomes"]}
    for outcome, paths in role_helper.role_paths(ROLES).items():
        for path in paths:
            said = dict(path)
            if said.get("oma-profiili") is False:
                assert "omaa profiiliasi" not in summaries[outcome], outcome
            if said.get("tyotehtava") is False:
                assert "kuuluu työtehtäviisi" not in summaries[outcome].replace("ei kuulu", ""), outcome
            if said.get("tyotehtava") is True:
                assert "yksityishenkilö" not in summaries[outcome], outcome


def test_every_role_question_asked_in_the_issue_is_there():
    texts = " ".join(q["text"] for q in ROLES["questions"].values())
    for words in ["työtehtäviäsi", "lupa hallinnoida", "omaa, henkilökohtaista profiiliasi",
                  "työskentelet kaupungilla"]:
        assert words in texts


def test_a_role_quote_that_is_not_on_its_page_fails(tmp_path):
    raw = copy.deepcopy(ROLES_RAW)
    raw["outcomes"][0]["quotes"][0]["link"] = "ohjeistus/tietoturva.md"
    with pytest.raises(DataError,
                       match=r"roolit.yml, rivi \d+: tilanne 'virkaprofiili'.quotes\[1\]: lainausta ei löydy"):
        check_guideline(role_helper.role_refs(roles_from(raw, tmp_path)))


@pytest.mark.parametrize("change, message", [
    (lambda r: question(r, "lupa").update(if_no="ei-mitaan"),
     r"'lupa'.if_no: kysymystä tai tilannetta 'ei-mitaan' ei ole"),
    (lambda r: question(r, "mainitsee").update(if_no="tyotehtava"), r"silmukan: tyotehtava → .* → tyotehtava"),
    (lambda r: question(r, "mainitsee").update(if_no="yksityinen-mainitsee"),
     r"ei pääse mistään vastauksesta: yksityinen"),
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


CONTACT = {"name": "Loimaan kaupungin viestintä", "email": "viestinta@loimaa.fi"}


def test_role_html_lists_every_situation_with_when_and_quotes():
    html = role_helper.render(ROLES, href, CONTACT)
    for o in ROLES["outcomes"]:
        assert f'<h2 id="tilanne-{o["id"]}-otsikko"' in html   # + data-search-exclude (issue 15)
    assert ("Kun vastaat: Teetkö tätä osana työtehtäviäsi? Kyllä; Onko sinulla lupa hallinnoida kaupungin "
            "somekanavia? Kyllä; Onko profiili perustettu omalla nimelläsi? Ei</p>") in html
    assert ('<li data-role-path="tyotehtava=no,oma-profiili=no,kaupungin-nimissa=no,mainitsee=no">Teetkö tätä osana '
            "työtehtäviäsi? Ei; Käytätkö omaa, henkilökohtaista profiiliasi? Ei; Viestitkö kaupungin nimissä? Ei; "
            "Kerrotko profiilissa tai viestissäsi, että työskentelet kaupungilla? Ei</li>") in html
    assert "Kun vastaat jommallakummalla tavalla:" in html
    assert html.count("<blockquote") == sum(len(o["quotes"]) for o in ROLES["outcomes"])
    assert re.search(r'<form [^>]*data-js-only data-search-exclude hidden>', html)   # the questions need JavaScript
