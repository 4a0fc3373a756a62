"""Finnish search: base forms, inflected forms and compound parts find the right page.

Unit tests of the Voikko helper, the search library (finnish/search_data.py, finnish/search_index.py)
and the build hook, a build without Voikko, the
built module run in Chromium on every word of the site (its keys must be
Voikko's), and one Chromium page that types many queries into Material's search box.
"""
from __future__ import annotations

import gc
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from browser import goto_instant, search
from conftest import ROOT
from search_queries import ASIALLISUUS, NOT_IN_GUIDELINE, QUERIES, ROOLISI, TARPEET
from searching import post_build, top_pages, type_query

import search_fi
from finnish import search_data, search_index, voikko_fi
from macros.synonyms import load_synonyms


# (query, page, the page's own form that must be marked there)
ON_PAGE = [
    ("tekijänoikeuksia", TARPEET, "tekijänoikeudet"),
    ("vahingonkorvauslakia", ASIALLISUUS, "vahingonkorvauslain"),
    ("kaappaus", ASIALLISUUS, "kuvakaappauksena"),
    ("esimiehelle", ROOLISI, "esimiehen"),
]


# --- Voikko helper --------------------------------------------------------------

def test_base_forms_undo_consonant_gradation():
    assert voikko_fi.base_forms("tekijänoikeudet") == {"tekijänoikeus"}
    assert voikko_fi.base_forms("vahingonkorvauslain") == {"vahingonkorvauslaki"}
    assert voikko_fi.base_forms("kriisitilanteissa") == {"kriisitilanne"}
    assert voikko_fi.base_forms("käyttöehdot") == {"käyttöehto"}
    assert voikko_fi.base_forms("Esimiehen") == {"esimies"}
    assert voikko_fi.base_forms("xqzv") == set()


def test_search_keys_include_compound_parts():
    assert voikko_fi.search_keys("vahingonkorvauslain") == {
        "vahingonkorvauslaki", "vahingonkorvaus", "korvauslaki", "vahinko", "korvaus", "laki"}
    assert voikko_fi.search_keys("kuvakaappauksena") == {"kuvakaappaus", "kuva", "kaappaus"}
    assert {"asiantuntija", "profiili"} <= voikko_fi.search_keys("asiantuntijaprofiilit")
    assert voikko_fi.search_keys("esimiehelle") == {"esimies"}  # "esi" is a prefix, not a part
    assert voikko_fi.search_keys("Wilmassa") == {"wilma"}


def test_far_fetched_compound_splits_are_ignored():
    # Voikko also reads "tietopankissa" as tie+toppa+kissa: "kissa" must not find it.
    assert "kissa" not in voikko_fi.search_keys("tietopankissa")
    assert voikko_fi.search_keys("tietopankissa") == {"tietopankki", "tieto", "pankki"}


def test_compound_parts_from_wordbases():
    assert voikko_fi.compound_parts("tietoturvaohje", "+tieto(tieto)+turva(turva)+ohje(ohje)") == [
        "ohje", "tieto", "tietoturva", "turva", "turvaohje"]
    assert voikko_fi.compound_parts("ohjeistus", "+ohjeist(ohjeistaa)+us(+us)") == []


# --- build hook -------------------------------------------------------------------

def test_words_are_split_like_the_search_worker_splits_them():
    index = {"config": {"separator": r"[\s\-]+"}, "docs": [
        {"location": "a/", "title": "Some-kanavat", "text": "<p>Salasanat &amp; <b>tietoturva</b>.</p>"}]}
    assert search_index.words(index) == {"some", "kanavat", "salasanat", "tietoturva"}


