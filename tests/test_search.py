"""Finnish search typed into Material's search box finds the right sections."""
import pytest

from browser import search

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("query, target", [
    ("salasana", "ohjeistus/tietoturva/"),
    ("rikosilmoitus", "ohjeistus/asiallisuus/"),
    ("Wilma", "ohjeistus/tietoturva/"),
])
def test_search_finds_the_section(site, page, query, target):
    page.goto(site.url, wait_until="load")
    results = search(page, query)
    assert results, f"{query}: ei tuloksia"
    assert target in results[0]["href"], (query, results[:3])
    best = next(i for i, r in enumerate(results) if r["marked"])
    assert target in results[best]["href"], (query, results[:3])
    page.locator("a.md-search-result__link").nth(best).click()
    page.wait_for_url(f"**/{target}**")
    # Highlighting is on: the query word is marked on the page.
    page.locator("article mark[data-md-highlight]").first.wait_for()
    assert query.lower() in page.locator("article mark[data-md-highlight]").first.inner_text().lower()
