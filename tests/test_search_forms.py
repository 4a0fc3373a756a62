"""Every case form of every noun and adjective of the guideline finds a page that has the word.

The forms come from voikko-inflect's generator (complete paradigms), not from
the site's text, so they include stem changes the text never shows ("kieli"
-> "kielen"). Each is searched in Material's own search worker with the
site's index and Finnish module (tests/search_worker.py): the ranking the
search box shows.
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict

import pytest

from conftest import ROOT
from search_worker import worker_search

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import search_fi
from finnish import voikko_fi

PASS_RATE = 0.98


def pages_by_base_form(search_index: dict) -> dict[str, set[str]]:
    """Noun and adjective base form -> the pages (site-relative paths) with a word of that base form.

    Or with a compound of it: "verkko" is on the pages that say "verkkopalveluja" too.
    """
    separator = re.compile(search_index["config"]["separator"])
    pages = defaultdict(set)
    for doc in search_index["docs"]:
        page = doc["location"].split("#")[0]
        text = " ".join(search_fi.texts({"docs": [doc]}))
        for token in separator.split(text):
            word = search_fi.clean(token)
            if word.isalpha():
                for base in voikko_fi.nominal_bases(word):
                    for key in {base} | voikko_fi.readings(word).get(base, set()):
                        pages[key].add(page)
    return pages


def forms_to_try(bases: set[str], site_words: set[str]) -> dict[str, str]:
    """form -> its base form: the generated case forms, without those in the text and those Voikko rejects."""
    speller = voikko_fi.voikko()
    forms = {}
    for base in sorted(bases):
        for form in sorted(voikko_fi.paradigm(base)):
            if form not in site_words and form not in forms and speller.spell(form):
                forms[form] = base
    return forms


def test_forms_to_try_skip_the_text_and_non_words():
    forms = forms_to_try({"kieli"}, {"kieli", "kielessä"})
    assert {"kielen", "kieliä", "kielten", "kieleksi", "kielinä"} <= set(forms)
    assert "kieli" not in forms and "kielessä" not in forms  # verbatim in the text
    assert set(forms.values()) == {"kieli"}
    assert "kielettä" not in forms  # abessive: not among the cases a reader types
    assert voikko_fi.paradigm("tietoturvaohje") >= {"tietoturvaohjeen", "tietoturvaohjeisiin"}  # last part inflects


@pytest.mark.browser
def test_every_case_form_of_every_noun_and_adjective_finds_a_page_with_the_word(site, page):
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = pages_by_base_form(index)
    site_words = search_fi.words(index)
    forms = forms_to_try({b for w in site_words for b in voikko_fi.nominal_bases(w)}, site_words)
    page.goto(site.url, wait_until="load")
    results = worker_search(page, list(forms))
    misses = [f"{form} ({base}): {found[:3]}, sivuilla {sorted(pages[base])[:3]}"
              for (form, base), found in zip(forms.items(), results, strict=True) if not set(found[:3]) & pages[base]]
    passed = 1 - len(misses) / len(forms)
    print(f"{len(forms) - len(misses)}/{len(forms)} muotoa ({passed:.1%}); ohi:\n" + "\n".join(misses))
    assert len(forms) > 5000
    assert passed >= PASS_RATE, f"{passed:.1%} < {PASS_RATE:.0%}:\n" + "\n".join(misses)
