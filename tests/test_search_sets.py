"""Staff questions, typed into Material's search box, find the section that answers them.

Two sets of questions, written from the guideline alone (issue 24):

- tests/haku/kysymykset.yml, the working set: one or two questions for every bullet and
  rule of chapters 1-3, as staff type them. The search may be tuned on it.
- tests/haku/pidatetty.yml, the held-out set: written before the ranking was changed, by
  someone who had seen neither the working set nor the code. It is scored, never tuned
  on: no word, synonym or rule is added because of one of its questions.

A question's answer is its section ("kohta"), or another section it names ("muut"). A
section is found when its page comes first (top three for the weaker target); a checklist
page answers for its section (3.2, 3.5). The targets: 90 % first, 100 % in the top three
(TARGET; FLOOR until they are reached). Where the page comes first, the card that its result
shows should be the section with the answer (CARD_FLOOR).
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from search_worker import worker_search_cards
from searching import top_pages, type_query

SETS = ROOT / "tests" / "haku"
WORKING, HELD_OUT = SETS / "kysymykset.yml", SETS / "pidatetty.yml"
SOURCE = ROOT / "tests" / "fixtures" / "sosiaalisen-median-ohje-2026.txt"

# The page of each numbered section, and the checklist that answers for it.
PAGES = {
    "1": "mika-on-sosiaalinen-media/",
    "2": "loimaan-kaupunki-ja-sosiaalinen-media/", "2.1": "loimaan-kaupunki-ja-sosiaalinen-media/",
    "2.2": "loimaan-kaupunki-ja-sosiaalinen-media/",
    "3.1": "ohjeistus/roolisi/", "3.1.1": "ohjeistus/roolisi/", "3.1.2": "ohjeistus/roolisi/",
    "3.2": "ohjeistus/todelliset-tarpeet/", "3.3": "ohjeistus/asiallisuus/", "3.4": "ohjeistus/tietoturva/",
    "3.5": "ohjeistus/onnistunut-viestinta/", "3.6": "ohjeistus/lisatietoa/",
}
CHECKLISTS = {"3.2": "tarkistuslistat/uusi-profiili/", "3.5": "tarkistuslistat/ennen-julkaisua/"}
# Issue 24's targets are 90 % first and 100 % in the top three for both sets; they are not
# reached yet (issue 24 stays open). Until then these floors, the shares reached on
# 2026-12-06 rounded down, keep the ranking from slipping back: (first, top three).
# (The working set's after the background words: 87.3 % / 97.8 %; after filler verbs in every form
# and clitic-like endings read both ways: 88.3 % / 98.1 %; after the title tie-break, the -oida/-ointi
# pairs, lapsi's forms and the ylläpito words: 89.2 % / 98.4 %; after split words joined, people's
# data and channel words, staff-word compound tails and -lu nouns, 2026-12-07: 90.2 % / 99.1 %.)
TARGET = (0.90, 1.00)
FLOOR = {"kysymykset.yml": (0.90, 0.99), "pidatetty.yml": (0.78, 0.94)}
# Of the working set's questions whose page comes first, the share whose card (the part of the page
# the result shows) is the section holding the question's line: 87.7 % on 2026-12-06; 89.4 % on
# 2026-12-07, after a page's introduction lost Material's bonus over its sections; 90.5 % after a page's
# parts with as many of the query's words were ordered by the words few pages have (session 27).
CARD_FLOOR = 0.90


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def section_lines() -> dict[str, range]:
    """The source lines (1-based) of each numbered section, from its heading to the next one's.

    The headings are the contents list's entries ("3.4. Muista tietoturva…<tab>6"), found again in the body."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    titles = [m.group(1) for line in lines if (m := re.match(r"^(\d(?:\.\d){0,2}\. [^\t.]+)\.*\t\d+$", line))]
    starts, n = [], 0
    for title in titles:
        n = next(i for i in range(n, len(lines)) if lines[i].rstrip(".") == title and "\t" not in lines[i])
        starts.append((n + 1, title.split(". ")[0]))
    ends = [s for s, _ in starts[1:]] + [len(lines) + 1]
    return {number: range(start, end) for (start, number), end in zip(starts, ends, strict=True)}


