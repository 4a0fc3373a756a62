"""One visit per page and viewport that collects what every per-page check needs.

Loading a page costs more than reading it, so the checks that look at every page
(accessibility, layout, typography, print) do not each walk the site: the session
fixture `sweep` (conftest.py) opens every page once on a phone and once on a
desktop, reads each page in its screen, dark-system and print states, and the
tests assert on what it read (test_pages_browser.py, test_layout_browser.py,
test_typography_browser.py, test_pdf_web.py, test_print_browser.py,
test_print_status_browser.py, test_privacy_browser.py). Each check still fails on its own, naming the page.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from browser import SEARCH_PROBE, STARTED, axe_violations, settle
from conftest import ROOT
from layout import DESKTOP, PHONE, layout_problems
from pdftext import flat

# The site's chrome, which no printed page shows.
CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".md-search", ".md-banner", ".md-top", ".headerlink", ".loimaa-pdf-link"]
# Text whose size must be the body text's (test_typography_browser.py).
BODY_SIZED = [".admonition li", ".admonition p", "table td", ".loimaa-site-note p:not(.loimaa-site-note__label)"]

# The selectors of CHROME with an element a reader sees (Playwright's is_visible():
# a non-empty box and not visibility: hidden).
VISIBLE_CHROME = """selectors => selectors.filter(s => [...document.querySelectorAll(s)].some(e => {
  const r = e.getBoundingClientRect()
  return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden"
}))"""

# Headings as printed: their text without the permalink.
HEADINGS = """() => [...document.querySelectorAll("article :is(h1, h2, h3, h4)")].map(h => [...h.childNodes]
  .filter(n => !n.classList?.contains("headerlink")).map(n => n.textContent).join(""))"""

# A heading's permalink (¶) on a line of its own after the heading's last word.
PERMALINK_ALONE = """() => [...document.querySelectorAll("article .headerlink")].filter(a => {
  const range = document.createRange()
  range.setStart(a.parentElement, 0)
  range.setEndBefore(a)
  const lines = [...range.getClientRects()].filter(r => r.width > 0)
  return lines.length && a.getBoundingClientRect().top >= lines[lines.length - 1].bottom - 2
}).map(a => a.parentElement.textContent)"""

# Font sizes and colours of the text the typography tests compare.
TYPE = """sized => {
  const style = s => [...document.querySelectorAll(s)].map(e => getComputedStyle(e))
  const p = document.querySelector("article > p")
  return {
    body: p && getComputedStyle(p).fontSize,
    text: p && getComputedStyle(p).color,
    sizes: Object.fromEntries(sized.map(s => [s, style("article " + s).map(c => c.fontSize)])),
    quotes: style("article blockquote, article blockquote *").map(c => c.color),
    guideline_quotes: style(".loimaa-checklist__guideline").map(c => c.color),
    headings: style("article :is(h1, h2, h3)").map((c, i) =>
      [document.querySelectorAll("article :is(h1, h2, h3)")[i].tagName, +c.fontWeight]),
  }
}"""


@dataclass
class Sweep:
    """What the sweep read: views[view][url] -> {check: data}; watch[view]: the page's PageWatch."""
    views: dict[str, dict[str, dict]] = field(default_factory=dict)
    watch: dict = field(default_factory=dict)

    @property
    def desktop(self) -> dict[str, dict]:
        return self.views["desktop"]

    @property
    def phone(self) -> dict[str, dict]:
        return self.views["phone"]


def print_foot_mm() -> float:
    """The bottom margin of a page printed from the browser (loimaa.css @page), where the
    status line and the page number stand."""
    css = (ROOT / "docs" / "assets" / "stylesheets" / "loimaa.css").read_text(encoding="utf-8")
    return float(re.search(r"@page\s*\{[^}]*?\bmargin:\s*[\d.]+mm\s+[\d.]+mm\s+([\d.]+)mm", css).group(1))


