"""Completion sheet component ("Suoritusmerkintä"): a printable record of the onboarding.

Unit: this module, overrides/components/completion-sheet/ (completion-sheet.html,
.js, .css), tests/test_completion_sheet*.py.
No data file of its own: it shows the quiz's chapters and the role helper's
situations, and completion-sheet.js fills in what this browser saved from them.
As a component (macros/components.py): macros(ctx) -> the macro completion_sheet().
"""
from __future__ import annotations

from markupsafe import Markup

from . import quiz as quiz_component
from . import role_helper, templates, update_notice
from .components import Context

STORAGE_KEY = "completion-sheet"  # was "perehdytys-suoritus": loimaa.js moves it (Loimaa.storage.renamed)
STORAGE_VERSION = 1


def script_config(quiz: dict, roles: dict) -> dict:
    """Where completion-sheet.js finds the other components' saved answers, and what they mean."""
    return {
        "key": STORAGE_KEY,
        "version": STORAGE_VERSION,
        "quiz": {"key": quiz_component.STORAGE_KEY, "version": quiz["version"], "total": len(quiz["questions"])},
        "roles": {"key": role_helper.STORAGE_KEY, "version": roles["version"],
                  "titles": role_helper.outcome_titles(roles)},
    }


def render(quiz: dict, roles: dict, notice: Markup) -> Markup:
    """The sheet: the guideline's version (and the update notice), name, unit and date fields,
    score, role, chapters, signatures. notice: update_notice.render(..., record=True)."""
    return templates.render("completion-sheet/completion-sheet.html", chapters=quiz["chapters"],
                            total=len(quiz["questions"]), config=script_config(quiz, roles), notice=notice)


def macros(ctx: Context) -> dict:
    def completion_sheet() -> Markup:
        ctx.use("completion-sheet")
        return render(ctx.data["quiz"], ctx.data["role-helper"], update_notice.notice(ctx, record=True))

    return {"completion_sheet": completion_sheet}
