"""mkdocs-macros module (module_name: macros): data/ rendered into pages.

Keep this thin: load and validate data, expose it, register macros. The
logic lives in plain functions in the sibling modules, which are unit-tested.
"""
from __future__ import annotations

from pathlib import Path

from . import checklists as checklist_data
from . import contents
from . import onboarding
from . import render
from .site_data import fi_date, load_site_data


def define_env(env):
    data_dir = Path(env.project_dir) / "data"
    ohje = load_site_data(data_dir / "ohje.yml")
    env.variables["ohje"] = ohje
    # Theme templates (footer, draft banner) read the same data via config.extra.
    env.conf["extra"]["ohje"] = ohje

    env.filter(fi_date)

    def needs(component: str) -> None:
        """Load a component's CSS and JS on this page only (overrides/main.html reads page.meta)."""
        components = env.page.meta.setdefault("components", [])
        if component not in components:
            components.append(component)

    @env.macro
    def approval_table() -> str:
        return render.approval_table(ohje["approvals"])

    @env.macro
    def contents_list(section: str) -> str:
        """The guideline's chapters and sections, from the navigation (mkdocs.yml)."""
        return contents.contents_list(env.conf["nav"], section, env.page.file.src_uri)

    @env.macro
    def city_contact() -> str:
        return render.city_contact(ohje["city"])

    @env.macro
    def feedback_link(text: str = "", subject: str = "Palaute: sosiaalisen median ohje") -> str:
        email = ohje["communications"]["email"]
        return f"[{text or email}]({render.mailto(email, subject)})"

    # Interactive checklists (3.2, 3.5): data/tarkistuslistat/*.yml.
    checklists = checklist_data.load_checklists(data_dir / "tarkistuslistat")
    checklist_data.check_sources(checklists, Path(env.conf["docs_dir"]))

    @env.macro
    def checklist(checklist_id: str) -> str:
        if checklist_id not in checklists:
            raise checklist_data.DataError(f"tarkistuslistaa {checklist_id!r} ei ole (data/tarkistuslistat/)")
        cl = checklists[checklist_id]
        needs("checklist")
        href = checklist_data.source_href(cl, env.page.url, env.conf["use_directory_urls"])
        return checklist_data.render_checklist(cl, href, ohje["communications"]["email"])

    # Onboarding (Perehdytys): role helper, quiz, completion sheet; data/perehdytys/*.yml.
    onboarding.define_macros(env, data_dir / "perehdytys", lambda: needs("onboarding"))
