"""Every checkbox and radio of every component stands apart from its label text (issue 23 walk:
"☐Profiilille on…" at 360 and 1280 px, the box touching its bold label)."""
from __future__ import annotations

import pytest

from layout import DESKTOP, PHONE

pytestmark = pytest.mark.browser

# Each visible box and the horizontal gap to its label's first line (label[for] beside it).
GAPS = """() => [...document.querySelectorAll('[data-module] :is(input[type=checkbox], input[type=radio])')]
  .filter(i => i.getClientRects().length && document.querySelector(`label[for="${i.id}"]`))
  .map(i => {
    const box = i.getBoundingClientRect();
    const label = document.querySelector(`label[for="${i.id}"]`);
    const range = document.createRange();
    range.selectNodeContents(label);
    const first = range.getClientRects()[0] || label.getBoundingClientRect();
    return [i.id, Math.round((first.left - box.right) * 10) / 10];
  })"""


def pages_with_controls(site) -> list[str]:
    found = []
    for url in site.pages:
        rel = url[len(site.url):]
        html = site.dir / (rel if rel.endswith(".html") else rel + "index.html")
        text = html.read_text(encoding="utf-8")
        if "data-module=" in text and ('type="checkbox"' in text or 'type="radio"' in text):
            found.append(url)
    return found


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_every_box_has_a_gap_before_its_label(site, browser, viewport):
    context = browser.new_context(viewport=viewport, locale="fi-FI")
    page = context.new_page()
    urls = pages_with_controls(site)
    assert len(urls) >= 4   # the two checklists, the quiz, the role helper
    tight = []
    checked = 0
    for url in urls:
        page.goto(url, wait_until="load")
        page.wait_for_function("[...document.querySelectorAll('[data-module]')]"
                               ".every(m => m.hasAttribute('data-module-started'))")
        gaps = page.evaluate(GAPS)   # the completion sheet's boxes may all be hidden at first
        checked += len(gaps)
        tight += [(url[len(site.url):], control, gap) for control, gap in gaps if gap < 4]
    context.close()
    assert tight == []
    assert checked > 20   # the checklists' boxes alone are more
