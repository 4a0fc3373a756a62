"""The privacy page lists exactly what the site stores in the browser (docs/tietosuoja.md)."""
from __future__ import annotations

import pytest

from browser import STARTED

pytestmark = pytest.mark.browser

# Use every control of every component on the page, as a user would, until nothing new
# appears: tick boxes, choose an option in each group, type into fields, check quiz answers.
USE_EVERYTHING = """() => {
  const visible = e => e.offsetParent !== null && !e.disabled
  let changed = 0
  for (const el of document.querySelectorAll("[data-module] :is(input, textarea, select)")) {
    if (!visible(el)) continue
    if (el.type === "checkbox" && !el.checked) { el.click(); changed++ }
    else if (el.type === "radio" && !document.querySelector(`input[name="${el.name}"]:checked`)) {
      el.click(); changed++ }
    else if (el.tagName === "SELECT" && el.selectedIndex < 1 && el.options.length > 1) {
      el.selectedIndex = el.options.length - 1; el.dispatchEvent(new Event("change", {bubbles: true})); changed++ }
    else if (/^(text|email|tel|date|textarea)$/.test(el.type) && !el.value) {
      el.value = el.type === "date" ? "2026-12-01" : "Testi"
      for (const type of ["input", "change"]) el.dispatchEvent(new Event(type, {bubbles: true}))
      changed++
    }
  }
  for (const button of document.querySelectorAll("[data-module] button"))
    if (visible(button) && /^Tarkista/.test(button.textContent.trim())) { button.click(); changed++ }
  return changed
}"""


def test_privacy_page_lists_exactly_the_keys_the_components_store(site, sweep, page):
    used = [url for url in site.pages if sweep.desktop[url]["modules"]]  # the pages with components
    for url in used:
        page.goto(url, wait_until="load")
        page.wait_for_function(STARTED)
        for _ in range(60):
            if not page.evaluate(USE_EVERYTHING):
                break
    assert len(used) == 5, used  # two checklists, role helper, quiz, completion sheet
    stored = page.evaluate("[Object.keys(localStorage).sort(), sessionStorage.length, document.cookie]")

    page.goto(site.url + "tietosuoja/", wait_until="load")
    listed = sorted(page.locator("article table td:first-child code").all_inner_texts())
    assert stored == [listed, 0, ""]
