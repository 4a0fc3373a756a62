"""What a search result marks on the page it opens: the words its link's ?h= names.

The search module (overrides/assets/javascripts/lunr/min/lunr.fi.min.js, addForms) writes
the words: the typed words and the page's forms of them. docs/assets/javascripts/search.js
marks exactly those words (and the words starting with one ending in "*", a word still
being typed): Material marked every text containing one, also inside other words.

Misleading marks seen before (issue 24, walk): "lapset", a staff word for "henkilö",
marked "luottamushenkilö" and "henkilökohtainen"; "mikä on", typed on the way to
"mikä on some", marked "On" of "Onnistunut viestintä" and "Sivuston".

Cases come from data: every staff word of data/haku/synonyymit.yml, and every question of
the working set (tests/haku/kysymykset.yml) as it is typed, word by word.
"""
from __future__ import annotations

import json
import re
from urllib.parse import quote, urlsplit

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser import goto_instant
from conftest import ROOT
from search_worker import worker_search_links
from searching import filler_words, stop_words

from finnish import search_data, search_index, voikko_fi
from macros.synonyms import load_synonyms

pytestmark = pytest.mark.browser

ARTICLE = ".md-content article"  # the page's text (the search results are articles too)
MIN = 3  # shorter words are searched as the start of a word only (MIN in the module)
STAFF = {word: [t for t in targets if " " not in t]  # a word pair's words are marked each as itself
         for word, targets in load_synonyms(ROOT / search_data.SYNONYMS).items()}


def typed_runs() -> list[str]:
    """Every question of the working set as the search box has it after each word typed."""
    questions = yaml.safe_load((ROOT / "tests" / "haku" / "kysymykset.yml").read_text(encoding="utf-8"))
    runs = {" ".join(q["q"].split()[:n]) for q in questions for n in range(1, len(q["q"].split()) + 1)}
    return sorted(runs)


def site_words(site) -> set[str]:
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    return {search_index.clean(t) for t in separator.split(" ".join(search_index.texts(index)))} - {""}


def only_a_part(word: str, targets: list[str]) -> list[str]:
    """The targets that word has only as a compound part ("henkilö" of "luottamushenkilö")."""
    readings = voikko_fi.readings(word)
    return [t for t in targets if word != t and t not in readings and any(t in parts for parts in readings.values())]


def form_of(word: str, typed: str) -> bool:
    """Is word the typed staff word, a form of it, or of another staff word of the same guideline
    words ("lupalappu" has "lupa" as a part, but the reader typed it; "valokuvata" marks "valokuva")?"""
    own = {typed} | voikko_fi.base_forms(typed) | {s for s, targets in STAFF.items() if targets == STAFF[typed]}
    return word in own or bool(own & set(voikko_fi.readings(word)))


def test_a_staff_word_marks_its_guideline_words_not_compounds_of_them(site, page):
    # In the link's ?h= (what the page marks) and in the result list's own marks alike.
    page.goto(site.url, wait_until="load")
    words = sorted(STAFF)
    wrong = []
    for word, links in zip(words, worker_search_links(page, words), strict=True):
        assert links, f"{word} finds nothing"
        for location, named, marks in links:
            for w in named + [m.strip(".,:;!?()") for m in marks]:
                wrong += [f"{word} -> {location}: {w} ({t} vain osana)" for t in only_a_part(w.lower(), STAFF[word])
                          if not form_of(w.lower(), word)]
    assert not wrong, f"{len(wrong)}:\n" + "\n".join(wrong[:40])


def test_a_question_being_typed_names_no_filler_stop_or_unfinished_word(site, page):
    page.goto(site.url, wait_until="load")
    silent = set(filler_words()) | stop_words()
    known = site_words(site)
    keys = known | set(STAFF) | {key for word in known for key in voikko_fi.search_keys(word)}
    runs = typed_runs()
    assert len(runs) > 500
    wrong = set()
    for query, links in zip(runs, worker_search_links(page, runs), strict=True):
        last = search_index.clean(query.split()[-1].lower())
        for _, named, _ in links:
            for w in named:
                word = w.rstrip("*")
                if word in silent or len(word) < MIN and word not in keys:
                    wrong.add(f"{query}: {w}")
                # Only the word still being typed marks the words it starts ("kuv*"); any other
                # word marks itself.
                elif w.endswith("*") and word != last:
                    wrong.add(f"{query}: {w} (ei kirjoitettava sana)")
    assert not wrong, f"{len(wrong)}:\n" + "\n".join(sorted(wrong)[:40])


def test_the_page_a_staff_word_opens_marks_only_the_words_its_link_names(site, page):
    goto_instant(page, site.url)
    words = sorted(STAFF)
    wrong = []
    for word, links in zip(words, worker_search_links(page, words), strict=True):
        location, named = next(((loc, n) for loc, n, _ in links if n), (links[0][0], []))
        assert named, f"{word}: the link of {location} names no word to mark"
        path, _, anchor = location.partition("#")
        url = f"{site.url}{path}?h={quote(' '.join(named))}" + (f"#{anchor}" if anchor else "")
        marks = open_marked(page, url, site.url, named)
        if marks is None:  # found through words the link does not name (a staff word's compounds)
            continue
        assert marks, f"{word}: nothing marked at {url}, though the article has words its link names"
        for mark in (m.lower() for m in marks):
            if not any(named_by(w, named) for w in re.findall(r"[^\W_]+", mark)):
                wrong.append(f"{word} -> {location}: {mark} (ei linkin sanoissa {named})")
            if not form_of(mark, word):
                wrong += [f"{word} -> {location}: {mark} ({t} vain osana)" for t in only_a_part(mark, STAFF[word])]
    assert not wrong, f"{len(wrong)}:\n" + "\n".join(wrong[:40])
    assert not page.watch.console_errors


def named_by(word: str, named: list[str]) -> bool:
    return any(word.startswith(n[:-1]) if n.endswith("*") else word == n or n.startswith(word + ":") for n in named)


def open_marked(page, url: str, home: str, named: list[str]) -> list[str] | None:
    """Open url as a result link does (instant navigation), and return the article's marks once
    Material has marked them (None if it marks nothing: the article has none of the words).
    Material only scrolls to another place of the page it is on, so such a link opens from home."""
    if urlsplit(url).path == urlsplit(page.url).path:
        instant(page, home)
    instant(page, url)
    words = set(re.findall(r"[^\W_]+", page.inner_text(ARTICLE).lower()))
    if not any(named_by(w, named) for w in words):
        return None
    try:
        page.wait_for_function("a => document.querySelector(a + ' mark')", arg=ARTICLE, timeout=10_000)
    except PlaywrightTimeout:
        return []
    return page.eval_on_selector_all(f"{ARTICLE} mark", "ms => ms.map(m => m.textContent)")


def instant(page, url: str) -> None:
    page.evaluate("""url => {
      document.querySelector(".md-content article").dataset.left = ""
      const a = Object.assign(document.createElement("a"), { href: url })
      document.querySelector(".md-content article").append(a)
      a.click()
    }""", url)
    page.wait_for_function("""url => location.href === url && document.querySelector(".md-content article")
                              && !document.querySelector(".md-content article[data-left]")""", arg=url)
