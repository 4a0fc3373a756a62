"""data/haku/synonyymit.yml: staff words by class, read and checked as the build reads them.

The Finnish search (overrides/hooks/search_fi.py) uses the staff words; `python -m
macros.check_data` checks the file with this same reader before the build, so a
mistake comes as one Finnish message naming the file, the line, the class and the key.
"""
from __future__ import annotations

from pathlib import Path

from . import models
from .models.synonyms import Synonyms

SYNONYMS = Path("haku/synonyymit.yml")  # under data/


def load_synonyms(path: Path) -> dict[str, list[str]]:
    """Staff word -> guideline words or word pairs, from every class."""
    return {key: targets for words in load_synonym_classes(path).values() for key, targets in words.items()}


def load_background_words(path: Path) -> set[str]:
    """The words of the classes marked `tausta: true`, staff words and guideline words alike.

    Such a word says where a question is asked (a service the guideline names only as an
    example: "facebookissa"), not what about: the search counts it for less than the others."""
    return _marked_words(path, "tausta")


def load_channel_words(path: Path) -> set[str]:
    """The words of the classes marked `kanava: true` (a profile, a service), staff words and guideline words alike.

    After "oma" such a word is the asker's own profile ("omassa facebookissa", "omalla tilillä"), which
    the search finds as the staff word "omaprofiili" (class "omat profiilit")."""
    return _marked_words(path, "kanava")


def load_actor_words(path: Path) -> set[str]:
    """The words of the classes marked `toimija: true` (people), staff words and guideline words alike.

    Typed in its base form ("asukas kirjoitti") such a word is the one who acts in the question, not
    whom it asks about: the search counts it for less, as a background word."""
    return _marked_words(path, "toimija")


def _marked_words(path: Path, mark: str) -> set[str]:
    return {word for body in models.load(path, Synonyms).root.values() if getattr(body, mark)
            for key, targets in body.sanat.items() for word in [key, *(t for t in targets if " " not in t)]}


def load_synonym_classes(path: Path) -> dict[str, dict[str, list[str]]]:
    """Class -> {staff word -> guideline words or word pairs}.

    Each class has a reason ("peruste": the guideline's words it stands for) and its words
    ("sanat"), and may be marked as background words (`tausta: true`, load_background_words) or as
    channels (`kanava: true`, load_channel_words) or as people (`toimija: true`, load_actor_words); its
    shape: macros/models/synonyms.py. DataError, in Finnish, naming the file,
    the line, the class and the key, if the file is malformed or a staff word is in two classes.
    """
    return {name: dict(body.sanat) for name, body in models.load(path, Synonyms).root.items()}
