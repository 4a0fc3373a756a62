"""Role helper data and markup (data/perehdytys/roolit.yml, macros/role_helper.py,
overrides/components/role-helper/role-helper.html)."""
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
        "virkaprofiili", "asiantuntijaprofiili", "ei-lupaa", "ei-tyotehtava", "muu-profiili", "yksityinen-mainitsee",
        "yksityinen"]
    paths = role_helper.role_paths(ROLES)
    assert all(paths[o] for o in paths)
    assert paths["asiantuntijaprofiili"] == [[("tyotehtava", True), ("lupa", True), ("omalla-nimella", True)]]
    assert [("tyotehtava", False), ("oma-profiili", True), ("mainitsee", False)] in paths["yksityinen"]


def situation_in_3_1(said: dict) -> str:
    """Guideline 3.1 as rules, from what the answers say (said: question id -> yes?), written apart from
    the tree in roolit.yml. 3.1.1: in work tasks, or in the city's name, you act for the city, which you
    may "vain, jos se kuuluu hänen työtehtäviinsä ja hänellä on lupa hallinnoida kaupungin somekanavia";
    a profile in your own name is an expert profile, one that is not a work or office profile. 3.1.2:
    otherwise, in your own profile, you act as a private person ("omissa profiileissasi", "henkilökohtaista
    profiiliasi"), who may say they work for the city; in a profile neither yours nor the city's (an
    association's page), not in work tasks nor in the city's name, you are a private person too (3.1
    knows two roles), but nothing about your own profile fits: its own situation."""
    work = said["tyotehtava"]
    for_the_city = work or (not said["oma-profiili"] and said["kaupungin-nimissa"])
    if for_the_city and not work:
        return "ei-tyotehtava"
    if for_the_city and not said["lupa"]:
        return "ei-lupaa"
    if for_the_city:
        return "asiantuntijaprofiili" if said["omalla-nimella"] else "virkaprofiili"
    if not said["oma-profiili"]:
        return "muu-profiili"
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


# What a summary may claim, and when the answers on a path said so (said: question id -> yes; a question
# not on the path was not asked). A claim no answer can give is never true: the questions ask what you
# do, not what your tasks are, and no answer says which part of the city a profile speaks for.
CLAIMS = [
    (r"\bkoko kaupunki", lambda said: False),
    (r"\bkuulu(u|vat)? (työ)?tehtäviisi", lambda said: False),
    (r"\b(et tee sitä|etkä) työtehtävissäsi", lambda said: said.get("tyotehtava") is False),
    (r"(?<!et tee sitä )(?<!etkä )\btyötehtävissäsi", lambda said: said.get("tyotehtava") is True),
    (r"\bei ole lupaa", lambda said: said.get("lupa") is False),
    (r"(?<!ei ole )\blupa", lambda said: said.get("lupa") is True),
    (r"\bjota ei ole perustettu omalla nimelläsi", lambda said: said.get("omalla-nimella") is False),
    (r"\bjoka on perustettu omalla nimelläsi", lambda said: said.get("omalla-nimella") is True),
    (r"\bomaa profiiliasi", lambda said: said.get("oma-profiili") is True),
    (r"\bmuussa kuin omassa profiilissasi", lambda said: said.get("oma-profiili") is False),
    (r"\bet kaupungin nimissä", lambda said: said.get("kaupungin-nimissa") is False),
    (r"(?<!et )\bkaupungin nimissä", lambda said: said.get("kaupungin-nimissa") is True),
    # 3.1 knows two roles: not in work tasks and not in the city's name, you act as a private person,
    # in your own profile or on someone else's page (issue 23 walk: Ei, Ei, Ei).
    (r"\byksityishenkilö", lambda said: said.get("tyotehtava") is False
     and (said.get("oma-profiili") is True or said.get("kaupungin-nimissa") is False)),
    (r"\bkerrot, että", lambda said: said.get("mainitsee") is True),
    (r"\betkä kerro", lambda said: said.get("mainitsee") is False),
]


def claims_against(summary: str, said: dict) -> list[str]:
    """The claims of summary that the answers in said did not give."""
    return [pattern for pattern, holds in CLAIMS if re.search(pattern, summary) and not holds(said)]


def test_each_summary_fits_every_path_that_leads_to_it():
    """Each outcome's summary says only what every path to it answered (issue 23: "Kyllä, Kyllä, Ei"
    led to "profiilissa, joka edustaa koko kaupunkia", which a unit's profile does not)."""
    summaries = {o["id"]: o["summary"] for o in ROLES["outcomes"]}
    wrong = []
    for outcome, paths in role_helper.role_paths(ROLES).items():
        assert any(re.search(p, summaries[outcome]) for p, _ in CLAIMS), f"{outcome}: add its claims to CLAIMS"
        for path in paths:
            said = dict(path)
            for claim in claims_against(summaries[outcome], said):
                wrong.append(f"{outcome} {claim!r}: " + ", ".join(f"{q}={'Kyllä' if a else 'Ei'}" for q, a in path))
    assert wrong == []


@pytest.mark.parametrize("summary, said, wrong", [
    ("Viestit kaupungin nimissä profiilissa, joka edustaa koko kaupunkia.",
     {"tyotehtava": True, "lupa": True, "omalla-nimella": False}, 2),
    ("Some kuuluu työtehtäviisi, mutta sinulla ei ole lupaa hallinnoida kaupungin somekanavia.",
     {"tyotehtava": True, "lupa": False}, 1),
    ("Viestit kaupungin nimissä, mutta se ei kuulu työtehtäviisi.",
     {"tyotehtava": False, "oma-profiili": False, "kaupungin-nimissa": True}, 1),
    ("Viestit yksityishenkilönä etkä kerro työskenteleväsi kaupungilla.",
     {"tyotehtava": False, "oma-profiili": True, "mainitsee": False}, 0),
    ("Käytät omaa profiiliasi yksityishenkilönä.",
     {"tyotehtava": False, "oma-profiili": False, "kaupungin-nimissa": False}, 1),
])
def test_the_claims_catch_the_summaries_the_walk_found(summary, said, wrong):
    assert len(claims_against(summary, said)) == wrong


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
    (lambda r: question(r, "lupa").update({True: "x"}),
     r"questions\[2\] \('lupa'\)\.True: tuntematon avain True\. Korjaa"),
    (lambda r: r["outcomes"][0].pop("quotes"), r"outcomes\[1\] \('virkaprofiili'\): puuttuva avain quotes"),
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
    assert ("Kun vastaat: Teetkö tätä osana työtehtäviäsi? Ei; Käytätkö omaa, henkilökohtaista profiiliasi? Ei; "
            "Viestitkö kaupungin nimissä? Ei</p>") in html
    several = [o for o, paths in role_helper.role_paths(ROLES).items() if len(paths) > 1]
    assert html.count("<li data-role-helper-path=") == sum(len(role_helper.role_paths(ROLES)[o]) for o in several)
    assert html.count("<blockquote") == sum(len(o["quotes"]) for o in ROLES["outcomes"])
    assert re.search(r'<form [^>]*data-js-only data-search-exclude hidden>', html)   # the questions need JavaScript
