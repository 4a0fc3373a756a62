"""mkdocs-macros module (module_name: macros): data/ rendered into pages.

Keep this thin: load and validate data, expose it, register macros. The
logic lives in plain functions in the sibling modules, which are unit-tested.
"""
from __future__ import annotations

from pathlib import Path

from . import render
from .site_data import fi_date, load_site_data


def define_env(env):
    data_dir = Path(env.project_dir) / "data"
    ohje = load_site_data(data_dir / "ohje.yml")
    env.variables["ohje"] = ohje
    # Theme templates (footer, draft banner) read the same data via config.extra.
    env.conf["extra"]["ohje"] = ohje

    env.filter(fi_date)

    @env.macro
    def approval_table() -> str:
        return render.approval_table(ohje["approvals"])

    @env.macro
    def city_contact() -> str:
        return render.city_contact(ohje["city"])

    @env.macro
    def feedback_link(text: str = "", subject: str = "Palaute: sosiaalisen median ohje") -> str:
        email = ohje["communications"]["email"]
        return f"[{text or email}]({render.mailto(email, subject)})"
