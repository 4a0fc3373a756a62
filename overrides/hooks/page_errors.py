"""A mistake in a page: one Finnish line naming the file, the line and what to do.

MkDocs reports a broken link or anchor (or a page missing from nav, or a nav entry
without its page) in English and without a line; mkdocs-macros reports a mistyped
name in a page under a traceback. This hook words those reports in Finnish, with
the line of the page (or of mkdocs.yml) where the link or name is written: logging
filters on the loggers that make them rewrite each record. MkDocs and mkdocs-macros
stay the judges of what is broken (no second link checker to keep in step); the
wording lives in finnish/page_reports.py, which only reads their reports and the page's source.

A build with such a mistake stops with one Finnish line before the PDF is made
(which would report a broken anchor by its internal name), after the anchors are
checked: links, anchors and macros are all reported in one build. A page whose macro
failed holds no anchors; MkDocs' reports of links to its anchors are left out (they
follow from the macro's mistake, named already).
mkdocs-macros runs with on_error_fail: false (mkdocs.yml), so that every page's
mistakes are reported in one build, not only the first.
"""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from finnish.messages import LEVEL, editor_log, from_project, stopped
from finnish.page_reports import (LINK_REPORTS, body_offset, link_message, macro_message, nav_message, place,
                                  template_line)
from sitebuild.serving import PerBuild, serving

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

LINK_LOGGER = "mkdocs.structure.pages"
NAV_LOGGER = "mkdocs.structure.nav"
MACRO_LOGGER = "mkdocs.plugins.mkdocs_macros.util"


@dataclass
class Reports:
    """One build's project and what its reports found: the mistakes worded, the pages whose macro failed."""
    root: Path
    docs: Path
    config: Path
    macros: Any = None              # the mkdocs-macros plugin (its page, macros, variables, filters)
    files: Files | None = None      # the site's files, once every page is rendered (on_env)
    found: int = 0
    failed_pages: set[str] = field(default_factory=set)


_build: PerBuild[Reports] = PerBuild(Reports)



def _source_of(page: str) -> tuple[str, str | None]:
    path = _build.now.docs / page
    shown = from_project(path.as_posix(), _build.now.root)
    try:
        return shown, path.read_text(encoding="utf-8")
    except OSError:
        return shown, None


def _anchors_of(target: str) -> set[str]:
    files = _build.now.files
    file = files.get_file_from_path(target) if files else None
    return set(getattr(file and file.page, "present_anchor_ids", None) or ())


def _finnish(record: logging.LogRecord, message: str) -> None:
    record.msg, record.args, record.levelname = message, (), LEVEL
    _build.now.found += 1


def _to_failed_page(report: str) -> bool:
    """A report of a missing anchor on a page whose macro failed (the page was not rendered whole)."""
    m = LINK_REPORTS["anchor"].match(report)
    return bool(m) and (m["target"] or m["page"]) in _build.now.failed_pages


class LinkReports(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not _build.active or record.levelno < logging.WARNING:
            return True
        if _to_failed_page(record.getMessage()):
            return False
        if message := link_message(record.getMessage(), _source_of, _anchors_of):
            _finnish(record, message)
        return True


class NavReports(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if _build.active and record.levelno >= logging.WARNING:
            build = _build.now
            text = build.config.read_text(encoding="utf-8") if build.config.is_file() else ""
            if message := nav_message(record.getMessage(), text, from_project(str(build.docs), build.root)):
                _finnish(record, message)
        return True


class MacroReports(logging.Filter):
    """mkdocs-macros logs a failed page while handling the error: the error is sys.exc_info()."""

    def filter(self, record: logging.LogRecord) -> bool:
        _, error, tb = sys.exc_info()
        plugin = _build.now.macros if _build.active else None
        if record.levelno < logging.WARNING or error is None or plugin is None or "Error" not in record.getMessage():
            return True
        page = plugin.page
        shown, source = _source_of(page.file.src_uri)
        line = template_line(error, tb)
        lines = [line + body_offset(source or "", page.markdown or "")] if line else []
        known = [*plugin.macros, *plugin.variables, *plugin.filters]
        _finnish(record, macro_message(place(shown, lines), error, known))
        _build.now.failed_pages.add(page.file.src_uri)
        return True


def _install(name: str, kind: type[logging.Filter]) -> None:
    logger = logging.getLogger(name)
    if not any(isinstance(f, kind) for f in logger.filters):
        logger.addFilter(kind())


def on_startup(command: str, dirty: bool) -> None:
    editor_log()   # make build, make serve: no English progress lines around the Finnish ones


def on_config(config: MkDocsConfig) -> None:
    _build.begin(root=Path(config.config_file_path).parent, docs=Path(config.docs_dir),
                 config=Path(config.config_file_path), macros=config.plugins.get("macros"))
    _install(LINK_LOGGER, LinkReports)
    _install(NAV_LOGGER, NavReports)
    _install(MACRO_LOGGER, MacroReports)


@event_priority(100)   # every page rendered: the anchors are checked next
def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    _build.now.files = files
    return env


@event_priority(100)   # the anchors checked: stop before the PDF (pdf.py, priority 50)
def on_post_build(config: MkDocsConfig) -> None:
    found = _build.now.found
    _build.end()
    if found:
        raise Abort(stopped(found, serving(), pdf=True))


def on_build_error(error: Exception) -> None:
    _build.end()
