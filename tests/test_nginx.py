"""deploy/nginx.conf on Debian's nginx: the site as the city's IT publishes it.

nginx runs on its own loopback port (not as a system service) and serves the
session build (SITE_URL under /ohjeet/some/) with the repository's snippet,
included in a server block that sets Strict-Transport-Security as the
intranet's does; only its ROOT lines are pointed at the build. Headers, pages,
search, checklists and the PDF are proven with the browser and plain HTTP
requests, and the IT guide's install and deploy commands (guides/it.md) are run as written.
"""
from __future__ import annotations

import contextlib
import gzip
import html
import os
import re
import shlex
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest

from browser import search
from conftest import ROOT, SUBPATH
from harness import free_port

import csp
from local import HSTS, Nginx

from sitebuild.precompress import TEXT_SUFFIXES

# The headers the IT guide (guides/it.md) promises on every response (with Cache-Control and the build's CSP).
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
}
IT_GUIDE = ROOT / "guides" / "it.md"
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


@pytest.fixture(scope="module")
def policy(site):
    """The policy of the session build, computed from its pages here (not read from its file)."""
    return csp.policy(site.dir)


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


def assert_site_headers(headers, url: str, policy: str, cache: str = NO_CACHE, hsts: str = HSTS) -> None:
    """The site's headers and the server's own HSTS, each exactly once."""
    expected = {**SECURITY_HEADERS, "Cache-Control": cache, "Content-Security-Policy": policy,
                "Strict-Transport-Security": hsts}
    for name, value in expected.items():
        assert headers.get_all(name) == [value], (url, name, headers.get_all(name))


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


# --- The build ---------------------------------------------------------------------------

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

def test_pages_are_html_never_cached_with_the_builds_policy_and_the_servers_hsts(server, site, policy):
    """nginx sends the policy of the build it serves, and keeps the server block's own header."""
    for url in page_urls(server, site):
        status, headers, body = fetch(url)
        assert status == 200, url
        assert headers["Content-Type"] == "text/html; charset=utf-8", url
        assert_site_headers(headers, url, policy)
        assert b"<title>" in body


def test_the_rest_of_the_intranet_keeps_its_headers_and_gets_none_of_the_sites(server):
    status, headers, body = fetch(server.url.split("/ohjeet/")[0] + "/")
    assert (status, body) == (200, b"intranet\n")
    assert headers.get_all("Strict-Transport-Security") == [HSTS]
    for name in [*SECURITY_HEADERS, "Cache-Control", "Content-Security-Policy"]:
        assert name not in headers, name


def test_fingerprinted_assets_are_cached_for_a_year(server, site, policy):
    html = (site.dir / "index.html").read_text()
    assets = sorted(set(FINGERPRINTED.findall(html)))  # bundle, main and palette CSS, search worker
    assert {a.split("/")[-1].split(".")[0] for a in assets} >= {"bundle", "main", "search"}, assets
    for asset in assets:
        status, headers, _ = fetch(server.url + asset)
        assert status == 200, asset
        assert_site_headers(headers, asset, policy, cache=LONG_CACHE)
    # Files whose name stays the same across builds are revalidated instead.
    for plain in ["assets/javascripts/loimaa.js", "assets/stylesheets/loimaa.css", "search/search_index.json"]:
        status, headers, _ = fetch(server.url + plain)
        assert status == 200, plain
        assert_site_headers(headers, plain, policy)


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


def test_pdf_is_served_as_pdf(server, site, policy):
    for path in pdfs(site):
        status, headers, body = fetch(served(server, site, path))
        assert status == 200 and headers["Content-Type"] == "application/pdf", path
        assert body.startswith(b"%PDF-") and body == path.read_bytes(), path
        assert_site_headers(headers, path.name, policy)


def test_missing_page_is_the_sites_404_page(server, site, policy):
    # nginx-csp.conf is there, but for nginx only.
    assert (site.dir / csp.NGINX_INCLUDE).is_file()
    for missing in ["ei-ole-olemassa/", "ohjeistus/ei-ole/syvemmalla.html", "ei.pdf", csp.NGINX_INCLUDE]:
        status, headers, body = fetch(server.url + missing)
        assert status == 404, missing
        assert body == (site.dir / "404.html").read_bytes(), missing
        assert_site_headers(headers, missing, policy)


def test_sub_path_without_slash_redirects(server, policy):
    status, headers, _ = fetch(server.url.rstrip("/"))
    assert (status, headers["Location"]) == (301, SUBPATH)
    assert_site_headers(headers, SUBPATH, policy)


