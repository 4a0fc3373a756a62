"""mkdocs-macros module (module_name: macros): data/ rendered into pages.

Thin on purpose: check the data once, register one macro per component. The
city's details (data/ohje.yml) are in config already (mkdocs.yml: INHERIT), where
the theme and the PDF hook read them; the checklists reach the PDF hook through
config from here. Each component has its
own module here (checklist, role_helper, quiz, completion_sheet) with a
template under overrides/components/; nothing here imports mkdocs.
"""
from __future__ import annotations

import difflib
from pathlib import Path

from markupsafe import Markup

from . import checklist as checklist_component
from . import completion_sheet as completion_sheet_component
from . import contents, links, render
from . import quiz as quiz_component
from . import role_helper as role_helper_component
from . import update_notice as update_notice_component
from . import versions
from .guideline import Guideline, check_page_quotes, check_refs, prose_refs
from .site_data import build_date, check_site_data, notices, site_name_notices, warn
from .validate import DataError, each, raise_all


def unknown_checklist(checklist_id: str, known: list[str]) -> str:
    """A checklist macro naming no checklist: the nearest id, and what to write."""
    close = difflib.get_close_matches(str(checklist_id), known, n=1)
    hint = f" Tarkoititko ”{close[0]}”?" if close else ""
    return (f"tarkistuslistaa ”{checklist_id}” ei ole.{hint} Kirjoita sulkeisiin jonkin kansion data/tarkistuslistat/ "
            f"tiedoston nimi ilman .yml-päätettä: {', '.join(sorted(known))}.")


def load_components(data_dir: Path, guideline: Guideline) -> tuple[dict, dict, dict]:
    """(checklists, roles, quiz) from data_dir, checked against the guideline: the checklists'
    bullets, every quote and link, the guideline's words beside the site's own text (Prose), and
    the blockquotes of the site's own pages. Every mismatch with the guideline is reported at once."""
    checklists = checklist_component.load_checklists(data_dir / "tarkistuslistat")
    roles = role_helper_component.load_roles(data_dir / "perehdytys" / "roolit.yml")
    quiz_data = quiz_component.load_quiz(data_dir / "perehdytys" / "testi.yml")
    refs = [*role_helper_component.role_refs(roles), *quiz_component.quiz_refs(quiz_data),
            *prose_refs(checklists, roles, quiz_data)]
    raise_all(each([lambda: checklist_component.check_sources(checklists, guideline),
                    lambda: check_refs(refs, guideline),
                    lambda: check_page_quotes(guideline)], lambda check: check()))
    return checklists, roles, quiz_data


