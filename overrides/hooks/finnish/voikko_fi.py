"""Finnish base forms and compound parts from Voikko (libvoikko1 + voikko-fi).

Used at build time by the search hook (search_fi.py): every word form of the
site gets its search keys, i.e. its base forms and the base forms of its
compound parts ("vahingonkorvauslain" -> vahingonkorvauslaki, vahinko,
korvaus, laki). Fails loudly when Voikko or its Finnish dictionary is missing.
"""
from __future__ import annotations

import functools
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


@functools.lru_cache(maxsize=None)
def voikko():
    """The shared Voikko instance for Finnish; VoikkoMissing if it can't be had."""
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception as err:  # ImportError, OSError (no .so), VoikkoException (no dictionary)
        raise VoikkoMissing(f"Voikko ei toimi ({type(err).__name__}: {err}). {INSTALL_HINT}") from err


@functools.lru_cache(maxsize=None)
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
