#!/usr/bin/env python3
"""`make bench`: build times, page weight and Lighthouse scores against the budgets in guides/developers.md.

Measures this site and a stock Material for MkDocs build of the same Markdown
(default theme, no overrides, no macros, no hooks; the pages' Markdown as it
is after our macros ran, so the text is the same), both built for http://127.0.0.1:PORT/ohjeet/some/ and served by
deploy/nginx.conf on Debian's nginx, and prints one table with the ratios.
Exits 1 when a budget is missed, 0 when the site is within all of them.
Results go to bench-results/: bench.md (bench_summary.py: when, commit, budgets, the table),
bench.json and the Lighthouse reports. Not run in CI:
timings are noisy.

Lighthouse performance is judged against stock Material measured side by
side in the same run (ours and stock in turns, page by page): our median must
be at least stock's median minus PERFORMANCE_BELOW_STOCK points. What Material's
own JavaScript costs on a 2-core machine then counts the same for both, and
the budget measures what we add. Total blocking time and LCP are printed side
by side with their ratios, so a regression shows as a number.

Environment: PDF=0 skips the PDF build (the whole-build budget is then not
checked); BENCH_RUNS (default 5) builds per median; BENCH_LIGHTHOUSE_RUNS
(default 5) Lighthouse runs per page and site, medians; LIGHTHOUSE (path to the
lighthouse CLI, installed by `make bench`); BENCH_LIGHTHOUSE=0 skips it; BENCH_PAGES
(comma-separated page paths) measures those pages only, to re-check one after a fix.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "deploy"), str(ROOT / "overrides" / "hooks")]
import bench_summary  # noqa: E402  scripts/bench_summary.py
import csp  # noqa: E402  deploy/csp.py
from local import Nginx  # noqa: E402  deploy/local.py
from sitebuild.precompress import precompress  # noqa: E402  the build hook's library, for the stock build too

SUBPATH = "/ohjeet/some/"
RESULTS = ROOT / "bench-results"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

# Budgets (guides/developers.md, "Speed and size budgets").
CATEGORIES = ("performance", "accessibility", "best-practices")
LIGHTHOUSE_MIN = {"accessibility": 100, "best-practices": 100}
PERFORMANCE_BELOW_STOCK = 2  # points: ours >= stock's median - 2, same run, same page
METRICS = {"tbt": "total-blocking-time", "lcp": "largest-contentful-paint"}  # Lighthouse audits, ms
GZIP_OVER_STOCK = 1.15       # first-load gzip bytes per page <= stock * 1.15
HTML_BUILD_OVER_STOCK = 2.0  # HTML-only build <= stock build * 2
WHOLE_BUILD_SECONDS = 10.0   # PDF included, on a 2-core machine


def main() -> int:
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    lighthouse_runs = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "5"))
    with_pdf = os.environ.get("PDF", "1") != "0"
    lighthouse = lighthouse_cli() if os.environ.get("BENCH_LIGHTHOUSE", "1") != "0" else None
    shutil.rmtree(RESULTS / "lighthouse", ignore_errors=True)  # no stale reports
    RESULTS.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="loimaa-bench-"))
    try:
        ours = Build("sivusto", ROOT, work / "ours", free_port())
        stock = Build("stock", make_stock_project(work / "stock-src"), work / "stock", free_port())
        times = {
            "html": ours.time(runs, PDF="0"),
            "whole": ours.time(runs) if with_pdf else None,  # the last build is the one served
            "stock": stock.time(runs),
        }
        if not with_pdf:
            ours.time(1, PDF="0")
        precompress(stock.site)  # served like ours: .gz copies beside the files
        # Ours with the policy its build wrote; stock (no hooks) with the one its own inline scripts
        # need, from Material's templates only, not our overrides.
        csp.write_for_nginx(stock.site, csp.default_theme_dirs()[1:])
        pdfs = sorted(p.relative_to(ours.site).as_posix() for p in ours.site.rglob("*.pdf"))
        with Nginx(ours.served_root, ours.port), Nginx(stock.served_root, stock.port):
            for build in (ours, stock):
                build.weigh_pages()
            if lighthouse:  # ours and stock in turns, so a busy machine slows both alike
                for path in ours.pages:
                    for run in range(lighthouse_runs):
                        for build in (ours, stock):
                            if path in build.pages:
                                build.lighthouse(lighthouse, path, run)
        report = Report(times, ours, stock, pdfs, with_pdf, bool(lighthouse))
        print(report.table())
        (RESULTS / "bench.json").write_text(json.dumps(report.data(), indent=2, ensure_ascii=False))
        missed = report.missed_budgets()
        print("\nBudgets: " + ("all met." if not missed else "MISSED:\n  - " + "\n  - ".join(missed)))
        bench_summary.write("bench", "make bench: speed and size against stock Material", report.table(), missed)
        return 1 if missed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


@dataclass
class PageResult:
    raw: int = 0                 # first load incl. opened search, uncompressed bytes
    gzip: int = 0                # the same as sent with Accept-Encoding: gzip
    warm: int = 0                # second view, bytes over the wire (headers included)
    files: dict[str, int] = field(default_factory=dict)      # path under the sub-path -> gzip bytes
    runs: list[dict[str, float]] = field(default_factory=list)  # Lighthouse, one dict per run

    @property
    def scores(self) -> dict[str, int]:
        """Median of the Lighthouse runs per category."""
        return {k: statistics.median_low([r[k] for r in self.runs]) for k in CATEGORIES} if self.runs else {}

    @property
    def metrics(self) -> dict[str, float]:
        """Median total blocking time and largest contentful paint (ms) of the runs."""
        return {k: statistics.median([r[k] for r in self.runs]) for k in METRICS} if self.runs else {}


class Build:
    def __init__(self, name: str, project: Path, out: Path, port: int):
        self.name, self.project, self.port = name, project, port
        self.base = f"http://127.0.0.1:{port}{SUBPATH}"
        self.served_root = out
        self.site = out / SUBPATH.strip("/")
        self.pages: dict[str, PageResult] = {}

    def time(self, runs: int, **env) -> float:
        """Median wall time of `mkdocs build` (a fresh process each time, as a user runs it)."""
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(self.site)],
                cwd=self.project, capture_output=True, text=True,
                env={**os.environ, "SITE_URL": self.base, "NO_MKDOCS_2_WARNING": "1", **env},
            )
            times.append(time.perf_counter() - start)
            if result.returncode:
                raise SystemExit(f"{self.name}: mkdocs build failed\n{result.stdout}\n{result.stderr}")
        return statistics.median(times)

    @property
    def search_index(self) -> tuple[int, int]:
        index = self.site / "search" / "search_index.json"
        return index.stat().st_size, gzip_size(index)

    def page_paths(self) -> list[str]:
        """Every page, or those BENCH_PAGES names (comma-separated, as in the table: "perehdytys/roolisi/")."""
        only = {p.strip().strip("/") for p in os.environ.get("BENCH_PAGES", "").split(",") if p.strip()}
        paths = ("" if p.parent == self.site else p.parent.relative_to(self.site).as_posix() + "/"
                 for p in self.site.rglob("index.html"))
        return sorted(path for path in paths if not only or path.strip("/") in only)

    def weigh_pages(self) -> None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS[1:])
            for path in self.page_paths():
                self.pages[path] = self.weigh(browser, self.base + path)
            browser.close()

    def lighthouse(self, cli: str, path: str, run: int) -> None:
        name = f"{self.name}-{path.strip('/').replace('/', '-') or 'index'}-{run + 1}"
        self.pages[path].runs.append(run_lighthouse(cli, self.base + path, name))

    def weigh(self, browser, url: str) -> PageResult:
        """First load with an empty cache and search opened, then a second view of the page."""
        context = browser.new_context(locale="fi-FI", viewport={"width": 412, "height": 823})
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda r: r.url.startswith(url.split(SUBPATH)[0]) and requested.append(r.url))
        load_with_search(page, url)
        result = PageResult()
        for request_url in sorted(set(requested)):
            file = self.file_for(request_url)
            result.raw += file.stat().st_size
            result.gzip += gzip_size(file)
            result.files[file.relative_to(self.site).as_posix()] = gzip_size(file)
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        wire = []
        cdp.on("Network.loadingFinished", lambda e: wire.append(e["encodedDataLength"]))
        load_with_search(page, url)
        result.warm = int(sum(wire))
        context.close()
        return result

    def file_for(self, url: str) -> Path:
        path = urlsplit(url).path.removeprefix(SUBPATH)
        file = self.site / path
        if file.is_dir() or not path:
            file = file / "index.html"
        if not file.is_file():
            raise SystemExit(f"{self.name}: {url} requested but not in the build")
        return file


def load_with_search(page, url: str) -> None:
    """Open the page, then the search (as a reader does), and wait until it is ready."""
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.locator("label.md-header__button[for='__search']").first.click()
    page.locator("input.md-search__input").fill("some")
    page.wait_for_function("document.querySelector('.md-search-result__meta')?.textContent.length > 0")
    page.wait_for_load_state("networkidle")


def run_lighthouse(cli: str, url: str, name: str) -> dict[str, float]:
    """Lighthouse's default settings: mobile form factor, simulated slow 4G and CPU."""
    out = RESULTS / "lighthouse" / f"{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [cli, url, "--quiet", "--output=json", f"--output-path={out}", "--form-factor=mobile",
         "--only-categories=performance,accessibility,best-practices",
         f"--chrome-flags={' '.join(CHROME_FLAGS)}"],
        check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=180,
    )
    report = json.loads(out.read_text())
    return {**{key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES},
            **{key: report["audits"][audit]["numericValue"] for key, audit in METRICS.items()}}


