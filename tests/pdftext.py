"""Read a built PDF as a user reads it, and what it may print besides the guideline.

Text comes from poppler's pdftotext (Debian poppler-utils), cropped to the
page's text area so the running header and footer don't interrupt sentences.
A word WeasyPrint broke at a soft hyphen ends in U+2010 at the line end;
dehyphenate() joins it again.

The official PDF is the guideline word for word: strays() finds every stretch of its
text that is neither the source text (tests/fixtures/) nor the furniture declared in
overrides/pdf/furniture.yml (its own words and the data values it lists).
"""
from __future__ import annotations

import contextlib
import functools
import re
import subprocess
import zlib
from pathlib import Path

import yaml

from conftest import ROOT
from guideline_source import PAGES, SOURCE, body_lines
from htmltext import normalise

from macros import render
from macros.site_data import build_date, load_site_data


FURNITURE = ROOT / "overrides" / "pdf" / "furniture.yml"


CHECKLIST_LINK = "Tarkistuslistat tulostettavaksi (PDF)"   # the link text beside "Tulosta / lataa PDF"


PT_PER_MM = 72 / 25.4


# The text area of a page: pdf.css @page margins are 24 mm (top) and 22 mm (bottom),
# the running header and footer sit inside them. A4 = 297 mm.
BODY_CROP = ["-x", "0", "-y", str(round(22.5 * PT_PER_MM)), "-W", "600",
             "-H", str(round((297 - 22.5 - 20.5) * PT_PER_MM))]


BREAK = "\u2010\n"  # how pdftotext shows a line broken at a soft hyphen


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None, body: bool = True,
              raw: bool = True) -> str:
    """Text in the order it was written (raw: poppler would otherwise join a line that ends
    in a hyphen, "Loimaa-" + "materiaalit", into one word); raw=False keeps lines as laid out."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-raw"] if raw else []) + (BODY_CROP if body else [])
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def margins(pdf: Path, top: bool) -> list[str]:
    """The running header (top) or footer of every page (index 0 = page 1)."""
    y, h = (0, 22.5) if top else (297 - 20.5, 20.5)
    crop = ["-x", "0", "-y", str(round(y * PT_PER_MM)), "-W", "600", "-H", str(round(h * PT_PER_MM))]
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *crop, str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [normalise(text) for text in out.split("\f")[:int(pdfinfo(pdf)["Pages"])]]


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pages(pdf: Path) -> list[str]:
    """Body text of each page, dehyphenated and normalised (index 0 = page 1)."""
    return [flat(t) for t in pdftotext(pdf).split("\f")[:int(pdfinfo(pdf)["Pages"])]]


def dehyphenate(text: str) -> str:
    return text.replace(BREAK, "")


def flat(text: str) -> str:
    """One line of comparable text: hyphenation undone, whitespace collapsed,
    no space after a hyphen (a line may break after "L-" as after "Keskustelu-")."""
    return re.sub(r"-\s+", "-", normalise(dehyphenate(text)))


def pdf_objects(pdf: Path) -> bytes:
    """The PDF's objects with their compressed streams inflated (catalog, structure tree)."""
    data = pdf.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        with contextlib.suppress(zlib.error):  # not every stream is deflated
            parts.append(zlib.decompressobj().decompress(data[match.end():]))
    return b"\n".join(parts)


def find_in_order(text: str, needles: list[str]) -> None:
    pos = 0
    for needle in needles:
        found = text.find(needle, pos)
        assert found >= 0, f"puuttuu PDF:stä tai väärässä järjestyksessä: {needle!r}"
        pos = found + len(needle)


def toc_entries(pdf: Path) -> list[tuple[str, int]]:
    """(title, page) of each "Sisällys" line: the title, dot leaders, the page number."""
    entries = []
    for line in pdftotext(pdf, 2, raw=False).splitlines():
        match = re.fullmatch(r"(.+?)\s*(?:\.\s*){2,}(\d+)", line.strip())
        if match:
            entries.append((match.group(1), int(match.group(2))))
    return entries


def source_toc() -> list[str]:
    """The source document's table of contents (titles without page numbers or stray dots)."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    start = lines.index("Sisällys") + 1
    titles = []
    for line in lines[start:]:
        if not line.strip():
            if titles:
                break
            continue
        titles.append(line.split("\t")[0].strip().rstrip("."))
    return titles


def site_headings(site_dir: Path) -> list[str]:
    """Every heading of the guideline's pages as the site shows them, in order."""
    found = []
    for rel in PAGES:
        html = (site_dir / rel / "index.html").read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        for _, inner in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", article, re.S):
            inner = re.sub(r'<a [^>]*class="headerlink".*?</a>', "", inner, flags=re.S)
            found.append(normalise(re.sub(r"<[^>]+>", "", inner)))
    return found


