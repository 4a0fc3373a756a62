"""The city's details and the guideline's approval status (data/ohje.yml).

MkDocs reads the file into its config (mkdocs.yml: INHERIT, the data under
extra.ohje), so the theme, the PDF and the pages show the values straight from
config. The build checks them here first: a wrong value stops it with a message
naming the file and the key. The lines built from them (approvals, review) are
Jinja macros in overrides/components/site/status.html, for all three.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .validate import DataError, check_date, check_email, check_list, check_mapping, check_text, load_yaml

KEY = "extra.ohje"   # where the data stands in the file and in config


def load_site_data(path: Path) -> dict:
    """Read data/ohje.yml itself (tests, tools) and check it as the build does."""
    raw = check_mapping(load_yaml(path), str(path), {"extra"})
    extra = check_mapping(raw["extra"], f"{path}: extra", {"ohje"})
    return check_site_data(extra["ohje"], path)


def check_site_data(raw: Any, path: Path | str) -> dict:
    """Check the data as MkDocs read it into config.extra.ohje; return the checked values."""
    if raw is None:
        raise DataError(f"{path}: {KEY} puuttuu: mkdocs.yml:n pitää alkaa rivillä INHERIT: data/ohje.yml, "
                        "ja tiedostossa pitää olla extra: ja sen alla ohje:")
    at = f"{path}: {KEY}"
    raw = check_mapping(raw, at, {"document", "city", "communications", "approvals"})
    doc = check_mapping(raw["document"], f"{at}.document", {"title", "version", "last_reviewed", "next_review"})
    city = check_mapping(
        raw["city"], f"{at}.city",
        {"name", "name_genitive", "postal_address", "street_address", "phone", "website", "email_pattern"},
    )
    comms = check_mapping(raw["communications"], f"{at}.communications", {"name", "email", "confirmed"})
    if not isinstance(comms["confirmed"], bool):
        raise DataError(f"{at}.communications.confirmed: odotettiin true tai false")
    approvals = []
    for i, item in enumerate(check_list(raw["approvals"], f"{at}.approvals"), 1):
        where = f"{at}.approvals[{i}]"
        check_mapping(item, where, {"body", "date"})
        approvals.append({"body": check_text(item["body"], f"{where}.body"),
                          "date": check_date(item["date"], f"{where}.date", optional=True)})
    return {
        "document": {
            "title": check_text(doc["title"], f"{at}.document.title"),
            "version": check_text(doc["version"], f"{at}.document.version"),
            "last_reviewed": check_date(doc["last_reviewed"], f"{at}.document.last_reviewed"),
            "next_review": check_date(doc["next_review"], f"{at}.document.next_review"),
        },
        "city": {key: check_text(value, f"{at}.city.{key}") for key, value in city.items()},
        "communications": {
            "name": check_text(comms["name"], f"{at}.communications.name"),
            "email": check_email(comms["email"], f"{at}.communications.email"),
            "confirmed": comms["confirmed"],
        },
        "approvals": approvals,
    }
