"""Tab through every page of the site, on a phone and on a desktop: every stop the keyboard
reaches is one the user sees, with its focus shown on it.

Before: at 360 px Tab went through the links of the closed navigation drawer, off the screen;
at 1280 px the search's empty result box (no height) was a tab stop, and the links after it
were reached under the search's dimmed overlay (loimaa.css, search.js)."""
from __future__ import annotations

import pytest

from browser import STARTED, settle
from layout import DESKTOP, PHONE
from browser import STOP

pytestmark = pytest.mark.browser


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