def test_fewest_stem_rules_take_every_form_to_its_base_form():
    bases_of = {"kriisitilanteissa": {"kriisitilanne"}, "tekijänoikeudet": {"tekijänoikeus"},
                "tekijänoikeuden": {"tekijänoikeus"}, "oikeudet": {"oikeus"}, "salasanoja": {"salasana"}}
    rules = search_data.stem_rules(bases_of)
    assert len(rules) == 3  # one change for the three "-eude-" forms
    by_tail = search_data.tails(rules)
    for form, bases in bases_of.items():
        assert bases <= search_data.candidates(form, by_tail), form
    assert "kriisitilanne" not in search_data.candidates("kriisitilanteissa", {})  # a rule is needed
    assert all(len(x) <= search_data.MAX_TAIL and len(y) <= search_data.MAX_TAIL for x, y in rules)


def test_search_data_lists_only_what_the_browser_cannot_derive():
    data = search_data.search_data({"tekijänoikeudet", "tekijänoikeuden", "kuvakaappauksena", "kuvakaappaus",
                                  "kissa", "eivät"})
    lines = data["keys"].split("\n")
    assert "tekijänoikeus|oikeus tekijä" in lines  # forms derived by a rule; parts listed ("tekijän" is not one)
    assert "kuva=kaappaus" in lines  # parts from the seam
    assert "ei 0vät" in lines  # too short for candidates(): listed as ei + "vät"
    assert not any(line.startswith("kissa") for line in lines)  # its own base form, no parts
    assert {"ssa", "ssä", "issa", "ihin", "n", "t"} <= set(data["endings"])
    assert search_data.relative("laki", "lain") == "2in"
    parts = {"tieto", "tietoturva", "turva", "turvaohje", "ohje"}
    assert search_data.runs(search_data.seams("tietoturvaohje", parts)) == parts


def test_built_module_carries_the_data(site):
    module = (site.dir / search_data.MODULE).read_text(encoding="utf-8")
    assert search_data.PLACEHOLDER not in module
    assert "\\nvahingonkorvauslaki|korvaus korvauslaki laki vahingonkorvaus vahinko" in module
    assert "\\nkuva=kaappaus" in module


STUB_LUNR = """self.lunr = {generateStopWordFilter: () => t => t, Pipeline: {registerFunction() {}},
  Index: function () {}, Builder: function () {}}
lunr.Index.prototype = {query() {}, search() {}}
lunr.Builder.prototype = {add() {}}"""


@pytest.mark.browser
def test_module_gives_every_word_of_the_site_the_keys_voikko_gives(site, page):
    # The module's candidates() and the hook's Python twin must agree, or DATA lists too little.
    # (Plus the staff words of data/haku/synonyymit.yml, "profiilin" also gets "tili", and the
    # -minen nouns of verbs: "julkaista" also gets "julkaiseminen".)
    site_words = sorted(search_index.words(json.loads((site.dir / "search" / "search_index.json").read_text("utf-8"))))
    page.add_script_tag(content=STUB_LUNR)
    page.add_script_tag(content=(site.dir / search_data.MODULE).read_text(encoding="utf-8"))
    keys = page.evaluate("words => words.map(w => lunr.fi.keysOf(w))", site_words)
    synonyms = load_synonyms(ROOT / search_data.SYNONYMS)
    actions = search_data.derived_words(set(site_words))

    def expected(word):  # Voikko's keys, and the staff words (data/haku/synonyymit.yml) of the word or its keys
        keys = voikko_fi.search_keys(word)
        return (keys | search_data.staff_keys(word, keys, synonyms, actions)) - {word}
    wrong = [f"{w}: {sorted(k)} != {sorted(expected(w))}"
             for w, k in zip(site_words, keys, strict=True) if set(k) != expected(w)]
    assert len(site_words) > 1000 and not wrong, "\n".join(wrong)
    # Querying also tries the stem's other grades: "tilantee|ssa" by the rule learned from "tilante|issa".
    assert "kriisitilanne" in page.evaluate("() => lunr.fi.candidates('kriisitilanteessa', true)")


