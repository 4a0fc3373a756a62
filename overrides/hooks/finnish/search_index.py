"""The words of Material's search index, as its search worker reads them (for finnish/search_data.py).

words(): every word form of the titles and texts, split as the worker splits them; ellipses():
the hyphen ellipses of the texts ("poikkeus- ja kriisitilanteissa") with the word they stand for;
section_parents(): the subsection each section of a page is under.
Used by the search hook (search_fi.py) after the build, and by the search tests on the built index.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from .voikko_fi import analyses, readings


def words(search_index: dict) -> set[str]:
    """Lower-case word forms of the search index, split as Material's worker splits them."""
    separator = re.compile(search_index["config"]["separator"])
    found = set()
    for text in texts(search_index):
        for token in separator.split(text):
            word = clean(token)
            if word.isalpha() and len(word) > 1:
                found.add(word)
    return found


def texts(search_index: dict) -> list[str]:
    """The plain text of every title and text of the index."""
    return [html.unescape(re.sub(r"<[^>]+>", " ", doc.get(field) or ""))
            for doc in search_index["docs"] for field in ("title", "text")]


ELLIPSIS = re.compile(r"(?<![\w-])([^\W\d_]+)-\s+(?:ja|tai|sekä)\s+([^\W\d_]+)")


def ellipses(search_index: dict) -> list[list[str]]:
    """Hyphen ellipses: "poikkeus- ja kriisitilanteissa" -> ["poikkeus", "kriisitilanteissa", "poikkeustilanne"].

    The first word is completed with the last compound part of the next word
    ("poikkeus" + "tilanteissa"); Voikko gives the completed word's base forms.
    """
    found = set()
    for text in texts(search_index):
        for first, after in ELLIPSIS.findall(text):
            first, after = first.lower(), after.lower()
            if (tail := last_part(after)) == after:
                continue  # "A- ja AA-taso": nothing to complete
            for base in readings(first + tail):
                if base != first:
                    found.add((first, after, base))
    return [list(e) for e in sorted(found)]


def last_part(word: str) -> str:
    """The last compound part of word as written, by Voikko's STRUCTURE; word itself if simple."""
    for analysis in analyses(word):
        structure = analysis.get("STRUCTURE", "")
        if structure.count("=") > 1:
            head = structure[:structure.rindex("=")].replace("=", "")
            return word[len(head):]
    return word


def clean(token: str) -> str:
    """Lower case, without punctuation at either end (as the worker looks words up)."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", token.lower())



HEADING = re.compile(r"<h([2-6])\b[^>]*\bid=\"([^\"]+)\"")


def section_parents(search_index: dict, page_html) -> dict[str, str]:
    """Each section that is under a subsection of its page, by the levels of the page's headings
    (page_html(page location) -> the built page): its location -> the subsection's. 3.1's
    "Asiantuntijaprofiilit" is under "3.1.1. Työnantajan edustajana", "Erotu selkeästi työroolistasi"
    under "3.1.2. Yksityishenkilönä"; a section right under the page's own title has none."""
    by_page: dict[str, list[str]] = {}
    for doc in search_index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        if anchor:
            by_page.setdefault(page, []).append(doc["location"])
    parents = {}
    for page, locations in by_page.items():
        levels = {anchor: int(level) for level, anchor in HEADING.findall(page_html(page))}
        open_ = []  # (level, location) of the headings the next one may be under
        for location in locations:
            level = levels.get(location.partition("#")[2])
            if level is None:
                continue
            while open_ and open_[-1][0] >= level:
                open_.pop()
            if open_:
                parents[location] = open_[-1][1]
            open_.append((level, location))
    return parents


def page_html(site: Path, page: str) -> str:
    """The built page at a location of the search index ("ohjeistus/roolisi/"), "" if there is none."""
    try:
        return (site / page / "index.html").read_text(encoding="utf-8")
    except OSError:
        return ""
