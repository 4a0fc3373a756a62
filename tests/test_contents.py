"""The front page's contents list built from the nav (macros/contents.py)."""
import pytest

from macros.contents import contents_list
from macros.validate import DataError


NAV = [
    {"Etusivu": "index.md"},
    {"Ohje": [
        {"1. Yksi": "yksi.md"},
        {"3. Kolme": ["kolme/index.md", {"3.1. Alakohta": "kolme/ala.md"}]},
        {"4. Ilman hakemistoa": [{"4.1. Sivu": "nelja/sivu.md"}]},
        {"Muutoshistoria": "muutoshistoria.md"},   # a page about the guideline, not a part of it
    ]},
]


def test_contents_list_nests_sections_and_links_relative_to_the_page():
    assert contents_list(NAV, "Ohje", "index.md").splitlines() == [
        "- [1. Yksi](yksi.md)",
        "- [3. Kolme](kolme/index.md)",
        "    - [3.1. Alakohta](kolme/ala.md)",
        "- 4. Ilman hakemistoa",
        "    - [4.1. Sivu](nelja/sivu.md)",
    ]
    assert contents_list(NAV, "Ohje", "kolme/index.md").splitlines()[:2] == [
        "- [1. Yksi](../yksi.md)", "- [3. Kolme](index.md)"]


def test_contents_list_of_a_missing_section_fails_in_finnish():
    with pytest.raises(DataError, match="nav: osiota 'Puuttuu' ei ole"):
        contents_list(NAV, "Puuttuu", "index.md")
