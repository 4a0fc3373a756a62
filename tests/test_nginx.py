"""deploy/nginx.conf on Debian's nginx: the site as the city's IT publishes it.

nginx runs on its own loopback port (not as a system service) and serves the
session build (SITE_URL under /ohjeet/some/) with the repository's config;
only its `root` line is pointed at the build. Pages, search, checklists and
the PDF are proven with the browser and plain HTTP requests.
"""
from __future__ import annotations

import gzip
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from browser import search
from conftest import ROOT, SUBPATH, free_port

sys.path.insert(0, str(ROOT / "deploy"))
import csp  # noqa: E402  deploy/csp.py
from local import CONF, Nginx  # noqa: E402  deploy/local.py

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from precompress import TEXT_SUFFIXES  # noqa: E402

# The headers README promises on every response from the site.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
}
NO_CACHE = "no-cache"
LONG_CACHE = "public, max-age=31536000, immutable"
FINGERPRINTED = re.compile(r"assets/(?:javascripts|stylesheets)/[\w/]+\.[0-9a-f]{8}\.min\.(?:js|css)\b")
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));
"""


@pytest.fixture(scope="module")
def server(site):
    """nginx serving the session build; .url is the site's address under the sub-path."""
    port = free_port()
    with Nginx(site.dir.parent.parent, port) as nginx:
        nginx.url = f"http://127.0.0.1:{port}{SUBPATH}"
        yield nginx


@pytest.fixture
def watched(page):
    """The conftest page, also recording CSP violations (the init script itself is exempt)."""
    page.add_init_script(CSP_RECORDER)
    yield page
    violations = page.evaluate("window.__cspViolations || []")
    assert violations == [], f"CSP-rikkomukset: {violations}"
    assert page.watch.console_errors == []
    assert page.watch.outside == []


