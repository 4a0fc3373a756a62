"""DATA for the Finnish search module: base forms and inflected forms of a word find the same sections.

Material's search (lunr in a web worker) matches typed words as prefixes of the
page's words, so "tekijänoikeus" misses "tekijänoikeudet" (consonant gradation)
and "vahingonkorvauslaki" misses "vahingonkorvauslain". The search hook
(search_fi.py) gives the worker DATA, made here and appended to the theme
override of Material's Finnish module (overrides/assets/javascripts/lunr/min/lunr.fi.min.js),
which does the rest with one function, candidates(word): the word with an ending stripped
("salasano|ja"), then with a stem change undone by a rule ("salasan|o" ->
"salasana"). The same function serves

- indexing: each word of the site gets, beside itself, the base forms among
  its candidates and their compound parts; Voikko's base forms are the
  reference, and where candidates() would differ from them, DATA lists the
  word's base forms (or says it has none) instead;
- querying: a typed word that may not occur in the site ("salasanoja") also
  looks for its candidates; only words of the index count, so a typed word
  unrelated to the guideline ("kissa") finds nothing.

DATA, as JSON:

- keys: one line per base form the browser needs, sorted:
  "ala=tyylinen", "tekijänoikeus 1det 1ksien|oikeus tekijä". "=" marks the
  compound's seams; its parts are then the runs of whole components, at least
  MIN_PART letters ("ala", "tyylinen"); Voikko's parts that this does not give
  ("tekijän" -> "tekijä") are written after "|" instead. Then the site's forms
  whose base forms candidates() gets wrong, written as letters to drop from the
  base form and letters to add ("1det": tekijänoikeu(s)det); such a form has
  exactly the base forms it is listed under;
- none: the site's words for which candidates() finds base forms Voikko does not;
- endings: Finnish case and number endings (back and front vowel spellings);
- rules: "x>y", a stem change: a stem ending in x may be the base form ending
  in y ("de>s": tekijänoikeude|t). The fewest rules that take every form of
  the site, and every case form of the site's nouns and adjectives (complete
  paradigms from voikko-inflect, so also "kielen" -> "kieli" when the site
  only says "kieli") and the forms of its verbs that questions use (voikko_fi.
  VERB_FORMS: "rikon", "jakanut" -> "rikkoa", "jakaa"), to its base forms
  (greedy set cover); the browser also
  tries the stem's other grades with them when querying (see grown in the module);
- synonyms: "staff word>guideline word or word pair,...", a line each (a string, not
  JSON lists: smaller gzipped), from data/haku/synonyymit.yml: the staff word becomes
  a key of the guideline's word (of the pair's last word where the pair occurs);
- actions: "word>drop+add", the -minen noun of each verb of the site, which a
  reader types ("tilin perustaminen") where the text has the verb ("perustaa"):
  "julkaista>3seminen" (julkais|ta -> julkaiseminen); likewise an -oida verb's
  -ointi noun and an -ointi noun's verb ("reagointi>3ida": the text's
  "reagointia" is found by "reagoida"), and an -ja noun's verb ("seuraajiksi" by
  "seurata"); like a synonym, the derived word
  becomes a key of the word's forms;
- ellipses: [first word, next word, base form]: "poikkeus- ja kriisitilanteissa"
  gives "poikkeus" there the key "poikkeustilanne";
- background, channels, actors: words with spaces between. background: the words of the
  synonym classes marked `tausta: true` (services the guideline names only as examples:
  "facebook", "insta"); a typed word found through one of them counts for less in the
  ranking, where the query has others. channels: those of the classes marked `kanava:
  true` (a profile, a service): "oma" before one of them in a question is the asker's own
  profile, the staff word "omaprofiili" ("omassa facebookissa"). actors: those of the
  classes marked `toimija: true` (people): one typed in its base form is the one who
  acts in the question ("asukas kirjoitti"), and counts for less, as a background word.

A Python twin of candidates() decides what DATA must list; tests/test_search_fi.py
checks that the module, run in Chromium, gives every word of the site the keys
Voikko gives it. The site's words come from finnish/search_index.py; DATA of the
last build is kept in a cache (cached_search_data).
"""
from __future__ import annotations

import hashlib
import heapq
import json
import re
from collections import defaultdict
from importlib import metadata
from pathlib import Path

from . import voikko_fi
from .voikko_fi import (MIN_PART, act_nouns, action_noun, agent_verb, lu_noun, nominal_bases, nti_pair, paradigm,
                       readings, verb_bases, verb_paradigm)