def lighthouse_cli() -> str:
    cli = os.environ.get("LIGHTHOUSE") or shutil.which("lighthouse")
    if not cli or not Path(cli).exists():
        raise SystemExit("lighthouse is missing: run `make bench` (it installs it into .cache/bench/)")
    return cli


class Report:
    def __init__(self, times, ours: Build, stock: Build, pdfs: list[str], with_pdf: bool, with_lighthouse: bool):
        self.times, self.ours, self.stock, self.pdfs = times, ours, stock, pdfs
        self.with_pdf, self.with_lighthouse = with_pdf, with_lighthouse

    def table(self) -> str:
        t = self.times
        lines = [f"{os.cpu_count()} cores. Build times (median, s):",
                 f"  HTML {t['html']:.2f}   stock {t['stock']:.2f}   ratio {t['html'] / t['stock']:.2f}"]
        if t["whole"] is not None:
            lines.append(f"  whole build with the PDF {t['whole']:.2f}   PDF's share {t['whole'] - t['html']:.2f}"
                         f"   ({', '.join(self.pdfs) or 'NO PDF FILE'})")
        (raw, gz), (sraw, sgz) = self.ours.search_index, self.stock.search_index
        lines.append(f"Search index: {kb(raw)} ({kb(gz)} gzip); stock {kb(sraw)} ({kb(sgz)} gzip), "
                     f"ratio {gz / sgz:.2f}")
        head = f"{'page':<42}{'raw':>9}{'gzip':>9}{'stock gz':>9}{'ratio':>7}{'warm':>9}"
        if self.with_lighthouse:
            head += f"{'LH p/a/bp':>13}{'stock LH':>13}{'TBT ms (stock, ×)':>22}{'LCP s (stock, ×)':>21}"
        lines += ["", "First load + search opened (kB), second view from cache (kB):", head]
        for path, page in self.ours.pages.items():
            other = self.stock.pages.get(path)
            row = (f"{'/' + path:<42}{kb(page.raw):>9}{kb(page.gzip):>9}"
                   f"{kb(other.gzip) if other else '–':>9}"
                   f"{page.gzip / other.gzip if other else float('nan'):>7.2f}{kb(page.warm):>9}")
            if self.with_lighthouse:
                row += f"{scores(page):>13}{scores(other) if other else '–':>13}"
                row += side_by_side(page, other, "tbt", 1, "{:.0f}") + side_by_side(page, other, "lcp", 1000, "{:.2f}")
            lines.append(row)
        if self.with_lighthouse:
            runs = len(next(iter(self.ours.pages.values())).runs) if self.ours.pages else 0
            lines += ["", f"Lighthouse: medians of {runs} runs per page, ours and stock in turns; performance "
                          f"budget: at least stock's median − {PERFORMANCE_BELOW_STOCK} in the same run."]
        return "\n".join(lines + self.cost_breakdown())

    def cost_breakdown(self) -> list[str]:
        """Where the front page's extra first-load bytes go, file by file."""
        ours, stock = self.ours.pages.get(""), self.stock.pages.get("")
        if not (ours and stock):
            return []
        lines = ["", "Front page first load against the stock build (gzip kB, + = more):"]
        for path in sorted(set(ours.files) | set(stock.files)):
            diff = ours.files.get(path, 0) - stock.files.get(path, 0)
            if abs(diff) >= 100:
                lines.append(f"  {diff / 1024:+7.1f}  {path}")
        return lines

    def missed_budgets(self) -> list[str]:
        missed, t = [], self.times
        if t["html"] > HTML_BUILD_OVER_STOCK * t["stock"]:
            missed.append(f"HTML build {t['html']:.2f} s > {HTML_BUILD_OVER_STOCK} × stock {t['stock']:.2f} s")
        if self.with_pdf and not self.pdfs:
            missed.append("the whole build made no PDF file: its time cannot be held against the budget")
        if t["whole"] is not None and t["whole"] >= WHOLE_BUILD_SECONDS:
            missed.append(f"whole build {t['whole']:.2f} s ≥ {WHOLE_BUILD_SECONDS} s")
        for path, page in self.ours.pages.items():
            other = self.stock.pages.get(path)
            if other and page.gzip > GZIP_OVER_STOCK * other.gzip:
                missed.append(f"/{path}: {kb(page.gzip)} gzip > {GZIP_OVER_STOCK} × stock {kb(other.gzip)}")
            if self.with_lighthouse:
                missed += lighthouse_misses(path, page, other)
        return missed

    def data(self) -> dict:
        def pages(build):
            return {p: {**vars(r), "scores": r.scores, "metrics": r.metrics} for p, r in build.pages.items()}
        return {"cpus": os.cpu_count(), "times": self.times, "pdfs": self.pdfs, "search_index": {
            "ours": self.ours.search_index, "stock": self.stock.search_index},
            "pages": pages(self.ours), "stock_pages": pages(self.stock), "missed": self.missed_budgets()}


