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
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .validate import SLUG, DataError, check_list, check_mapping, check_text

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

def parse_link(value: Any, where: str) -> dict:
    """'page.md' or 'page.md#anchor' (docs-relative) -> {"page", "anchor", "title"}; title set by check_refs."""
    text = check_text(value, where)
    page, _, anchor = text.partition("#")
    if not page.endswith(".md") or page.startswith(("/", ".")) or "://" in page:
        raise DataError(f"{where}: odotettiin ohjeen sivua kuten ohjeistus/roolisi.md#ankkuri, saatiin {text!r}")
    if anchor and not SLUG.match(anchor):
        raise DataError(f"{where}: ankkuri {anchor!r} ei kelpaa")
    return {"page": page, "anchor": anchor or None, "title": None}


def parse_quote(value: Any, where: str) -> list[str | list[str]]:
    """A guideline quote: one passage, or lines (a lead ending in ':' and the bullets after it).
    A line may be a list of its own: the sub-bullets of the bullet before it, as in the guideline
    ("Viestipalvelut", then its description under it)."""
    if not isinstance(value, list):
        return [check_text(value, where)]
    lines: list[str | list[str]] = []
    for i, line in enumerate(check_list(value, where), 1):
        if isinstance(line, list):
            if not lines or not isinstance(lines[-1], str) or lines[-1].endswith(":"):
                raise DataError(f"{where}[{i}]: alakohtien luettelo kuuluu sitä edeltävän kohdan alle; "
                                "lisää ensin kohta, jonka alakohtia ne ovat")
            lines.append([check_text(sub, f"{where}[{i}][{j}]") for j, sub in enumerate(check_list(line, where), 1)])
        else:
            lines.append(check_text(line, f"{where}[{i}]"))
    return lines


def quote_lines(quote: list[str | list[str]]) -> list[str]:
    """A quote's lines in reading order, sub-bullets flattened in."""
    return [sub for line in quote for sub in ([line] if isinstance(line, str) else line)]


def check_refs(refs, guideline: Guideline) -> None:
    """refs: (where, link, quote or None). Each link's page and #anchor exist; each quote is the
    own text of a guideline page. Fills each link's title from the page's headings."""
    for where, link, quote in refs:
        page = guideline.page(link["page"], where)
        if link["anchor"] and link["anchor"] not in page.ids:
            raise DataError(f"{where}: sivulla {link['page']} ei ole otsikkoa {{ #{link['anchor']} }}")
        link["title"] = page.link_title(link["anchor"])
        if quote is None:
            continue
        if not page.is_guideline:
            raise DataError(f"{where}: {link['page']} ei ole ohjeen sivu (sen otsikossa ei ole ohjeen numeroa); "
                            "lainaa ohjeen omaa sivua, esim. ohjeistus/roolisi.md#kaupungin-someprofiilit")
        if not page.has_passage(quote):
            passage = " ".join(re.sub(r"\s+", " ", line) for line in quote_lines(quote))
            raise DataError(f"{where}: lainausta ei löydy sellaisenaan sivulta {link['page']}: {passage!r}; "
                            "kopioi lainaus ohjeen sivulta sanasta sanaan tai korjaa linkki")


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


PROSE_KEYS = {"text", "quote", "link"}


def parse_prose(value: Any, where: str) -> Prose:
    """Plain text, or {text, quote, link} when the text needs the guideline's words beside it."""
    if not isinstance(value, dict):
        return Prose(check_text(value, where), where)
    check_mapping(value, where, PROSE_KEYS)
    return Prose(check_text(value["text"], f"{where}.text"), where, parse_quote(value["quote"], f"{where}.quote"),
                 parse_link(value["link"], f"{where}.link"))


def optional_prose(raw: dict, key: str, where: str) -> Prose | None:
    """raw[key] as Prose; None when the key is absent or empty."""
    return parse_prose(raw[key], where) if raw.get(key) is not None else None


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


def with_hrefs(value: Any, href: Callable[[dict], str]) -> Any:
    """value (loaded component data) with each Prose quote's link made relative to the page being rendered."""
    if isinstance(value, Prose):
        return dataclasses.replace(value, href=href(value.link)) if value.link else value
    if isinstance(value, dict):
        return {key: with_hrefs(item, href) for key, item in value.items()}
    if isinstance(value, list):
        return [with_hrefs(item, href) for item in value]
    return value
