"""mkdocs-macros module (module_name: macros): data/ rendered into pages.

Thin on purpose: check the data once, register the site's own macros here and each
component's macros (macros/components.py finds the components by their folders under
overrides/components/; each has its module here, with a macros(ctx) function). The
city's details (data/ohje.yml) are in config already (mkdocs.yml: INHERIT), where
the theme and the PDF hook read them; the checklists reach the PDF hook through
config from here. Nothing here imports mkdocs.
"""
from __future__ import annotations

from pathlib import Path

from . import components, contents, links, render, versions
from .guideline import Guideline
from .site_data import build_date, check_site_data, notices, site_name_notices, warn


def define_env(env):
    data_dir = Path(env.project_dir) / "data"
    guideline = Guideline(Path(env.conf["docs_dir"]))
    ohje = check_site_data(env.conf["extra"].get("ohje"), data_dir / "ohje.yml", build_date())
    warn(notices(ohje) + site_name_notices(env.conf["site_name"], ohje["document"]["title"]))
    # What follows from the data on the build's day, for the theme and the PDF (which read
    # data/ohje.yml itself from config.extra.ohje, as MkDocs read it).
    env.conf["extra"]["ohje_status"] = {"review_late": ohje["document"]["review_late"], "built": ohje["built"]}
    data = components.load_components(data_dir, guideline)
    # The stored versions, the changes since the last one and the redline (macros/versions.py);
    # the draft PDF prints the redline as its appendix, the approved one does not.
    version_state = versions.state(data_dir, Path(env.project_dir) / env.conf["docs_dir"], env.conf["nav"], ohje)
    env.conf["extra"]["versions"] = {"redline": [] if ohje["approved"] else version_state["redline"],
                                     "uncovered": bool(version_state["uncovered"]),
                                     "version": version_state["version"], "last": versions.last_shown(version_state)}
    env.variables["version_state"] = version_state
    warn(versions.title_notices(version_state, ohje["document"]["title"]))

    env.variables["ohje"] = ohje
    env.conf["extra"]["checklists"] = list(data["checklist"].values())   # the checklists' PDF (blank forms)

    def use(component: str) -> None:
        """Load a component's CSS and JS on this page only (overrides/main.html reads page.meta)."""
        used = env.page.meta.setdefault("components", [])
        if component not in used:
            used.append(component)

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
    def redline():
        """The page "Muutokset hyväksyttyyn versioon": the text now against the last stored version."""
        return versions.render_redline_page(version_state, {
            s["page"]: links.href(s["page"], None, env.page.url, env.conf["use_directory_urls"])
            for s in version_state["redline"] if s["status"] != "removed"})

    @env.macro
    def change_history():
        """The page "Muutoshistoria": the versions and their changes."""
        return versions.render_history(version_state, href({"page": versions.REDLINE_PAGE, "anchor": None}))

    context = components.Context(data=data, ohje=ohje, versions=version_state, use=use, href=href)
    for component in components.discover():
        for name, macro in component.module.macros(context).items():
            env.macro(macro, name)


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
    href = links.href(versions.REDLINE_PAGE, None, env.page.url, env.conf["use_directory_urls"])
    title, _, rest = env.markdown.partition("\n")
    env.markdown = f"{title}\n\n{versions.render_change_note(changes, href)}\n\n{rest}"


def on_pre_page_macros(env):
    """Escape every {{ value }} of a page, as the component templates do: data from
    data/ appears as text, never as markup. The macros return Markup, which stays as it is."""
    env.env.autoescape = True
