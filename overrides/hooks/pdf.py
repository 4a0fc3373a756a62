"""The official print version: the whole guideline as one tagged PDF (WeasyPrint),
and the checklists as blank forms in a PDF of their own.

Every `mkdocs build` writes two files:

- site/pdf/<document title as a slug>.pdf, the guideline word for word:
  - a cover from data/ohje.yml (approvals with their decision references, city
    details; "Luonnos" while any approval date is open), the same data the site shows;
  - "Sisällys" with page numbers (CSS target-counter) down to the 3.1.1 level;
  - the guideline pages in navigation order: the pages whose title carries the
    guideline's numbering ("1.", "3.1."), as rendered from Markdown, without the
    theme around them and without what the site adds to them (DROP: permalinks,
    screen-only parts, the site's notes `.loimaa-site-note`); ids prefixed per page so
    they stay unique, links between them turned into links inside the PDF.
  - a draft with changes since the last stored version (data/versiot/): the appendix
    "Muutokset edelliseen hyväksyttyyn versioon", the site's redline (components/versions/
    redline.html), declared furniture; the approved PDF has none.
  Besides the guideline's text it prints only its furniture: the words of
  overrides/pdf/furniture.yml and the data values that file lists (tests/test_pdf.py
  holds it to that).
- site/pdf/tarkistuslistat-tulostettavaksi.pdf (the slug of its title in
  furniture.yml): the checklists as blank forms (overrides/components/checklist/
  printable.html, the same data and field pieces as the web form) after a title page
  that says they are the site's work aid, not part of the guideline; every page's
  running head and foot carry the guideline's title, version and status.

The data comes through config, as the macros loaded and checked it
(config.extra.ohje, read by mkdocs.yml's INHERIT and checked by the macros;
config.extra.checklists, loaded by the macros): one reading of data/, one
validation. Finnish hyphenation comes from Voikko as soft hyphens
(finnish/hyphenate_fi.py); fonts are the Debian ones (Liberation Sans, DejaVu Sans for the tick boxes), embedded.
PDF/UA-1: tagged, with title and language in the metadata; table header cells carry
/Scope (WeasyPrint does not write it: `_table_header_scopes`).

PDF=0 skips the PDFs (throwaway test builds). Under `mkdocs serve` the first
build makes them as `mkdocs build` does; after each save the page reloads at once
with the last PDFs in place, and fresh ones are made in a child process and put
in place when they are done (a few seconds), so the PDF links never give 404.

This hook wires MkDocs' events to the library printpdf/ (the PDFs) and printpdf/served.py
(serving); what it keeps of a build lives in a PerBuild (sitebuild/serving.py).
"""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from finnish.hyphenate_fi import VoikkoMissing, check_available
from printpdf import THEME_DIR, TEMPLATES, Book, load_furniture, pdf_enabled, pdf_paths, site_data, slug
from printpdf.served import Served
from sitebuild.serving import PerBuild, serving

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.pdf")
_book: PerBuild[Book] = PerBuild(Book)   # not active when PDF=0
_served = Served()   # mkdocs serve only: the last PDFs and the child making the next ones


def on_config(config: MkDocsConfig) -> None:
    enabled = pdf_enabled(os.environ.get("PDF"))
    ohje = site_data(config)
    furniture = _book.begin(furniture=load_furniture()).furniture   # read at every build: serve sees an edit
    title = furniture["checklists"]["title"]
    config.extra["pdf"] = {"path": f"pdf/{slug(ohje['document']['title'])}.pdf",
                           "checklists": {"path": f"pdf/{slug(title)}.pdf", "title": title},
                           "enabled": enabled}
    if not enabled:
        _book.end()
        return
    try:
        check_available()
    except VoikkoMissing as err:
        raise PluginError(f"pdf: {err}") from err


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The PDF's templates live in the theme folder (overrides/pdf/), but they are
    # not part of the web site: keep them out of site/.
    for file in [f for f in files if f.src_uri.startswith(THEME_DIR)
                 and Path(f.abs_src_path).resolve().is_relative_to(TEMPLATES)]:
        files.remove(file)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if _book.active:
        _book.now.nav_pages = nav.pages
    return nav


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _book.active:
        _book.now.pages[page.url] = html
    return html


@event_priority(50)  # before precompress (which runs last) and independent of the search hooks
def on_post_build(config: MkDocsConfig) -> None:
    if not _book.active:
        return   # PDF=0
    try:
        if not config.extra.get("versions", {}).get("uncovered"):   # else the macros stop the build after this
            _write(config, Path(config["site_dir"]), _book.now)
    finally:
        _book.end()


def on_build_error(error: Exception) -> None:
    _book.end()


def _write(config: MkDocsConfig, site: Path, book: Book) -> None:
    paths = pdf_paths(config)
    if serving() and _served.last is not None:
        _served.rebuild_in_background(config, site, book)
        return
    for path, build in paths.items():
        start, cpu = time.monotonic(), time.process_time()
        size = build(config, site / path, book)
        log.info(f"PDF: {path} ({size // 1024} kt, "
                 f"{time.monotonic() - start:.1f} s, CPU {time.process_time() - cpu:.1f} s)")
    if serving():
        _served.keep(site, list(paths))
