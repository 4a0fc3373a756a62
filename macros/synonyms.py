"""data/haku/synonyymit.yml: staff words by class, read and checked as the build reads them.

The Finnish search (overrides/hooks/search_fi.py) uses the staff words; `python -m
macros.check_data` checks the file with this same reader before the build, so a
mistake comes as one Finnish message naming the file, the line, the class and the key.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .validate import DataError, load_yaml

SYNONYMS = Path("haku/synonyymit.yml")  # under data/
STAFF_WORD = re.compile(r"[^\W\d_]+")


def load_synonyms(path: Path) -> dict[str, list[str]]:
    """Staff word -> guideline words or word pairs, from every class."""
    return {key: targets for words in load_synonym_classes(path).values() for key, targets in words.items()}


def load_background_words(path: Path) -> set[str]:
    """The words of the classes marked `tausta: true`, staff words and guideline words alike.

    Such a word says where a question is asked (a service the guideline names only as an
    example: "facebookissa"), not what about: the search counts it for less than the others."""
    return {word for words in read_classes(path)[1].values() for key, targets in words.items()
            for word in [key, *(t for t in targets if " " not in t)]}


def load_synonym_classes(path: Path) -> dict[str, dict[str, list[str]]]:
    """Class -> {staff word -> guideline words or word pairs}.

    Each class has a reason ("peruste": the guideline's words it stands for) and its words
    ("sanat"), and may be marked as background words (`tausta: true`, load_background_words).
    DataError, in Finnish, naming the file, the line, the class and the key, if the
    file is malformed or a staff word is in two classes.
    """
    return read_classes(path)[0]


def read_classes(path: Path) -> tuple[dict[str, dict[str, list[str]]], dict[str, dict[str, list[str]]]]:
    """(every class, the classes marked `tausta: true`), as load_synonym_classes() reads them."""
    load_yaml(path)  # a YAML mistake in Finnish, at its line
    root = yaml.compose(path.read_text(encoding="utf-8"))  # again, with the lines of its nodes

    def fail(node, what: str):
        raise DataError(f"{path}, rivi {node.start_mark.line + 1}: {what}")

    if not isinstance(root, yaml.MappingNode) or not root.value:
        raise DataError(f"{path}: odotettiin luokkia (esim. `henkilöt:`, jonka alla `peruste:` ja `sanat:`)")
    classes, background, seen = {}, {}, {}
    for name_node, body in root.value:
        name = name_node.value
        if not isinstance(body, yaml.MappingNode) or {k.value for k, _ in body.value} - {"tausta"} != {
                "peruste", "sanat"}:
            fail(name_node, f"{name}: luokalla on oltava `peruste:` (mitä ohjeen sanoja se koskee) ja `sanat:`, "
                            "ja siinä voi olla `tausta: true`")
        fields = {k.value: (k, v) for k, v in body.value}
        if "tausta" in fields and yaml.safe_load(yaml.serialize(fields["tausta"][1])) is not True:
            fail(fields["tausta"][0], f"{name}: `tausta:` on joko `true` tai se jätetään pois")
        reason_key, reason = fields["peruste"]
        if not isinstance(reason, yaml.ScalarNode) or not reason.value.strip():
            fail(reason_key, f"{name}: peruste puuttuu: kerro, mitä ohjeen sanoja luokka koskee")
        words_key, words_node = fields["sanat"]
        if not isinstance(words_node, yaml.MappingNode) or not words_node.value:
            fail(words_key, f"{name}: sanat puuttuvat (esim. `tili: profiili`)")
        words = classes[name] = {}
        for key_node, value_node in words_node.value:
            key = key_node.value
            if not isinstance(key_node, yaml.ScalarNode) or not STAFF_WORD.fullmatch(key) or key != key.lower():
                fail(key_node, f"{name}: {key!r}: avaimen on oltava yksi sana pienin kirjaimin")
            value = yaml.safe_load(yaml.serialize(value_node))
            targets = [value] if isinstance(value, str) else value
            if not isinstance(targets, list) or not targets or not all(
                    isinstance(t, str) and t.split() and all(STAFF_WORD.fullmatch(w) for w in t.split())
                    for t in targets):
                fail(key_node, f"{name}: {key}: arvon on oltava ohjeen sana tai sanapari tai luettelo niistä, "
                               f"saatiin {value!r}")
            targets = [" ".join(t.lower().split()) for t in targets]
            if key in targets:
                fail(key_node, f"{name}: {key}: sana ei voi olla oma synonyyminsä")
            if key in seen:
                fail(key_node, f"{name}: {key}: sana on jo luokassa {seen[key]}; kullakin sanalla on yksi luokka")
            seen[key], words[key] = name, targets
        if "tausta" in fields:
            background[name] = words
    return classes, background
