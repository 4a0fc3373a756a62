"""The city's details and the guideline's approval status (data/ohje.yml).

MkDocs reads the file into its config (mkdocs.yml: INHERIT, the data under
extra.ohje), so the theme, the PDF and the pages show the values straight from
config. The build checks them here first: a wrong value stops it with a message
naming the file and the key. The lines built from them (approvals, review) are
Jinja macros in overrides/components/site/status.html, for all three.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .validate import (DataError, check_date, check_email, check_list, check_mapping, check_text, load_yaml,
                       parse_date)

KEY = "extra.ohje"   # where the data stands in the file and in config


def load_site_data(path: Path, today: dt.date | None = None) -> dict:
    """Read data/ohje.yml itself (tests, tools) and check it as the build does."""
    raw = check_mapping(load_yaml(path), str(path), {"extra"})
    extra = check_mapping(raw["extra"], f"{path}: extra", {"ohje"})
    return check_site_data(extra["ohje"], path, today)


def build_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    """The build's day: SOURCE_DATE_EPOCH (seconds since 1970, UTC) fixes it for tests and
    reproducible builds; otherwise today."""
    value = environ.get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return dt.date.today()
    try:
        return dt.datetime.fromtimestamp(int(value), dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise DataError(f"ympäristömuuttuja SOURCE_DATE_EPOCH: odotettiin sekunteja vuoden 1970 alusta "
                        f"(esim. 1796083200), saatiin {value!r}. Poista muuttuja tai korjaa arvo.") from None


def check_site_data(raw: Any, path: Path | str, today: dt.date | None = None) -> dict:
    """Check the data as MkDocs read it into config.extra.ohje; return the checked values
    with what follows from them on the build's day (today): whether every body has approved,
    and whether the review is late."""
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
    approvals = [check_approval(item, f"{at}.approvals", i)
                 for i, item in enumerate(check_list(raw["approvals"], f"{at}.approvals"), 1)]
    approved = all(a["date"] for a in approvals)
    if approved and not comms["confirmed"]:
        raise DataError(f"{at}.communications.confirmed: jokaisella hyväksyjällä on päivämäärä, mutta viestinnän "
                        f"sähköpostiosoite {comms['email']} on vielä paikkamerkki. Vahvista osoite viestinnästä, "
                        "korjaa email tarvittaessa ja vaihda confirmed: true. Hyväksyttyä ohjetta ei julkaista "
                        "paikkamerkkiosoitteella.")
    last = check_date(doc["last_reviewed"], f"{at}.document.last_reviewed")
    due = check_date(doc["next_review"], f"{at}.document.next_review")
    if parse_date(due) < parse_date(last):
        raise DataError(f"{at}.document.next_review: seuraava tarkistus {due} on ennen viimeisintä tarkistusta "
                        f"{last} (last_reviewed). Korjaa jompikumpi päivämäärä.")
    today = today or dt.date.today()
    return {
        "document": {
            "title": check_text(doc["title"], f"{at}.document.title"),
            "version": check_text(doc["version"], f"{at}.document.version"),
            "last_reviewed": last,
            "next_review": due,
            "review_late": today > parse_date(due),
        },
        "city": {key: check_text(value, f"{at}.city.{key}") for key, value in city.items()},
        "communications": {
            "name": check_text(comms["name"], f"{at}.communications.name"),
            "email": check_email(comms["email"], f"{at}.communications.email"),
            "confirmed": comms["confirmed"],
        },
        "approvals": approvals,
        "approved": approved,
        "built": f"{today.day}.{today.month}.{today.year}",
    }


def check_approval(item: Any, at: str, number: int) -> dict:
    """One approving body: its name, the date of its decision (empty: not yet) and the
    decision's reference (pykala, e.g. "KH 2.2.2027 § 15"). Errors name the body."""
    where = f"{at}[{number}]"
    check_mapping(item, where, {"body", "date"}, {"pykala"})
    body = check_text(item["body"], f"{where}.body")
    where = f"{at}[{body}]"
    pykala = item.get("pykala")
    return {"body": body,
            "date": check_date(item["date"], f"{where}.date", optional=True),
            "pykala": None if pykala is None else check_text(pykala, f"{where}.pykala")}


def notices(ohje: dict) -> list[str]:
    """What the build tells the editor about the data (in Finnish), without stopping."""
    found = []
    if ohje["document"]["review_late"]:
        found.append(f"Ohjeen tarkistus on myöhässä: seuraava tarkistus piti tehdä {ohje['document']['next_review']} "
                     f"mennessä (data/ohje.yml: document.next_review). Sivujen alatunnisteet, etusivu ja PDF:n "
                     "kansilehti kertovat sen lukijalle. Tarkista ohje ja päivitä last_reviewed ja next_review.")
    if not ohje["communications"]["confirmed"]:
        found.append(f"Viestinnän sähköpostiosoite {ohje['communications']['email']} on paikkamerkki "
                     "(data/ohje.yml: communications.confirmed: false). Palaute ja pyynnöt menevät siihen. "
                     "Vahvista osoite ennen kuin ohje hyväksytään.")
    return found


def warn(messages: list[str]) -> None:
    """Each notice on stderr as a Finnish warning. Not through MkDocs' own logger: with
    --strict that would stop the build, and a late review must not stop a fix going out."""
    log = logging.getLogger("loimaa.ohje")
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("VAROITUS -  %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    for message in messages:
        log.warning(message)
