"""Role helper data and markup (data/perehdytys/roolit.yml, macros/role_helper.py,
overrides/components/role-helper.html)."""
from __future__ import annotations

import copy
import re

import pytest

from macros import role_helper
from macros.validate import DataError
from onboarding_data import ROLES_RAW, roles_from, check_guideline, ROLES, question, href


def test_role_helper_reaches_the_four_situations_of_3_1_and_the_no_permission_case():
    assert [o["id"] for o in ROLES["outcomes"]] == [
        "virkaprofiili", "asiantuntijaprofiili", "ei-lupaa", "yksityinen-mainitsee", "yksityinen"]
    paths = role_helper.role_paths(ROLES)
    assert all(paths[o] for o in paths)
    assert paths["asiantuntijaprofiili"] == [[("tyotehtava", True), ("lupa", True), ("omalla-nimella", True)]]
    assert paths["yksityinen"] == [[("tyotehtava", False), ("oma-profiili", True), ("mainitsee", False)]]


def test_every_role_question_asked_in_the_issue_is_there():
    texts = " ".join(q["text"] for q in ROLES["questions"].values())
    for words in ["työtehtäviäsi", "lupa hallinnoida", "omaa, henkilökohtaista profiiliasi",
                  "työskentelet kaupungilla"]:
        assert words in texts


def test_a_role_quote_that_is_not_on_its_page_fails(tmp_path):
    raw = copy.deepcopy(ROLES_RAW)
    raw["outcomes"][0]["quotes"][0]["link"] = "ohjeistus/tietoturva.md"
    with pytest.raises(DataError, match=r"roolit.yml: tilanne 'virkaprofiili'.quotes\[1\]: lainausta ei löydy"):
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
    assert ('<li data-role-path="tyotehtava=no,oma-profiili=no">Teetkö tätä osana työtehtäviäsi? Ei; '
            "Käytätkö omaa, henkilökohtaista profiiliasi? Ei</li>") in html
    assert html.count("<blockquote") == sum(len(o["quotes"]) for o in ROLES["outcomes"])
    assert re.search(r'<form [^>]*data-js-only data-search-exclude hidden>', html)   # the questions need JavaScript
