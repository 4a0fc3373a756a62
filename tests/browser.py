"""Helpers for browser tests: axe-core runs and Material's search box."""
from __future__ import annotations

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page) -> list[str]:
    """WCAG 2.0/2.1/2.2 A and AA violations on the page as it stands now."""
    from axe_playwright_python.sync_playwright import Axe

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
    page.keyboard.press("Escape")
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # on a phone the box opens from the header button
        page.locator("label.md-header__button[for='__search']").first.click()
    box.click()  # focus opens Material's result panel
    # Start from an empty box so no result of an earlier query can be read as this one's.
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    empty_meta = page.inner_text(".md-search-result__meta")
    box.type(query, delay=20)
    box.press("End")  # a last keyup: Playwright types ä/ö without one
    page.wait_for_function(
        "([q, e]) => document.querySelector('input.md-search__input').value === q"
        " && document.querySelector('.md-search-result__meta').textContent !== e",
        arg=[query, empty_meta])
    page.wait_for_timeout(300)  # results render after the meta line
    return page.eval_on_selector_all(
        "a.md-search-result__link",
        "els => els.map(a => ({href: a.href, title: a.querySelector('h1,h2')?.textContent.trim() || '',"
        " marked: a.querySelector('mark') !== null}))",
    )