@pytest.mark.browser
def test_querying_reads_a_word_at_least_as_indexing_does(site, page):
    # A typed word loses what may be a question's clitic ("vastaanko" -> "vastaan"), but the same
    # letters may be the word's own: "asiakkaan" is "asiakas", "taulukko" is no "taulu" + "-ko".
    # So every case form of the site's nouns and adjectives gets, typed, at least the readings it
    # gets on a page.
    index = json.loads((site.dir / "search" / "search_index.json").read_text("utf-8"))
    bases = sorted({b for w in search_index.words(index) for b in voikko_fi.nominal_bases(w)})
    forms = sorted({f for b in bases for f in voikko_fi.paradigm(b)})
    page.add_script_tag(content=STUB_LUNR)
    page.add_script_tag(content=(site.dir / search_data.MODULE).read_text(encoding="utf-8"))
    lost = page.evaluate("""forms => forms.map(f => {
        const typed = new Set(lunr.fi.candidates(f, true))
        return [f, lunr.fi.candidates(f, false).filter(c => !typed.has(c))]
    }).filter(([, lost]) => lost.length)""", forms)
    assert len(forms) > 10000 and not lost, lost[:20]


def test_post_build_fills_in_the_search_data(site, tmp_path):
    """The in-process run the failure tests use does what the build does when nothing is wrong."""
    post_build(site, tmp_path, load_synonyms(ROOT / search_data.SYNONYMS))
    shipped = (ROOT / "overrides" / search_data.MODULE).read_text(encoding="utf-8")
    module = (tmp_path / "site" / search_data.MODULE).read_text(encoding="utf-8")
    before, after = shipped.split(search_data.PLACEHOLDER)
    assert module.startswith(before) and module.endswith(after)
    data = module[len(before):len(module) - len(after)]
    assert data.startswith('{"keys":') and data in (site.dir / search_data.MODULE).read_text(encoding="utf-8")


# libvoikko's Voikko.__del__ fails on the half-made instance; it is collected here, not in a later test.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("failure", ["library", "dictionary"])
def test_build_fails_without_voikko_saying_how_to_install_it(monkeypatch, failure):
    # The hook's on_config in-process (where the build fails, before any page is written): the
    # real libvoikko, with its shared library (or Finnish dictionary variant) looked up under a
    # missing name.
    import libvoikko
    from mkdocs.exceptions import PluginError

    if failure == "library":
        monkeypatch.setattr(libvoikko.VoikkoLibrary, "open",
                            classmethod(lambda cls, path=None: cls("libvoikko-puuttuu.so.1")))
    else:
        init = libvoikko.Voikko.__init__
        monkeypatch.setattr(libvoikko.Voikko, "__init__",
                            lambda self, language, path=None: init(self, language + "-x-puuttuu", path))
    voikko_fi.voikko.cache_clear()  # the shared instance is made again, through the patch
    try:
        with pytest.raises(PluginError) as err:
            search_fi.on_config({"config_file_path": str(ROOT / "mkdocs.yml")})
    finally:
        voikko_fi.voikko.cache_clear()  # and again without it, for the tests that follow
    out = str(err.value)
    assert "apt-get install libvoikko1 voikko-fi" in out, out
    assert {"library": "libvoikko-puuttuu.so.1", "dictionary": "dictionary"}[failure] in out, out
    del err
    gc.collect()


# --- in Chromium, through Material's search box ----------------------------------------


@pytest.mark.browser
def test_queries_find_the_right_page_with_marks(site, page):
    page.goto(site.url, wait_until="load")
    search(page, "haku")  # opens the search as a reader does
    misses = []
    for query, target in QUERIES:
        results = type_query(page, query)
        pages = top_pages(site, results)
        targets = (target,) if isinstance(target, str) else target
        marked = [r["marked"] for r in results if any(t in r["href"] for t in targets)]
        if not set(targets) & set(pages) or not any(marked):
            misses.append(f"{query}: {pages}, marked={marked}")
    for query in NOT_IN_GUIDELINE:
        if results := type_query(page, query):
            misses.append(f"{query} (ei ohjeessa): {top_pages(site, results)}")
    assert not misses, f"{len(misses)}/{len(QUERIES) + len(NOT_IN_GUIDELINE)}:\n" + "\n".join(misses)
    assert not page.watch.console_errors


