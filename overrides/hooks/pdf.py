"""The official print version: the whole guideline as one tagged PDF (WeasyPrint).

Every `mkdocs build` writes site/pdf/<document title as a slug>.pdf:

- a cover from data/ohje.yml (approvals, city details; "Luonnos" while any
  approval date is open), the same data the site shows;
- "Sisällys" with page numbers (CSS target-counter) down to the 3.1.1 level;
- the guideline pages in navigation order: the pages whose title carries the
  guideline's numbering ("1.", "3.1."), as rendered from Markdown, without the
  theme around them; ids prefixed per page so they stay unique, links between
  them turned into links inside the PDF;
- the checklists as blank forms (overrides/components/checklist/appendix.html,
  the same data and field pieces as the web form).

The data comes through config, as the macros loaded and checked it
(config.extra.ohje, read by mkdocs.yml's INHERIT and checked by the macros;
config.extra.checklists, loaded by the macros): one reading of data/, one
validation. Finnish hyphenation comes from Voikko as soft hyphens
(finnish/hyphenate_fi.py); fonts are the Debian ones (Liberation Sans, DejaVu Sans for the tick boxes), embedded.
PDF/UA-1: tagged, with title and language in the metadata.

PDF=0 skips the PDF (throwaway test builds). Under `mkdocs serve` the first
build makes it as `mkdocs build` does; after each save the page reloads at once
with the last PDF in place, and a fresh one is made in a child process and put
in place when it is done (a few seconds), so the PDF link never gives 404.
"""
from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import signal
import tempfile
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from finnish.hyphenate_fi import VoikkoMissing, check_available, hyphenate_text

