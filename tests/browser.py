"""Helpers for browser tests: a settled page, axe-core runs, Material's search box and the focused element's stop."""
from __future__ import annotations

import json

# Every component on the page has started (loimaa.js marks each root). With
# wait_until="load" the page's deferred scripts have run; wait for this, not for
# network idle (that costs at least 500 ms a page).
STARTED = "() => !document.querySelector('[data-module]:not([data-module-started])')"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Resolves once two animation frames have passed with no animation or transition
# running: the page as the user sees it at rest. Material fades the header title
# in after a scroll (opacity .15 s, transform .4 s); a check in mid-fade would read
# colours no one sees at rest.
_SETTLED = """() => new Promise(resolve => {
  const frame = () => new Promise(r => requestAnimationFrame(() => r()));
  const check = async () => {
    await frame(); await frame();
    const running = document.getAnimations().filter(a => a.playState === "running"
                                                         || a.playState === "pending");
    if (!running.length) return resolve(true);
    await Promise.all(running.map(a => a.finished.catch(() => null)));
    check();
  };
  check();
})"""

# Counts the queries Material's page sends its search worker and the results it
# gets back, so a test can wait for the answer to the query it typed (the worker
# answers in order), and whether it has loaded its index. Added to every test page by
# conftest.py and to the sweep's pages (sweep.py).
SEARCH_PROBE = """(() => {
  const Native = window.Worker;
  if (!Native || window.__searchProbe) return;
  const probe = window.__searchProbe = {sent: 0, answered: 0, last: null, ready: false, navigating: 0};
  // Material closes the search 125 ms after each navigation (bundle.ts: merge(location$, target$)
  // .pipe(delay(125))). Under load Chromium runs typed input before that timer, so a search opened
  // right after a result's page came was closed under its results. This timer is set after
  // Material's, for the same time, and so runs after it.
  document.addEventListener("DOMContentLoaded", () => {
    const navigated = () => { probe.navigating++; setTimeout(() => probe.navigating--, 125); };
    if (window.location$ && window.target$) { location$.subscribe(navigated); target$.subscribe(navigated); }
  });
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", e => {
        if (e.data && e.data.type === 1) probe.ready = true;  // the index is loaded
        if (e.data && e.data.type === 3) probe.answered++;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { probe.sent++; probe.last = message.data; }
      return super.postMessage(message, ...rest);
    }
  };
})()"""


def settle(page, timeout: float = 15_000) -> None:
    """Wait until the page is at rest: two animation frames, no running animations."""
    page.evaluate("() => true")  # a round trip first: pending input events are handled
    page.wait_for_function(_SETTLED, timeout=timeout)


def goto_instant(page, url: str) -> None:
    """Open url and wait until Material's instant navigation takes over the site's links: it
    handles only links to pages in the sitemap, which it fetches once the page has loaded."""
    with page.expect_request_finished(lambda r: r.url.endswith("/sitemap.xml")):
        page.goto(url, wait_until="load")
    settle(page)


def in_front(page):
    """The tab a user acts in is the one in front. Chromium draws no animation frames in a tab
    behind another, and Playwright waits for frames before it clicks (about 4 s per click)."""
    page.bring_to_front()
    return page


def axe_violations(page) -> list[str]:
    """WCAG 2.0/2.1/2.2 A and AA violations on the page once it has settled."""
    from axe_playwright_python.sync_playwright import Axe

    settle(page)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{v['id']}: {v['help']} @ {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def search(page, query: str) -> list[dict]:
    """Type a query into Material's search box; return the result links shown.

    Material groups results by page: the page link first, then its matching
    sections. Each link says whether the query is highlighted (marked) in it.
    """
    assert page.evaluate("() => !!window.__searchProbe"), "search() needs SEARCH_PROBE (conftest.py)"
    page.wait_for_function("() => window.__searchProbe.navigating === 0")
    page.keyboard.press("Escape")
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # on a phone the box opens from the header button
        page.locator("label.md-header__button[for='__search']").first.click()
    box.click()  # focus opens Material's result panel
    # Start from an empty box so no result of an earlier query can be read as this one's.
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    box.type(query, delay=20)
    box.press("End")  # a last keyup: Playwright types ä/ö without one
    # The worker has answered the typed query and every earlier one; Material renders
    # the meta line and the first results in the same task as it gets the answer.
    page.wait_for_function(
        "q => document.querySelector('input.md-search__input').value === q"
        " && window.__searchProbe.last === q"
        " && window.__searchProbe.answered === window.__searchProbe.sent",
        arg=query)
    settle(page)
    return page.eval_on_selector_all(
        "a.md-search-result__link",
        "els => els.map(a => ({href: a.href, title: a.querySelector('h1,h2')?.textContent.trim() || '',"
        " marked: a.querySelector('mark') !== null}))",
    )


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


def saved(context, values: dict):
    """localStorage as a page finds it: {key: value} stored the way Loimaa.storage writes it."""
    script = "".join(f"localStorage.setItem({json.dumps('loimaa-ohje:' + key)}, {json.dumps(json.dumps(value))});"
                     for key, value in values.items())
    # Once per tab: a reload then shows what the component itself saved.
    context.add_init_script(
        f"if (!sessionStorage.getItem('seeded')) {{ {script} sessionStorage.setItem('seeded', '1'); }}")
