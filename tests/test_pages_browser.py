"""Every page in Chromium: intranet-safe, error-free, accessible, phone-friendly."""
import time

import pytest

from browser import goto_instant, settle

pytestmark = pytest.mark.browser


def test_the_sweep_read_every_page_in_every_state(site, sweep):
    """What the per-page tests below (and in the other browser modules) assert on."""
    assert sorted(sweep.views) == ["desktop", "phone"]
    for url in site.pages:
        assert sweep.desktop[url]["states"] == ["screen", "dark", "print"], url
        assert sweep.phone[url]["states"] == ["screen"], url


def test_every_page_has_the_sites_styles_header_and_search_dialog(site, sweep):
    for url in site.pages:
        seen = sweep.desktop[url]
        assert seen["main_stylesheets"] == 1, url
        assert seen["header"] == "rgb(10, 76, 134)", url  # city blue
        assert seen["header_dark"] == "rgb(10, 76, 134)", url  # also on a dark system
        # Material's search panel is a dialog; screen readers announce its name.
        assert seen["search_dialogs"] == 1, url


def test_every_page_stays_on_the_intranet_without_errors(sweep):
    for view, watch in sweep.watch.items():
        assert watch.outside == [], f"{view}: pyyntöjä muille palvelimille"
        assert watch.console_errors == [], view
        assert watch.failed == [], view


def test_every_page_is_accessible_on_a_dark_system(site, sweep):
    problems = [f"{url} {v}" for url in site.pages for v in sweep.desktop[url]["axe"]]
    assert problems == []


def test_pages_load_styles_and_scripts_under_the_subpath(site, page):
    page.goto(site.url + "ohjeistus/tietoturva/", wait_until="load")
    # Material's stylesheet applied: the header is coloured, not plain HTML.
    bg = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
    assert bg == "rgb(10, 76, 134)"
    assert page.evaluate("typeof document$") != "undefined"  # Material's bundle ran
    assert page.watch.failed == []


def test_404_page_works_under_the_subpath(site, page):
    response = page.goto(site.url + "ei/ole/olemassa/", wait_until="load")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Sivua ei löytynyt"
    bg = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
    assert bg == "rgb(10, 76, 134)", "404-sivun tyylit eivät latautuneet"
    # The only failure is the page's own 404 status (Chromium logs it); nothing else fails.
    assert page.watch.failed == []
    assert [e for e in page.watch.console_errors if "404" not in e] == []
    page.get_by_role("link", name="etusivulle").click()
    page.wait_for_url(site.url)
    page.get_by_role("heading", level=1, name="Sosiaalisen median ohje 2026").wait_for()


def test_phone_width_has_no_sideways_scroll(site, sweep):
    for url in site.pages:
        overflow = sweep.phone[url]["overflow"]
        assert overflow <= 0, f"{url} vierii sivusuunnassa {overflow}px"


def test_print_hides_navigation_chrome(site, page):
    page.goto(site.url + "ohjeistus/roolisi/", wait_until="load")
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-footer", ".md-banner"]:
        assert not page.locator(selector).first.is_visible(), selector
    assert page.get_by_role("heading", name="3.1. Roolisi sosiaalisessa mediassa").is_visible()


def test_instant_navigation_through_the_sites_links(site, page):
    goto_instant(page, site.url)
    page.evaluate("window.__same_document = true")
    page.get_by_role("link", name="3.2. Sosiaalisen median todelliset tarpeet").first.click()
    page.wait_for_url("**/ohjeistus/todelliset-tarpeet/")
    heading = page.get_by_role("heading", level=1, name="3.2. Sosiaalisen median todelliset tarpeet")
    heading.wait_for()
    # Material's instant loading kept the same document (no full reload).
    assert page.evaluate("window.__same_document === true")


# Their CSS is inline (inline_css.py).
COMPONENT_ASSETS = ("loimaa.js", "checklist.js", "role-helper.js", "quiz.js", "completion-sheet.js")


