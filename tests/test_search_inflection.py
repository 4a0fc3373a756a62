"""Every case form of every noun and adjective on the site finds a page with the word in the top three.

Issue 24, point 5: at least 98.5 % of them. The site's words are split as the
search worker splits them (search_index.words); Voikko names the nouns and
adjectives among them (voikko_fi.nominal_bases), and voikko-inflect's
generator gives each one's complete paradigm (voikko_fi.paradigm: nominative
to allative, essive, translative, singular and plural), so the forms include
stem changes the text never shows ("kieli" -> "kielen"). Each form is typed
through Material's own search worker with the site's index and Finnish module
(tests/search_worker.py), the ranking the search box shows, and counts as
found when one of the first three result pages has the word: a word of that
base form, by Voikko's base forms of the page's words. (A compound is not the
word: "verkkopalvelu" is not "verkko".) The site's stop words, which the worker
drops from the index, are left out: Voikko also reads some of them as nouns
("jolla", "kuin" as a plural of "kuu"), and the site never says those nouns.

The failure lists the base forms with the lowest rate and some of their
missed forms, for whoever tunes the ranking; `pytest -n 0 -s` prints the same on success.
"""
from __future__ import annotations

import json
from collections import defaultdict

import pytest

from conftest import ROOT
from search_worker import worker_search
from searching import filler_words, pages_by_base_form, stop_words

from finnish import search_data, search_index
from finnish import voikko_fi

PASS_RATE = 0.985
VERB_PASS_RATE = 0.95   # not the issue's: a floor under what the question forms of verbs reach (96 %)
TOP = 3
WORST = 20          # base forms the report lists
EXAMPLES = 4        # missed forms shown for each
BATCH = 2000        # forms per worker run


def case_forms(site_words: set[str]) -> dict[str, set[str]]:
    """form -> its base forms: every case form of every noun and adjective of site_words that Voikko accepts
    (the generator also makes a few non-words, "kielinensä"; nobody types those)."""
    speller = voikko_fi.voikko()
    forms = defaultdict(set)
    for base in sorted({b for w in site_words for b in voikko_fi.nominal_bases(w)}):
        for form in voikko_fi.paradigm(base):
            forms[form].add(base)
    return {form: bases for form, bases in forms.items() if speller.spell(form)}


def report(found: dict[str, bool], forms: dict[str, set[str]], firsts: dict[str, list[str]],
           pages: dict[str, set[str]]) -> tuple[float, str]:
    """The rate of found forms, and a text: the count, then the WORST base forms by rate (most misses first
    among equals), each with the pages that have the word and some missed forms with the pages they find."""
    by_base = defaultdict(list)
    for form, bases in forms.items():
        for base in bases:
            by_base[base].append(form)
    misses = {base: sorted(f for f in by_base[base] if not found[f]) for base in by_base}
    worst = sorted(by_base, key=lambda b: (1 - len(misses[b]) / len(by_base[b]), -len(misses[b]), b))[:WORST]
    rate = sum(found.values()) / len(found)
    lines = [f"{rate:.2%} of {len(found)} case forms find a page with the word in the top {TOP} "
             f"({len(found) - sum(found.values())} do not). The {WORST} base forms with the lowest rate:"]
    for base in worst:
        shown = "; ".join(f"{f} -> {', '.join(map(path, firsts[f])) or 'Ei osumia'}" for f in misses[base][:EXAMPLES])
        lines.append(f"  {base} {len(by_base[base]) - len(misses[base])}/{len(by_base[base])} "
                     f"(on {', '.join(sorted(map(path, pages[base])))}): {shown}"
                     + ("; ..." if len(misses[base]) > EXAMPLES else ""))
    return rate, "\n".join(lines)


def path(page: str) -> str:
    return page or "/"  # the front page's location is ""


def test_case_forms_cover_the_paradigm_and_only_words():
    forms = case_forms({"kieli", "kielessä", "ja"})
    assert {"kieli", "kielessä", "kielen", "kieliä", "kielten", "kieleksi", "kielinä"} <= set(forms)
    assert set().union(*forms.values()) == {"kieli"}  # "ja" is no noun
    assert "kielettä" not in forms  # abessive: not among the cases a reader types
    assert all(voikko_fi.voikko().spell(f) for f in forms)
    assert voikko_fi.paradigm("tietoturvaohje") >= {"tietoturvaohjeen", "tietoturvaohjeisiin"}  # last part inflects


def test_a_page_has_a_word_in_any_form_but_not_as_a_compound_part():
    index = {"config": {"separator": r"[\s\-]+"}, "docs": [
        {"location": "a/#x", "title": "Ajassa", "text": "<p>verkkopalvelussa</p>"},
        {"location": "b/", "title": "Verkko", "text": ""}]}
    pages = pages_by_base_form(index)
    assert pages["aika"] == {"a/"} and pages["verkkopalvelu"] == {"a/"} and pages["verkko"] == {"b/"}


