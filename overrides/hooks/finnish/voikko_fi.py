"""Finnish base forms and compound parts from Voikko (libvoikko1 + voikko-fi).

Used at build time by the search data (search_data.py, for search_fi.py): every word form of the
site gets its search keys, i.e. its base forms and the base forms of its
compound parts ("vahingonkorvauslain" -> vahingonkorvauslaki, vahinko,
korvaus, laki). Fails loudly when Voikko or its Finnish dictionary is missing.
"""
from __future__ import annotations

import bisect
import functools
import os
import re

INSTALL_HINT = (
    "Asenna Voikko: `sudo apt-get install libvoikko1 voikko-fi` (Debian; "
    "scripts/system-deps.sh tekee sen) ja Python-paketti `pip install -r requirements.txt` "
    "(libvoikko). Install Voikko: Debian packages libvoikko1 and voikko-fi, PyPI libvoikko."
)
MIN_PART = 3  # shorter compound parts ("yö", "tv") would match too much as prefixes
# One morpheme of Voikko's WORDBASES, e.g. "+korva(korvata)", "+us(+us)", "+esi".
_MORPHEME = re.compile(r"\+([^+(]+)(?:\(([^)]*)\))?")


class VoikkoMissing(RuntimeError):
    """Voikko's library or Finnish dictionary cannot be loaded."""


@functools.cache
def voikko():
    """The shared Voikko instance for Finnish; VoikkoMissing if it can't be had."""
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception as err:  # ImportError, OSError (no .so), VoikkoException (no dictionary)
        raise VoikkoMissing(f"Voikko ei toimi ({type(err).__name__}: {err}). {INSTALL_HINT}") from err


@functools.cache
def analyses(word: str) -> tuple[dict, ...]:
    """Voikko's analyses of word, only those with the fewest compound parts.

    Voikko also offers far-fetched splits ("tietopankissa" as tie+toppa+kissa);
    the reading with the fewest parts is the one a reader means.
    """
    found = voikko().analyze(word)
    fewest = min((parts(a) for a in found if parts(a)), default=0)
    return tuple(a for a in found if parts(a) in (0, fewest))  # 0: no STRUCTURE given


def parts(analysis: dict) -> int:
    return analysis.get("STRUCTURE", "").count("=")


def readings(word: str) -> dict[str, set[str]]:
    """Base forms of word, each with its compound parts: {"kuvakaappaus": {"kuva", "kaappaus"}}."""
    found: dict[str, set[str]] = {}
    for analysis in analyses(word):
        if base := analysis.get("BASEFORM", "").lower():
            found.setdefault(base, set()).update(compound_parts(base, analysis.get("WORDBASES") or ""))
    return found


def base_forms(word: str) -> set[str]:
    """Lower-case base forms of word: "tekijänoikeudet" -> {"tekijänoikeus"}; empty if unknown."""
    return set(readings(word))


def search_keys(word: str) -> set[str]:
    """Base forms of word and of its compound parts (empty if Voikko doesn't know it)."""
    return {key for base, parts in readings(word).items() for key in (base, *parts)}


def compound_parts(base: str, wordbases: str) -> list[str]:
    """Base forms of the parts of a compound base form ("vahingonkorvaus", "korvaus", "laki"); [] if simple.

    WORDBASES segments the base form: "+vahingon(vahinko)+korva(korvata)+us(+us)
    +laki(laki)". Derivational suffixes ("+us") stay with their stem, a bare
    prefix ("+esi" in esimies) with the following part.
    """
    components: list[list[str]] = []  # [surface, base form if one plain morpheme]
    pending = ""  # a bare prefix waiting for its stem
    for surface, origin in _MORPHEME.findall(wordbases):
        if origin.startswith("+") and components:
            components[-1] = [components[-1][0] + surface, ""]
        elif not origin:
            pending += surface
        else:
            components.append([pending + surface, "" if pending else origin.replace("=", "")])
            pending = ""
    if pending and components:
        components[-1] = [components[-1][0] + pending, ""]
    parts = set()
    for k, (surface, origin) in enumerate(components[:-1]):  # "vahingon(vahinko)", "korvaus"
        parts.update({origin.lower()} if origin else base_forms(surface.lower()) or {surface.lower()})
        head = "".join(c[0] for c in components[:k + 1]).lower()
        parts.add(base[len(head):] if base.startswith(head) else components[-1][0].lower())  # "korvauslaki"
        if k:
            parts.update(base_forms(head) or {head})  # "vahingonkorvaus"
    return sorted(p for p in parts if len(p) >= MIN_PART and p != base)


# --- complete paradigms (voikko-inflect's generator, PyPI `voikko`) ------------------

NOMINALS = {"nimisana", "laatusana", "nimisana_laatusana"}  # Voikko's CLASS of nouns and adjectives
# The cases a reader types (nominative to allative, essive, translative), singular and plural.
CASES = tuple(f"{case}{number}" for number in ("", "_mon") for case in (
    "nominatiivi", "genetiivi", "partitiivi", "inessiivi", "elatiivi", "illatiivi",
    "adessiivi", "ablatiivi", "allatiivi", "essiivi", "translatiivi"))


