"""MkDocs' and mkdocs-macros' English reports of a mistake in a page, worded in Finnish with the
line of the page (or of mkdocs.yml) where the link or name is written (the hook: page_errors.py).

Plain functions: they read the reports and the page's source, never judge what is broken.
"""
from __future__ import annotations

import difflib
import re
import traceback

# MkDocs 1.6's wording of its link reports (mkdocs/structure/pages.py).
_DOC = r"Doc file '(?P<page>.+?)' contains "
_MEAN = r"(?: Did you mean '(?P<suggest>.*)'\?)?$"
LINK_REPORTS = {
    "missing": re.compile(_DOC + r"a link '(?P<link>.+?)', but the target(?: '(?P<target>.+?)')? "
                          r"is not found among documentation files\." + _MEAN),
    "anchor": re.compile(_DOC + r"a link '(?P<link>.+?)', but (?:the doc '(?P<target>.+?)' does not contain "
                         r"an anchor '#(?P<anchor>.+?)'|there is no such anchor on this page)\."),
    "unrecognized": re.compile(_DOC + r"an unrecognized relative link '(?P<link>.+?)', it was left as is\." + _MEAN),
    "absolute": re.compile(_DOC + r"an absolute link '(?P<link>.+?)', it was left as is\." + _MEAN),
}

# ... and of its reports on nav: in mkdocs.yml (mkdocs/structure/nav.py).
NAV_REPORTS = {
    "omitted": re.compile(r'The following pages exist in the docs directory, but are not included in the "nav" '
                          r'configuration:\n(?P<pages>(?:  - .+\n?)+)$'),
    "missing": re.compile(r"A reference to '(?P<page>.+?)' is included in the 'nav' configuration, "
                          r"which is not found in the documentation files\.$"),
}


def lines_with(source: str, text: str) -> list[int]:
    """The numbers (from 1) of the lines where text stands as a whole link target."""
    pattern = re.compile(r"(?<![\w/.#-])" + re.escape(text) + r"(?![\w/.#-])")
    return [n for n, line in enumerate(source.splitlines(), 1) if pattern.search(line)]


def place(shown: str, lines: list[int]) -> str:
    """'docs/x.md, rivi 4' (or 'rivit 4, 9'; the file alone when no line is known)."""
    if not lines:
        return shown
    return f"{shown}, {'rivi' if len(lines) == 1 else 'rivit'} {', '.join(map(str, lines))}"


def link_message(report: str, source_of, anchors_of=lambda target: set()) -> str | None:
    """MkDocs' English link report as one Finnish line; None for a report of another kind.

    source_of(page) gives (the path to show, the page's source text or None);
    anchors_of(target page) the anchors the target has (for a suggestion)."""
    kind, m = next(((kind, m) for kind, pattern in LINK_REPORTS.items() if (m := pattern.match(report))),
                   (None, None))
    if m is None:
        return None
    shown, source = source_of(m["page"])
    link = m["link"]
    where = place(shown, lines_with(source, link) if source else [])
    if kind == "anchor":
        target = m["target"] or m["page"]
        anchor = m["anchor"] or link.partition("#")[2]
        close = difflib.get_close_matches(anchor, sorted(anchors_of(target)), n=1)
        hint = f" Tarkoititko ”#{close[0]}”?" if close else ""
        return (f"{where}: linkin ”{link}” kohtaa #{anchor} ei ole sivulla {target}.{hint} Korjaa kohdan nimi: "
                "se on otsikon tunniste, jonka näet otsikon ¶-linkin osoitteen lopusta.")
    hint = f" Tarkoititko ”{m['suggest']}”?" if m["suggest"] else ""
    if kind == "absolute":
        return (f"{where}: linkki ”{link}” alkaa kauttaviivalla, eikä se toimi sivuston alikansiossa.{hint} "
                "Kirjoita linkki sivun .md-tiedostoon suhteessa tähän sivuun, esim. ../ohjeistus/roolisi.md.")
    target = m["target"] if kind == "missing" and m["target"] else link
    return (f"{where}: linkin ”{link}” sivua {target} ei ole.{hint} Korjaa linkki: se on sivun .md-tiedosto "
            "kansiossa docs/, suhteessa tähän sivuun.")