def fetch(url: str, gzip_ok: bool = False):
    """(status, headers, body as sent) for a GET, without following redirects."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def served(server, site, path: Path) -> str:
    return server.url + path.relative_to(site.dir).as_posix()


def page_urls(server, site) -> list[str]:
    return [server.url + url.removeprefix(site.url) for url in site.pages if not url.endswith("404.html")]


def site_files(site, pattern: str) -> list[Path]:
    return sorted(p for p in site.dir.rglob(pattern) if p.is_file())


def pdfs(site) -> list[Path]:
    found = site_files(site, "*.pdf")
    assert found, "site/pdf/*.pdf puuttuu: PDF-tiedostoa ei ole käännöksessä"
    return found


# --- The config itself ------------------------------------------------------------------

def test_csp_in_config_matches_the_build(site):
    header = re.search(r'add_header\s+Content-Security-Policy\s+"([^"]*)"', CONF.read_text()).group(1)
    assert header == csp.policy(site.dir), (
        "Sivujen inline-skriptit tai -tyylit ovat muuttuneet: aja `.venv/bin/python deploy/csp.py site/ deploy/nginx.conf`"
        " käännöksen (SITE_URL=…/ohjeet/some/) jälkeen"
    )


def test_every_text_file_has_a_precompressed_copy(site):
    text_files = [p for p in site_files(site, "*") if p.suffix in TEXT_SUFFIXES]
    assert any(p.name == "search_index.json" for p in text_files)
    for path in text_files:
        copy = path.with_name(path.name + ".gz")
        if copy.exists():
            assert gzip.decompress(copy.read_bytes()) == path.read_bytes(), copy
        else:  # only where gzip would not make the file smaller
            assert len(gzip.compress(path.read_bytes(), 9)) >= path.stat().st_size, f"{path}.gz puuttuu"


# --- HTTP ----------------------------------------------------------------------------------

def test_pages_are_html_never_cached_with_security_headers(server, site):
    policy = csp.policy(site.dir)
    for url in page_urls(server, site):
        status, headers, body = fetch(url)
        assert status == 200, url
        assert headers["Content-Type"] == "text/html; charset=utf-8", url
        assert headers["Cache-Control"] == NO_CACHE, url
        assert headers["Content-Security-Policy"] == policy, url
        for name, value in SECURITY_HEADERS.items():
            assert headers[name] == value, (url, name)
        assert b"<title>" in body


def test_fingerprinted_assets_are_cached_for_a_year(server, site):
    html = (site.dir / "index.html").read_text()
    assets = sorted(set(FINGERPRINTED.findall(html)))  # bundle, main and palette CSS, search worker
    assert {a.split("/")[-1].split(".")[0] for a in assets} >= {"bundle", "main", "search"}, assets
    for asset in assets:
        status, headers, _ = fetch(server.url + asset)
        assert status == 200, asset
        assert headers["Cache-Control"] == LONG_CACHE, asset
        assert headers["X-Content-Type-Options"] == "nosniff", asset
    # Files whose name stays the same across builds are revalidated instead.
    for plain in ["assets/javascripts/loimaa.js", "assets/stylesheets/loimaa.css", "search/search_index.json"]:
        assert fetch(server.url + plain)[1]["Cache-Control"] == NO_CACHE, plain


def test_gzip_static_sends_the_precompressed_copy(server, site):
    for path in [site.dir / "index.html", site.dir / "search" / "search_index.json",
                 *site_files(site, "bundle.*.min.js"), *site_files(site, "main.*.min.css")]:
        url = served(server, site, path)
        status, headers, body = fetch(url, gzip_ok=True)
        assert status == 200 and headers["Content-Encoding"] == "gzip", url
        assert headers["Vary"] == "Accept-Encoding", url
        assert body == path.with_name(path.name + ".gz").read_bytes(), url
        status, headers, body = fetch(url)  # a client without gzip gets the original
        assert headers["Content-Encoding"] is None and body == path.read_bytes(), url


def test_mime_types(server, site):
    expected = {
        "search/search_index.json": "application/json; charset=utf-8",
        "assets/javascripts/loimaa.js": "text/javascript; charset=utf-8",
        "assets/stylesheets/loimaa.css": "text/css; charset=utf-8",
        "sitemap.xml": "application/xml; charset=utf-8",
    }
    for path, content_type in expected.items():
        status, headers, _ = fetch(server.url + path)
        assert (status, headers["Content-Type"]) == (200, content_type), path


def test_pdf_is_served_as_pdf(server, site):
    for path in pdfs(site):
        status, headers, body = fetch(served(server, site, path))
        assert status == 200 and headers["Content-Type"] == "application/pdf", path
        assert body.startswith(b"%PDF-") and body == path.read_bytes(), path
        assert headers["X-Content-Type-Options"] == "nosniff"


def test_missing_page_is_the_sites_404_page(server, site):
    for missing in ["ei-ole-olemassa/", "ohjeistus/ei-ole/syvemmalla.html", "ei.pdf"]:
        status, headers, body = fetch(server.url + missing)
        assert status == 404, missing
        assert body == (site.dir / "404.html").read_bytes(), missing
        assert headers["Content-Security-Policy"] == csp.policy(site.dir)


def test_sub_path_without_slash_redirects(server):
    status, headers, _ = fetch(server.url.rstrip("/"))
    assert (status, headers["Location"]) == (301, SUBPATH)


# --- Browser -------------------------------------------------------------------------------

def test_every_page_runs_its_scripts_under_the_csp(server, site, watched):
    for url in page_urls(server, site):
        response = watched.goto(url)
        assert response.status == 200, url
        # Material's inline scope script and its bundle ran; loimaa.js too on pages with components.
        ran = watched.evaluate("[typeof __md_get, typeof document$, !!document.querySelector('[data-module]'),"
                               " document.documentElement.classList.contains('loimaa-js')]")
        assert ran[:2] == ["function", "object"] and ran[2] == ran[3], url
        assert watched.evaluate("window.__cspViolations") == [], url


def test_search_and_instant_navigation(server, watched):
    watched.goto(server.url)
    results = search(watched, "tietoturva")
    assert results and all(r["href"].startswith(server.url) for r in results), results
    watched.locator("a.md-search-result__link").first.click()
    watched.wait_for_url(re.compile(re.escape(server.url) + ".+"))
    assert "tietoturva" in watched.locator("article").inner_text().lower()


def test_interactive_pages_work_under_the_csp(server, site, watched):
    """Checklists and onboarding: every control in the site's components answers a click."""
    urls = [u for u in page_urls(server, site) if "/tarkistuslistat/" in u or "/perehdytys/" in u]
    assert any("/tarkistuslistat/" in u for u in urls), urls
    checked = 0
    for url in urls:
        watched.goto(url)
        controls = watched.locator("[data-module] input[type=checkbox], [data-module] input[type=radio]")
        for i in range(controls.count()):
            control = controls.nth(i)
            if control.is_visible() and control.is_enabled():
                control.check()
                assert control.is_checked(), url
                checked += 1
        assert watched.evaluate("window.__cspViolations") == [], url
    assert checked, "no checklist or onboarding control found in any [data-module]"


def test_pdf_links_resolve(server, site, watched):
    names = {p.name for p in pdfs(site)}
    linked = set()
    for url in page_urls(server, site):
        watched.goto(url)
        for href in watched.eval_on_selector_all("a[href$='.pdf']", "els => els.map(a => a.href)"):
            response = watched.request.get(href)
            assert response.status == 200 and response.headers["content-type"] == "application/pdf", href
            linked.add(href.rsplit("/", 1)[-1])
    assert linked & names, f"no page links to {names}"


def test_missing_page_in_the_browser(server, watched):
    response = watched.goto(server.url + "ohjeistus/ei-ole-olemassa/")
    assert response.status == 404
    # Chromium reports the 404 status itself as a console error; nothing else may appear.
    errors = watched.watch.console_errors
    errors[:] = [e for e in errors if "status of 404" not in e]
    assert watched.locator("h1").inner_text() == "Sivua ei löytynyt"
    watched.get_by_role("link", name="etusivulle").click()
    watched.wait_for_url(server.url)
    assert watched.evaluate("typeof document$") == "object"
