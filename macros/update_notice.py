"""Update notice component ("Ohje on päivittynyt suorituksesi jälkeen"), on the onboarding's front
page, the completion sheet and the quiz.

Unit: this module, overrides/components/update-notice/ (update-notice.html, .js, .css),
tests/test_update_notice*.py. No data file or storage key of its own: it reads the quiz's saved
answers (their version stamps) and the versions' state (macros/versions.py, staff_updates).
"""
from __future__ import annotations

from markupsafe import Markup

from . import quiz as quiz_component
from . import templates


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
