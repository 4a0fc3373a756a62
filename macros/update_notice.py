"""Update notice component ("Ohje on päivittynyt suorituksesi jälkeen"), on the onboarding's front
page, the completion sheet and the quiz.

Unit: this module, overrides/components/update-notice/ (update-notice.html, .js, .css),
tests/test_update_notice*.py. No data file or storage key of its own: it reads the quiz's saved
answers (their version stamps) and the versions' state (macros/versions.py, staff_updates).
As a component (macros/components.py): macros(ctx) -> the macro onboarding_update_notice(); the
completion sheet shows it too (notice).
"""
from __future__ import annotations

from markupsafe import Markup

from . import quiz as quiz_component
from . import templates, versions
from .components import Context


def render(quiz: dict, updates: dict, history_href: str, quiz_href: str | None,
           record: bool) -> Markup:
    """"Ohje on päivittynyt suorituksesi jälkeen" for each version an approved version changed the
    rules after (all hidden; update-notice.js shows the one the saved answers were made against).
    updates: versions.staff_updates(); history_href: "Muutoshistoria" at the newest such version;
    quiz_href: the quiz (None on the quiz itself); record: show the line "Ohjeen versio: ..."."""
    config = {"quiz": {"key": quiz_component.STORAGE_KEY, "version": quiz["version"]}, "order": updates["order"]}
    notices = [{"version": version, **since} for version, since in updates["since"].items()]
    return templates.render("update-notice/update-notice.html", config=config, notices=notices,
                            current=updates["current"], history_href=history_href, quiz_href=quiz_href, record=record)


def notice(ctx: Context, record: bool) -> Markup:
    """The notices (and with record the version line); nothing, and no script, where there is nothing to tell."""
    updates = versions.staff_updates(ctx.versions)
    if not record and not updates["since"]:
        return Markup("")
    ctx.use("update-notice")
    return render(ctx.data["quiz"], updates, ctx.href(versions.history_link(updates)),
                  ctx.href(quiz_component.NOTICE_LINK), record)


def macros(ctx: Context) -> dict:
    def onboarding_update_notice() -> Markup:
        """The onboarding's front page: "Ohje on päivittynyt suorituksesi jälkeen" when it has."""
        return notice(ctx, record=False)

    return {"onboarding_update_notice": onboarding_update_notice}
