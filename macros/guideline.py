"""The guideline's own Markdown pages, read for the components that quote them.

One reader for every component: the checklists take a section's bullets, the
quiz and the role helper check their quotes against a page's plain text and
their links against its headings. So when the city changes the guideline's
text, the build fails until the component data follows (DataError naming the
data file and the key).

Forms ask; they never make rules. Text the site writes itself (an intro, a
hint, a ready text: `Prose`) states no requirement of its own. Where it needs
to say what the guideline requires, it takes the form {text, quote, link}: the
quote is the guideline's own words on a guideline page, checked like every
other quote (check_refs via prose_refs) and shown beside the text. Entries
that carry their own quote (checklist items, quiz questions, role-helper
situations) have it already.
"""
from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .validate import DataError, each, raise_all

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*#([A-Za-z0-9_-]+)[^}]*\})?\s*$")
# A guideline page's title carries the guideline's numbering ("3.1. Roolisi ..."), as in the PDF
# (overrides/hooks/pdf.py); the site's own pages (onboarding, checklists, privacy) have none.
NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.\s+\S")


def bullets(markdown: str, anchor: str) -> list[str]:
    """The bullets under the heading { #anchor } of a page, without Markdown emphasis."""
    lines = markdown.splitlines()
    start = next((i for i, line in enumerate(lines)
                  if line.startswith("#") and re.search(r"\{[^}]*#" + re.escape(anchor) + r"[\s}]", line)), None)
    if start is None:
        return []
    found = []
    for line in lines[start + 1:]:
        if line.startswith("#"):
            break
        if line.startswith("- "):
            found.append(line[2:].replace("**", "").strip())
    return found


SITE_NOTE = re.compile(r"\{%-?\s*call\s+site_note\(\)\s*-?%\}.*?\{%-?\s*endcall\s*-?%\}", re.S)


def plain_text(markdown: str) -> str:
    """The guideline's words on a page as a reader sees them: no list markers, emphasis, ids or
    snippet markers, and none of the site's own notes (a quote must be the city's text)."""
    lines = []
    for line in SITE_NOTE.sub("", markdown).splitlines():
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


def strip_number(heading: str) -> str:
    """ "3.1.1. Työnantajan edustajana" -> "Työnantajan edustajana"."""
    return re.sub(r"^[\d.]+\s+", "", heading)


class Page:
    """One guideline page: its Markdown, plain text, main heading and heading ids."""

    def __init__(self, src: str, markdown: str):
        self.src = src
        self.markdown = markdown
        self.text = plain_text(markdown)
        self.title, self.ids = headings(markdown)

    def link_title(self, anchor: str | None) -> str:
        """"3.1. Roolisi sosiaalisessa mediassa: Asiantuntijaprofiilit" for a link to the page (#anchor)."""
        return self.title + (f": {strip_number(self.ids[anchor])}" if anchor else "")

    def has_passage(self, lines: list[str | list[str]]) -> bool:
        return " ".join(re.sub(r"\s+", " ", line) for line in quote_lines(lines)) in self.text

    @property
    def is_guideline(self) -> bool:
        """One of the guideline's own pages (numbered title), not a page of the site's."""
        return bool(NUMBERED.match(self.title))


class Guideline:
    """The docs pages, each read once per build."""

    def __init__(self, docs_dir: Path):
        self.docs_dir = Path(docs_dir)
        self._pages: dict[str, Page] = {}

    def page(self, src: str, where: str) -> Page:
        """The page docs_dir/src; DataError naming `where` (file: key) if there is none."""
        if src not in self._pages:
            path = self.docs_dir / src
            if not path.is_file():
                raise DataError(f"{where}: sivua {src} ei ole")
            self._pages[src] = Page(src, path.read_text(encoding="utf-8"))
        return self._pages[src]


# --- references from component data to the guideline ----------------------------------

def parse_link(value: str) -> dict:
    """A link the models checked, 'page.md' or 'page.md#anchor' (docs-relative) -> {"page", "anchor",
    "title"}; title set by check_refs."""
    page, _, anchor = value.partition("#")
    return {"page": page, "anchor": anchor or None, "title": None}


def quote_lines(quote: list[str | list[str]]) -> list[str]:
    """A quote's lines in reading order, sub-bullets flattened in."""
    return [sub for line in quote for sub in ([line] if isinstance(line, str) else line)]


def check_refs(refs, guideline: Guideline) -> None:
    """refs: (where, link, quote or None). Each link's page and #anchor exist; each quote is the
    own text of a guideline page. Fills each link's title from the page's headings. Every mistake
    is reported at once (DataErrors)."""
    raise_all(each(refs, lambda ref: check_ref(*ref, guideline)))


