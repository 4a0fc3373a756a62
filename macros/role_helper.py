"""Role helper component ("Kumman roolissa toimit?", guideline 3.1): data/perehdytys/roolit.yml.

Unit: this module, overrides/components/role-helper/ (role-helper.html, .js,
.css), tests/test_role_helper*.py.

    load_roles(path) -> dict   {"version", "start", "questions": {id: q}, "outcomes": [o], "file"}
    role_paths(roles)          for each outcome, the answer paths that lead to it
    role_refs(roles)           the (where, link, quote) triples guideline.check_refs checks
    render(roles, href)        the HTML: yes/no questions (role-helper.js) and the situations as a list

As a component (macros/components.py): DATA, load, check, and macros(ctx) -> the macro role_helper().

Without JavaScript the page is a plain list of the situations, each with the
answers that lead to it. Every problem raises DataError naming the file and the item.
"""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from . import models, templates
from .components import Context
from .guideline import Guideline, Href, check_refs, parse_link, parse_prose, with_hrefs
from .models.roles import Roles
from .validate import DataError

STORAGE_KEY = "role-helper"  # was "perehdytys-rooli": loimaa.js moves old answers (Loimaa.storage.renamed)
FILE = "perehdytys/roolit.yml"   # under data/
DATA = {FILE: (Roles, "roolit")}


def load(data_dir: Path) -> dict:
    return load_roles(data_dir / FILE)


def check(roles: dict, guideline: Guideline) -> None:
    check_refs(role_refs(roles), guideline)


def load_roles(path: Path) -> dict:
    """The role helper's decision tree (its shape: macros/models/roles.py), checked as a tree."""
    where = str(path)
    data = models.load(path, Roles)
    roles = {
        "version": data.storage_version,
        "start": data.start,
        "questions": {q.id: {"id": q.id, "text": q.text,
                             "hint": parse_prose(q.hint, f"{where}: questions[{i}] ({q.id!r}).hint"),
                             "yes": q.if_yes, "no": q.if_no} for i, q in enumerate(data.questions, 1)},
        "outcomes": [{"id": o.id, "title": o.title, "summary": o.summary,
                      "quotes": [{"text": q.text, "link": parse_link(q.link)} for q in o.quotes],
                      "next": [{"text": n.text, "link": parse_link(n.page)} for n in o.next or []],
                      "ask": o.ask} for o in data.outcomes],
        "file": where,
    }
    _check_tree(roles)
    return roles


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
    return templates.render("role-helper/role-helper.html", questions=with_hrefs(list(qs.values()), href),
                            outcomes=outcomes, config=config, contact=contact)


def macros(ctx: Context) -> dict:
    def role_helper() -> Markup:
        ctx.use("role-helper")
        return render(ctx.data["role-helper"], ctx.href, ctx.ohje["communications"])

    return {"role_helper": role_helper}
