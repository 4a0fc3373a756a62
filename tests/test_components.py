"""How the build finds the components (macros/components.py): by their folders, with no central list.

A folder overrides/components/<name>/ with its script <name>.js is a component, and its module
macros/<name with - as _>.py must declare macros(ctx). A folder of templates only, or a module
without macros(ctx) and such a folder, is not a component. A component folder without its module,
or whose module declares no macros(ctx), is a developer's mistake that stops the build, naming both.
(tests/test_component_added.py adds one to a copy of the project and builds it.)
"""
from __future__ import annotations

from types import ModuleType

import pytest

from conftest import ROOT
from macros import components, models
from macros.components import ComponentError, discover

FOLDER = ROOT / "overrides" / "components"


def module(name: str, **attrs) -> ModuleType:
    found = ModuleType(f"macros.{name}")
    found.__dict__.update(attrs)
    return found


def folders(root, **files: list[str]):
    """Folders under root, each with the named files."""
    for name, names in files.items():
        (root / name.replace("_", "-")).mkdir()
        for file in names:
            (root / name.replace("_", "-") / file).write_text("", encoding="utf-8")
    return root


def test_every_folder_with_its_own_script_is_a_component_with_its_module():
    found = discover()
    scripts = sorted(p.parent.name for p in FOLDER.glob("*/*.js") if p.stem == p.parent.name)
    assert [c.name for c in found] == scripts and len(scripts) >= 5
    for component in found:
        assert component.module.__name__ == "macros." + component.name.replace("-", "_")
        assert callable(component.module.macros)


def test_the_data_files_are_the_site_files_and_each_components_declared_ones():
    declared = {pattern for c in discover() for pattern in getattr(c.module, "DATA", {})}
    assert declared >= {"tarkistuslistat/*.yml", "perehdytys/roolit.yml", "perehdytys/testi.yml"}
    assert set(models.files()) == set(models.SITE_FILES) | declared


def test_folders_of_templates_and_modules_without_the_interface_are_not_components(tmp_path):
    root = folders(tmp_path, alpha=["alpha.js", "alpha.html"], site=["note.html"], versions=["history.html"])
    mods = {"alpha": module("alpha", macros=lambda ctx: {}), "versions": module("versions", state=dict)}
    found = discover(root, mods.get)
    assert [(c.name, c.module) for c in found] == [("alpha", mods["alpha"])]


def test_a_component_folder_without_its_module_names_the_module_to_write(tmp_path):
    root = folders(tmp_path, role_helper=["role-helper.js"])
    with pytest.raises(ComponentError) as err:
        discover(root, {}.get)
    assert str(err.value) == (f"{root / 'role-helper'}: the component folder has no module macros/role_helper.py "
                              "(guides/developers.md, Adding a component)")


def test_a_component_module_without_macros_stops_the_build(tmp_path):
    root = folders(tmp_path, laskuri=["laskuri.js"])
    with pytest.raises(ComponentError, match=r"^macros/laskuri\.py: .*'laskuri' declares no macros\(ctx\)"):
        discover(root, {"laskuri": module("laskuri", DATA={}, macro=lambda ctx: {})}.get)


def test_one_data_file_declared_by_two_components_stops_the_build(tmp_path):
    entry = {"laskuri.yml": (object, "laskuri")}
    found = [components.Component(name, module(name, DATA=entry, macros=lambda ctx: {})) for name in ("a", "b")]
    assert components.data_files(found[:1]) == entry
    with pytest.raises(ComponentError, match=r"^data/laskuri\.yml: declared by two components"):
        components.data_files(found)