def define_env(env):
    data_dir = Path(env.project_dir) / "data"
    guideline = Guideline(Path(env.conf["docs_dir"]))
    ohje = check_site_data(env.conf["extra"].get("ohje"), data_dir / "ohje.yml", build_date())
    warn(notices(ohje) + site_name_notices(env.conf["site_name"], ohje["document"]["title"]))
    # What follows from the data on the build's day, for the theme and the PDF (which read
    # data/ohje.yml itself from config.extra.ohje, as MkDocs read it).
    env.conf["extra"]["ohje_status"] = {"review_late": ohje["document"]["review_late"], "built": ohje["built"]}
    checklists, roles, quiz_data = load_components(data_dir, guideline)
    # The stored versions, the changes since the last one and the redline (macros/versions.py);
    # the draft PDF prints the redline as its appendix, the approved one does not.
    version_state = versions.state(data_dir, Path(env.project_dir) / env.conf["docs_dir"], env.conf["nav"], ohje)
    env.conf["extra"]["versions"] = {"redline": [] if ohje["approved"] else version_state["redline"],
                                     "uncovered": bool(version_state["uncovered"]),
                                     "version": version_state["version"], "last": versions.last_shown(version_state)}
    env.variables["version_state"] = version_state
    warn(versions.title_notices(version_state, ohje["document"]["title"]))

    env.variables["ohje"] = ohje
    env.conf["extra"]["checklists"] = list(checklists.values())   # the checklists' PDF (blank forms)

    def use(component: str) -> None:
        """Load a component's CSS and JS on this page only (overrides/main.html reads page.meta)."""
        components = env.page.meta.setdefault("components", [])
        if component not in components:
            components.append(component)

    def href(link: dict) -> str:
        return links.href(link["page"], link["anchor"], env.page.url, env.conf["use_directory_urls"])

    @env.macro
    def review_line():
        """The footer's and the PDF cover's review line (one template for all three)."""
        return render.review_line(ohje["document"], ohje["document"]["review_late"])

    @env.macro
    def approval_table():
        return render.approval_table(ohje["approvals"])

    @env.macro
    def contents_list(section: str):
        """The guideline's chapters and sections, from the navigation (mkdocs.yml)."""
        return contents.contents_list(env.conf["nav"], section, env.page.file.src_uri)

    @env.macro
    def site_note(caller):
        """{% call site_note() %}Markdown{% endcall %}: the site's own words on a page, marked as such."""
        count = env.page.meta["site_notes"] = env.page.meta.get("site_notes", 0) + 1
        return render.site_note(caller(), f"sivuston-huomautus-{count}")

    @env.macro
    def city_contact():
        return render.city_contact(ohje["city"])

    @env.macro
    def feedback_link(text: str = "", subject: str = "Palaute: sosiaalisen median ohje"):
        comms = ohje["communications"]
        return render.mail_link(comms["email"], text, subject, comms["confirmed"])

    @env.macro
    def checklist(checklist_id: str):
        if checklist_id not in checklists:
            raise DataError(unknown_checklist(checklist_id, list(checklists)))
        cl = checklists[checklist_id]
        use("checklist")
        return checklist_component.render(cl, href, ohje["communications"]["email"])

    @env.macro
    def role_helper():
        use("role-helper")
        return role_helper_component.render(roles, href, ohje["communications"])

    updates = versions.staff_updates(version_state)
    page_sections = {s["page"]: s["number"] for s in version_state["current"]}

    def history_href() -> str:
        """"Muutoshistoria" at the newest version that changed the rules (staff_updates)."""
        newest = [since["newest"] for since in updates["since"].values()]
        anchor = versions.history_anchor(max(newest, key=updates["order"].index)) if newest else None
        return href({"page": HISTORY_PAGE, "anchor": anchor})

    def update_notice(record: bool, quiz_href: str | None) -> Markup:
        """The notices (and on the sheet the version line); nothing, and no script, where there is nothing to tell."""
        if not record and not updates["since"]:
            return Markup("")
        use("update-notice")
        return update_notice_component.render(quiz_data, updates, history_href(), quiz_href, record)

    @env.macro
    def quiz():
        use("quiz")
        return quiz_component.render(quiz_data, href, updates, page_sections, history_href())

    @env.macro
    def onboarding_update_notice():
        """The onboarding's front page: "Ohje on päivittynyt suorituksesi jälkeen" when it has."""
        return update_notice(False, href({"page": QUIZ_PAGE, "anchor": QUIZ_NOTICE}))

    @env.macro
    def redline():
        """The page "Muutokset hyväksyttyyn versioon": the text now against the last stored version."""
        return versions.render_redline_page(version_state, {
            s["page"]: links.href(s["page"], None, env.page.url, env.conf["use_directory_urls"])
            for s in version_state["redline"] if s["status"] != "removed"})

    @env.macro
    def change_history():
        """The page "Muutoshistoria": the versions and their changes."""
        return versions.render_history(version_state, href({"page": REDLINE_PAGE, "anchor": None}))

    @env.macro
    def completion_sheet():
        use("completion-sheet")
        notice = update_notice(True, href({"page": QUIZ_PAGE, "anchor": QUIZ_NOTICE}))
        return completion_sheet_component.render(quiz_data, roles, notice)


REDLINE_PAGE = "muutokset.md"
HISTORY_PAGE = "muutoshistoria.md"
QUIZ_PAGE = "perehdytys/testaa-osaamisesi.md"
QUIZ_NOTICE = "muuttuneet"   # the quiz's own notice (quiz/quiz.html), focused when linked to


def on_post_build(env):
    """A section changed with no entry in data/muutokset.yml stops the build (in Finnish, naming
    the section). Here, after the pages: a mistake in a page (a broken link) is reported first,
    by its own line (overrides/hooks/page_errors.py stops the build before this)."""
    versions.check_covered(env.variables["version_state"])


def on_post_page_macros(env):
    """A guideline page with a major change since the last stored version: the change's
    note under the page's title, linking to the redline."""
    changes = env.variables["version_state"]["major_pages"].get(env.page.file.src_uri)
    if not changes:
        return
    href = links.href(REDLINE_PAGE, None, env.page.url, env.conf["use_directory_urls"])
    title, _, rest = env.markdown.partition("\n")
    env.markdown = f"{title}\n\n{versions.render_change_note(changes, href)}\n\n{rest}"


def on_pre_page_macros(env):
    """Escape every {{ value }} of a page, as the component templates do: data from
    data/ appears as text, never as markup. The macros return Markup, which stays as it is."""
    env.env.autoescape = True
