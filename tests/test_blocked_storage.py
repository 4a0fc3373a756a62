"""A browser that blocks localStorage entirely still shows every page without errors."""
import pytest

pytestmark = pytest.mark.browser

BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});
"""


def test_pages_work_when_the_browser_blocks_storage(site, browser):
    ctx = browser.new_context()
    ctx.add_init_script(BLOCK_STORAGE)
    page = ctx.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    for url in site.pages:
        if url.endswith("404.html"):
            continue
        page.goto(url, wait_until="load")
        assert page.locator("h1").first.is_visible(), url
    ctx.close()
    assert errors == []