def answers(question: dict) -> set[str]:
    sections = [question["kohta"], *question.get("muut", [])]
    return {PAGES[s] for s in sections} | {CHECKLISTS[s] for s in sections if s in CHECKLISTS}


@pytest.mark.parametrize("path,least", [(WORKING, 150), (HELD_OUT, 60)])
def test_question_sets_are_well_formed(path, least):
    questions, ranges = load(path), section_lines()
    assert len(questions) >= least
    assert len({q["q"].lower() for q in questions}) == len(questions), "no question twice"
    for q in questions:
        assert set(q) <= {"q", "kohta", "muut", "rivi"} and q["q"].strip(), q
        assert q["kohta"] in PAGES and set(q.get("muut", [])) <= set(PAGES), q
        assert q["rivi"] in ranges[q["kohta"]], f"{q}: rivi {q['rivi']} ei ole kohdassa {q['kohta']}"


def test_working_set_asks_about_every_bullet_of_the_guideline():
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    ranges = section_lines()
    asked = {q["rivi"] for q in load(WORKING)}
    bullets = [n for n in range(ranges["1"].start, ranges["3.6"].start)
               if lines[n - 1].startswith("- ")]
    missing = [f"{n}: {lines[n - 1]}" for n in bullets if n not in asked]
    assert not missing, f"{len(missing)} luetelmakohtaa ilman kysymystä:\n" + "\n".join(missing)


def score(site, page, questions: list[dict]) -> tuple[list[str], list[str]]:
    """(questions whose answer is not first, questions whose answer is not in the top three)."""
    page.goto(site.url, wait_until="load")
    page.locator("input.md-search__input").focus()  # Material reads the box on focus and on keyup
    not_first, not_top3 = [], []
    for q in questions:
        top = top_pages(site, type_query(page, q["q"]), 3)
        line = f"{q['q']!r} ({q['kohta']}): {top}"
        if not top or top[0] not in answers(q):
            not_first.append(line)
        if not answers(q) & set(top):
            not_top3.append(line)
    return not_first, not_top3


@pytest.mark.browser
@pytest.mark.parametrize("path", [WORKING, HELD_OUT], ids=["kysymykset", "pidatetty"])
def test_questions_find_their_section(site, page, path):
    questions = load(path)
    not_first, not_top3 = score(site, page, questions)
    n = len(questions)
    report = (f"{path.name}: {n - len(not_first)}/{n} ensimmäisenä ({1 - len(not_first) / n:.1%}), "
              f"{n - len(not_top3)}/{n} kolmen joukossa ({1 - len(not_top3) / n:.1%})")
    print(report)
    first, top3 = FLOOR.get(path.name, TARGET)
    assert len(not_first) <= (1 - first) * n and len(not_top3) <= (1 - top3) * n, (
        report + "\nEi ensimmäisenä:\n" + "\n".join(not_first) + "\nEi kolmen joukossa:\n" + "\n".join(not_top3))
    assert not page.watch.console_errors


@pytest.mark.browser
def test_the_card_shown_is_the_section_that_answers(site, page):
    # A page's result shows its best section under the title: it should be the one with the answer
    # (the guideline line the question was written from), not another part of the same page.
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = {d["location"]: norm(html.unescape(re.sub(r"<[^>]+>", " ", d["text"]))) for d in index["docs"]}
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    questions = load(WORKING)
    page.goto(site.url, wait_until="load")
    right, wrong = 0, []
    for q, result in zip(questions, worker_search_cards(page, [q["q"] for q in questions]), strict=True):
        if not result or result[0][0] not in answers(q) or result[0][0] in CHECKLISTS.values():
            continue
        line = norm(lines[q["rivi"] - 1].removeprefix("- "))[:50]
        home = {loc for loc, text in texts.items() if loc.split("#")[0] == result[0][0] and line in text}
        if result[0][1] in home:
            right += 1
        elif home:
            wrong.append(f"{q['q']!r}: {result[0][1]} (ei {sorted(home)})")
    share = right / (right + len(wrong))
    assert right + len(wrong) > 200 and share >= CARD_FLOOR, f"{share:.1%}\n" + "\n".join(wrong)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()
