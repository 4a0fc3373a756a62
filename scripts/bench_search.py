#!/usr/bin/env python3
"""Cost and benefit of the Finnish search (issue 6), against stock Material search.

Builds the site twice into a temporary folder: as it is, and "stock": the same
sources with plain `search: lang: fi`, without the search_fi hook and without
the lunr overrides. Serves each, and in Debian's Chromium:

- bytes: every file the page loads for search (worker, lunr modules, index),
  raw and gzip -9 (what nginx's gzip_static sends);
- first results: from navigation start until the results of a query typed
  right after the page has loaded (includes building the index in the worker);
- typing to results: for each query of scripts/search_queries.py, from the keyup
  in the search box until Material has rendered the new results (median of
  BENCH_ROUNDS rounds, default 3);
- hits: how many of those queries bring their page into the top three, and
  how many of the staff questions of scripts/search_queries.py get their
  section as the first result;
- HTML build: seconds of `mkdocs build` (PDF=0), median of BENCH_BUILDS (3).

Budgets (issue 15), checked at the end (exit status 1 if one is missed): extra
search bytes <= 15 kB gzip, keystroke to results <= 1.5 x stock (median),
HTML build <= 2 x stock.

Run: .venv/bin/python scripts/bench_search.py   (a few minutes; PDF is skipped). The table goes to
bench-results/bench-search.md too (bench_summary.py).
"""
from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import bench_summary  # scripts/bench_summary.py, beside this file
from harness import CHROMIUM, CHROMIUM_ARGS, ROOT, copy_project, free_port, mkdocs_build
from search_queries import BASE_FORMS, COMPOUND_PARTS, INFLECTED, NOT_IN_GUIDELINE, QUERIES, QUESTIONS, answers

SEARCH_FILES = ("/search/", "/workers/", "/lunr/")
FIRST_QUERY = "salasana"  # stock search finds it too
PAGE_LOADS = 5
GROUPS = {"perusmuodot (issue 6)": BASE_FORMS, "taivutetut muodot": INFLECTED,
          "yhdyssanojen osat": COMPOUND_PARTS, "ei ohjeessa (0 tulosta)": NOT_IN_GUIDELINE,
          "kysymykset (1. tulos)": QUESTIONS}
BUDGET_EXTRA_GZ, BUDGET_TYPING, BUDGET_BUILD = 15_000, 1.5, 2.0


def main() -> int:
    rounds, builds = int(os.environ.get("BENCH_ROUNDS", "3")), int(os.environ.get("BENCH_BUILDS", "3"))
    work = Path(tempfile.mkdtemp(prefix="loimaa-bench-search-"))
    projects = {"suomi (tämä)": ROOT, "stock": stock_project(work / "stock-src")}
    build_s = {name: [] for name in projects}
    for _ in range(builds):  # in turns, so both see the same machine load
        for name, project in projects.items():
            start = time.perf_counter()
            build(project, work / name)
            build_s[name].append(time.perf_counter() - start)
    sites = {name: work / name for name in projects}
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results = {name: measure(browser, site, rounds) for name, site in sites.items()}
        browser.close()
    for name in results:
        results[name]["build_s"] = statistics.median(build_s[name])
    text, missed = report(results)
    print(text)
    bench_summary.write("bench-search", "scripts/bench_search.py: Finnish search against stock", text, missed)
    return 1 if missed else 0


def stock_project(dest: Path) -> Path:
    """The same sources with Material's own Finnish search: no search_fi hook, no lunr overrides,
    Material's default separator.

    (Both lunr.fi and the empty lunr.stemmer.support go: Material's lunr.fi needs the stemmer.)
    """
    project = copy_project(dest)
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    config.write_text("".join(line for line in lines if "hooks/search_fi.py" not in line
                              and not line.strip().startswith("separator:")), encoding="utf-8")
    shutil.rmtree(project / "overrides" / "assets" / "javascripts" / "lunr")
    return project


def build(project: Path, dest: Path) -> Path:
    print(f"build {dest.name}", file=sys.stderr)
    result = mkdocs_build(project, dest, "http://127.0.0.1/", PDF="0")
    if result.returncode:
        sys.exit(f"build of {project} failed:\n{result.stdout}\n{result.stderr}")
    return dest


def measure(browser, site: Path, rounds: int) -> dict:
    port = free_port()
    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{port}/"
    print(f"measure {site.name}", file=sys.stderr)
    try:
        files, firsts = {}, []
        for _ in range(PAGE_LOADS):  # a fresh context each time: empty cache
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            responses = []
            page.on("response", lambda response, into=responses: into.append(response))  # not a bound builtin
            firsts.append(first_results(page, url))
            for r in responses:
                if r.ok and any(s in r.url for s in SEARCH_FILES):
                    files.setdefault(r.url.removeprefix(url), r.body())
            context.close()
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        first_results(page, url)
        times, hits = {}, {}
        for _ in range(rounds):
            for query, target in QUERIES + [(q, ()) for q in NOT_IN_GUIDELINE]:
                pages, ms = timed_query(page, query)
                times.setdefault(query, []).append(ms)
                targets = (target,) if isinstance(target, str) else target
                hits[query] = bool(set(targets) & set(pages[:3])) if targets else not pages
            for question, target in QUESTIONS:
                pages, ms = timed_query(page, question)
                times.setdefault(question, []).append(ms)
                hits[question] = bool(pages) and pages[0] in answers(target)
        context.close()
    finally:
        server.shutdown()
    per_query = [statistics.median(t) for t in times.values()]
    return {
        "files": {name: (len(body), len(gzip.compress(body, 9))) for name, body in sorted(files.items())},
        "first_ms": statistics.median(firsts),
        "typing_ms": (statistics.median(per_query), max(per_query)),
        "hits": {name: sum(hits[q[0] if isinstance(q, tuple) else q] for q in group)
                 for name, group in GROUPS.items()},
    }


