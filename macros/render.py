"""Markdown snippets built from the data; plain functions, unit-tested."""
from __future__ import annotations

from .site_data import fi_date


def approval_table(approvals: list[dict]) -> str:
    """The cover's approval list as a Markdown table."""
    rows = ["| Hyväksyjä | Päivämäärä |", "| --- | --- |"]
    for a in approvals:
        rows.append(f"| {a['body']} | {fi_date(a['date']) if a['date'] else 'ei vielä hyväksytty'} |")
    return "\n".join(rows)


def city_contact(city: dict) -> str:
    """The city's contact block as it stands on the guideline's cover."""
    return "  \n".join([
        f"**{city['name']}**",
        city["postal_address"],
        city["street_address"],
        f"Puh. {city['phone']}",
        city["website"],
        city["email_pattern"],
    ])


def mailto(email: str, subject: str = "") -> str:
    """A mailto: address with an optional, URL-encoded subject."""
    from urllib.parse import quote

    return f"mailto:{email}" + (f"?subject={quote(subject)}" if subject else "")