# --- The IT guide's commands, as written ---------------------------------------------------

def guide_blocks(heading: str) -> list[tuple[str, str]]:
    """(language, text) of the code blocks of a section of the IT guide, in order."""
    section = IT_GUIDE.read_text(encoding="utf-8").split(f"\n### {heading}\n", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"```(\w+)\n(.*?)```", section, re.S)


def guide_nginx_blocks() -> list[tuple[str, str]]:
    """(language, text) of the code blocks of the IT guide's "nginx" section, in order."""
    return guide_blocks("nginx")


def until(url: str, condition, what: str, seconds: float = 10):
    """The first response from url that meets condition: after a reload, nginx's old
    workers may still answer a moment, with an older configuration."""
    deadline = time.monotonic() + seconds
    while not condition(response := fetch(url)):
        assert time.monotonic() < deadline, f"{url}: {what}: {response[:2]}"
        time.sleep(0.05)
    return response


def workers(master: int) -> int:
    """How many processes nginx's master has: after a reload, the old worker until it has finished."""
    count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):   # a process that ended while read
            count += int(stat.read_text().rpartition(")")[2].split()[1]) == master
    return count


def reloaded(nginx, url: str, condition, what: str) -> tuple:
    """After a reload: the first response that meets condition (a new worker answers), then the
    old worker gone (local.py runs one), so every later request meets the new configuration."""
    response = until(url, condition, what)
    deadline = time.monotonic() + 10
    while workers(nginx.process.pid) > 1:
        assert time.monotonic() < deadline, f"{what}: nginx's old worker did not finish"
        time.sleep(0.05)
    return response


def test_it_guide_install_and_deploy_commands_as_written(site, policy, tmp_path):
    """The IT guide's commands in a scratch file system: a first install into a running intranet
    server that sets HSTS, then a new build whose policy differs, its smoke test (which fails while
    nginx sends the old policy), and a rollback to the first build."""
    blocks = guide_nginx_blocks()
    assert [language for language, _ in blocks] == ["sh", "nginx", "sh", "sh"], blocks
    install, server_block, load, deploy = (text for _, text in blocks)
    after = guide_blocks("After a deploy: smoke test and rollback")
    assert [language for language, _ in after] == ["sh", "sh"], after
    smoke, rollback = (text for _, text in after)
    placeholder = re.search(r"^url=(\S+)", smoke, re.M).group(1)
    scratch = tmp_path / "fs"  # stands for the web server's /

    def in_scratch(text: str) -> str:
        return re.sub(r"(?<![\w/.])/(etc|var)/", rf"{scratch}/\1/", text)

    checkout = tmp_path / "checkout"  # where the IT guide's commands run: the build in site/, deploy/ beside it
    shutil.copytree(site.dir, checkout / "site")
    (checkout / "deploy").symlink_to(ROOT / "deploy")
    sites = scratch / "etc" / "nginx" / "sites-enabled"
    for folder in (sites, scratch / "etc" / "nginx" / "snippets"):
        folder.mkdir(parents=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUBPATH}"

    def server(block: str) -> str:
        return in_scratch(block).replace("server {", f"server {{\n    listen 127.0.0.1:{port};", 1)

    # The intranet before: the IT guide's server block without the include.
    (sites / "intranet").write_text(server("".join(line for line in server_block.splitlines(keepends=True)
                                                   if "ohjeet-some" not in line)))
    with Nginx(None, port, servers=f"    include {sites}/*;") as nginx:
        def run(commands: str, succeeds: bool = True) -> None:
            script = (in_scratch(commands).replace("nginx -t", shlex.join([*nginx.command, "-t"]))
                      .replace("systemctl reload nginx", shlex.join([*nginx.command, "-s", "reload"]))
                      .replace(placeholder, url))
            result = subprocess.run(["bash", "-e", "-c", script], cwd=checkout, capture_output=True, text=True,
                                    env={**os.environ, "NO_PROXY": "*", "no_proxy": "*"})
            assert (result.returncode == 0) == succeeds, f"{script}\n{result.stdout}\n{result.stderr}"

        assert fetch(url)[0] == 404
        run(install)
        # What the IT guide allows to change for another root: the lines marked ROOT, here the scratch root.
        snippet = next((scratch / "etc" / "nginx" / "snippets").iterdir())
        text = snippet.read_text(encoding="utf-8")
        assert all("# ROOT" in line for line in text.splitlines() if "/var/www/intranet" in line.split("#")[0])
        snippet.write_text(in_scratch(text), encoding="utf-8")
        (sites / "intranet").write_text(server(server_block))
        run(load)
        front = (site.dir / "index.html").read_bytes()
        status, headers, body = until(url, lambda r: r[2] == front, "the IT guide's install did not bring the site up")
        assert status == 200
        hsts = re.search(r'Strict-Transport-Security "([^"]+)"', server_block).group(1)
        assert_site_headers(headers, url, policy, hsts=hsts)

        # A new build with other pages and another policy: the IT guide's deploy commands bring in both.
        new_policy = policy.replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        include = checkout / "site" / csp.NGINX_INCLUDE
        include.write_text(include.read_text(encoding="utf-8").replace(policy, new_policy), encoding="utf-8")
        page = checkout / "site" / "index.html"
        page.write_text(page.read_text(encoding="utf-8") + "<!-- uusi -->", encoding="utf-8")
        run(deploy)
        status, headers, body = reloaded(nginx, url, lambda r: r[1]["Content-Security-Policy"] == new_policy,
                                         "the new build's policy was not sent after the IT guide's deploy commands")
        assert (status, body) == (200, page.read_bytes())
        assert_site_headers(headers, url, new_policy, hsts=hsts)
        run(smoke)

        # The smoke test fails while nginx sends another policy than the served build's (no reload).
        live = scratch / "var" / "www" / "intranet" / "ohjeet" / "some" / csp.NGINX_INCLUDE
        written = live.read_text(encoding="utf-8")
        live.write_text(written.replace(new_policy, policy), encoding="utf-8")
        run(smoke, succeeds=False)
        live.write_text(written, encoding="utf-8")

        # Back to the first build, which the deploy kept.
        releases = sorted((scratch / "var" / "www" / "intranet" / "ohjeet" / "releases").iterdir())
        assert len(releases) == 2, releases
        run(rollback.replace("<the previous folder>", releases[0].name))
        status, headers, body = reloaded(nginx, url, lambda r: r[1]["Content-Security-Policy"] == policy,
                                         "the first build's policy was not sent after the IT guide's rollback")
        assert (status, body) == (200, front)
        run(smoke)


