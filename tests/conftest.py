"""Shared fixtures: one strict build served under a sub-path, and Debian's Chromium.

The whole suite runs against the site as IT would publish it: built with
SITE_URL pointing at a sub-path (/ohjeet/some/) and served from there, with
the site's 404 page for anything missing.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from harness import CHROMIUM, CHROMIUM_ARGS, free_port, mkdocs_build
from static_server import SUBPATH, SubpathHandler

ROOT = Path(__file__).resolve().parent.parent


class FakeEnv:
    """What macros.define_env uses of mkdocs-macros' env, without MkDocs: the checks a build
    runs on data/ (of project_dir), in-process."""

    def __init__(self, conf, project_dir: Path = ROOT):
        # MkDocs' config always has site_name (required): the project's, unless the test gives one.
        conf.setdefault("site_name", re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text(
            encoding="utf-8"), re.M).group(1))
        self.project_dir, self.conf, self.variables, self.macros = str(project_dir), conf, {}, {}

    def macro(self, fn, name: str = ""):
        self.macros[name or fn.__name__] = fn
        return fn


@contextlib.contextmanager
def served(site_dir: Path):
    """Serve a built site (built for SUBPATH) at its sub-path; yields its URL."""
    root = site_dir.parent / (site_dir.name + "-served")
    target = root / SUBPATH.strip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.symlink_to(site_dir.resolve())
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                             functools.partial(SubpathHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}{SUBPATH}"
    finally:
        server.shutdown()


def shared_tmp(tmp_path_factory) -> Path:
    """A temp folder that every parallel worker of this run sees (pytest-xdist gives each
    worker its own base under one parent); the run's own base when run without workers."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def run_pid() -> int:
    """The pytest run's process: the xdist controller, or this process without workers."""
    return os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()


def once_per_run(tmp_path_factory, name: str, make):
    """make()'s result, computed by the first worker of this run that asks (under a lock)
    and read back by the others: what it returns must pickle."""
    import pickle

    from filelock import FileLock

    shared = shared_tmp(tmp_path_factory)
    saved = shared / f"{name}.pickle"
    with FileLock(str(shared / f"{name}.lock")):
        if not saved.exists():
            saved.write_bytes(pickle.dumps(make()))
        return pickle.loads(saved.read_bytes())  # written by this run, just above


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The built site: .dir (files), .url (served under SUBPATH), .pages (page URLs).

    Built and served once per run: the first worker builds and starts the server
    (tests/static_server.py, which lives as long as the run); the others reuse both,
    so every worker sees the same address.
    """
    root = shared_tmp(tmp_path_factory) / "served"
    site_dir = root / SUBPATH.strip("/")

    def build_and_serve() -> dict:
        port = free_port()
        result = mkdocs_build(ROOT, site_dir, f"http://127.0.0.1:{port}{SUBPATH}")
        if result.returncode:
            pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
        server = subprocess.Popen([sys.executable, str(ROOT / "tests" / "static_server.py"), str(root),
                                   str(port), str(run_pid())], stdout=subprocess.PIPE, text=True)
        assert server.stdout.readline().strip() == "ready", "the test site's server did not start"
        return {"port": port, "log": result.stdout + result.stderr}

    built = once_per_run(tmp_path_factory, "site", build_and_serve)
    return Site(site_dir, f"http://127.0.0.1:{built['port']}{SUBPATH}", built["log"])


class Site:
    def __init__(self, directory: Path, url: str, log: str):
        self.dir = directory
        self.url = url
        self.log = log

    @functools.cached_property
    def pages(self) -> list[str]:
        """Every HTML page of the site (404 included), as served URLs."""
        urls = []
        for html in sorted(self.dir.rglob("index.html")):
            rel = html.parent.relative_to(self.dir).as_posix()
            urls.append(self.url + ("" if rel == "." else rel + "/"))
        return urls + [self.url + "404.html"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} puuttuu: aja `make test` (asentaa Debianin chromium-paketin)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class PageWatch:
    """What a page did that the user would not want: outside requests, errors."""

    def __init__(self):
        self.outside: list[str] = []
        self.console_errors: list[str] = []
        self.failed: list[str] = []


@pytest.fixture
def context(browser):
    from browser import SEARCH_PROBE

    ctx = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    ctx.add_init_script(SEARCH_PROBE)
    yield ctx
    ctx.close()


def watched_page(context):
    """A new page of context that blocks and records (page.watch) any request to another host."""
    watch = PageWatch()

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            return route.continue_()
        watch.outside.append(route.request.url)
        return route.abort()

    context.route("**/*", guard)
    p = context.new_page()
    p.on("console", lambda m: m.type == "error" and watch.console_errors.append(m.text))
    p.on("pageerror", lambda e: watch.console_errors.append(str(e)))
    # A reload or navigation cancels what the old page was still loading (Material's
    # search worker fetches its Finnish module after "load"): net::ERR_ABORTED is that
    # cancel, not a failure. A blocked or broken request fails with another error.
    p.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and watch.failed.append(r.url))
    p.watch = watch
    return p


@pytest.fixture
def page(context):
    """A page that blocks and records any request to another host."""
    yield watched_page(context)


@pytest.fixture(scope="session")
def sweep(site, browser, tmp_path_factory):
    """Every page of the site visited once per viewport, with every per-page check's data
    collected (tests/sweep.py); the per-check tests assert on it. Swept once per run."""
    from sweep import run_sweep

    return once_per_run(tmp_path_factory, "sweep",
                        lambda: run_sweep(site, browser, tmp_path_factory.mktemp("sweep")))


@pytest.fixture
def nojs(browser):
    """A page in a context with JavaScript off: the server-rendered HTML as it is."""
    ctx = browser.new_context(java_script_enabled=False, locale="fi-FI")
    page = ctx.new_page()
    yield page
    ctx.close()


@pytest.fixture(scope="session")
def pdf(site) -> Path:
    """The official PDF, found through the front page's link to it."""
    from pdftext import pdf_href

    path = site.dir / pdf_href(site.dir)
    assert path.is_file(), f"{path} puuttuu"
    return path


@pytest.fixture(scope="session")
def checklist_pdf(site) -> Path:
    """The checklists' PDF, found through the front page's link to it."""
    from pdftext import CHECKLIST_LINK, pdf_href

    path = site.dir / pdf_href(site.dir, CHECKLIST_LINK)
    assert path.is_file(), f"{path} puuttuu"
    return path
