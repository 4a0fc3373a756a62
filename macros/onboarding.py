"""Onboarding ("Perehdytys"): the role helper, the self-check quiz and the completion sheet.

Data: data/perehdytys/roolit.yml (role helper, guideline 3.1) and
data/perehdytys/testi.yml (quiz). Public API, plain functions:

    load_roles(path) -> dict        {"version", "start", "questions": {id: q}, "outcomes": [o], "file"}
    load_quiz(path) -> dict         {"version", "chapters": [c], "questions": [q], "file"}
    check_guideline(refs, docs_dir) every quote is on its page, every link's page and #anchor exist
    role_refs(roles) / quiz_refs(quiz)      the (where, link, quote) triples to check
    render_roles / render_quiz / render_completion_sheet -> HTML

A link is {"page": "ohjeistus/roolisi.md", "anchor": "asiantuntijaprofiilit" or None,
"title": "3.1. ...: Asiantuntijaprofiilit"} (title filled in by check_guideline
from the page's headings). Every problem raises DataError naming the file and the item.

The HTML works without JavaScript: the role helper is a plain list of the
situations, each quiz question's answer opens from a details element.
Elements marked data-*-js are hidden until the script starts, data-*-nojs
ones are hidden by it. No inline styles or scripts (CSP).
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any, Callable

from .checklists import SLUG, _slug  # same id rules as the checklists
from .validate import DataError, check_list, check_mapping, check_text, load_yaml

LETTERS = "abcdefgh"
MIN_QUESTIONS = 12
ROLE_KEY = "perehdytys-rooli"
QUIZ_KEY = "perehdytys-testi"
SHEET_KEY = "perehdytys-suoritus"
SHEET_VERSION = 1

Href = Callable[[dict], str]   # link -> URL relative to the page being rendered


# --- shared small checks --------------------------------------------------------

def _version(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise DataError(f"{where}: storage_version: odotettiin positiivista kokonaislukua, saatiin {value!r}")
    return value


def _link(value: Any, where: str) -> dict:
    """'page.md' or 'page.md#anchor' (docs-relative)."""
    text = check_text(value, where)
    page, _, anchor = text.partition("#")
    if not page.endswith(".md") or page.startswith(("/", ".")) or "://" in page:
        raise DataError(f"{where}: odotettiin ohjeen sivua kuten ohjeistus/roolisi.md#ankkuri, saatiin {text!r}")
    if anchor and not SLUG.match(anchor):
        raise DataError(f"{where}: ankkuri {anchor!r} ei kelpaa")
    return {"page": page, "anchor": anchor or None, "title": None}


def _quote(value: Any, where: str) -> list[str]:
    """A guideline quote: one passage, or lines (a lead ending in ':' and the bullets after it)."""
    if isinstance(value, list):
        return [check_text(line, f"{where}[{i}]") for i, line in enumerate(check_list(value, where), 1)]
    return [check_text(value, where)]


def _unique(items: list[dict], where: str) -> None:
    seen = set()
    for item in items:
        if item["id"] in seen:
            raise DataError(f"{where}: id {item['id']!r} on käytössä kahdesti")
        seen.add(item["id"])


# --- role helper ------------------------------------------------------------------

def load_roles(path: Path) -> dict:
    """Load and validate the role helper's decision tree."""
    where = str(path)
    raw = check_mapping(load_yaml(path), where, {"storage_version", "start", "questions", "outcomes"})
    questions = [_role_question(q, f"{where}: questions[{i}]")
                 for i, q in enumerate(check_list(raw["questions"], f"{where}: questions"), 1)]
    outcomes = [_role_outcome(o, f"{where}: outcomes[{i}]")
                for i, o in enumerate(check_list(raw["outcomes"], f"{where}: outcomes"), 1)]
    _unique(questions + outcomes, where)
    roles = {
        "version": _version(raw["storage_version"], where),
        "start": _slug(raw["start"], f"{where}: start"),
        "questions": {q["id"]: q for q in questions},
        "outcomes": outcomes,
        "file": where,
    }
    _check_tree(roles)
    return roles


def _role_question(raw: Any, where: str) -> dict:
    check_mapping(raw, where, {"id", "text", "if_yes", "if_no"}, {"hint"})
    qid = _slug(raw["id"], f"{where}.id")
    where = f"{where} ({qid!r})"
    return {
        "id": qid,
        "text": check_text(raw["text"], f"{where}.text"),
        "hint": check_text(raw["hint"], f"{where}.hint") if raw.get("hint") is not None else None,
        "yes": _slug(raw["if_yes"], f"{where}.if_yes"),
        "no": _slug(raw["if_no"], f"{where}.if_no"),
    }