SYNONYMS = Path("data/haku/synonyymit.yml")   # from the project's folder (macros/synonyms.py reads it)
# DATA of earlier builds, by a digest of everything it is made from (the site's
# words, synonyms and ellipses, this code, Voikko's version): Voikko's analyses
# and paradigms take most of a build's time, and an edit rarely changes the words.
CACHE = Path(".cache/search-fi")

MODULE = Path("assets/javascripts/lunr/min/lunr.fi.min.js")   # in the theme folder and in site/
PLACEHOLDER = "/* SEARCH_FI_DATA */ null"                      # where the module takes DATA

# Finnish case and number endings (back-vowel spelling; front-vowel twins are added).
# A typed word is tried with each one it ends in stripped off.
ENDINGS_BACK = (
    "n t a ta na ksi ssa sta lla lta lle tta ne seen hin an en in on un yn "
    "ja jen ita iden itten ien ia ina iksi issa ista illa ilta ille iin ihin isiin ten"
).split()
MAX_TAIL = 4       # stem changes are short: "uks" -> "us", "nte" -> "nne", "i" -> "ki"
MIN = 3            # as the module: candidates are at least this long, stems at least MIN - 1
KEEP = 1           # as the module: a stem rule leaves at least this many letters of the stem
FRONT = str.maketrans("aou", "äöy")
ENDINGS = frozenset(e for back in ENDINGS_BACK for e in (back, back.translate(FRONT)))
ENDING_LENGTHS = (0, *sorted({len(e) for e in ENDINGS}))


