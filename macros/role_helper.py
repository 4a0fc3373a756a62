"""Role helper component ("Kumman roolissa toimit?", guideline 3.1): data/perehdytys/roolit.yml.

Unit: this module, overrides/components/role-helper.html, role-helper.js,
role-helper.css, tests/test_role_helper*.py.

    load_roles(path) -> dict   {"version", "start", "questions": {id: q}, "outcomes": [o], "file"}
    role_paths(roles)          for each outcome, the answer paths that lead to it
    role_refs(roles)           the (where, link, quote) triples guideline.check_refs checks
    render(roles, href)        the HTML: yes/no questions (role-helper.js) and the situations as a list

Without JavaScript the page is a plain list of the situations, each with the
answers that lead to it. Every problem raises DataError naming the file and the item.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import templates
from .guideline import Href, optional_prose, parse_link, parse_quote, with_hrefs
from .validate import (DataError, check_list, check_mapping, check_slug, check_text, check_unique, check_version,
                       load_yaml)

STORAGE_KEY = "perehdytys-rooli"


def load_roles(path: Path) -> dict:
    """Load and validate the role helper's decision tree."""
    where = str(path)
    raw = check_mapping(load_yaml(path), where, {"storage_version", "start", "questions", "outcomes"})
    questions = [_question(q, f"{where}: questions[{i}]")
                 for i, q in enumerate(check_list(raw["questions"], f"{where}: questions"), 1)]
    outcomes = [_outcome(o, f"{where}: outcomes[{i}]")
                for i, o in enumerate(check_list(raw["outcomes"], f"{where}: outcomes"), 1)]
    check_unique(questions + outcomes, where)
    roles = {
        "version": check_version(raw["storage_version"], where),
        "start": check_slug(raw["start"], f"{where}: start"),
        "questions": {q["id"]: q for q in questions},
        "outcomes": outcomes,
        "file": where,
    }
    _check_tree(roles)
    return roles


def _question(raw: Any, where: str) -> dict:
    check_mapping(raw, where, {"id", "text", "if_yes", "if_no"}, {"hint"})
    qid = check_slug(raw["id"], f"{where}.id")
    where = f"{where} ({qid!r})"
    return {
        "id": qid,
        "text": check_text(raw["text"], f"{where}.text"),
        "hint": optional_prose(raw, "hint", f"{where}.hint"),   # the site's words (guideline.Prose)
        "yes": check_slug(raw["if_yes"], f"{where}.if_yes"),
        "no": check_slug(raw["if_no"], f"{where}.if_no"),
    }


def _outcome(raw: Any, where: str) -> dict:
    check_mapping(raw, where, {"id", "title", "summary", "quotes"}, {"next", "ask"})
    oid = check_slug(raw["id"], f"{where}.id")
    where = f"{where} ({oid!r})"
    quotes = []
    for i, q in enumerate(check_list(raw["quotes"], f"{where}.quotes"), 1):
        check_mapping(q, f"{where}.quotes[{i}]", {"text", "link"})
        quotes.append({"text": parse_quote(q["text"], f"{where}.quotes[{i}].text"),
                       "link": parse_link(q["link"], f"{where}.quotes[{i}].link")})
    next_links = []
    for i, n in enumerate(raw.get("next") or [], 1):
        check_mapping(n, f"{where}.next[{i}]", {"text", "page"})
        next_links.append({"text": check_text(n["text"], f"{where}.next[{i}].text"),
                           "link": parse_link(n["page"], f"{where}.next[{i}].page")})
    return {
        "id": oid,
        "title": check_text(raw["title"], f"{where}.title"),
        "summary": check_text(raw["summary"], f"{where}.summary"),
        "quotes": quotes,
        "next": next_links,
        "ask": check_text(raw["ask"], f"{where}.ask") if raw.get("ask") is not None else None,
    }


def _check_tree(roles: dict) -> None:
    """Every answer leads somewhere known, no loops, everything reachable."""
    where = roles["file"]
    questions = roles["questions"]
    outcome_ids = {o["id"] for o in roles["outcomes"]}
    if roles["start"] not in questions:
        raise DataError(f"{where}: start: kysymystä {roles['start']!r} ei ole")
    for q in questions.values():
        for answer in ("yes", "no"):
            if q[answer] not in questions and q[answer] not in outcome_ids:
                raise DataError(f"{where}: kysymys {q['id']!r}.if_{answer}: "
                                f"kysymystä tai tilannetta {q[answer]!r} ei ole")
    reached: set[str] = set()

    def walk(node: str, trail: tuple[str, ...]) -> None:
        if node in trail:
            raise DataError(f"{where}: kysymykset muodostavat silmukan: {' → '.join(trail + (node,))}")
        reached.add(node)
        if node in questions:
            walk(questions[node]["yes"], trail + (node,))
            walk(questions[node]["no"], trail + (node,))

    walk(roles["start"], ())
    unreachable = [i for i in list(questions) + sorted(outcome_ids) if i not in reached]
    if unreachable:
        raise DataError(f"{where}: näihin ei pääse mistään vastauksesta: {', '.join(unreachable)}")


def role_paths(roles: dict) -> dict[str, list[list[tuple[str, bool]]]]:
    """For each outcome, the answer paths that lead to it: [[(question id, yes?), ...], ...]."""
    paths: dict[str, list] = {o["id"]: [] for o in roles["outcomes"]}

    def walk(node: str, trail: list) -> None:
        if node in paths:
            paths[node].append(trail)
            return
        q = roles["questions"][node]
        walk(q["yes"], trail + [(node, True)])
        walk(q["no"], trail + [(node, False)])

    walk(roles["start"], [])
    return paths


def role_refs(roles: dict):
    for o in roles["outcomes"]:
        for i, q in enumerate(o["quotes"], 1):
            yield f"{roles['file']}: tilanne {o['id']!r}.quotes[{i}]", q["link"], q["text"]
        for i, n in enumerate(o["next"], 1):
            yield f"{roles['file']}: tilanne {o['id']!r}.next[{i}]", n["link"], None


def outcome_titles(roles: dict) -> dict[str, str]:
    """{outcome id: title}: the completion sheet shows the title of the saved outcome."""
    return {o["id"]: o["title"] for o in roles["outcomes"]}


def path_key(path: list[tuple[str, bool]]) -> str:
    """"tyotehtava=yes,lupa=no": role-helper.js builds the same key from the user's answers."""
    return ",".join(f"{q}={'yes' if yes else 'no'}" for q, yes in path)


def render(roles: dict, href: Href, contact: dict) -> Markup:
    """The role helper: the questions (shown one at a time by role-helper.js) and every situation.
    contact: the communications contact (data/ohje.yml), for the outcomes that say whom to ask."""
    qs = roles["questions"]
    paths = role_paths(roles)
    outcomes = [{**o, "answers": [{"key": path_key(path),
                                   "text": "; ".join(f"{qs[q]['text']} {'Kyllä' if yes else 'Ei'}" for q, yes in path)}
                                  for path in paths[o["id"]]],
                 "quotes": [{**q, "href": href(q["link"])} for q in o["quotes"]],
                 "next": [{**n, "href": href(n["link"])} for n in o["next"]]}
                for o in roles["outcomes"]]
    config = {"key": STORAGE_KEY, "version": roles["version"], "start": roles["start"]}
    return templates.render("role-helper.html", questions=with_hrefs(list(qs.values()), href), outcomes=outcomes,
                            config=config, contact=contact)