@pytest.mark.browser
def test_result_and_page_mark_the_pages_own_form_of_the_word(site, page):
    # Every result opens by instant navigation, as a reader's does once the page has loaded: a
    # click before Material had its sitemap loaded a whole page, which had to load the search
    # index again before it could mark anything.
    goto_instant(page, site.url)
    for query, target, form in ON_PAGE:  # each search starts from the page the last one opened
        search(page, query)
        link = page.locator(f"a.md-search-result__link[href*='{target}']:has(mark)").first
        link.wait_for(state="attached")
        # Material folds a page's further sections under "N more"; open them as a user would.
        page.eval_on_selector_all("details.md-search-result__more", "ds => ds.forEach(d => d.open = true)")
        # (and the link's own fold: under load Material may render its group after the line above)
        link.evaluate("a => { const d = a.closest('details'); if (d) d.open = true }")
        assert form in words(link.locator("mark").all_inner_texts()), query
        assert form in parse_qs(urlsplit(link.get_attribute("href")).query)["h"][0].split(), query
        link.click()
        page.wait_for_url(f"**/{target}?h=**")
        marked_on_page(page, form)
    assert not page.watch.console_errors


def marked_on_page(page, form: str) -> None:
    """Wait until Material has marked form in the article (instant navigation swaps it in after the
    URL): it marks once the page's search index has loaded (at once after instant navigation)."""
    page.wait_for_function("() => window.__searchProbe.ready")
    page.wait_for_function(
        "form => [...document.querySelectorAll('article mark[data-md-highlight]')]"
        ".some(m => m.textContent.toLowerCase() === form)", arg=form, timeout=10_000)


def words(texts: list[str]) -> list[str]:
    return [t.strip(".,:;!?()\"").lower() for t in texts]


@pytest.mark.browser
def test_suggestion_and_keyboard_work_as_in_material(site, page):
    page.goto(site.url, wait_until="load")
    search(page, "tekijänoik")
    suggestion = page.locator(".md-search__suggest").inner_text()
    assert suggestion.startswith("tekijänoik") and len(suggestion) > len("tekijänoik"), suggestion
    search(page, "vahingonkorvauslakia")
    page.keyboard.press("Enter")  # Material opens the best result
    page.wait_for_url(f"**/{ASIALLISUUS}?h=**")
    marked_on_page(page, "vahingonkorvauslain")
    assert not page.watch.console_errors


def test_cached_search_data_is_the_fresh_data_and_follows_its_inputs(tmp_path):
    words = {"tekijänoikeudet", "salasanoja", "profiili"}
    synonyms = {"tili": ["profiili"]}
    fresh = search_data.search_data(words, synonyms, [])
    first = search_data.cached_search_data(tmp_path, words, synonyms, [])
    assert json.loads(json.dumps(first)) == json.loads(json.dumps(fresh))
    [entry] = tmp_path.glob("*.json")
    assert search_data.cached_search_data(tmp_path, words, synonyms, []) == first  # read back
    entry.write_text("{rikki", encoding="utf-8")  # a corrupt entry is made again
    assert search_data.cached_search_data(tmp_path, words, synonyms, []) == first
    other = search_data.cached_search_data(tmp_path, words | {"kieli"}, synonyms, [])
    assert other != first
    with_kieli = search_data.search_data(words | {"kieli"}, synonyms, [])
    assert json.loads(json.dumps(other)) == json.loads(json.dumps(with_kieli))
    assert len(list(tmp_path.glob("*.json"))) == 1  # only the current site's entry is kept
    with pytest.raises(ValueError, match="proffiili"):  # new inputs are checked again
        search_data.cached_search_data(tmp_path, words, {"tili": ["proffiili"]}, [])
