"""The official print version and the checklists' PDF, made with WeasyPrint (the hook: pdf.py).

What the PDFs hold, and how, is told in pdf.py's docstring. This library makes them from
one build's Book (its furniture, navigation and rendered pages) and the build's config;
served.py keeps the last PDFs under `mkdocs serve` and makes fresh ones in a child process.
"""
from __future__ import annotations

import logging
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jinja2
import yaml
from mkdocs.exceptions import PluginError

from finnish.hyphenate_fi import hyphenate_text

log = logging.getLogger("mkdocs.hooks.pdf")
TEMPLATES = Path(__file__).resolve().parents[2] / "pdf"     # overrides/pdf/
COMPONENTS = TEMPLATES.parent / "components"                 # overrides/components/ (checklist forms)
FURNITURE = TEMPLATES / "furniture.yml"                      # the PDFs' own words
THEME_DIR = "pdf/"               # the templates' folder name inside the theme (not published)
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.\s+\S")  # "3.1.1. Työnantajan edustajana"
NO_HYPHENS = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "script", "style"}
DROP = ("headerlink", "loimaa-no-print", "loimaa-site-note")   # permalinks, screen-only parts, the site's notes
FAKE_ORIGIN = "http://pdf.invalid/"      # to resolve relative links between pages


@dataclass
class Book:
    """What one build gives the PDFs: furniture.yml as read at its start (serve sees an edit),
    its navigation's pages, and each page's HTML as rendered ({page URL: HTML})."""
    furniture: dict
    nav_pages: list = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)


def pdf_paths(config) -> dict[str, Callable[..., int]]:
    """{site-relative path: the function that makes it}: the official PDF, the checklists' PDF."""
    return {config.extra["pdf"]["path"]: build_pdf,
            config.extra["pdf"]["checklists"]["path"]: build_checklist_pdf}


def pdf_enabled(env_value: str | None) -> bool:
    """PDF=0 skips it; by default (or PDF=1) build and serve make it."""
    if env_value in ("0", "1"):
        return env_value == "1"
    if env_value:
        raise PluginError(f"pdf: PDF={env_value!r}: odotettiin 0 tai 1")
    return True