def nominal_bases(word: str) -> set[str]:
    """Base forms of word that Voikko reads as a noun or an adjective."""
    return {a["BASEFORM"].lower() for a in analyses(word) if a.get("CLASS") in NOMINALS and a.get("BASEFORM")}


@functools.cache
def _generator():
    try:
        from voikko import inflect_word
    except ImportError as err:
        raise VoikkoMissing(f"voikko-inflect puuttuu ({err}): `pip install -r requirements.txt` (PyPI voikko)") from err
    return inflect_word


@functools.cache
def paradigm(base: str) -> frozenset[str]:
    """Every form of base in CASES, from voikko-inflect's generator.

    A compound inflects only its last part: "tietoturvaohje" gets the forms of
    "ohje" after "tietoturva". The generator's word list gives the inflection
    class; for a word not in it (nor its last part), the listed word with the
    longest common ending lends its class ("kirjautuminen" as "aukeaminen").
    """
    inflect = _generator()
    for start in [0, *_seams(base)]:
        if (tail := base[start:]) in inflect.WORD_CLASSES:
            return _forms(base[:start], tail, inflect.WORD_CLASSES[tail]) or _analysed_forms(base)
    return _forms("", base, inflect.WORD_CLASSES[_by_ending(base)]) or _analysed_forms(base)


# Endings tried on a word whose class the generator has no forms for (back and front vowels).
_TRY_ENDINGS = ("n t a ä ta tä na nä ksi ssa ssä sta stä lla llä lta ltä lle tta ttä seen hin en in ten "
                "ia iä ien iin ihin issa issä ista istä illa illä ilta iltä ille ina inä iksi").split()


def _analysed_forms(base: str) -> frozenset[str]:
    """Forms of base for a class the generator lists but has no forms for ("lapsi": "lasten", "lapsia"):
    stems near base's start (a letter of the last three dropped, an "e" added) with each ending, kept
    where Voikko reads the result as base."""
    stems = set()
    for k in range(max(2, len(base) - 3), len(base) + 1):
        start = base[:k]
        for stem in {start} | {start[:i] + start[i + 1:] for i in range(max(1, k - 3), k)}:
            stems |= {stem, stem + "e"}
    return frozenset(f for stem in stems for ending in _TRY_ENDINGS
                     if (f := stem + ending) != base and base in nominal_bases(f))


def _forms(head: str, tail: str, classes: list[str]) -> frozenset[str]:
    inflect = _generator()
    homonyms = inflect.generate_forms(tail, infl_classes=[c for c in classes if c.startswith("subst-")] or None)
    return frozenset(head + f for homonym in homonyms for case in CASES for f in homonym.get(case, ()) if f.isalpha())


def _by_ending(word: str) -> str:
    """The generator's listed noun with the longest ending in common with word."""
    ends, words = _endings()
    i = bisect.bisect_left(ends, word[::-1])
    near = [words[j] for j in (i - 1, i) if 0 <= j < len(words)]
    return max(near, key=lambda w: len(os.path.commonprefix([w[::-1], word[::-1]])))


@functools.cache
def _endings() -> tuple[list[str], list[str]]:
    classes = _generator().WORD_CLASSES
    nouns = sorted((w[::-1], w) for w, c in classes.items() if any(x.startswith("subst-") for x in c))
    return [e for e, _ in nouns], [w for _, w in nouns]


def _seams(base: str) -> list[int]:
    """Where base's compound parts after the first start, by Voikko's STRUCTURE: "tietoturvaohje" -> [5, 10]."""
    for analysis in analyses(base):
        seams, letters = [], 0
        for char in analysis.get("STRUCTURE", ""):
            if char == "=":
                seams.append(letters)
            else:
                letters += 1
        if len(seams) > 1 and letters == len(base):
            return sorted(set(seams[1:]))
    return []


def verb_bases(word: str) -> set[str]:
    """Base forms of word that Voikko reads as a verb."""
    return {a["BASEFORM"].lower() for a in analyses(word) if a.get("CLASS") == "teonsana" and a.get("BASEFORM")}


@functools.cache
def action_noun(verb: str) -> str | None:
    """The verb's -minen noun, which Voikko reads as the verb: "julkaista" -> "julkaiseminen"; None if not found.

    Its stem is the present tense's ("julkaise|n") or the infinitive's ("kirjautu|a"); Voikko decides.
    """
    for stem in (verb[:-1], verb[:-2] + "e", verb[:-2], *_present_stems(verb)):
        if verb in {a.get("BASEFORM", "").lower() for a in analyses(stem + "minen")}:
            return stem + "minen"
    return None