def nav_message(report: str, config_text: str, docs: str = "docs") -> str | None:
    """MkDocs' English report on the nav of mkdocs.yml as one Finnish line; None for another report."""
    if m := NAV_REPORTS["missing"].match(report):
        where = place("mkdocs.yml", lines_with(config_text, m["page"])[:1])
        return (f"{where}: valikon (nav) sivua {m['page']} ei ole kansiossa {docs}/. Korjaa tiedoston nimi "
                "tai lisää sivu.")
    if m := NAV_REPORTS["omitted"].match(report):
        pages = ", ".join(f"{docs}/{line.strip()[2:]}" for line in m["pages"].splitlines())
        where = place("mkdocs.yml", [n for n, line in enumerate(config_text.splitlines(), 1) if line == "nav:"])
        return (f"{where}: sivut, jotka eivät ole valikossa (nav): {pages}. Lisää ne valikkoon tai poista ne "
                f"kansiosta {docs}/.")
    return None


def template_line(error: BaseException, tb) -> int | None:
    """The line of the page's Markdown (after its front matter) where a macro failed."""
    if isinstance(getattr(error, "lineno", None), int):   # jinja2.TemplateSyntaxError
        return error.lineno
    lines = [frame.lineno for frame in traceback.extract_tb(tb) if frame.filename == "<template>"]
    return lines[-1] if lines else None


def body_offset(source: str, body: str) -> int:
    """How many lines of the source (front matter) stand before the Markdown body."""
    return source[: len(source) - len(body)].count("\n") if body and source.endswith(body) else 0


# Jinja's syntax errors (jinja2/parser.py, lexer.py), in Finnish: (its English, our words).
TOKENS = {"end of print statement": "makron loppu }}", "end of statement block": "komennon loppu %}",
          "name": "nimi", "end of template": "makron loppu"}
JINJA_SYNTAX = [
    (re.compile(r"unexpected end of template"), lambda m: "makro jäi kesken: sulkeva }} tai %} puuttuu"),
    (re.compile(r"unexpected char '(?P<got>.+?)'"), lambda m: f"merkki ”{m['got']}” ei kuulu makroon"),
    (re.compile(r"unexpected '(?P<got>.+?)', expected '(?P<want>.+?)'"),
     lambda m: f"kohdassa, jossa pitäisi olla ”{m['want']}”, on ”{m['got']}”"),
    (re.compile(r"expected token '(?P<want>.+?)', got '(?P<got>.+?)'"),
     lambda m: f"kohdassa, jossa pitäisi olla {TOKENS.get(m['want'], '”' + m['want'] + '”')}, on ”{m['got']}”"),
    (re.compile(r"unexpected '(?P<got>.+?)'"), lambda m: f"ylimääräinen ”{m['got']}”"),
    (re.compile(r"unknown tag '(?P<tag>.+?)'"), lambda m: f"tuntematon komento ”{m['tag']}”"),
]


def syntax_in_finnish(message: str) -> str:
    """Jinja's syntax error message in Finnish: what is wrong where, or a general description."""
    for pattern, finnish in JINJA_SYNTAX:
        if m := pattern.search(message):
            return finnish(m)
    return "sulkeet tai lainausmerkit eivät ole pareittain"


UNDEFINED = re.compile(r"^'(?P<name>[^']+)' is undefined$|has no attribute '(?P<attr>[^']+)'")


def macro_message(where: str, error: BaseException, known: list[str]) -> str:
    """A macro's failure in a page as one Finnish line."""
    if type(error).__name__ == "DataError":   # a macro's own check (e.g. an unknown checklist id)
        return f"{where}: {error}"
    if type(error).__name__ == "TemplateSyntaxError":
        return (f"{where}: makron kirjoitusvirhe: {syntax_in_finnish(str(getattr(error, 'message', error)))}. "
                "Tarkista sulkeet ja lainausmerkit, esim. {{ checklist(\"uusi-profiili\") }}.")
    if m := UNDEFINED.search(str(error)):
        name = m["name"] or m["attr"]
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" Tarkoititko ”{close[0]}”?" if close else ""
        return f"{where}: tuntematon nimi ”{name}”.{hint} Tarkista kirjoitusasu."
    return f"{where}: makroa ei voitu suorittaa ({type(error).__name__}: {error})."