def with_data(module: str, data: dict) -> str:
    """The module's text with DATA, as compact JSON, in place of its PLACEHOLDER."""
    return module.replace(PLACEHOLDER, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def check_synonyms(synonyms: dict[str, list[str]], site_words: set[str], path: Path) -> None:
    """Every guideline word of the synonyms must be a word of the site (a form or a base form)."""
    known = set(site_words) | {key for word in site_words for base, parts in readings(word).items()
                               for key in (base, *parts)}
    for key, targets in synonyms.items():
        for word in (w for t in targets for w in t.split()):
            if word not in known:
                raise ValueError(f"{path}{line_of(path, key)}: {key}: sanaa {word!r} ei ole ohjeessa; "
                                 "kirjoita ohjeen sana perusmuodossa")


def line_of(path: Path, key: str) -> str:
    """", rivi N" of key's entry in the synonym file, or "" if it cannot be read there."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    entry = re.compile(rf"\s+{re.escape(key)}:")
    return next((f", rivi {n}" for n, line in enumerate(lines, 1) if entry.match(line)), "")


def cached_search_data(cache: Path, site_words: set[str], synonyms: dict[str, list[str]],
                       found_ellipses: list[list[str]], background: list[str] = (),
                       channels: list[str] = (), actors: list[str] = ()) -> dict:
    """search_data() after check_synonyms(), from the cache when its inputs, this code and Voikko are as they
    were (so they passed the check then)."""
    inputs = json.dumps([sorted(site_words), synonyms, found_ellipses, list(background), list(channels),
                         list(actors),
                         voikko_version(),
                         *(Path(f).read_text(encoding="utf-8") for f in (voikko_fi.__file__, __file__))],
                        ensure_ascii=False, sort_keys=True)
    file = cache / f"{hashlib.sha256(inputs.encode()).hexdigest()}.json"
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass  # none yet, or unreadable: make it again
    check_synonyms(synonyms, site_words, SYNONYMS)
    data = search_data(site_words, synonyms, found_ellipses, background, channels, actors)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob("*.json"):
            old.unlink()  # one entry: the current site's
        tmp = file.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(file)
    except OSError:
        pass  # a read-only checkout still builds, only slower
    return data


def voikko_version() -> str:
    """libvoikko's, its dictionaries' and the inflection generator's versions."""
    import libvoikko

    dicts = sorted(f"{d.language}-{d.variant}-{d.description}" for d in libvoikko.Voikko.listDicts())
    return " ".join([libvoikko.Voikko.getVersion(), *dicts, *(metadata.version(p) for p in ("libvoikko", "voikko"))])


def search_data(site_words: set[str], synonyms: dict[str, list[str]] | None = None,
                found_ellipses: list[list[str]] = (), background: list[str] = (),
                channels: list[str] = (), actors: list[str] = ()) -> dict:
    """DATA for the module (format in this module's docstring)."""
    synonyms = staff_words(synonyms or {})
    bases_of, parts = {}, defaultdict(set)  # word -> its base forms other than itself; base form -> parts
    for word in sorted(site_words):
        found = readings(word)
        bases_of[word] = set(found) - {word}
        for base, base_parts in found.items():
            parts[base] |= base_parts
    bases = {b for found in bases_of.values() for b in found} | {b for b, p in parts.items() if p}
    actions = derived_words(site_words)
    nominals = ({b for w in site_words for b in nominal_bases(w)} | set(synonyms)
                | {d for ds in actions.values() for d in ds if nominal_bases(d)})
    verbs = {v for w in site_words for v in verb_bases(w)} | {s for s in synonyms if verb_bases(s)}
    rules = stem_rules(paradigms(bases_of, nominals, verbs))
    by_tail, heads = tails(rules), {base[:n] for base in bases for n in range(len(base) + 1)}
    derived = {word: candidates(word, by_tail, heads) & bases for word in bases_of}
    listed = defaultdict(list)
    for word, found in sorted(bases_of.items()):
        if found != derived[word]:
            for base in sorted(found):
                listed[base].append(relative(base, word))
    lines = []
    for base in sorted(bases):
        marked = seams(base, parts[base])
        head, tail = (marked, "") if runs(marked) == parts[base] else (base, "|" + " ".join(sorted(parts[base])))
        lines.append(" ".join([head, *listed[base]]) + tail)
    return {
        "keys": "\n".join(lines),
        "none": " ".join(sorted(w for w, found in bases_of.items() if derived[w] and not found)),
        "endings": sorted(ENDINGS),
        "rules": " ".join(f"{x}>{y}" for x, y in sorted(rules)),
        "synonyms": "\n".join(f"{key}>{','.join(targets)}" for key, targets in sorted(synonyms.items())),
        "actions": " ".join(f"{word}>{relative(word, d)}" for word, ds in sorted(actions.items()) for d in ds),
        "ellipses": list(found_ellipses),
        "background": " ".join(sorted(background)),
        "channels": " ".join(sorted(channels)),
        "actors": " ".join(sorted(actors)),
    }


def derived_words(site_words: set[str]) -> dict[str, list[str]]:
    """word -> the words derived from it that a reader types for it: a verb's -minen noun and the nouns of its
    act ("poistaa": "poistaminen", "poisto"; an -oida verb's -ointi noun, an -lla verb's -lu noun), an
    -ointi noun's verb, and the verb of a noun of an act or a doer ("seuraaja", "julkaisu": "seurata",
    "julkaista"); for every base form of the site that has them."""
    verbs = {v for word in site_words for v in verb_bases(word)}
    nouns = {n for word in site_words for n in nominal_bases(word)}
    own = nouns | {p for word in site_words for ps in readings(word).values() for p in ps}  # and compounds' parts
    derived = {verb: sorted({d for d in (action_noun(verb), nti_pair(verb), lu_noun(verb)) if d and d != verb}
                            | (act_nouns(verb) - own)) for verb in sorted(verbs)}
    derived |= {noun: [verb] for noun in sorted(nouns) if (verb := nti_pair(noun) or agent_verb(noun))}
    return {word: ds for word, ds in derived.items() if ds}


def staff_words(synonyms: dict[str, list[str]]) -> dict[str, list[str]]:
    """The staff words, and the -minen noun of each staff verb with the verb's guideline words: as the
    site's verbs are found by their -minen nouns ("julkaiseminen"), "kuvata" brings "kuvaaminen"."""
    nouns = {noun: targets for key, targets in synonyms.items() if key in verb_bases(key)
             and (noun := action_noun(key)) and noun != key}
    return {**nouns, **synonyms}  # a noun that is a staff word itself keeps its own entry


def staff_keys(word: str, keys: set[str], synonyms: dict[str, list[str]], actions: dict[str, list[str]]) -> set[str]:
    """Twin of the module's keysOf() for synonyms and derived words: those whose word is word or one of its keys."""
    synonyms, own = staff_words(synonyms), keys | {word}
    return ({staff for staff, targets in synonyms.items() for t in targets if t in own}
            | {d for base, ds in actions.items() if base in own for d in ds})


def paradigms(bases_of: dict[str, set[str]], nominals: set[str], verbs: set[str] = frozenset()) -> dict[str, set[str]]:
    """bases_of with every case form of the nominals and a question's forms of the verbs added: the forms a
    reader may type."""
    learn = defaultdict(set, {word: set(found) for word, found in bases_of.items()})
    for base in nominals:
        for form in paradigm(base) - {base}:
            learn[form].add(base)
    for verb in verbs:
        for form in verb_paradigm(verb):
            learn[form].add(verb)
    return learn


def stem_rules(bases_of: dict[str, set[str]]) -> set[tuple[str, str]]:
    """The fewest stem changes x -> y that take every form of the site to its base forms.

    A form and its base form share a prefix once an ending is stripped; the
    differing tails make a rule ("kriisitilante|issa" -> "te" -> "ne", or
    "nte" -> "nne"). Greedy set cover: the rule that reaches the most pairs
    not yet reached, until none is left (a pair no rule reaches is listed in
    keys). Rules reach forms of other base forms too; that is what they are for.
    """
    reaches = defaultdict(set)  # rule -> (form, base form) pairs it takes the form to
    for word, found in bases_of.items():
        word_stems = stems(word)
        for base in found - set(word_stems):  # not reached by an ending alone
            if len(base) < MIN:
                continue  # the module tries no shorter candidates
            for stem in word_stems:
                for common in range(KEEP, common_prefix(stem, base) + 1):
                    if len(stem) - common <= MAX_TAIL and len(base) - common <= MAX_TAIL:
                        reaches[stem[common:], base[common:]].add((word, base))
    chosen, left = set(), set().union(*reaches.values())
    heap = [(-len(pairs), rule) for rule, pairs in reaches.items()]
    heapq.heapify(heap)
    while left and heap:  # lazy greedy: a rule's count only falls, so recount the top one
        _, rule = heapq.heappop(heap)
        count = len(reaches[rule] & left)
        if heap and count < -heap[0][0]:
            heapq.heappush(heap, (-count, rule))
        elif count:
            chosen.add(rule)
            left -= reaches[rule]
    return chosen


def tails(rules: set[tuple[str, str]]) -> dict[str, list[str]]:
    """Rules by the stem tail they change: {"de": ["s"], ...}."""
    by_tail = defaultdict(list)
    for x, y in sorted(rules):
        by_tail[x].append(y)
    return by_tail


def candidates(word: str, by_tail: dict[str, list[str]], heads: set[str] | None = None) -> set[str]:
    """Twin of the module's candidates(word) (without its grown rules): base forms word may be a form of.

    (The module stops at its longest rule's tail, this at MAX_TAIL: the same, as no rule is longer.)
    heads, if given, skips changes to a stem whose rest begins no base form: faster, and
    the same once intersected with the base forms.
    """
    out = set()
    for stem in stems(word):
        out.add(stem)
        size = len(stem)
        for n in range(min(MAX_TAIL, size - KEEP) + 1):
            if (changes := by_tail.get(stem[size - n:])) and (heads is None or stem[:size - n] in heads):
                out.update(stem[:size - n] + y for y in changes)
    out.discard(word)
    return {key for key in out if len(key) >= MIN}


def stems(word: str) -> list[str]:
    """word with each ending it ends in (and none) stripped off, at least MIN - 1 letters left."""
    return [word[:len(word) - n] for n in ENDING_LENGTHS
            if len(word) - n >= MIN - 1 and (not n or word[len(word) - n:] in ENDINGS)]


def seams(base: str, parts: set[str]) -> str:
    """base with "=" where parts that begin or end it meet the rest: "tieto=turva=ryhmä"."""
    cuts = {len(p) for p in parts if base.startswith(p)} | {len(base) - len(p) for p in parts if base.endswith(p)}
    return "".join(("=" if i in cuts else "") + c for i, c in enumerate(base))


def runs(marked: str) -> set[str]:
    """Twin of the module's runs(): the compound parts that seams give, "a=b=c" -> a, b, c, ab, bc."""
    pieces = marked.split("=")
    return {"".join(pieces[i:j]) for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1)
            if j - i < len(pieces) and len("".join(pieces[i:j])) >= MIN_PART}


def relative(base: str, form: str) -> str:
    """form as letters to drop from base and letters to add: ("tekijänoikeus", "tekijänoikeudet") -> "1det"."""
    common = common_prefix(base, form)
    return f"{len(base) - common}{form[common:]}"


def common_prefix(a: str, b: str) -> int:
    n, most = 0, min(len(a), len(b))
    while n < most and a[n] == b[n]:
        n += 1
    return n