# --- The stock build ------------------------------------------------------------------------

class _Tagged:
    """A YAML tag (!ENV, !!python/name:…) kept as written, so mkdocs.yml can be rewritten."""

    def __init__(self, tag, value):
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("", lambda loader, tag, node: _Tagged(
    tag, loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else loader.construct_scalar(node)))
_Dumper.add_representer(_Tagged, lambda dumper, t: (
    dumper.represent_sequence(t.tag, t.value) if isinstance(t.value, list)
    else dumper.represent_scalar(t.tag, t.value)))


def make_stock_project(dest: Path) -> Path:
    """Same text, nav and Markdown extensions; Material's defaults for everything else.

    A stock build has no macros plugin, so its pages get our Markdown as it is
    after the macros ran (scripts/expand_macros.py): the same checklists, quiz
    and tables as static HTML. The ratio then shows what our theme, JS, CSS,
    hooks and Finnish search cost, not the content. System fonts as in ours
    (font: false): the intranet cannot reach Google Fonts, and counting them
    would flatter our numbers. Finnish as in ours (language: fi): Material's
    own Finnish interface and its Finnish search (lunr-languages' stemmer,
    which Material loads for a Finnish site), so the ratio shows what our
    Finnish search adds to Material's, not the cost of Finnish itself.
    """
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    stock = {key: config[key] for key in ("site_name", "site_url", "docs_dir", "nav", "markdown_extensions")
             if key in config}
    stock["theme"] = {"name": "material", "font": False, "language": "fi"}
    stock["plugins"] = ["search"]
    docs = dest / "docs"
    shutil.copytree(ROOT / config.get("docs_dir", "docs"), docs)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "expand_macros.py"), str(docs)], check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True)
    (dest / "mkdocs.yml").write_text(yaml.dump(stock, Dumper=_Dumper, allow_unicode=True, sort_keys=False))
    return dest