def test_report_puts_the_worst_base_forms_first():
    forms = {"ajan": {"aika"}, "ajassa": {"aika"}, "sanan": {"sana"}, "sanassa": {"sana"}, "sanoiksi": {"sana"}}
    found = {"ajan": False, "ajassa": True, "sanan": True, "sanassa": True, "sanoiksi": False}
    firsts = {"ajan": ["x/", ""], "sanoiksi": []}
    rate, text = report(found, forms, firsts, {"aika": {"a/"}, "sana": {"", "b/"}})
    assert rate == 0.6
    assert text.splitlines()[1:] == ["  aika 1/2 (on a/): ajan -> x/, /",
                                     "  sana 2/3 (on /, b/): sanoiksi -> Ei osumia"]


def test_stop_words_are_the_modules():
    stop = stop_words((ROOT / "overrides" / search_data.MODULE).read_text(encoding="utf-8"))
    assert {"jolla", "kuin", "itse", "ja", "vaikka"} <= stop and "kuva" not in stop


@pytest.mark.browser
def test_every_case_form_of_every_noun_and_adjective_finds_a_page_with_the_word(site, page):
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = pages_by_base_form(index)
    stop = stop_words((site.dir / search_data.MODULE).read_text(encoding="utf-8"))
    forms = case_forms(search_index.words(index) - stop)
    page.goto(site.url, wait_until="load")
    queries = sorted(forms)
    results = [r for i in range(0, len(queries), BATCH) for r in worker_search(page, queries[i:i + BATCH])]
    firsts = {form: result[:TOP] for form, result in zip(queries, results, strict=True)}
    found = {form: any(set(firsts[form]) & pages[base] for base in forms[form]) for form in queries}
    rate, text = report(found, forms, firsts, pages)
    print(text)
    assert len(forms) > 10000  # the site's nouns and adjectives, not a handful
    assert rate >= PASS_RATE, f"below {PASS_RATE:.1%}: " + text


@pytest.mark.browser
def test_an_oida_verb_finds_its_ointi_noun_and_back(site, page):
    # Finnish makes -ointi nouns of -oida verbs: staff type "reagoida" where 3.2 says "reagointia", and
    # "aktivointi" where 2.1 says "aktivoida". Every such word of the site: its pair typed finds a page
    # with the word first.
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = pages_by_base_form(index)
    words = search_index.words(index)
    bases = {b for w in words for b in voikko_fi.verb_bases(w) | voikko_fi.nominal_bases(w)}
    pairs = {b: d for b in sorted(bases) if (d := voikko_fi.nti_pair(b))}
    assert {"reagointi", "aktivoida"} <= set(pairs)
    page.goto(site.url, wait_until="load")
    results = worker_search(page, list(pairs.values()))
    wrong = [(d, b, got[:3]) for (b, d), got in zip(pairs.items(), results, strict=True)
             if not got or got[0] not in pages[b]]
    assert not wrong, wrong


def test_an_agent_noun_knows_its_verb():
    assert [voikko_fi.agent_verb(w) for w in ("seuraaja", "ylläpitäjä", "vastaanottaja", "kuva", "ohje")] == [
        "seurata", "ylläpitää", "vastaanottaa", None, None]


@pytest.mark.browser
def test_a_verb_finds_the_pages_of_its_agent_noun(site, page):
    # Staff ask with the verb, "seuraanko alaisia instassa", "kuka ylläpitää nuorisotalon profiilia", where the
    # text has the doer: 3.1.1's "keitä lisäät kavereiksi tai seuraajiksi", 3.2's "ylläpitäjänä" (walk 39).
    # Every -ja/-jä noun of the site that Voikko derives from a verb: the verb, as a question's "I …"
    # form ("seuraan"), finds every page with the noun.
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = pages_by_base_form(index)
    pairs = {n: v for n in sorted({b for w in search_index.words(index) for b in voikko_fi.nominal_bases(w)})
             if (v := voikko_fi.agent_verb(n)) and v not in filler_words()}
    assert {"seuraaja", "ylläpitäjä"} <= set(pairs), pairs
    first_person = ("n", ("iin", "nut", "nyt"))  # "seuraan", "ylläpidän"; not "seurattiin", "seurannut"
    typed = {n: min((f for f in voikko_fi.verb_paradigm(v) if f.endswith(first_person[0])
                     and not f.endswith(first_person[1])), key=len, default=v) for n, v in pairs.items()}
    page.goto(site.url, wait_until="load")
    results = worker_search(page, list(typed.values()))
    wrong = [(typed[n], n, sorted(pages[n] - set(got))) for n, got in zip(pairs, results, strict=True)
             if not pages[n] <= set(got)]
    assert not wrong, wrong