@functools.cache
def nti_pair(word: str) -> str | None:
    """The -oida verb's -ointi noun, or the -ointi noun's verb, if Voikko knows both: "reagoida" <-> "reagointi".

    Finnish makes the one from the other ("aktivoida", "aktivointi"); staff type either, the text has one.
    """
    if re.fullmatch(r".{3,}[oö]id[aä]", word) and verb_bases(word) == {word}:
        noun = word[:-2] + "nti"
        return noun if nominal_bases(noun) == {noun} else None
    if re.fullmatch(r".{3,}[oö]inti", word) and nominal_bases(word) == {word}:
        verb = word[:-3] + ("da" if re.search(r"[aou]", word) else "dä")
        return verb if verb_bases(verb) == {verb} else None
    return None


@functools.cache
def lu_noun(verb: str) -> str | None:
    """The -lla/-llä verb's -lu/-ly noun, if Voikko knows it: "panetella" -> "panettelu" (the present
    stem's grade: "panettele|n"), "käsitellä" -> "käsittely"; staff type the noun, the text has the verb.

    Only this kind: the -us nouns of -ta verbs often mean something else ("koota", "kokous").
    """
    if not re.fullmatch(r".{3,}ll[aä]", verb) or verb_bases(verb) != {verb}:
        return None
    for stem in _present_stems(verb):
        noun = stem[:-1] + ("u" if verb.endswith("a") else "y")
        if stem.endswith("le") and nominal_bases(noun) == {noun}:
            return noun
    return None


# The suffixes with which Voikko derives a noun of a verb: its act or result ("poisto", "julkaisu", "päivitys",
# "ylläpito", "hallinta", "seuraus") or its doer ("seuraaja"). Not participles ("julkaistu", "kuvattu", "jakava").
DERIVED_SUFFIXES = frozenset("o ö u y us ys to tö nta ntä ja jä aja äjä".split())
# The nouns of its act that find a verb (act_nouns). Not the -nta nouns and doers, which Voikko derives of any verb,
# real word or not ("annanta", "kuluja" of "kulua", itself a form of "kulu"): a doer counts only where the site
# has it (agent_verb). Nor -us nouns, which often mean another thing than their verb ("seuraus" of "seurata",
# "korvaus", "kohtaus").
ACT_SUFFIXES = frozenset("o ö u y ys to tö".split())


@functools.cache
def source_verb(noun: str) -> str | None:
    """The verb Voikko derives noun from with one of DERIVED_SUFFIXES: "poisto" -> "poistaa", "seuraaja" ->
    "seurata", "ylläpitäjä" -> "ylläpitää"; staff type the one where the text has the other."""
    if verb_bases(noun):
        return None  # a verb form itself
    for a in analyses(noun):
        m = re.fullmatch(r"\+[^(]*\(([^)]*)\)(?:\+([a-zäö]+))?\+([a-zäö]+)\(\+[a-zäö]+\)", a.get("WORDBASES", ""))
        if (m and a.get("BASEFORM", "").lower() == noun and (m[2] or "") + m[3] in DERIVED_SUFFIXES
                and verb_bases(verb := m[1].replace("=", "")) == {verb}):
            return verb
    return None


@functools.cache
def act_nouns(verb: str) -> frozenset[str]:
    """The nouns source_verb() derives from verb ("poistaa" -> "poisto", "päivittää" -> "päivitys"): made of
    the stems of its infinitive and its "I ..." form ("päivitä|n"), and kept if Voikko derives them so."""
    stems = {verb[:-1], verb[:-2], *_present_stems(verb)}
    roots = {s[:len(s) - k] for s in stems for k in (0, 1, 2) if len(s) - k >= MIN_PART}
    return frozenset(n for n in {r + s for r in roots for s in ACT_SUFFIXES}
                     if source_verb(n) == verb and all(a.get("BASEFORM", "").lower() == n for a in analyses(n)))


def agent_verb(noun: str) -> str | None:
    """source_verb() of an -ja/-jä noun, the doer: "seuraaja" -> "seurata"."""
    return source_verb(noun) if noun.endswith(("ja", "jä")) else None


# The forms of a verb a reader types in a question, beside its base form: "I ...", "did ...", "would ...",
# "has ...", "was ...ed" ("rikon", "rikkoi", "rikkoisi", "rikkonut", "rikottiin"): what the generator makes.
VERB_FORMS = ("preesens_yks_1", "imperfekti_yks_3", "kondit_yks_3", "partisiippi_2", "imperfekti_pass")


@functools.cache
def verb_paradigm(verb: str) -> frozenset[str]:
    """The VERB_FORMS of verb, if the generator lists it (else none: a guessed class would make non-words)."""
    inflect = _generator()
    if verb not in inflect.WORD_CLASSES:
        return frozenset()
    return frozenset(f for homonym in inflect.generate_forms(verb) for kind in VERB_FORMS
                     for f in homonym.get(kind, ()) if f.isalpha() and f != verb)


def _present_stems(verb: str):
    """The stems of the verb's "I ..." form ("kohtaa|n"), if the generator lists the verb."""
    inflect = _generator()
    if verb in inflect.WORD_CLASSES:
        for homonym in inflect.generate_forms(verb):
            yield from (f[:-1] for f in homonym.get("preesens_yks_1", ()))
