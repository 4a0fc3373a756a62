"""One name per component and one attribute vocabulary, as the developers' guide states them (issue 25, point 1).

Every template under overrides/components/ is checked: a component's templates live in its folder
overrides/components/<name>/ (with its <name>.js and <name>.css when it has any), its root says
data-module="<name>", and every data-* attribute is the guide's shared vocabulary, data-<name> (its
settings) or data-<name>-<part>. Shared templates (shared.html, site/, versions/) use the shared
vocabulary only.
"""
from __future__ import annotations

import re

import pytest

from conftest import ROOT

COMPONENTS = ROOT / "overrides" / "components"
GUIDE = (ROOT / "guides" / "developers.md").read_text(encoding="utf-8")
ATTRIBUTE = re.compile(r"""(?<![\w-])(data-[a-z][a-z0-9-]*)(?==|[\s>/]|\s*\})""")
MODULE = re.compile(r'data-module="([^"]*)"')


def readme_vocabulary() -> tuple[set[str], list[str]]:
    """The attributes the guide's paragraph names for all components, and its patterns (with "name")."""
    paragraph = re.search(r"### One attribute vocabulary\n\n(.*?)\n\n", GUIDE, re.S)
    assert paragraph, "guides/developers.md, Components: the section 'One attribute vocabulary' is missing"
    named = re.findall(r"`(data-[a-z-]+)", paragraph.group(1))
    return {a for a in named if "name" not in a}, [a for a in named if "name" in a]


def templates() -> list[str]:
    return sorted(p.relative_to(COMPONENTS).as_posix() for p in COMPONENTS.rglob("*.html"))


def component_of(template: str) -> str | None:
    """The component a template belongs to: its folder's name, if that folder has a data-module root."""
    folder = template.split("/")[0] if "/" in template else None
    if folder and any(MODULE.search(p.read_text(encoding="utf-8")) for p in (COMPONENTS / folder).glob("*.html")):
        return folder
    return None


def test_the_guide_states_the_vocabulary():
    shared, patterns = readme_vocabulary()
    assert {"data-module", "data-module-started", "data-js-only", "data-nojs", "data-storage-note",
            "data-search-exclude"} <= shared
    assert patterns == ["data-name", "data-name-part"]


@pytest.mark.parametrize("template", templates())
def test_template_uses_its_components_name_and_the_vocabulary(template):
    text = (COMPONENTS / template).read_text(encoding="utf-8")
    shared, _ = readme_vocabulary()
    name = component_of(template)
    modules = MODULE.findall(text)
    if name is None:
        assert modules == [], f"{template}: a component's root belongs in its folder overrides/components/<name>/"
    else:
        assert set(modules) <= {name}, f"{template}: data-module {modules} in the folder {name}/"
        for kind in ("js", "css"):
            assert (COMPONENTS / name / f"{name}.{kind}").is_file() or kind == "css", f"{name}/{name}.{kind}"
    own = re.compile(rf"data-{re.escape(name)}(-[a-z0-9-]+)?") if name else None
    wrong = sorted({a for a in ATTRIBUTE.findall(text) if a not in shared and not (own and own.fullmatch(a))})
    assert wrong == [], f"{template}: not in the guide's vocabulary for {name or 'shared templates'}: {wrong}"


def test_the_vocabulary_check_sees_a_stray_attribute():
    """The check above can fail: the role helper's settings under their old name are caught."""
    text = (COMPONENTS / "role-helper" / "role-helper.html").read_text(encoding="utf-8")
    assert "data-role-helper=" in text
    stray = text.replace("data-role-helper=", "data-role=")
    shared, _ = readme_vocabulary()
    own = re.compile(r"data-role-helper(-[a-z0-9-]+)?")
    assert [a for a in ATTRIBUTE.findall(stray) if a not in shared and not own.fullmatch(a)] == ["data-role"]


def test_component_css_classes_carry_its_name():
    """The component's own classes in its templates, JS and CSS start with loimaa-<name>; the others
    are the site's or all components' (loimaa.css, components.css)."""
    stylesheets = ROOT / "docs" / "assets" / "stylesheets"
    shared_css = "".join((stylesheets / f).read_text(encoding="utf-8") for f in ("loimaa.css", "components.css"))
    shared_classes = set(re.findall(r"\.(loimaa-[a-z-]+)", shared_css))
    for folder in sorted(p for p in COMPONENTS.iterdir() if p.is_dir()):
        name = folder.name
        if component_of(f"{name}/x") is None:
            continue
        for path in sorted(folder.iterdir()):
            text = path.read_text(encoding="utf-8")
            classes = {c for c in re.findall(r"(?<![\w-])(loimaa-[a-z][a-z-]*)", text)
                       if c.split("--")[0] not in shared_classes}   # a shared class and its modifiers
            # loimaa-js (set on <html>) and loimaa-print-* (the page's print mode) are the page's, not a component's.
            foreign = sorted(c for c in classes if not c.startswith(f"loimaa-{name}")
                             and c not in {"loimaa-js", "loimaa-ohje"} and not c.startswith("loimaa-print-"))
            assert foreign == [], f"{path.relative_to(ROOT)}: classes without the prefix loimaa-{name}: {foreign}"