# --- Browser -------------------------------------------------------------------------------

@pytest.mark.browser
def test_every_page_runs_its_scripts_under_the_csp(server, site, watched):
    for url in page_urls(server, site):
        response = watched.goto(url)
        assert response.status == 200, url
        # Material's inline scope script and its bundle ran; loimaa.js too on pages with components.
        ran = watched.evaluate("[typeof __md_get, typeof document$, !!document.querySelector('[data-module]'),"
                               " document.documentElement.classList.contains('loimaa-js')]")
        assert ran[:2] == ["function", "object"] and ran[2] == ran[3], url
        assert watched.evaluate("window.__cspViolations") == [], url


@pytest.mark.browser
def test_search_and_instant_navigation(server, watched):
    watched.goto(server.url)
    results = search(watched, "tietoturva")
    assert results and all(r["href"].startswith(server.url) for r in results), results
    watched.locator("a.md-search-result__link").first.click()
    watched.wait_for_url(re.compile(re.escape(server.url) + ".+"))
    assert "tietoturva" in watched.locator("article").inner_text().lower()


@pytest.mark.browser
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


@pytest.mark.browser
def test_the_request_email_draft_is_made_and_downloaded_under_the_csp(server, watched):
    """The 3.2 draft is a blob: made in the page (tests/test_checklist_send_browser.py): the policy lets it through."""
    watched.goto(server.url + "tarkistuslistat/uusi-profiili/")
    watched.locator("#uusi-profiili-profiilin-nimi").fill("Kirjasto")
    with watched.expect_download() as info:
        watched.get_by_role("button", name="Lataa sähköpostiluonnos").click()
    assert Path(info.value.path()).read_bytes().startswith(b"X-Unsent: 1\r\n")
    assert watched.evaluate("window.__cspViolations") == []


def test_pdf_links_resolve(server, site):
    """Every PDF link of every page, as nginx serves the page, is a PDF nginx sends."""
    names = {p.name for p in pdfs(site)}
    linked = set()
    for url in page_urls(server, site):
        status, _, body = fetch(url)
        assert status == 200, url
        for href in re.findall(r'<a [^>]*href="([^"]+\.pdf)"', body.decode("utf-8")):
            target = urljoin(url, html.unescape(href))
            status, headers, pdf = fetch(target)
            assert (status, headers["Content-Type"]) == (200, "application/pdf"), target
            assert pdf.startswith(b"%PDF-"), target
            linked.add(target.rsplit("/", 1)[-1])
    assert linked & names, f"no page links to {names}"


@pytest.mark.browser
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
