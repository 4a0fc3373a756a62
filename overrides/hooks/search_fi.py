"""Finnish search: base forms and inflected forms of a word find the same sections.

Material's search (lunr in a web worker) matches typed words as prefixes of the
page's words, so "tekijänoikeus" misses "tekijänoikeudet" (consonant gradation)
and "vahingonkorvauslaki" misses "vahingonkorvauslain". This hook gives the
worker two things, appended to the theme override of Material's Finnish module
(overrides/assets/javascripts/lunr/min/lunr.fi.min.js), which does the rest:

- keys: for every word form of the site, its Voikko base forms and the base
  forms of its compound parts; the index gets them beside the word itself;
- endings and stem rules: how to take a typed word that may not occur in the
  site ("salasanoja") back to candidate base forms ("salasana"), learned here
  from Voikko's analyses of the site's own words. Only candidates that are
  words of the index count, so a typed word unrelated to the guideline
  ("kissa") finds nothing.

The build fails if Voikko or its Finnish dictionary is missing.
"""
from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from pathlib import Path

from mkdocs.exceptions import PluginError

from voikko_fi import VoikkoMissing, base_forms, readings, voikko

MODULE = Path("assets/javascripts/lunr/min/lunr.fi.min.js")
PLACEHOLDER = "/* SEARCH_FI_DATA */ null"
# Finnish case and number endings (back-vowel spelling; front-vowel twins are added).
# A typed word is tried with each one it ends in stripped off.
ENDINGS_BACK = (
    "n t a ta na ksi ssa sta lla lta lle tta ne seen hin an en in on un yn "
    "ja jen ita iden itten ien ia ina iksi issa ista illa ilta ille iin ihin isiin ten"
).split()
MAX_TAIL = 4       # stem changes are short: "uks" -> "us", "nte" -> "nne", "i" -> "ki"
MIN_COMMON = 2     # a stem rule needs this many unchanged letters before the change
VOWELS = set("aeiouyäö")
FRONT = str.maketrans("aou", "äöy")
PROBE_ENDINGS = ("ssa", "n", "lla", "a")  # to check a generalised stem rule with Voikko


def on_config(config):
    try:
        voikko()
    except VoikkoMissing as err:
        raise PluginError(f"search_fi: {err}") from err


def on_post_build(config):
    site = Path(config["site_dir"])
    index = site / "search" / "search_index.json"
    module = site / MODULE
    if not index.exists():  # search plugin disabled
        return
    if PLACEHOLDER not in (text := module.read_text(encoding="utf-8")):
        raise PluginError(f"search_fi: {module} has no {PLACEHOLDER!r}; is the theme override in place?")
    data = search_data(words(json.loads(index.read_text(encoding="utf-8"))))
    module.write_text(text.replace(PLACEHOLDER, json.dumps(data, ensure_ascii=False, separators=(",", ":"))),
                      encoding="utf-8")


def words(search_index: dict) -> set[str]:
    """Lower-case word forms of the search index, split as Material's worker splits them."""
    separator = re.compile(search_index["config"]["separator"])
    found = set()
    for doc in search_index["docs"]:
        for field in ("title", "text"):
            text = html.unescape(re.sub(r"<[^>]+>", " ", doc.get(field) or ""))
            for token in separator.split(text):
                word = clean(token)
                if word.isalpha() and len(word) > 1:
                    found.add(word)
    return found


def search_data(site_words: set[str]) -> dict:
    """What the browser needs: base forms with the site's forms and compound parts, endings, stem rules.

    One line per base form: "tekijänoikeus 1det|oikeus tekijä". A form is
    written as how many letters to drop from the base form and what to add.
    """
    forms, parts, pairs = defaultdict(set), defaultdict(set), []
    for word in sorted(site_words):
        for base, base_parts in readings(word).items():
            parts[base] |= base_parts
            if base != word:
                forms[base].add(word)
                pairs.append((word, base))
    lines = []
    for base in sorted(set(forms) | {b for b, p in parts.items() if p}):
        line = " ".join([base, *(relative(base, form) for form in sorted(forms[base]))])
        lines.append(line + ("|" + " ".join(sorted(parts[base])) if parts[base] else ""))
    return {
        "keys": "\n".join(lines),
        "endings": endings(),
        "rules": " ".join(f"{x}>{y}" for x, y in sorted(stem_rules(pairs))),
    }


def relative(base: str, form: str) -> str:
    """form as letters to drop from base and letters to add: ("tekijänoikeus", "tekijänoikeudet") -> "1det"."""
    common = common_prefix(base, form)
    return f"{len(base) - common}{form[common:]}"


def endings() -> list[str]:
    return sorted({e for back in ENDINGS_BACK for e in (back, back.translate(FRONT))})


def stem_rules(pairs: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Stem changes x -> y that take an inflected stem back to its base form.

    Learned: for each (form, base form) of the site and each ending the form
    ends in, the stripped stem and the base form share a prefix; the differing
    tails make a rule ("kriisitilante|issa" -> "te" -> "ne"). Wrong splits make
    rules too; they cost little, as the browser keeps only candidates that are
    words of the index. Then generalised: the stem's other grades ("tee",
    "tei" beside "te"), each kept only if Voikko accepts a form made with it.
    """
    learned: dict[tuple[str, str], str] = {}
    for form, base in pairs:
        for ending in [""] + endings():
            if not form.endswith(ending) or len(form) - len(ending) < MIN_COMMON:
                continue
            stem = form[:len(form) - len(ending)]
            common = common_prefix(stem, base)
            x, y = stem[common:], base[common:]
            if stem != base and common >= MIN_COMMON and len(x) <= MAX_TAIL and len(y) <= MAX_TAIL:
                learned.setdefault((x, y), base)
    rules = set(learned)
    for (x, y), base in learned.items():
        for grade in other_grades(x):
            if (grade, y) not in rules and voikko_accepts(base[:len(base) - len(y)] + grade, base):
                rules.add((grade, y))
    return rules


def other_grades(tail: str) -> set[str]:
    """The same stem with a long vowel or the plural i: "te" -> "tee", "tei"."""
    if not tail or tail[-1] not in VOWELS:
        return set()
    grades = {tail + tail[-1], tail[:-1] + "i", tail + "i"}
    if tail[-1] == "i" and len(tail) > 1 and tail[-2] in VOWELS:
        grades.add(tail[:-1] + tail[-2])
    return grades - {tail}


def voikko_accepts(stem: str, base: str) -> bool:
    """Is stem + some common ending a form of base, by Voikko?"""
    back = any(c in "aou" for c in base)
    return any(base in base_forms(stem + (ending if back else ending.translate(FRONT)))
               for ending in PROBE_ENDINGS)


def common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def clean(token: str) -> str:
    """Lower case, without punctuation at either end (as the worker looks words up)."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", token.lower())