def _role_outcome(raw: Any, where: str) -> dict:
    check_mapping(raw, where, {"id", "title", "summary", "quotes"}, {"next"})
    oid = _slug(raw["id"], f"{where}.id")
    where = f"{where} ({oid!r})"
    quotes = []
    for i, q in enumerate(check_list(raw["quotes"], f"{where}.quotes"), 1):
        check_mapping(q, f"{where}.quotes[{i}]", {"text", "link"})
        quotes.append({"text": _quote(q["text"], f"{where}.quotes[{i}].text"),
                       "link": _link(q["link"], f"{where}.quotes[{i}].link")})
    next_links = []
    for i, n in enumerate(raw.get("next") or [], 1):
        check_mapping(n, f"{where}.next[{i}]", {"text", "page"})
        next_links.append({"text": check_text(n["text"], f"{where}.next[{i}].text"),
                           "link": _link(n["page"], f"{where}.next[{i}].page")})
    return {
        "id": oid,
        "title": check_text(raw["title"], f"{where}.title"),
        "summary": check_text(raw["summary"], f"{where}.summary"),
        "quotes": quotes,
        "next": next_links,
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
                raise DataError(f"{where}: kysymys {q['id']!r}.if_{answer}: kysymystä tai tilannetta {q[answer]!r} ei ole")
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


# --- quiz -----------------------------------------------------------------------

def load_quiz(path: Path) -> dict:
    """Load and validate the quiz: ≥ 12 questions, one right option each, every chapter covered."""
    where = str(path)
    raw = check_mapping(load_yaml(path), where, {"storage_version", "chapters", "questions"})
    chapters = []
    for i, c in enumerate(check_list(raw["chapters"], f"{where}: chapters"), 1):
        check_mapping(c, f"{where}: chapters[{i}]", {"id", "title", "page"})
        chapters.append({"id": check_text(c["id"], f"{where}: chapters[{i}].id"),
                         "title": check_text(c["title"], f"{where}: chapters[{i}].title"),
                         "link": _link(c["page"], f"{where}: chapters[{i}].page")})
    _unique(chapters, f"{where}: chapters")
    chapter_ids = [c["id"] for c in chapters]
    questions = [_question(q, f"{where}: questions[{i}]", chapter_ids)
                 for i, q in enumerate(check_list(raw["questions"], f"{where}: questions"), 1)]
    _unique(questions, f"{where}: questions")
    if len(questions) < MIN_QUESTIONS:
        raise DataError(f"{where}: kysymyksiä on {len(questions)}, vähintään {MIN_QUESTIONS} tarvitaan")
    uncovered = [c for c in chapter_ids if not any(q["chapter"] == c for q in questions)]
    if uncovered:
        raise DataError(f"{where}: näistä ohjeen kohdista ei ole kysymystä: {', '.join(uncovered)}")
    for c in chapters:
        c["questions"] = [q["id"] for q in questions if q["chapter"] == c["id"]]
    return {"version": _version(raw["storage_version"], where), "chapters": chapters,
            "questions": questions, "file": where}


def _question(raw: Any, where: str, chapter_ids: list[str]) -> dict:
    check_mapping(raw, where, {"id", "chapter", "question", "options", "explanation", "quote", "link"})
    qid = _slug(raw["id"], f"{where}.id")
    where = f"{where} ({qid!r})"
    chapter = check_text(raw["chapter"], f"{where}.chapter")
    if chapter not in chapter_ids:
        raise DataError(f"{where}.chapter: kohtaa {chapter!r} ei ole chapters-luettelossa")
    options = []
    raw_options = check_list(raw["options"], f"{where}.options")
    if not 2 <= len(raw_options) <= len(LETTERS):
        raise DataError(f"{where}.options: vaihtoehtoja pitää olla 2–{len(LETTERS)}")
    for i, opt in enumerate(raw_options):
        check_mapping(opt, f"{where}.options[{i + 1}]", {"text"}, {"correct"})
        correct = opt.get("correct", False)
        if not isinstance(correct, bool):
            raise DataError(f"{where}.options[{i + 1}].correct: odotettiin true tai false")
        options.append({"value": LETTERS[i], "text": check_text(opt["text"], f"{where}.options[{i + 1}].text"),
                        "correct": correct})
    right = [o for o in options if o["correct"]]
    if len(right) != 1:
        raise DataError(f"{where}.options: oikeita vaihtoehtoja pitää olla tasan yksi, nyt {len(right)}")
    return {
        "id": qid,
        "chapter": chapter,
        "question": check_text(raw["question"], f"{where}.question"),
        "options": options,
        "answer": right[0],
        "explanation": check_text(raw["explanation"], f"{where}.explanation"),
        "quote": _quote(raw["quote"], f"{where}.quote"),
        "link": _link(raw["link"], f"{where}.link"),
    }


def quiz_refs(quiz: dict):
    for c in quiz["chapters"]:
        yield f"{quiz['file']}: chapters ({c['id']!r})", c["link"], None
    for q in quiz["questions"]:
        yield f"{quiz['file']}: kysymys {q['id']!r}", q["link"], q["quote"]


# --- consistency with the guideline pages -------------------------------------------

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*#([A-Za-z0-9_-]+)[^}]*\})?\s*$")


def plain_text(markdown: str) -> str:
    """A page's words as a reader sees them: no list markers, emphasis, ids or snippet markers."""
    lines = []
    for line in markdown.splitlines():
        line = re.sub(r"<!--.*?-->", "", line)
        line = re.sub(r"\{[^}]*#[^}]*\}", "", line)
        line = re.sub(r"^\s*(?:[-*]\s+|#{1,6}\s+|!!!\s+\w+\s*)", "", line)
        lines.append(line.replace("**", ""))
    return re.sub(r"\s+", " ", " ".join(lines)).strip()


def headings(markdown: str) -> tuple[str, dict[str, str]]:
    """(the page's h1 text, {explicit heading id: heading text})."""
    h1, ids = "", {}
    for line in markdown.splitlines():
        m = HEADING.match(line)
        if not m:
            continue
        if m.group(1) == "#" and not h1:
            h1 = m.group(2)
        if m.group(3):
            ids[m.group(3)] = m.group(2)
    return h1, ids


def check_guideline(refs, docs_dir: Path) -> None:
    """Each link's page and #anchor exist; each quote is the page's own text. Fills link titles.

    When the guideline's text changes, the build fails until the onboarding data follows.
    """
    cache: dict[str, tuple[str, str, dict]] = {}
    for where, link, quote in refs:
        path = Path(docs_dir) / link["page"]
        if link["page"] not in cache:
            if not path.is_file():
                raise DataError(f"{where}: sivua {link['page']} ei ole")
            text = path.read_text(encoding="utf-8")
            cache[link["page"]] = (plain_text(text), *headings(text))
        text, h1, ids = cache[link["page"]]
        if link["anchor"] and link["anchor"] not in ids:
            raise DataError(f"{where}: sivulla {link['page']} ei ole otsikkoa {{ #{link['anchor']} }}")
        link["title"] = h1 + (f": {_strip_number(ids[link['anchor']])}" if link["anchor"] else "")
        passage = " ".join(re.sub(r"\s+", " ", line) for line in quote or [])
        if quote is not None and passage not in text:
            raise DataError(f"{where}: lainausta ei löydy sellaisenaan sivulta {link['page']}: {passage!r}")


def _strip_number(heading: str) -> str:
    return re.sub(r"^[\d.]+\s+", "", heading)


def page_href(link: dict, page_url: str, use_directory_urls: bool = True) -> str:
    """Relative URL from the page being rendered to a docs page (+ #anchor); works under any sub-path."""
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    target = File(link["page"], "", "", use_directory_urls).url
    return get_relative_url(target, page_url) + (f"#{link['anchor']}" if link["anchor"] else "")


# --- HTML ----------------------------------------------------------------------------

def _storage_note(prefix: str) -> str:
    return (f'<p class="loimaa-onboarding__storage-note admonition warning" data-{prefix}-storage-note hidden>'
            'Selaimesi ei salli tallentamista: vastauksia ei tallenneta, ja ne katoavat, kun suljet sivun.</p>')


def _quote_html(lines: list[str], link: dict, href: Href) -> str:
    """The guideline's words as it sets them: lead lines (ending in ':') as paragraphs, the rest as bullets."""
    html, bullets = [], []
    for line in lines + [""]:
        if line and not (line.endswith(":") or len(lines) == 1):
            bullets.append(f"<li>{escape(line)}</li>")
            continue
        if bullets:
            html.append(f"<ul>{''.join(bullets)}</ul>")
            bullets = []
        if line:
            html.append(f"<p>{escape(line)}</p>")
    return (f'<blockquote class="loimaa-onboarding__quote">{"".join(html)}</blockquote>'
            f'<p class="loimaa-onboarding__source">Ohjeessa: <a href="{escape(href(link))}">{escape(link["title"])}</a></p>')


def render_roles(roles: dict, href: Href) -> str:
    """The role helper: yes/no questions (shown by role-helper.js) and the situations as a list."""
    qs = roles["questions"]
    parts = [
        f'<div class="loimaa-roles" data-module="role-helper" data-role-key="{ROLE_KEY}" '
        f'data-role-version="{roles["version"]}" data-role-start="{roles["start"]}">',
        _storage_note("role"),
        '<form class="loimaa-roles__form" action="#" aria-label="Kumman roolissa toimit?" data-role-js hidden>',
    ]
    for q in qs.values():
        base = f"rooli-{q['id']}"
        hint = f'<p class="loimaa-roles__hint" id="{base}-vihje">{escape(q["hint"])}</p>' if q["hint"] else ""
        described = f' aria-describedby="{base}-vihje"' if q["hint"] else ""
        parts.append(
            f'<fieldset class="loimaa-roles__question" id="{base}" data-role-question="{q["id"]}" '
            f'data-yes="{q["yes"]}" data-no="{q["no"]}"{described}>'
            f'<legend>{escape(q["text"])}</legend>{hint}'
            f'<div class="loimaa-roles__answers">'
            f'<div class="loimaa-roles__answer"><input type="radio" id="{base}-kylla" name="{q["id"]}" value="yes">'
            f'<label for="{base}-kylla">Kyllä</label></div>'
            f'<div class="loimaa-roles__answer"><input type="radio" id="{base}-ei" name="{q["id"]}" value="no">'
            f'<label for="{base}-ei">Ei</label></div></div></fieldset>')
    parts += [
        '<p class="loimaa-roles__reset"><button type="button" class="md-button" data-role-reset>Aloita alusta</button></p>',
        '</form>',
        '<p class="loimaa-roles__status" role="status" data-role-status></p>',   # for screen readers; the heading shows it
        '<p class="loimaa-roles__nojs" data-role-nojs>Alla ovat ohjeen kohdan 3.1 mukaiset tilanteet. '
        'Etsi omasi: kunkin tilanteen kohdalla kerrotaan, milloin se koskee sinua ja mitä ohje siitä sanoo.</p>',
        '<div class="loimaa-roles__outcomes">',
    ]
    paths = role_paths(roles)
    for o in roles["outcomes"]:
        oid = f"tilanne-{o['id']}"
        answers = [escape("; ".join(f"{qs[q]['text']} {'Kyllä' if yes else 'Ei'}" for q, yes in path))
                   for path in paths[o["id"]]]
        when = (f'<p class="loimaa-roles__when">Kun vastaat: {answers[0]}</p>' if len(answers) == 1 else
                '<p class="loimaa-roles__when">Kun vastaat jommallakummalla tavalla:</p>'
                f'<ul class="loimaa-roles__when">{"".join(f"<li>{a}</li>" for a in answers)}</ul>')
        parts.append(
            f'<section class="loimaa-roles__outcome" id="{oid}" data-role-outcome="{o["id"]}" '
            f'data-role-title="{escape(o["title"])}" aria-labelledby="{oid}-otsikko">'
            f'<h2 id="{oid}-otsikko"><span class="loimaa-roles__yours" data-role-yours hidden>Tilanteesi: </span>'
            f'{escape(o["title"])}</h2>'
            f'<p class="loimaa-roles__summary">{escape(o["summary"])}</p>'
            f'{when}'
            '<p class="loimaa-roles__says">Mitä ohje sanoo:</p>')
        parts += [_quote_html(q["text"], q["link"], href) for q in o["quotes"]]
        for n in o["next"]:
            parts.append(f'<p class="loimaa-roles__next">Seuraavaksi: <a href="{escape(href(n["link"]))}">{escape(n["text"])}</a></p>')
        parts.append('</section>')
    parts += ['</div>', '</div>']
    return "\n".join(parts)


def render_quiz(quiz: dict, href: Href) -> str:
    """The quiz as a form; each answer and explanation also opens from a details element."""
    total = len(quiz["questions"])
    titles = {c["id"]: c["title"] for c in quiz["chapters"]}
    parts = [
        f'<div class="loimaa-quiz" data-module="quiz" data-quiz-key="{QUIZ_KEY}" data-quiz-version="{quiz["version"]}">',
        _storage_note("quiz"),
        '<p class="loimaa-quiz__nojs" data-quiz-nojs>Valitse vastauksesi ja avaa sitten kysymyksen alta '
        '”Oikea vastaus ja perustelu”.</p>',
        f'<p class="loimaa-quiz__progress" role="status" data-quiz-progress data-quiz-js hidden>Vastattu 0 / {total}</p>',
        # Questions are not search hits; the guideline is (see checklists.py on the <form>).
        '<form class="loimaa-quiz__form" id="testi" action="#" aria-label="Testaa osaamisesi" data-search-exclude>',
    ]
    for n, q in enumerate(quiz["questions"], 1):
        base = f"testi-{q['id']}"
        options = "".join(
            f'<div class="loimaa-quiz__option"><input type="radio" id="{base}-{o["value"]}" name="{q["id"]}" '
            f'value="{o["value"]}"{" data-quiz-correct" if o["correct"] else ""}>'
            f'<label for="{base}-{o["value"]}">{o["value"]}) {escape(o["text"])}</label></div>'
            for o in q["options"])
        answer = q["answer"]
        parts.append(
            f'<section class="loimaa-quiz__question" id="{base}" data-quiz-question="{q["id"]}" '
            f'data-quiz-chapter="{escape(q["chapter"])}" aria-labelledby="{base}-otsikko">'
            # The id on a span, not the h2: a heading with an id would become an
            # empty search result (the form is excluded from search).
            f'<h2><span id="{base}-otsikko">Kysymys {n} / {total} <span class="loimaa-quiz__chapter">'
            f'(ohjeen kohta {escape(q["chapter"])})</span></span></h2>'
            f'<fieldset><legend>{escape(q["question"])}</legend>{options}</fieldset>'
            '<p class="loimaa-quiz__check" data-quiz-js hidden>'
            '<button type="button" class="md-button" data-quiz-check>Tarkista vastaus</button></p>'
            '<p class="loimaa-quiz__verdict" tabindex="-1" data-quiz-verdict hidden></p>'
            '<details class="loimaa-quiz__answer" data-quiz-answer>'
            '<summary>Oikea vastaus ja perustelu</summary>'
            f'<p class="loimaa-quiz__right"><strong>Oikea vastaus:</strong> {answer["value"]}) {escape(answer["text"])}</p>'
            f'<p class="loimaa-quiz__explanation">{escape(q["explanation"])}</p>'
            f'{_quote_html(q["quote"], q["link"], href)}'
            '</details>'
            '</section>')
    parts += [
        '</form>',
        '<section class="loimaa-quiz__result" aria-labelledby="testi-tulos-otsikko" tabindex="-1" data-quiz-result hidden>',
        '<h2 id="testi-tulos-otsikko">Tuloksesi</h2>',
        '<p class="loimaa-quiz__score" data-quiz-score></p>',
        '<ul class="loimaa-quiz__chapters" data-quiz-chapters>'
        + "".join(f'<li data-quiz-chapter-result="{escape(c["id"])}" data-title="{escape(titles[c["id"]])}"></li>'
                  for c in quiz["chapters"]) + '</ul>',
        '<p><button type="button" class="md-button md-button--primary" data-quiz-retry>Yritä uudelleen</button></p>',
        '</section>',
        '<div class="loimaa-quiz__actions loimaa-no-print" data-quiz-js hidden>',
        '<button type="button" class="md-button" data-quiz-clear>Tyhjennä vastaukset</button>',
        '<p class="loimaa-quiz__message" role="status" data-quiz-message></p>',
        '</div>',
        '</div>',
    ]
    return "\n".join(parts)


def render_completion_sheet(quiz: dict, roles: dict) -> str:
    """The printable completion sheet; filled from this browser's storage by completion-sheet.js."""
    total = len(quiz["questions"])
    outcome_titles = "|".join(f'{o["id"]}={o["title"]}' for o in roles["outcomes"])
    rows = "".join(
        f'<tr data-sheet-chapter="{escape(c["id"])}" data-questions="{" ".join(c["questions"])}">'
        f'<th scope="row">{escape(c["title"])}</th><td>{len(c["questions"])}</td>'
        f'<td class="loimaa-sheet__blank" data-sheet-chapter-score></td></tr>'
        for c in quiz["chapters"])
    return "\n".join([
        f'<div class="loimaa-sheet" data-module="completion-sheet" data-sheet-key="{SHEET_KEY}" '
        f'data-sheet-version="{SHEET_VERSION}" data-quiz-key="{QUIZ_KEY}" data-quiz-version="{quiz["version"]}" '
        f'data-quiz-total="{total}" data-role-key="{ROLE_KEY}" data-role-version="{roles["version"]}" '
        f'data-role-titles="{escape(outcome_titles)}">',
        _storage_note("sheet"),
        '<form class="loimaa-sheet__form" action="#" aria-label="Perehdytettävän tiedot">',
        '<div class="loimaa-sheet__field loimaa-field"><label for="suoritus-nimi">Työntekijän nimi</label>'
        '<input type="text" id="suoritus-nimi" name="nimi" autocomplete="name" data-sheet-field="name"></div>',
        '<div class="loimaa-sheet__field loimaa-field"><label for="suoritus-yksikko">Työyksikkö</label>'
        '<input type="text" id="suoritus-yksikko" name="yksikko" autocomplete="organization-title" data-sheet-field="unit"></div>',
        '<div class="loimaa-sheet__field loimaa-field"><label for="suoritus-pvm">Päivämäärä</label>'
        '<input type="date" id="suoritus-pvm" name="pvm" data-sheet-field="date"></div>',
        '</form>',
        '<h2 id="suoritus-tulos">Testaa osaamisesi: tulos</h2>',
        f'<p class="loimaa-sheet__score" data-sheet-score>Oikeita vastauksia: ______ / {total}</p>',
        '<h2 id="suoritus-rooli">Kumman roolissa toimit?</h2>',
        '<p class="loimaa-sheet__role" data-sheet-role>Oma tilanteeni ohjeen kohdan 3.1 mukaan: ______________________</p>',
        '<h2 id="suoritus-kohdat">Käsitellyt ohjeen kohdat</h2>',
        # No class on the table itself: Material styles only table:not([class]).
        '<div class="loimaa-sheet__chapters"><table><thead><tr><th scope="col">Ohjeen kohta</th>'
        '<th scope="col">Kysymyksiä</th><th scope="col">Oikein</th></tr></thead>'
        f'<tbody>{rows}</tbody></table></div>',
        '<h2 id="suoritus-allekirjoitukset">Allekirjoitukset</h2>',
        '<p class="loimaa-sheet__statement">Olen tutustunut Loimaan kaupungin sosiaalisen median ohjeeseen.</p>',
        '<div class="loimaa-sheet__signatures">',
        '<div class="loimaa-sheet__signature"><p>Työntekijä</p><p class="loimaa-sheet__line">Allekirjoitus ja nimenselvennys</p></div>',
        '<div class="loimaa-sheet__signature"><p>Esihenkilö tai perehdyttäjä</p>'
        '<p class="loimaa-sheet__line">Allekirjoitus ja nimenselvennys</p></div>',
        '<div class="loimaa-sheet__signature"><p>Paikka ja aika</p><p class="loimaa-sheet__line">&nbsp;</p></div>',
        '</div>',
        '<div class="loimaa-sheet__actions loimaa-no-print" data-sheet-js hidden>',
        '<button type="button" class="md-button md-button--primary" data-sheet-print>Tulosta</button>',
        '<button type="button" class="md-button" data-sheet-clear>Tyhjennä perehdytyksen tiedot</button>',
        '<p class="loimaa-sheet__message" role="status" data-sheet-message></p>',
        '</div>',
        '</div>',
    ])


# --- mkdocs-macros ----------------------------------------------------------------

def define_macros(env, data_dir: Path, needs_assets=lambda: None) -> None:
    """Load and check the data once per build; register role_helper(), quiz(), completion_sheet().

    needs_assets() is called when a macro renders, so the page loads onboarding.css/js.
    """
    roles = load_roles(Path(data_dir) / "roolit.yml")
    quiz = load_quiz(Path(data_dir) / "testi.yml")
    check_guideline([*role_refs(roles), *quiz_refs(quiz)], Path(env.conf["docs_dir"]))

    def href(link: dict) -> str:
        return page_href(link, env.page.url, env.conf["use_directory_urls"])

    def macro(name: str, render):
        def rendered() -> str:
            needs_assets()
            return render()
        env.macro(rendered, name)

    macro("role_helper", lambda: render_roles(roles, href))
    macro("quiz", lambda: render_quiz(quiz, href))
    macro("completion_sheet", lambda: render_completion_sheet(quiz, roles))