def check_ref(where: str, link: dict, quote: list[str] | None, guideline: Guideline) -> None:
    page = guideline.page(link["page"], where)
    if link["anchor"] and link["anchor"] not in page.ids:
        raise DataError(f"{where}: sivulla {link['page']} ei ole otsikkoa {{ #{link['anchor']} }}")
    link["title"] = page.link_title(link["anchor"])
    if quote is None:
        return
    if not page.is_guideline:
        raise DataError(f"{where}: {link['page']} ei ole ohjeen sivu (sen otsikossa ei ole ohjeen numeroa); "
                        "lainaa ohjeen omaa sivua, esim. ohjeistus/roolisi.md#kaupungin-someprofiilit")
    if not page.has_passage(quote):
        passage = " ".join(re.sub(r"\s+", " ", line) for line in quote_lines(quote))
        raise DataError(f"{where}: lainausta ei löydy sellaisenaan sivulta {link['page']}: {passage!r};"
                        f"{now_reads(passage, [page], guideline)} kopioi lainaus ohjeen sivulta sanasta sanaan "
                        "tai korjaa linkki")


# --- the guideline's words quoted on the site's own pages (blockquotes) ------------------

SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s]


def line_of(text: str, wanted: str, prefix: str = "") -> int | None:
    """The first line (from 1) of text that holds wanted after prefix ("- ", "guideline: "), or None."""
    for n, line in enumerate(text.splitlines(), 1):
        rest = line.strip()
        if rest.startswith(prefix) and wanted in rest[len(prefix):].replace("**", ""):
            return n
    return None


def now_reads(passage: str, pages: list[Page], guideline: Guideline) -> str:
    """' ohjeessa lukee nyt ”…” (docs/x.md, rivi N);' for the guideline's sentence closest to the
    first sentence of passage that is not the guideline's, or '' when none is close."""
    missing = next((s for s in sentences(passage) if not any(s in page.text for page in pages)), passage)
    candidates = {sentence: (page, n) for page in pages for n, line in enumerate(page.markdown.splitlines(), 1)
                  for sentence in sentences(plain_text(line))}
    close = difflib.get_close_matches(missing, list(candidates), n=1, cutoff=0.6)
    if not close:
        return ""
    page, line = candidates[close[0]]
    return f" ohjeessa lukee nyt ”{close[0]}” ({guideline.docs_dir.name}/{page.src}, rivi {line});"


def blockquotes(markdown: str) -> list[tuple[int, str]]:
    """(first line from 1, plain text) of each blockquote (lines starting with '>') of a page."""
    found, lines, start = [], [], 0
    for n, line in enumerate([*markdown.splitlines(), ""], 1):
        if line.startswith(">"):
            start = start or n
            lines.append(line[1:].strip())
        elif lines:
            found.append((start, plain_text("\n".join(lines))))
            lines, start = [], 0
    return found


def check_page_quotes(guideline: Guideline) -> None:
    """A blockquote on a page of the site's own (docs/perehdytys/ohje-lyhyesti.md) shows the
    guideline's words: each must stand word for word on a guideline page. Every mistake at once."""
    pages = [guideline.page(path.relative_to(guideline.docs_dir).as_posix(), "docs")
             for path in sorted(guideline.docs_dir.rglob("*.md"))]
    own = [page for page in pages if page.is_guideline]
    text = " ".join(page.text for page in own)

    def check(page_quote):
        page, (line, quote) = page_quote
        if quote and quote not in text:
            raise DataError(f"{guideline.docs_dir.name}/{page.src}, rivi {line}: lainaus ”{quote}” ei ole ohjeen "
                            f"tekstiä sanasta sanaan;{now_reads(quote, own, guideline)} kopioi lainaukseen ohjeen "
                            "nykyinen sanamuoto (rivit, jotka alkavat merkillä >).")

    raise_all(each([(page, q) for page in pages if not page.is_guideline for q in blockquotes(page.markdown)], check))



# --- text the site writes ---------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Prose:
    """Text the site writes (an intro, a hint): `text`, and, when it states a requirement, the
    guideline's words it rests on (`quote`, lines as parse_quote gives them, on the `link` page).
    `where` names the key for messages; `href` is the link from the page being rendered (with_hrefs)."""
    text: str
    where: str
    quote: list[str] | None = None
    link: dict | None = None
    href: str | None = None


def parse_prose(value: Any, where: str) -> Prose | None:
    """A model's prose (models.types.Prose: text, or {text, quote, link}) as Prose; None for None."""
    if value is None or isinstance(value, str):
        return value and Prose(value, where)
    return Prose(value.text, where, value.quote, parse_link(value.link))


def prose_refs(*data: Any) -> Iterator[tuple[str, dict, list[str]]]:
    """The (where, link, quote) triples of every Prose with a quote in loaded component data."""
    for value in data:
        if isinstance(value, Prose):
            if value.quote is not None:
                yield value.where, value.link, value.quote
        elif isinstance(value, dict):
            yield from prose_refs(*value.values())
        elif isinstance(value, list):
            yield from prose_refs(*value)


Href = Callable[[dict], str]   # link -> URL relative to the page being rendered


def with_hrefs(value: Any, href: Href) -> Any:
    """value (loaded component data) with each Prose quote's link made relative to the page being rendered."""
    if isinstance(value, Prose):
        return dataclasses.replace(value, href=href(value.link)) if value.link else value
    if isinstance(value, dict):
        return {key: with_hrefs(item, href) for key, item in value.items()}
    if isinstance(value, list):
        return [with_hrefs(item, href) for item in value]
    return value
