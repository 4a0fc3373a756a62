"""The components, found by their folders: nothing central lists them.

A component is a folder overrides/components/<name>/ with its own script <name>.js (what `use()`
loads, with <name>.css), and its module macros/<name with - as _>.py, which declares:

    macros(ctx: Context) -> {name: function}   required: the macros its pages call
    DATA = {glob: (model, schema name)}        optional: its data files (a glob under data/; the model
                                               in macros/models/); models.files() and `make schemas` read it
    load(data_dir: Path) -> data               optional: its data, each file by its model; ctx.data[name]
    check(data, guideline: Guideline)          optional: its data against the guideline (quotes, links)

A folder without <name>.js holds templates of the site's own macros (site/, versions/), not a
component; a module without macros() is not one either (macros/versions.py). A component folder
without its module, or whose module declares no macros(), stops the build (ComponentError).

    discover() -> [Component]                  alphabetical by name
    data_files() -> {glob: (model, schema name)}    every component's DATA
    load_components(data_dir, guideline) -> {name: data}   loaded, then checked against the guideline
    Context                                    what macros(ctx) gets (below)

Nothing here imports mkdocs.
"""
from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from .guideline import Guideline, Href, check_page_quotes, check_refs, prose_refs
from .templates import COMPONENTS
from .validate import each, raise_all

MACROS = Path(__file__).resolve().parent


class ComponentError(Exception):
    """A component folder and its module do not fit together (a developer's mistake, in English)."""


@dataclasses.dataclass(frozen=True)
class Component:
    name: str             # the folder's name: data-module, the CSS prefix loimaa-<name>, use("<name>")
    module: ModuleType    # macros/<name with - as _>.py

    @property
    def data_files(self) -> dict[str, tuple[type, str]]:
        return getattr(self.module, "DATA", {})


@dataclasses.dataclass(frozen=True)
class Context:
    """What a component's macros(ctx) gets, once per build. use and href act on the page being rendered."""
    data: Mapping[str, Any]         # each component's load() result, by component name ("role-helper": ...)
    ohje: dict                      # data/ohje.yml as checked (macros/site_data.py)
    versions: dict                  # the stored versions and the changes since (macros/versions.py, state)
    use: Callable[[str], None]      # use("<name>"): that component's CSS and JS on this page
    href: Href                      # a docs link {"page", "anchor"} -> its URL from this page


def module_of(name: str) -> ModuleType | None:
    """macros/<name>.py, imported; None when there is no such file."""
    if not (MACROS / f"{name}.py").is_file():
        return None
    return importlib.import_module(f"{__package__}.{name}")


def discover(folder: Path = COMPONENTS,
             find: Callable[[str], ModuleType | None] = module_of) -> list[Component]:
    """Every component folder under folder with its module (find: module name -> module or None)."""
    found = []
    for path in sorted(p for p in folder.iterdir() if (p / f"{p.name}.js").is_file()):
        module_name = path.name.replace("-", "_")
        module = find(module_name)
        if module is None:
            raise ComponentError(f"{path}: the component folder has no module macros/{module_name}.py "
                                 "(guides/developers.md, Adding a component)")
        if not callable(getattr(module, "macros", None)):
            raise ComponentError(f"macros/{module_name}.py: the module of the component {path.name!r} "
                                 "declares no macros(ctx) (guides/developers.md, Adding a component)")
        found.append(Component(path.name, module))
    return found


def data_files(components: list[Component] | None = None) -> dict[str, tuple[type, str]]:
    """Every component's data files (DATA): {glob under data/: (model, schema name)}."""
    found: dict[str, tuple[type, str]] = {}
    for component in discover() if components is None else components:
        for pattern, entry in component.data_files.items():
            if pattern in found:
                raise ComponentError(f"data/{pattern}: declared by two components; one data file has one owner")
            found[pattern] = entry
    return found


def load_components(data_dir: Path, guideline: Guideline) -> dict[str, Any]:
    """Each component's data from data_dir, checked against the guideline: each component's own check
    (the checklists' bullets, the roles' and the quiz's quotes and links), the guideline's words
    beside the site's own text (Prose) and the blockquotes of the site's own pages. Every mismatch
    with the guideline is reported at once."""
    components = [c for c in discover() if hasattr(c.module, "load")]
    data = {c.name: c.module.load(data_dir) for c in components}
    checks = [lambda c=c: c.module.check(data[c.name], guideline) for c in components if hasattr(c.module, "check")]
    raise_all(each([*checks, lambda: check_refs(prose_refs(*data.values()), guideline),
                    lambda: check_page_quotes(guideline)], lambda check: check()))
    return data
