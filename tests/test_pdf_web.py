"""The print version from the web site: the PDF links, and printing any page from the browser."""
from __future__ import annotations

import re

import pytest
from pdftext import CHECKLIST_LINK


pytestmark = pytest.mark.browser


def content_pages(site) -> list[str]:
    return [u for u in site.pages if not u.endswith("404.html")]


LINKS = ["Tulosta / lataa PDF", CHECKLIST_LINK]   # the official PDF, the checklists' PDF beside it


@pytest.mark.parametrize("name", LINKS)
def test_footer_link_opens_the_pdf(site, page, name):
    page.goto(site.url + "ohjeistus/tietoturva/", wait_until="load")
    link = page.locator(".md-footer").get_by_role("link", name=name, exact=True)
    assert link.is_visible()
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")


@pytest.mark.parametrize("path", ["", "tarkistuslistat/uusi-profiili/", "tarkistuslistat/ennen-julkaisua/"])
def test_front_page_and_checklist_pages_link_to_the_pdfs(site, page, path):
    page.goto(site.url + path, wait_until="load")
    for name in LINKS if path == "" else LINKS[1:]:
        link = page.locator("article").get_by_role("link", name=name, exact=True)
        assert link.is_visible(), (path, name)
        footer = page.locator(".md-footer").get_by_role("link", name=name, exact=True)
        assert link.evaluate("a => a.href") == footer.evaluate("a => a.href")
    assert not page.watch.failed and not page.watch.console_errors


def test_every_page_prints_without_the_site_chrome(site, sweep):
    for url in content_pages(site):
        seen = sweep.desktop[url]
        # The selectors of sweep.CHROME with an element the printed page shows.
        assert seen["print_chrome"] == [], f"{url}: {seen['print_chrome']}"
        assert seen["print_heading"], url


def test_printed_page_is_a4(site, page):
    page.goto(site.url + "ohjeistus/roolisi/", wait_until="load")
    pdf = page.pdf(prefer_css_page_size=True)
    sizes = set(re.findall(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert sizes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in sizes), sizes


def test_print_shows_link_targets_and_opens_admonitions_and_details(site, page):
    page.goto(site.url + "ohjeistus/roolisi/", wait_until="load")
    # A collapsible block and an outside link as an editor might add them (pymdownx.details).
    page.evaluate("""() => {
        const article = document.querySelector('article');
        article.insertAdjacentHTML('beforeend',
          '<details class="note"><summary>Lisätietoa</summary><p id="piilossa">Sisältö</p></details>' +
          '<p><a id="ulos" href="https://www.loimaa.fi/">Loimaan kaupunki</a> ' +
          '<a id="sisalla" href="../tietoturva/">3.4</a></p>');
    }""")
    assert not page.locator("#piilossa").is_visible()  # closed on screen
    page.emulate_media(media="print")
    assert page.locator("#piilossa").is_visible()
    after = "(sel) => getComputedStyle(document.querySelector(sel), '::after').content"
    assert page.evaluate(after, "#ulos") == '" (https://www.loimaa.fi/)"'
    assert page.evaluate(after, "#sisalla") in ("none", "normal")
    page.goto(site.url + "ohjeistus/lisatietoa/", wait_until="load")
    page.emulate_media(media="print")
    note = page.get_by_role("note", name="Sivuston huomautus")  # the site's note prints, marked as ours
    assert note.is_visible() and "L-asemalta" in note.inner_text()


@pytest.mark.parametrize("path", ["", "perehdytys/suoritusmerkinta/"])
def test_screen_only_parts_do_not_print(site, page, path):
    page.goto(site.url + path, wait_until="load")
    hidden = page.locator(".loimaa-no-print, .loimaa-pdf-link")
    assert hidden.count() >= 1 and hidden.first.is_visible()  # on screen
    page.emulate_media(media="print")
    assert all(not hidden.nth(i).is_visible() for i in range(hidden.count()))
