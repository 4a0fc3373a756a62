"""Finnish hyphenation for the PDF: soft hyphens (U+00AD) from Voikko.

Pyphen has no Finnish dictionary, so CSS `hyphens: auto` does nothing for
Finnish text. Voikko (Debian libvoikko1 + voikko-fi, PyPI libvoikko) knows
Finnish syllables and compounds ("vahingon|korvaus|lain"); the PDF build puts
its hyphenation points into the text as soft hyphens, which WeasyPrint breaks
at and shows as "-" only at a line end.

Only plain words are hyphenated: file names, addresses and numbers
("Loimaa_brändikäsikirja_1_24.pdf", "etunimi.sukunimi@loimaa.fi") stay whole.
"""
from __future__ import annotations

import functools
import re

from .voikko_fi import VoikkoMissing, voikko  # noqa: F401  (VoikkoMissing: callers catch it from here)

SHY = "\u00ad"
MIN_LENGTH = 6  # shorter words are not worth breaking
# A chunk between spaces that is a word: letters (and inner hyphens), with
# punctuation only at either end.
_WORD = re.compile(r"^([\"'(“”‘’«]*)([^\W\d_]+(?:-[^\W\d_]+)*-?)([\"')“”‘’».,:;!?]*)$")
_SPACE = re.compile(r"(\s+)")


@functools.cache
def _voikko():
    """The shared Voikko instance, set to leave no single letter alone at either end ("a-", "-a")."""
    v = voikko()
    v.setNoUglyHyphenation(True)
    return v


def check_available() -> None:
    """Raise VoikkoMissing unless Finnish hyphenation works."""
    _voikko()


@functools.cache
def hyphenate_word(word: str) -> str:
    """word with a soft hyphen at each of Voikko's hyphenation points."""
    if len(word) < MIN_LENGTH:
        return word
    pattern = _voikko().getHyphenationPattern(word)
    # "-": a break before this letter; "=": the letter itself is a hyphen
    # ("L-aseman"), where a line may break anyway.
    return "".join(SHY + ch if mark == "-" else ch for ch, mark in zip(word, pattern, strict=False))


def hyphenate_text(text: str) -> str:
    """Soft hyphens in every plain word of a run of text; spacing kept as is."""
    parts = _SPACE.split(text)
    for i, chunk in enumerate(parts):
        match = _WORD.match(chunk) if i % 2 == 0 else None
        if match:
            before, word, after = match.groups()
            parts[i] = before + "-".join(hyphenate_word(p) for p in word.split("-")) + after
    return "".join(parts)