@pytest.mark.browser
def test_an_lla_verb_is_found_by_its_lu_noun(site, page):
    # Staff name the act: "panettelu" where 3.3 says "panetella", "kuuntelu" where 3.5 says "kuuntele".
    # Every -lla/-llä verb of the site whose -lu/-ly noun Voikko knows: the noun finds a page with the verb first.
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = pages_by_base_form(index)
    verbs = {b for w in search_index.words(index) for b in voikko_fi.verb_bases(w)}
    nouns = {v: n for v in sorted(verbs) if (n := voikko_fi.lu_noun(v))}
    assert {"panetella", "kuunnella", "käsitellä"} <= set(nouns)
    page.goto(site.url, wait_until="load")
    results = worker_search(page, list(nouns.values()))
    wrong = [(n, v, got[:3]) for (v, n), got in zip(nouns.items(), results, strict=True)
             if not got or got[0] not in pages[v] | pages[n]]
    assert not wrong, wrong


def test_a_verb_knows_the_nouns_of_its_act():
    assert {"poisto"} <= voikko_fi.act_nouns("poistaa") and {"päivitys"} <= voikko_fi.act_nouns("päivittää")
    assert {"ylläpito"} <= voikko_fi.act_nouns("ylläpitää") and {"julkaisu"} <= voikko_fi.act_nouns("julkaista")
    # Not a doer, an -nta noun, an -us noun of another meaning ("seuraus"), nor a participle ("julkaistu").
    assert voikko_fi.act_nouns("seurata") == frozenset() and "julkaistu" not in voikko_fi.act_nouns("julkaista")
    assert voikko_fi.source_verb("julkaistu") is None and voikko_fi.source_verb("kuva") is None


@pytest.mark.browser
def test_the_noun_of_an_act_finds_its_verb(site, page):
    # Staff name the act where the text has the verb: "kommentin poisto" for 3.3's "pyytää viestin poistamista",
    # "sivun ylläpito", "päivitys" (walk 38). Every verb of the site: each noun of its act that the site itself
    # lacks (a word of its own is found as itself) finds first a page with the verb or another noun of it
    # ("ylläpito": 3.2's "ylläpitäjänä").
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = pages_by_base_form(index)
    words = search_index.words(index) - stop_words((site.dir / search_data.MODULE).read_text(encoding="utf-8"))
    own = set(pages) | {p for w in words for ps in voikko_fi.readings(w).values() for p in ps}
    nouns = {n: v for v in sorted({b for w in words for b in voikko_fi.verb_bases(w)})
             for n in sorted(voikko_fi.act_nouns(v) - own)}
    assert {"poisto", "ylläpito"} <= set(nouns), nouns
    page.goto(site.url, wait_until="load")
    results = worker_search(page, list(nouns))
    wrong = [(n, v, got[:3]) for (n, v), got in zip(nouns.items(), results, strict=True)
             if not got or got[0] not in set().union(*(p for b, p in pages.items()
                                                       if b == v or voikko_fi.source_verb(b) == v))]
    assert not wrong, wrong


def test_verb_paradigm_has_the_forms_a_question_uses():
    assert voikko_fi.verb_paradigm("rikkoa") == {"rikon", "rikkoi", "rikkoisi", "rikkonut", "rikottiin"}
    assert voikko_fi.verb_paradigm("julkaista") >= {"julkaisen", "julkaissut", "julkaistiin"}
    assert voikko_fi.verb_paradigm("trollailla") == frozenset()   # not in the generator's list: no guesses


@pytest.mark.browser
def test_every_question_form_of_every_verb_finds_a_page_with_the_verb(site, page):
    """Staff ask in verbs: "olen jakanut väärän kuvan", "mitä jos rikon ohjetta", "kuka on kirjoittanut".
    Every verb of the site in the forms of voikko_fi.VERB_FORMS: a page with the verb in the top three.
    Before the build learnt its stem rules from these forms too, 77.5 % did, and "jakanut", "kertonut"
    and "korjannut" answered "Ei osumia"."""
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = pages_by_base_form(index)
    stop = stop_words((site.dir / search_data.MODULE).read_text(encoding="utf-8"))
    forms = defaultdict(set)
    for verb in {b for w in search_index.words(index) for b in voikko_fi.verb_bases(w)}:
        for form in voikko_fi.verb_paradigm(verb) - stop:
            forms[form].add(verb)
    page.goto(site.url, wait_until="load")
    queries = sorted(forms)
    results = [r for i in range(0, len(queries), BATCH) for r in worker_search(page, queries[i:i + BATCH])]
    missed = {form: [path(p) for p in got[:TOP]] or "Ei osumia" for form, got in zip(queries, results, strict=True)
              if not any(set(got[:TOP]) & pages[verb] for verb in forms[form])}
    rate = 1 - len(missed) / len(queries)
    print(f"{rate:.2%} of {len(queries)} verb forms find a page with the verb in the top {TOP}")
    assert len(queries) > 500   # the site's verbs, not a handful
    assert rate >= VERB_PASS_RATE, (f"{rate:.2%}", missed)
