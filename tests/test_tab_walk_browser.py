"""Tab through every page of the site, on a phone and on a desktop: every stop the keyboard
reaches is one the user sees, with its focus shown on it.

Before: at 360 px Tab went through the links of the closed navigation drawer, off the screen;
at 1280 px the search's empty result box (no height) was a tab stop, and the links after it
were reached under the search's dimmed overlay (loimaa.css, search.js)."""
from __future__ import annotations

import pytest

from browser import STARTED, settle
from layout import DESKTOP, PHONE

pytestmark = pytest.mark.browser

# The focused element, what the user would see of it and whether it shows its focus. Each stop
# is kept in window.__walk with the box shadow it had focused, to compare once it is not.
STOP = """() => {
  const el = document.activeElement
  if (!el || el === document.body) return null
  const r = el.getBoundingClientRect(), cs = getComputedStyle(el)
  const x = r.left + r.width / 2, y = r.top + r.height / 2
  const inView = r.width > 0 && r.height > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight
  // Hit at the centre of one of its boxes (a link that wraps has one per line) or of its label.
  const owns = h => h && (el.contains(h) || (el.labels && [...el.labels].some(l => l.contains(h))))
  const hits = [...el.getClientRects()].filter(b => b.width && b.height)
    .map(b => document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2))
  const hit = inView ? hits.find(owns) || hits[0] : null
  const problems = []
  if (!r.width || !r.height) problems.push(`no box ${Math.round(r.width)} x ${Math.round(r.height)}`)
  else if (!inView) problems.push(`outside the window at ${Math.round(x)}, ${Math.round(y)}`)
  else if (cs.visibility !== "visible" || +cs.opacity === 0) problems.push("not visible")
  else if (!owns(hit))
    problems.push(`covered by ${hit ? hit.tagName.toLowerCase() + "." + hit.className : "nothing it owns"}`)
  const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0
  window.__walk = window.__walk || []
  window.__walk.push({ el, shadow: cs.boxShadow, outline })
  const kind = el.tagName.toLowerCase() + (el.tagName === "INPUT" ? "[" + el.type + "]" : "")
  return { kind, what: kind + (el.id ? "#" + el.id : "") + " "
                       + (el.textContent.trim() || el.name || el.getAttribute("aria-label") || "").slice(0, 40),
           problems }
}"""

# The stops that showed no outline and no box shadow of their own other than the one they
# have unfocused.
UNSHOWN = """() => {
  document.activeElement.blur()
  return window.__walk.filter(s => !s.outline && (s.shadow === "none" || s.shadow === getComputedStyle(s.el).boxShadow))
    .map(s => s.el.tagName.toLowerCase() + (s.el.id ? "#" + s.el.id : "") + " " + s.el.className)
}"""


def walk(page, url: str) -> tuple[list[dict], list[str], list[str]]:
    """Tab from the top of the page until focus leaves it: the stops, the problems seen at
    them (at rest: an overlay may still be fading out when focus arrives) and the stops
    without a focus indicator."""
    page.goto(url, wait_until="load")
    page.wait_for_function(STARTED)
    settle(page)
    stops, problems = [], []
    for _ in range(600):
        page.keyboard.press("Tab")
        stop = page.evaluate(STOP)
        if stop is None:
            break
        if stop["problems"]:
            settle(page)
            page.evaluate("() => window.__walk.pop()")
            stop = page.evaluate(STOP) or {**stop, "problems": ["focus lost once at rest"]}
        stops.append(stop)
        problems += [f"{url} {stop['what']}: {p}" for p in stop["problems"]]
    else:
        pytest.fail(f"{url}: Tab never left the page")
    return stops, problems, [f"{url} {s}" for s in page.evaluate(UNSHOWN)]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_every_tab_stop_on_every_page_is_seen_with_its_focus_shown(site, browser, viewport):
    context = browser.new_context(locale="fi-FI", viewport=viewport)
    try:
        page = context.new_page()
        problems, unshown, reached = [], [], set()
        for url in site.pages:
            stops, seen_problems, seen_unshown = walk(page, url)
            assert len(stops) >= 3, f"{url}: {[s['what'] for s in stops]}"   # the walk went through the page
            reached.update(stop["kind"] for stop in stops)
            problems += seen_problems
            unshown += seen_unshown
        # The walk reached the site's kinds of control (the forms' fields among them).
        assert {"a", "input[checkbox]", "input[radio]", "input[text]", "input[date]", "button"} <= reached, reached
        assert problems == [], "\n".join(problems)
        assert unshown == [], "\n".join(unshown)
    finally:
        context.close()