# --- Small helpers ---------------------------------------------------------------------------

def gzip_size(file: Path) -> int:
    """Bytes nginx sends with Accept-Encoding: gzip (the .gz copy when there is one)."""
    copy = file.with_name(file.name + ".gz")
    return copy.stat().st_size if copy.exists() else file.stat().st_size


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def scores(page: PageResult) -> str:
    return "/".join(str(page.scores.get(k, "–")) for k in CATEGORIES)


def side_by_side(page: PageResult, other: PageResult | None, key: str, unit: float, fmt: str) -> str:
    """'ours (stock, ratio)' of a Lighthouse metric's medians, in ms (unit 1) or s (unit 1000)."""
    ours, stock = page.metrics.get(key), (other.metrics.get(key) if other else None)
    if ours is None or stock is None:
        return f"{'–':>21}"
    ratio = f"{ours / stock:.2f}" if stock else "–"
    return f"{fmt.format(ours / unit) + ' (' + fmt.format(stock / unit) + ', ' + ratio + ')':>21}"


def lighthouse_misses(path: str, page: PageResult, stock: PageResult | None) -> list[str]:
    """The Lighthouse budgets a page misses: absolute for accessibility and best practices,
    relative to stock Material (same run, same page) for performance."""
    missed = [f"/{path}: Lighthouse {key} {page.scores.get(key)} < {minimum}"
              for key, minimum in LIGHTHOUSE_MIN.items() if page.scores.get(key, 0) < minimum]
    if stock and stock.runs:
        floor = stock.scores["performance"] - PERFORMANCE_BELOW_STOCK
        if page.scores.get("performance", 0) < floor:
            missed.append(f"/{path}: Lighthouse performance {page.scores.get('performance')} < stock "
                          f"{stock.scores['performance']} − {PERFORMANCE_BELOW_STOCK}")
    elif page.runs:
        missed.append(f"/{path}: no stock page to compare Lighthouse performance with")
    return missed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


if __name__ == "__main__":
    sys.exit(main())
