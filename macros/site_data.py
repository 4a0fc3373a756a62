"""The city's details and the guideline's approval status (data/ohje.yml)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .validate import DataError, check_date, check_email, check_list, check_mapping, check_text, load_yaml


def load_site_data(path: Path) -> dict:
    """Load and validate data/ohje.yml; add the values templates need."""
    raw = check_mapping(load_yaml(path), str(path), {"document", "city", "communications", "approvals"})
    doc = check_mapping(raw["document"], f"{path}: document", {"title", "version", "last_reviewed", "next_review"})
    city = check_mapping(
        raw["city"], f"{path}: city",
        {"name", "name_genitive", "postal_address", "street_address", "phone", "website", "email_pattern"},
    )
    comms = check_mapping(raw["communications"], f"{path}: communications", {"name", "email", "confirmed"})
    if not isinstance(comms["confirmed"], bool):
        raise DataError(f"{path}: communications.confirmed: odotettiin true tai false")
    approvals = []
    for i, item in enumerate(check_list(raw["approvals"], f"{path}: approvals"), 1):
        where = f"{path}: approvals[{i}]"
        check_mapping(item, where, {"body", "date"})
        approvals.append({"body": check_text(item["body"], f"{where}.body"),
                          "date": check_date(item["date"], f"{where}.date", optional=True)})
    data = {
        "document": {
            "title": check_text(doc["title"], f"{path}: document.title"),
            "version": check_text(doc["version"], f"{path}: document.version"),
            "last_reviewed": check_date(doc["last_reviewed"], f"{path}: document.last_reviewed"),
            "next_review": check_date(doc["next_review"], f"{path}: document.next_review"),
        },
        "city": {key: check_text(value, f"{path}: city.{key}") for key, value in city.items()},
        "communications": {
            "name": check_text(comms["name"], f"{path}: communications.name"),
            "email": check_email(comms["email"], f"{path}: communications.email"),
            "confirmed": comms["confirmed"],
        },
        "approvals": approvals,
    }
    data["draft"] = is_draft(approvals)
    data["review_line"] = review_line(data["document"])
    data["approval_line"] = approval_line(approvals)
    return data


def is_draft(approvals: list[dict]) -> bool:
    """The guideline is a draft while any approving body has no date."""
    return any(a["date"] is None for a in approvals)


def fi_date(value: dt.date | None) -> str:
    """Finnish date format, 1.2.2026; empty for a missing date."""
    return f"{value.day}.{value.month}.{value.year}" if value else ""


def review_line(doc: dict) -> str:
    return (f"Versio {doc['version']} · viimeksi tarkistettu {fi_date(doc['last_reviewed'])}"
            f" · seuraava tarkistus {fi_date(doc['next_review'])}")


def approval_line(approvals: list[dict]) -> str:
    """One line for the footer: who approved when, or what is still open (in the front page table's words)."""
    parts = [f"{a['body']} {fi_date(a['date']) if a['date'] else 'ei vielä hyväksytty'}" for a in approvals]
    return "Hyväksyntä: " + ", ".join(parts)