PT_PER_MM = 72 / 25.4
A4_MM = 297
_FOOT_MM = print_foot_mm()
_FOOT_TOP = str(round((A4_MM - _FOOT_MM) * PT_PER_MM))
# pdftotext crops (points, at its 72 dpi): a printed sheet's text area, and its foot.
PRINT_BODY = ["-x", "0", "-y", "0", "-W", "600", "-H", _FOOT_TOP]
PRINT_FOOT = ["-x", "0", "-y", _FOOT_TOP, "-W", "600", "-H", str(round(_FOOT_MM * PT_PER_MM))]


def printed_pages(pdf: bytes, tmp_path: Path, crop: list[str] = ()) -> list[str]:
    """The text of each printed sheet (or of the crop of it, PRINT_BODY or PRINT_FOOT),
    flattened as test_pdf.flat() does; one string per sheet, a blank sheet too."""

    path = tmp_path / "print.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", *crop, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [flat(sheet) for sheet in text.split("\f")[:-1]]  # pdftotext ends every sheet with \f


def open_page(page, url: str) -> None:
    """The page loaded, its components started, at rest."""
    page.goto(url, wait_until="load")
    page.wait_for_function(STARTED)
    settle(page)


def search_ready(page) -> None:
    """Material's search worker has loaded its index: nothing the page asked for is still
    loading when the sweep moves on (a request cut short would count as failed)."""
    page.wait_for_function("() => window.__searchProbe.ready")


def visit_desktop(page, url: str, tmp: Path) -> dict:
    page.emulate_media(media="screen", color_scheme="light")
    open_page(page, url)
    seen = {
        "states": ["screen"],
        "main_stylesheets": page.locator("link[href*='assets/stylesheets/main']").count(),
        "header": page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor"),
        # Material's search panel is a dialog; screen readers announce its name.
        "search_dialogs": page.get_by_role("dialog", name="Haku", include_hidden=True).count(),
        "modules": page.locator("[data-module]").count(),
        "layout": layout_problems(page),
        "type": page.evaluate(TYPE, BODY_SIZED),
    }
    # One light scheme (no palette): a dark system changes nothing.
    page.emulate_media(color_scheme="dark")
    seen["states"].append("dark")
    seen["header_dark"] = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
    seen["axe"] = axe_violations(page)
    page.emulate_media(media="print", color_scheme="light")
    seen["states"].append("print")
    seen["print_chrome"] = page.evaluate(VISIBLE_CHROME, CHROME)
    # A printed sheet says what it is: the page's title, or the heading of what the page prints
    # instead (3.2 prints its summary for communications).
    seen["print_heading"] = page.evaluate(
        "() => [...document.querySelectorAll('article :is(h1, h2)')].some(h => h.getClientRects().length > 0)")
    seen["print_headings"] = page.evaluate(HEADINGS)
    pdf = page.pdf(format="A4")
    seen["printed"] = printed_pages(pdf, tmp, PRINT_BODY)   # the text area of each sheet
    seen["print_feet"] = printed_pages(pdf, tmp, PRINT_FOOT)   # its status line and page number
    page.emulate_media(media="screen")
    search_ready(page)
    return seen


def visit_phone(page, url: str) -> dict:
    open_page(page, url)
    seen = {
        "states": ["screen"],
        "overflow": page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
        "layout": layout_problems(page),
        "permalink_alone": page.evaluate(PERMALINK_ALONE),
        "type": page.evaluate(TYPE, BODY_SIZED),
    }
    search_ready(page)
    return seen


def run_sweep(site, browser, tmp: Path) -> Sweep:
    from conftest import watched_page

    sweep = Sweep()
    for view, options in [("desktop", {"viewport": DESKTOP}),
                          ("phone", {"viewport": PHONE, "is_mobile": True, "device_scale_factor": 2})]:
        ctx = browser.new_context(locale="fi-FI", **options)
        ctx.add_init_script(SEARCH_PROBE)
        page = watched_page(ctx)
        sweep.views[view] = {url: visit_desktop(page, url, tmp) if view == "desktop" else visit_phone(page, url)
                             for url in site.pages}
        sweep.watch[view] = page.watch
        ctx.close()
    return sweep
