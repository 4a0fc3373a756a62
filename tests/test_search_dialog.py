"""overrides/hooks/search_dialog.py: Material's search dialog gets a name and loses its empty tab
stop, or the build stops."""
from __future__ import annotations

import sys

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from search_dialog import NAMED, NO_TAB_STOP, TAB_STOP, UNNAMED, name_dialog


def test_the_dialog_gets_its_name_and_its_result_box_no_tab_stop():
    page = f"<body>{UNNAMED}<label></label>{TAB_STOP}</div></div></body>"
    assert name_dialog(page, "index.md") == f"<body>{NAMED}<label></label>{NO_TAB_STOP}</div></div></body>"


@pytest.mark.parametrize("page", [
    f'<div class="md-search md-search--new" data-md-component="search" role="dialog">{TAB_STOP}',
    f'{UNNAMED}<div class="md-search__scrollwrap" tabindex="0">',
], ids=["dialog changed", "result box changed"])
def test_changed_material_markup_fails_the_build_naming_the_page(page):
    with pytest.raises(PluginError, match="ohjeistus/tietoturva.md"):
        name_dialog(page, "ohjeistus/tietoturva.md")


def test_pages_without_search_are_left_alone():
    assert name_dialog("<p>sitemap</p>", "sitemap.xml") == "<p>sitemap</p>"


def test_every_built_page_has_a_named_search_dialog(site):
    pages = sorted(site.dir.rglob("*.html"))
    assert len(pages) > 15
    assert [p for p in pages if NAMED not in p.read_text(encoding="utf-8")] == []
    assert [p for p in pages if NO_TAB_STOP not in p.read_text(encoding="utf-8")] == []