def pdf_href(site_dir: Path, text: str = "Tulosta / lataa PDF") -> str:
    """The PDF link in the footer of the front page (the official PDF, or the one named text)."""
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    match = re.search(rf'<a href="([^"]+\.pdf)"[^>]*>{re.escape(text)}</a>', html)
    assert match, f"etusivun alatunnisteessa ei ole linkkiä {text}"
    return match.group(1)


@functools.cache
def furniture() -> dict:
    """overrides/pdf/furniture.yml: the PDFs' own words, as the hook reads them."""
    return yaml.safe_load(FURNITURE.read_text(encoding="utf-8"))


@functools.cache
def mkdocs_config():
    """mkdocs.yml as MkDocs reads it (data/ohje.yml included through INHERIT); no build runs."""
    from mkdocs.config import load_config

    return load_config(config_file=str(ROOT / "mkdocs.yml"))


def checked_data(path: Path = ROOT / "data" / "ohje.yml") -> dict:
    """data/ohje.yml checked as the build checks it, on the build's day (review_late)."""
    return load_site_data(path, build_date())


def review_line(ohje: dict) -> str:
    """The review line as the build prints it (late or not on the build's day)."""
    return str(render.review_line(ohje["document"], ohje["document"]["review_late"]))


def shown_values(names: list[str], ohje: dict, config) -> list[str]:
    """The data values furniture.yml says the official PDF shows: "ohje.city.name" (a list
    on the way, like ohje.approvals, gives one value per item), "config.site_description",
    "review_line" (the site footer's line, components/site/status.html). ohje: checked_data()."""
    values = []
    for name in names:
        if name == "review_line":
            values.append(review_line(ohje))
            continue
        root, *keys = name.split(".")
        found = [{"ohje": ohje, "config": config}[root]]
        for key in keys:
            found = [item.get(key) for value in found for item in (value if isinstance(value, list) else [value])]
        values += [str(v) for v in found if v not in (None, "")]
    return values


def official_furniture(ohje: dict, config) -> list[str]:
    """Everything the official PDF may print besides the source text."""
    words, pages = furniture()["official"], furniture()["pages"]
    own = [words["draft"], words["approvals"], *words["approval_columns"].values(), words["phone"],
           words["contents"], words["redline"]["title"], *pages.values()]   # redline: a draft's appendix
    return [flat(piece) for piece in own + shown_values(words["shows"], ohje, config)]


def stray_text(text: str, pieces: list[str], ordered: bool = True) -> list[str]:
    """The stretches of text that no piece covers and that hold a letter (a word, not a page
    number or dot leaders). ordered: the pieces follow one another in text (the guideline's
    lines); otherwise each may stand anywhere, any number of times (furniture), longest first."""
    if ordered:
        stray, pos = [], 0
        for piece in pieces:
            found = text.find(piece, pos)
            if found >= 0:
                stray.append(text[pos:found])
                pos = found + len(piece)
        stray.append(text[pos:])
    else:
        for piece in sorted(set(pieces), key=len, reverse=True):
            text = text.replace(piece, "\0")
        stray = text.split("\0")
    return [part.strip() for part in stray if re.search(r"[^\W\d_]", part)]


def strays(pdf: Path, ohje: dict, config) -> list[str]:
    """What the official PDF prints besides the source text and the declared furniture:
    the cover, "Sisällys" with the source's table of contents, the body with the source's
    lines in order, and the running head and foot of every page."""
    pieces = official_furniture(ohje, config)
    toc = [flat(title) for title in source_toc()]
    text_of = pages(pdf)
    found = [f"kansilehti: {s}" for s in stray_text(flat(pdftotext(pdf, 1, body=False)), pieces, ordered=False)]
    found += [f"sisällys: {s}" for s in stray_text(text_of[1], [flat(furniture()["official"]["contents"]), *toc])]
    # A draft's appendix of changes (furniture.yml: official.redline) is declared furniture:
    # the official text is checked up to its title (tests/test_versions.py checks the appendix).
    body = " ".join(text_of[2:]).split(flat(furniture()["official"]["redline"]["title"]), 1)[0]
    found += [f"teksti: {s}" for s in stray_text(body, [flat(line) for line in body_lines()])]
    for top in (True, False):
        for page, margin in enumerate(margins(pdf, top), 1):
            found += [f"sivu {page}, {'ylä' if top else 'ala'}tunniste: {s}"
                      for s in stray_text(margin, pieces + toc, ordered=False)]
    return found


def structure_cells(pdf: Path, tag: str) -> list[dict[str, str]]:
    """The attributes of every `tag` element of the PDF's structure tree (poppler's pdfinfo -struct)."""
    out = subprocess.run(["pdfinfo", "-struct", str(pdf)], capture_output=True, text=True, check=True).stdout
    cells, current, depth = [], None, 0
    for line in out.splitlines():
        indent = len(line) - len(line.lstrip())
        if current is not None and indent > depth and line.strip().startswith("/"):
            key, _, value = line.strip()[1:].partition(" ")
            current[key] = value
            continue
        current = None
        if re.match(rf"{tag}\b", line.strip()):
            current, depth = {}, indent
            cells.append(current)
    return cells
