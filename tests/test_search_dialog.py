"""overrides/hooks/search_dialog.py: Material's search dialog gets a name, or the build stops."""
from __future__ import annotations


import pytest
from mkdocs.exceptions import PluginError


from sitebuild.search_dialog import NAMED, UNNAMED, name_dialog


def test_the_dialog_gets_its_name():
    page = f"<body>{UNNAMED}<label></label></div></body>"
    assert name_dialog(page, "index.md") == f"<body>{NAMED}<label></label></div></body>"


def test_changed_material_markup_fails_the_build_naming_the_page():
    page = '<div class="md-search md-search--new" data-md-component="search" role="dialog">'
    with pytest.raises(PluginError, match="ohjeistus/tietoturva.md"):
        name_dialog(page, "ohjeistus/tietoturva.md")


def test_pages_without_search_are_left_alone():
    assert name_dialog("<p>sitemap</p>", "sitemap.xml") == "<p>sitemap</p>"


def test_every_built_page_has_a_named_search_dialog(site):
    pages = sorted(site.dir.rglob("*.html"))
    assert len(pages) > 15
    assert [p for p in pages if NAMED not in p.read_text(encoding="utf-8")] == []
