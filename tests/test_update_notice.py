"""What staff who answered against an older version are told (macros/versions.staff_updates),
and that the real site, whose first version is the only one, tells nothing."""
from __future__ import annotations

from macros import versions


def baseline(version: str, approved: bool) -> dict:
    return {"version": version, "approved": approved}


def change(version: str, kind: str, sections: list[str]) -> dict:
    return {"version": version, "date": "1.1.2027", "sections": sections, "kind": kind, "note": f"{version} {kind}"}


def state(baselines: list[dict], changes: list[dict], version: str, approved: bool = True) -> dict:
    return {"baselines": baselines, "changes": changes, "version": version, "approved": approved}


def test_a_major_change_in_a_newer_approved_version_is_told_to_those_who_answered_before_it():
    updates = versions.staff_updates(state(
        [baseline("2026", True), baseline("2027", True), baseline("2028", True)],
        [change("2027", "major", ["3.4"]), change("2027", "minor", ["3.5"]), change("2028", "major", ["1", "3.4"])],
        "2028"))
    assert updates["current"] == "2028" and updates["order"] == ["2026", "2027", "2028"]
    assert set(updates["since"]) == {"2026", "2027"}
    assert updates["since"]["2026"]["newest"] == "2028"
    assert [c["note"] for c in updates["since"]["2026"]["changes"]] == ["2027 major", "2028 major"]
    assert updates["since"]["2026"]["sections"] == ["1", "3.4"]
    assert updates["since"]["2027"]["sections"] == ["1", "3.4"]


def test_minor_changes_and_a_draft_not_yet_approved_tell_nothing():
    # 2027 approved with minor changes only; the 2028 draft's major change is not in force.
    updates = versions.staff_updates(state(
        [baseline("2026", True), baseline("2027", True)],
        [change("2027", "minor", ["3.5"]), change("2028", "major", ["3.4"])], "2028"))
    assert updates["order"] == ["2026", "2027", "2028"] and updates["since"] == {}


def test_answers_on_a_drafts_site_hold_for_the_last_approved_version():
    """The draft is not yet in force: an answer made on its site carries the version that is."""
    draft = state([baseline("2026", True), baseline("2027", True)], [change("2028", "major", ["3.4"])], "2028",
                  approved=False)
    assert versions.staff_updates(draft)["current"] == "2027"
    # approved (all dates set, before make hyvaksy stores it): in force
    assert versions.staff_updates({**draft, "approved": True})["current"] == "2028"
    # the city's source, stored before any approval: the only version there is
    source = state([baseline("2026", False)], [], "2026", approved=False)
    assert versions.staff_updates(source)["current"] == "2026"


def test_the_real_site_has_no_notice_and_its_front_page_loads_no_script_for_one(site):
    front = (site.dir / "perehdytys" / "index.html").read_text(encoding="utf-8")
    assert "update-notice" not in front and "Ohje on päivittynyt" not in front
    quiz = (site.dir / "perehdytys" / "testaa-osaamisesi" / "index.html").read_text(encoding="utf-8")
    assert "data-quiz-changed" not in quiz and "data-quiz-update" not in quiz
    sheet = (site.dir / "perehdytys" / "suoritusmerkinta" / "index.html").read_text(encoding="utf-8")
    assert "Ohje on päivittynyt" not in sheet and "data-update-notice-record" in sheet