def test_component_assets_load_only_where_used_and_start_after_instant_navigation(site, page):
    requested = []
    page.on("request", lambda r: requested.append(r.url.rsplit("/", 1)[-1]))
    goto_instant(page, site.url)
    assert [name for name in requested if name in COMPONENT_ASSETS] == []
    page.evaluate("window.__same_document = true")

    # Front page -> checklist -> 3.5 -> checklist again, all by instant navigation.
    for _ in range(2):
        page.locator("article a[href*='tarkistuslistat/ennen-julkaisua/']").first.click()
        page.wait_for_url("**/tarkistuslistat/ennen-julkaisua/")
        page.locator("[data-checklist-progress]").wait_for()  # checklist.js started the form
        before = page.locator("[data-checklist-progress]").inner_text()
        first = page.locator("article input[type=checkbox]").first
        first.check()
        assert page.locator("[data-checklist-progress]").inner_text() != before
        first.uncheck()
        page.evaluate("window.__register = window.__register || Loimaa.register")
        # The form is styled by checklist.css, which instant navigation put in <head>.
        assert page.locator("style[data-stylesheet='checklist']").count() == 1
        page.locator("article a[href*='ohjeistus/onnistunut-viestinta/']").first.click()
        page.wait_for_url("**/ohjeistus/onnistunut-viestinta/")
        page.locator("article h1", has_text="3.5.").wait_for()
        page.wait_for_function("!document.querySelector(\"style[data-stylesheet='checklist']\")")  # removed again
    assert page.evaluate("window.__same_document === true")
    # loimaa.js ran again on the second visit but set itself up once.
    assert page.evaluate("window.__register === Loimaa.register")
    assert page.watch.console_errors == []


def late(route):
    """Answer a request 0.6 s late, as on a slow connection."""
    time.sleep(0.6)
    route.continue_()


# The layout shifts recorded so far: observe() with buffered:true fills the
# observer's buffer at once, and takeRecords() hands it over synchronously.
LAYOUT_SHIFT = """() => {
  const observer = new PerformanceObserver(() => {});
  observer.observe({type: "layout-shift", buffered: true});
  const shifts = observer.takeRecords().filter(e => !e.hadRecentInput);
  observer.disconnect();
  return shifts.reduce((sum, e) => sum + e.value, 0);
}"""


@pytest.mark.parametrize("path", ["perehdytys/roolisi/", "perehdytys/testaa-osaamisesi/",
                                  "tarkistuslistat/uusi-profiili/", "tarkistuslistat/ennen-julkaisua/"])
def test_components_start_without_moving_the_page(site, browser, path):
    """The components' scripts are deferred; on a slow connection the page is painted before they
    run. The CSS lays the enhanced page out from the start, so nothing jumps (CLS, Lighthouse)."""
    ctx = browser.new_context(locale="fi-FI", viewport={"width": 412, "height": 823}, is_mobile=True)
    page = ctx.new_page()

    # After the first paint.
    page.route("**/{loimaa,checklist,role-helper,quiz,completion-sheet}.js", late)
    page.goto(site.url + path, wait_until="load")
    page.locator("[data-module][data-module-started]").first.wait_for()
    page.wait_for_function("() => [...document.querySelectorAll('[data-module]')]"
                           ".every(el => el.hasAttribute('data-module-started'))")
    settle(page)
    assert page.evaluate(LAYOUT_SHIFT) < 0.01
    ctx.close()


def test_component_starts_when_its_script_arrives_before_loimaa_js(site, page):
    """Instant navigation loads a page's scripts in parallel: checklist.js may run before loimaa.js."""
    page.route("**/assets/javascripts/loimaa.js", late)
    goto_instant(page, site.url)
    page.locator("article a[href*='tarkistuslistat/ennen-julkaisua/']").first.click()
    page.wait_for_url("**/tarkistuslistat/ennen-julkaisua/")
    page.locator("[data-checklist-progress]").wait_for()  # visible: checklist.js started the form
    assert page.watch.console_errors == []