log = logging.getLogger("mkdocs.hooks.pdf")
TEMPLATES = Path(__file__).resolve().parent.parent / "pdf"   # overrides/pdf/
COMPONENTS = TEMPLATES.parent / "components"                 # overrides/components/ (checklist appendix)
THEME_DIR = "pdf/"               # the templates' folder name inside the theme (not published)
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.\s+\S")  # "3.1.1. Työnantajan edustajana"
NO_HYPHENS = {"h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "script", "style"}
DROP = ("headerlink", "loimaa-no-print")   # permalinks, screen-only parts
FAKE_ORIGIN = "http://pdf.invalid/"      # to resolve relative links between pages

_state = {"serving": False, "enabled": True, "nav": None, "pages": {}, "checklist_pages": {}}
# mkdocs serve: the last PDF made, and the child process making the next one.
_serve = {"last": None, "child": None, "lock": threading.Lock()}


def on_startup(command, dirty):
    _state["serving"] = command == "serve"


def on_config(config):
    _state["enabled"] = pdf_enabled(os.environ.get("PDF"))
    ohje = site_data(config)
    config.extra["pdf"] = {"path": f"pdf/{slug(ohje['document']['title'])}.pdf",
                           "enabled": _state["enabled"]}
    if _state["enabled"]:
        try:
            check_available()
        except VoikkoMissing as err:
            raise PluginError(f"pdf: {err}") from err
    _state["pages"], _state["checklist_pages"] = {}, {}


def on_files(files, config):
    # The PDF's templates live in the theme folder (overrides/pdf/), but they are
    # not part of the web site: keep them out of site/.
    for file in [f for f in files if f.src_uri.startswith(THEME_DIR)
                 and Path(f.abs_src_path).resolve().is_relative_to(TEMPLATES)]:
        files.remove(file)
    return files


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def on_page_content(html, page, config, files):
    if _state["enabled"]:
        _state["pages"][page.url] = html
        if page.meta.get("checklist"):   # set by the checklist() macro
            _state["checklist_pages"][page.url] = page.meta["checklist"]
    return html


@event_priority(50)  # before precompress (which runs last) and independent of the search hooks
def on_post_build(config):
    if not _state["enabled"]:
        return
    target = Path(config["site_dir"]) / config.extra["pdf"]["path"]
    if _state["serving"] and _serve["last"] is not None:
        _rebuild_in_background(config, target)
        return
    start, cpu = time.monotonic(), time.process_time()
    size = build_pdf(config, target)
    log.info(f"PDF: {target.relative_to(config['site_dir'])} ({size // 1024} kt, "
             f"{time.monotonic() - start:.1f} s, CPU {time.process_time() - cpu:.1f} s)")
    if _state["serving"]:
        _serve["last"] = target.read_bytes()


def _rebuild_in_background(config, target: Path) -> None:
    """mkdocs serve after a save: the last PDF in place now, a fresh one from a child process.

    The child is a fork of this process: it has the pages just rendered and its own
    copy of Voikko (whose handle is not safe to share between threads)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(_serve["last"])
    with _serve["lock"]:
        if _serve["child"]:  # a newer save: its PDF replaces the one still being made
            with contextlib.suppress(ProcessLookupError):
                os.kill(_serve["child"], signal.SIGKILL)
        work = Path(tempfile.mkdtemp(prefix="loimaa-pdf-"))
        pid = os.fork()
        if pid == 0:  # the child: make the PDF, never return into mkdocs
            code = 1
            try:
                build_pdf(config, work / target.name)
                code = 0
            except BaseException as err:  # noqa: BLE001 (reported, then the child ends)
                log.error(f"PDF jäi päivittämättä: {err}")
            finally:
                os._exit(code)
        _serve["child"] = pid
    threading.Thread(target=_put_in_place, args=(pid, work, target), daemon=True).start()


def _put_in_place(pid: int, work: Path, target: Path) -> None:
    _, status = os.waitpid(pid, 0)
    fresh = work / target.name
    with _serve["lock"]:
        if _serve["child"] == pid and os.waitstatus_to_exitcode(status) == 0:
            _serve["child"], _serve["last"] = None, fresh.read_bytes()
            partial = target.with_name(target.name + ".osittainen")
            partial.write_bytes(_serve["last"])
            partial.replace(target)  # atomic: a reader gets the old PDF or the new, whole
            log.info(f"PDF päivitetty: {target.name}")
    shutil.rmtree(work, ignore_errors=True)


# --- helpers ----------------------------------------------------------------

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


def build_pdf(config, target: Path) -> int:
    """Render the guideline to target; return its size in bytes."""
    from weasyprint import HTML  # slow import: only when a PDF is made
    from weasyprint.urls import URLFetcher

    ohje = site_data(config)
    checklists = config.extra["checklists"]

    pages = guideline_pages(_state["nav"].pages, _state["pages"])
    if not pages:
        raise PluginError("pdf: navigaatiossa ei ole ohjeen numeroituja sivuja (otsikko kuten '1. …')")
    prefixes = {url: page_prefix(url) for url, _ in pages}
    appendix_list = [{"id": f"liite-{c['id']}", "checklist": c,
                      "title": f"Liite {n}. Tarkistuslista: {c['title']} ({c['section']})"}
                     for n, c in enumerate(checklists, 1)]
    appendix_ids = {a["checklist"]["id"]: a["id"] for a in appendix_list}
    appendices = {url: appendix_ids[cid] for url, cid in _state["checklist_pages"].items()
                  if cid in appendix_ids}
    chapters, toc = [], []
    for url, html in pages:
        chapter = prepare_page(html, url, prefixes, appendices, config["site_url"] or "")
        chapters.append(chapter)
        toc.extend(chapter["toc"])

    env = jinja2.Environment(loader=jinja2.FileSystemLoader([TEMPLATES, COMPONENTS]), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["hyphenate"] = hyphenate_text
    document = env.get_template("document.html").render(
        ohje=ohje, status=config.extra.get("ohje_status", {}), chapters=chapters, toc=toc, appendices=appendix_list,
        description=config.get("site_description") or "", site_url=config["site_url"] or "",
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    # Local files only: the build must work without a network (intranet, CI).
    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    with _weasyprint_problems() as problems:
        HTML(string=document, base_url=str(TEMPLATES) + "/", url_fetcher=fetcher).write_pdf(
            target, pdf_variant="pdf/ua-1")
    if problems:
        # A missing font, image or PDF/UA requirement would spoil the official version.
        target.unlink(missing_ok=True)
        raise PluginError("pdf: WeasyPrint: " + "; ".join(problems))
    return target.stat().st_size


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


def prepare_page(html: str, url: str, prefixes: dict[str, str], appendices: dict[str, str],
                 site_url: str) -> dict:
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
    _rewrite_links(body, url, prefix, prefixes, appendices, site_url)
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
    """Remove permalinks, screen-only parts and inline SVG icons."""
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


def _rewrite_links(root, url: str, prefix: str, prefixes: dict[str, str],
                   appendices: dict[str, str], site_url: str) -> None:
    """Links to pages in the PDF (prefixes: URL -> id prefix) and to the checklists' pages
    (appendices: URL -> the appendix's id) stay inside the PDF; others go to the published site."""
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
        elif path in appendices:
            a.set("href", f"#{appendices[path]}")
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
