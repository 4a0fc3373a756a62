"""Searching the built site: Material's search box in Chromium, and the search hook's post-build step in-process."""
from __future__ import annotations

import re
from collections import defaultdict

from conftest import ROOT

import search_fi
from finnish import search_data, search_index, voikko_fi
from macros.synonyms import load_actor_words, load_background_words, load_channel_words


def filler_words() -> list[str]:
    """The module's FILLER words, as its source lists them (comments left out)."""
    listing = re.search(r"var FILLER = new Set\(\((.*?)\)\.trim\(\)", module_source(), re.S)[1]
    listing = re.sub(r"/\*.*?\*/", "", listing, flags=re.S)
    return " ".join(re.findall(r'"([^"]*)"', listing)).split()


def stop_words(module: str | None = None) -> set[str]:
    """The stop words of the Finnish module (its text; the theme's by default): words the worker
    leaves out of the index (lunr-languages' Finnish list)."""
    return set(re.search(r'var STOP ?= ?new Set\(\("([^"]+)"', module or module_source())[1].split())


def module_source() -> str:
    return (ROOT / "overrides" / search_data.MODULE).read_text(encoding="utf-8")


def post_build(site, tmp_path, synonyms: dict, index: bool = True) -> None:
    """Run the hook's on_post_build in-process on a site as MkDocs leaves it for the hooks: the
    session build's search index and pages (index=False: none) and the module as the theme ships it."""
    out = tmp_path / "site"
    module = out / search_data.MODULE
    module.parent.mkdir(parents=True)
    module.write_bytes((ROOT / "overrides" / search_data.MODULE).read_bytes())
    if index:
        (out / "search").mkdir()
        (out / "search" / "search_index.json").write_bytes((site.dir / "search" / "search_index.json").read_bytes())
        for built in site.dir.rglob("index.html"):  # the pages, whose headings say which section is under which
            (out / built.relative_to(site.dir)).parent.mkdir(parents=True, exist_ok=True)
            (out / built.relative_to(site.dir)).write_bytes(built.read_bytes())
    search_fi.on_post_build({"site_dir": str(out), "config_file_path": str(tmp_path / "mkdocs.yml"),
                             "search_fi_synonyms": synonyms,
                             "search_fi_background": sorted(load_background_words(ROOT / search_data.SYNONYMS)),
                             "search_fi_channels": sorted(load_channel_words(ROOT / search_data.SYNONYMS)),
                             "search_fi_actors": sorted(load_actor_words(ROOT / search_data.SYNONYMS))})


def pages_by_base_form(index: dict) -> dict[str, set[str]]:
    """Base form -> the pages (site-relative paths) with a word of that base form (any of its readings)."""
    pages = defaultdict(set)
    for doc in index["docs"]:
        for word in search_index.words({"config": index["config"], "docs": [doc]}):
            for base in voikko_fi.base_forms(word):
                pages[base].add(doc["location"].split("#")[0])
    return pages


def top_pages(site, results: list[dict], n: int = 3) -> list[str]:
    """The first n pages of the results (Material groups them by page), relative to the site."""
    pages = []
    for r in results:
        page = r["href"].split("?")[0].split("#")[0].removeprefix(site.url)
        if page not in pages:
            pages.append(page)
    return pages[:n]


def type_query(page, query: str) -> list[dict]:
    """Material's results (href, marked) after typing query's last letter into the box.

    Faster than browser.search for many queries: the rest of the word is filled
    in at once (and its results awaited), and the results of the last key are read
    as soon as Material has replaced the list, which it empties (dropping our hidden
    marker) and refills in one go.
    """
    box = page.locator("input.md-search__input")
    box.fill(query[:-1])
    # search.js has Material search what fill put in the box (as a paste): its answer first.
    page.wait_for_function("q => window.__searchProbe.last === q"
                           " && window.__searchProbe.answered === window.__searchProbe.sent", arg=query[:-1])
    page.eval_on_selector(".md-search-result__list",
                          "l => l.insertAdjacentHTML('beforeend', '<li hidden data-stale></li>')")
    box.press_sequentially(query[-1])
    box.press("End")  # "ä" and "ö" are inserted without a keyup; End's keyup makes Material read the box
    page.wait_for_function("() => !document.querySelector('.md-search-result__list > [data-stale]')")
    return page.eval_on_selector_all(
        "a.md-search-result__link", "els => els.map(a => ({href: a.href, marked: !!a.querySelector('mark')}))")
