"""What the keyboard reaches is never hidden under the sticky header or the sticky checklist bar
(WCAG 2.4.11), on a phone, forwards and backwards through every form on the site."""
from __future__ import annotations

import pytest

from layout import PHONE

pytestmark = pytest.mark.browser

FORM_PAGES = ["tarkistuslistat/uusi-profiili/", "tarkistuslistat/ennen-julkaisua/",
              "perehdytys/testaa-osaamisesi/", "perehdytys/roolisi/", "perehdytys/suoritusmerkinta/"]

# The focused element of the article (not the header's own controls) and what covers its edges.
FOCUSED = """() => {
  const e = document.activeElement
  if (!e || !e.closest('article') || e.closest('.loimaa-checklist__actions')) return null  // the bar's own buttons
  const r = e.getBoundingClientRect()
  if (!r.width && !r.height) return null
  const header = document.querySelector('.md-header').getBoundingClientRect()
  const bars = [...document.querySelectorAll('.loimaa-checklist__actions, .md-top')]
    .map(b => b.getBoundingClientRect()).filter(b => b.height && b.top > innerHeight / 2)
  const below = Math.min(innerHeight, ...bars.map(b => b.top))
  return {what: e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.name || e.textContent.trim().slice(0, 30)),
          hidden: r.top < header.bottom - 1 || r.bottom > below + 1}
}"""


@pytest.mark.parametrize("path", FORM_PAGES)
def test_tabbing_through_a_form_on_a_phone_never_hides_the_focus(site, browser, path):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site.url + path, wait_until="load")
        page.wait_for_function("!document.querySelector('[data-module]:not([data-module-started])')")
        hidden, seen = [], set()
        for key in ("Tab", "Shift+Tab"):
            for _ in range(120):
                page.keyboard.press(key)
                focused = page.evaluate(FOCUSED)
                if focused:
                    seen.add(focused["what"])
                    if focused["hidden"]:
                        hidden.append(f"{key}: {focused['what']}")
        assert len(seen) >= 3, seen  # the walk reached the form
        assert hidden == []
    finally:
        context.close()