def slug(text: str) -> str:
    """File name part: "Sosiaalisen median ohje 2026" -> "sosiaalisen-median-ohje-2026"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def site_data(config) -> dict:
    """data/ohje.yml as MkDocs read it (mkdocs.yml: INHERIT) and the macros checked it."""
    if "ohje" not in config.extra:
        raise PluginError("pdf: config.extra.ohje puuttuu: mkdocs.yml:n pitää alkaa rivillä "
                          "INHERIT: data/ohje.yml")
    return config.extra["ohje"]


def load_furniture() -> dict:
    """overrides/pdf/furniture.yml: the PDFs' own words (the templates print them as `furniture`)."""
    try:
        return yaml.safe_load(FURNITURE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise PluginError(f"pdf: {FURNITURE}: {err}") from err


def is_draft(ohje: dict) -> bool:
    """"Luonnos" while any approval date is open."""
    return any(not approval.get("date") for approval in ohje["approvals"])


def build_pdf(config, target: Path, book: Book) -> int:
    """Render the guideline to target; return its size in bytes."""
    pages = guideline_pages(book.nav_pages, book.pages)
    if not pages:
        raise PluginError("pdf: navigaatiossa ei ole ohjeen numeroituja sivuja (otsikko kuten '1. …')")
    prefixes = {url: page_prefix(url) for url, _ in pages}
    chapters, toc = [], []
    for url, html in pages:
        chapter = prepare_page(html, url, prefixes, config["site_url"] or "")
        chapters.append(chapter)
        toc.extend(chapter["toc"])
    # The draft's changes against the last stored version (macros/versions.py): an appendix of
    # the draft PDF for the approving bodies; the macros leave it empty once approved.
    versions = config.extra.get("versions", {})
    redline = None
    if is_draft(site_data(config)) and versions.get("redline"):
        redline = {"sections": versions["redline"], "version": versions["version"], "last": versions["last"]}
    return _render("document.html", config, target, book.furniture, chapters=chapters, toc=toc, redline=redline)


def build_checklist_pdf(config, target: Path, book: Book) -> int:
    """Render the checklists as blank forms to target; return its size in bytes."""
    checklists = [{"id": f"tarkistuslista-{c['id']}", "checklist": c} for c in config.extra["checklists"]]
    return _render("checklists.html", config, target, book.furniture, checklists=checklists)


def _render(template: str, config, target: Path, furniture: dict, **context) -> int:
    from weasyprint import HTML  # slow import: only when a PDF is made
    from weasyprint.urls import URLFetcher

    ohje = site_data(config)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([TEMPLATES, COMPONENTS]), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["hyphenate"] = hyphenate_text
    document = env.get_template(template).render(
        ohje=ohje, status=config.extra.get("ohje_status", {}), draft=is_draft(ohje),
        furniture=furniture,
        description=config.get("site_description") or "", site_url=config["site_url"] or "", **context)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Local files only: the build must work without a network (intranet, CI).
    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    with _weasyprint_problems() as problems:
        HTML(string=document, base_url=str(TEMPLATES) + "/", url_fetcher=fetcher).write_pdf(
            target, pdf_variant="pdf/ua-1", finisher=lambda doc, pdf: problems.extend(_table_header_scopes(doc, pdf)))
    if problems:
        # A missing font, image or PDF/UA requirement would spoil the official version.
        target.unlink(missing_ok=True)
        raise PluginError("pdf: WeasyPrint: " + "; ".join(problems))
    return target.stat().st_size


def _table_header_scopes(document, pdf) -> list[str]:
    """/Scope on every table header cell (TH) of the structure tree, from its scope attribute.

    PDF/UA wants it (Matterhorn 15-003); WeasyPrint 70 reads `scope` only to link the
    data cells to their headers. Its tagging keeps each cell's structure element on the
    cell's box (`mark`): set there, before the PDF is written. Returns a problem
    (Finnish) for a TH left without one, so that a WeasyPrint that works otherwise
    fails the build instead of losing the attribute quietly."""
    for page in document.pages:
        for box in page._page_box.descendants(placeholders=True):
            element = getattr(box, "mark", None)
            if getattr(box, "element_tag", None) == "th" and element is not None:
                scope = "/Row" if box.element.get("scope") == "row" else "/Column"
                element["A"]["Scope"] = scope
    missing = [obj for obj in pdf.objects if isinstance(obj, dict) and obj.get("S") == "/TH"
               and "Scope" not in obj.get("A", {})]
    return [f"{len(missing)} taulukon otsikkosolulta puuttuu /Scope"] if missing else []


class _weasyprint_problems(logging.Handler):
    """Collects WeasyPrint's warnings and errors while rendering (as a context manager)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())

    def __enter__(self):
        logging.getLogger("weasyprint").addHandler(self)
        return self.messages

    def __exit__(self, *exc):
        logging.getLogger("weasyprint").removeHandler(self)


def guideline_pages(nav_pages, rendered: dict[str, str]) -> list[tuple[str, str]]:
    """(url, html) of the pages in navigation order whose main heading is numbered."""
    found = []
    for page in nav_pages:
        html = rendered.get(page.url)
        title = _first_heading_text(html) if html else ""
        if NUMBERED.match(title):
            found.append((page.url, html))
    return found


def _first_heading_text(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    if not match:
        return ""
    text = re.sub(r"<a [^>]*headerlink.*?</a>|<[^>]+>", "", match.group(1), flags=re.S)
    return re.sub(r"\s+", " ", text).strip()


def page_prefix(url: str) -> str:
    """Id prefix of a page: "ohjeistus/roolisi/" -> "ohjeistus-roolisi"."""
    return re.sub(r"[^a-z0-9]+", "-", url.lower().removesuffix("index.html")).strip("-") or "etusivu"


def section_number(title: str) -> str | None:
    match = NUMBERED.match(title)
    return match.group(1) if match else None


def prepare_page(html: str, url: str, prefixes: dict[str, str], site_url: str) -> dict:
    """One page's HTML made ready for the PDF.

    Returns {"html", "title", "number", "level", "toc"}: the page's headings
    shifted one level down per level of numbering (3.1 becomes h2 under
    chapter 3's h1), ids prefixed, links resolved, soft hyphens inserted.
    """
    import tinyhtml5  # WeasyPrint's parser, only needed for the PDF

    prefix = prefixes[url]
    body = tinyhtml5.parse(f"<!DOCTYPE html><html><body>{html}</body></html>",
                           namespace_html_elements=False).find("body")
    _drop(body)
    title_el = body.find(".//h1")
    title = _text(title_el)
    number = section_number(title)
    level = number.count(".") + 1
    title_el.set("class", (title_el.get("class", "") + " pdf-chapter-title").strip())
    for el in body.iter():
        if el.tag in {"h1", "h2", "h3", "h4", "h5"}:
            el.tag = f"h{min(int(el.tag[1]) + level - 1, 6)}"
        elif el.tag == "details":
            el.set("open", "")  # paper shows everything
    _prefix_ids(body, prefix)
    if not title_el.get("id"):
        title_el.set("id", f"{prefix}--otsikko")
    _rewrite_links(body, url, prefix, prefixes, site_url)
    toc = [{"title": title, "level": level, "target": title_el.get("id")}]
    for el in body.iter():
        sub = section_number(_text(el)) if el is not title_el and re.fullmatch(r"h[1-6]", el.tag) else None
        if sub and sub.startswith(number + "."):  # 2.1 under 2, 3.1.1 under 3.1 (not "1." under 3.5)
            toc.append({"title": _text(el), "level": sub.count(".") + 1, "target": el.get("id")})
    _hyphenate(body)
    inner = (body.text or "") + "".join(ET.tostring(child, encoding="unicode", method="html")
                                         for child in body)
    return {"html": inner, "title": title, "number": number, "level": level, "id": prefix,
            "toc": toc}


def _classes(el) -> set[str]:
    return set((el.get("class") or "").split())


def _drop(root) -> None:
    """Remove permalinks, screen-only parts, the site's notes and inline SVG icons."""
    for parent in list(root.iter()):
        for child in list(parent):
            if not isinstance(child.tag, str):
                continue
            if _classes(child) & set(DROP) or child.tag.startswith("{") or child.tag in {"script", "style"}:
                if child.tail:  # keep the text that followed the removed element
                    prev = _previous(parent, child)
                    if prev is None:
                        parent.text = (parent.text or "") + child.tail
                    else:
                        prev.tail = (prev.tail or "") + child.tail
                parent.remove(child)


def _previous(parent, child):
    siblings = list(parent)
    i = siblings.index(child)
    return siblings[i - 1] if i else None


def _text(el) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""


def _prefix_ids(root, prefix: str) -> None:
    """Ids unique across pages: "tavoitteet" -> "loimaan-kaupunki-ja-sosiaalinen-media--tavoitteet"."""
    for el in root.iter():
        if el.get("id"):
            el.set("id", f"{prefix}--{el.get('id')}")
        for attr in ("for", "aria-describedby", "aria-labelledby", "aria-controls"):
            if el.get(attr):
                el.set(attr, " ".join(f"{prefix}--{v}" for v in el.get(attr).split()))


def _rewrite_links(root, url: str, prefix: str, prefixes: dict[str, str], site_url: str) -> None:
    """Links to pages in the PDF (prefixes: URL -> id prefix) stay inside the PDF; others go to
    the published site."""
    for a in root.iter("a"):
        href = a.get("href")
        if not href:
            continue
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue  # mailto:, https://
        if not parts.path:
            a.set("href", f"#{prefix}--{parts.fragment}" if parts.fragment else f"#{prefix}")
            continue
        target = urljoin(FAKE_ORIGIN + url, href).removeprefix(FAKE_ORIGIN)
        path = urlsplit(target).path.removesuffix("index.html")
        if path in prefixes:
            a.set("href", f"#{prefixes[path]}" + (f"--{parts.fragment}" if parts.fragment else ""))
        else:
            a.set("href", urljoin(site_url, target))


def _hyphenate(root) -> None:
    """Soft hyphens in running text (not in headings, code or addresses)."""
    def walk(el, allowed: bool):
        allowed = allowed and el.tag not in NO_HYPHENS
        if allowed and el.text:
            el.text = hyphenate_text(el.text)
        for child in el:
            walk(child, allowed)
            if allowed and child.tail:
                child.tail = hyphenate_text(child.tail)
    walk(root, True)