def first_results(page, url: str) -> float:
    """ms from navigation start until the first query's results, typed as soon as the page loads."""
    page.goto(url, wait_until="load")
    box = open_search(page)
    box.fill(FIRST_QUERY)
    box.press("End")  # Material searches on keyup
    page.wait_for_function("() => document.querySelector('.md-search-result__item')")
    return page.evaluate("() => performance.now()")


def timed_query(page, query: str) -> tuple[list[str], float]:
    """Type query's last key into the box; return result pages and ms from that keyup to results.

    The box must have the focus already (see open_search), or Material searches
    on focus, before the key is pressed.
    """
    box = page.locator("input.md-search__input")
    box.fill(query[:-1])
    page.evaluate("""() => {
      const list = document.querySelector('.md-search-result__list')
      list.insertAdjacentHTML('beforeend', '<li hidden data-stale></li>')
      window.benchDone = new Promise(done => {
        setTimeout(() => done(NaN), 10000)  // no new results: reported, not waited for
        const box = document.querySelector('input.md-search__input')
        box.addEventListener('keyup', () => { window.benchKey = performance.now() }, { once: true, capture: true })
        new MutationObserver((_, observer) => {
          if (!list.querySelector('[data-stale]')) { observer.disconnect(); done(performance.now()) }
        }).observe(list, { childList: true })
      })
    }""")
    box.press_sequentially(query[-1])
    box.press("End")  # "ä" and "ö" are inserted without a keyup; End's keyup makes Material read the box
    ms = page.evaluate("async () => (await window.benchDone) - window.benchKey")
    links = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "els => els.map(a => new URL(a.href).pathname.slice(1))")
    return list(dict.fromkeys(links)), ms


def open_search(page):
    """The search box, focused (Material reads the box on focus and on keyup)."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for='__search']").first.click()
    box.focus()
    return box


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def report(results: dict) -> tuple[str, list[str]]:
    ours, stock = results["suomi (tämä)"], results["stock"]
    total = {name: [sum(v[i] for v in r["files"].values()) for i in (0, 1)] for name, r in results.items()}
    lines = ["Hakuun ladatut tiedostot (tavua, raaka / gzip -9):"]
    for name, r in results.items():
        lines.append(f"  {name}:")
        lines += [f"    {file:58} {raw:8} {gz:7}" for file, (raw, gz) in r["files"].items()]
        lines.append(f"    {'yhteensä':58} {total[name][0]:8} {total[name][1]:7}")
    extra_raw, extra_gz = (total["suomi (tämä)"][i] - total["stock"][i] for i in (0, 1))
    count = len(QUERIES) + len(NOT_IN_GUIDELINE)
    lines += [
        f"Lisää hakuun ladattavaa: {extra_gz} tavua gzip ({extra_raw} raakana)",
        "",
        f"{'':34} {'suomi (tämä)':>14} {'stock':>10}",
        *(f"{'osumat: ' + name:34} {ours['hits'][name]:>11}/{len(group)} {stock['hits'][name]:>7}/{len(group)}"
          for name, group in GROUPS.items()),
        f"{'ensimmäiset tulokset sivulta, ms':34} {ours['first_ms']:>14.0f} {stock['first_ms']:>10.0f}",
        f"{'näppäily -> tulokset, mediaani ms':34} {ours['typing_ms'][0]:>14.1f} {stock['typing_ms'][0]:>10.1f}",
        f"{'näppäily -> tulokset, hitain ms':34} {ours['typing_ms'][1]:>14.1f} {stock['typing_ms'][1]:>10.1f}",
        f"{'HTML-käännös (PDF=0), mediaani s':34} {ours['build_s']:>14.1f} {stock['build_s']:>10.1f}",
        f"(osuma: oikea sivu kolmen ensimmäisen joukossa, kysymyksissä ensimmäisenä; hakuja {count} + "
        f"{len(QUESTIONS)} kysymystä, ks. scripts/search_queries.py)",
    ]
    checks = [
        (f"lisää hakuun ladattavaa {extra_gz / 1000:.1f} kB gzip <= {BUDGET_EXTRA_GZ / 1000:.0f} kB",
         extra_gz <= BUDGET_EXTRA_GZ),
        (f"näppäily -> tulokset {ours['typing_ms'][0] / stock['typing_ms'][0]:.2f} x stock <= {BUDGET_TYPING} x",
         ours["typing_ms"][0] <= BUDGET_TYPING * stock["typing_ms"][0]),
        (f"HTML-käännös {ours['build_s']:.1f} s / {stock['build_s']:.1f} s = {ours['build_s'] / stock['build_s']:.2f} x"
         f" stock <= {BUDGET_BUILD} x", ours["build_s"] <= BUDGET_BUILD * stock["build_s"]),
    ]
    lines += ["", "Budjetit (issue 15):", *(f"  {'OK  ' if ok else 'YLI '} {text}" for text, ok in checks)]
    return "\n".join(lines), [text for text, ok in checks if not ok]


if __name__ == "__main__":
    sys.exit(main())
