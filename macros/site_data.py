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

from . import models
from .models.site import Ohje, OhjeFile
from .validate import parse_date
from .validate import DataError

KEY = "extra.ohje"   # where the data stands in the file and in config


def load_site_data(path: Path, today: dt.date | None = None) -> dict:
    """Read data/ohje.yml itself (tests, tools) and check it as the build does."""
    return site_data(models.load(path, OhjeFile).extra.ohje, today)


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
    """Check the data as MkDocs read it into config.extra.ohje (models/site.py); return the checked
    values with what follows from them on the build's day (site_data)."""
    if raw is None:
        raise DataError(f"{path}: {KEY} puuttuu: mkdocs.yml:n pitää alkaa rivillä INHERIT: data/ohje.yml, "
                        "ja tiedostossa pitää olla extra: ja sen alla ohje:")
    return site_data(models.check(raw, Ohje, path, tuple(KEY.split("."))), today)


def site_data(ohje: Ohje, today: dt.date | None = None) -> dict:
    """The checked values, with whether every body has approved, and whether the review is late
    on the build's day (today)."""
    today = today or dt.date.today()
    return {
        "document": ohje.document.model_dump() | {"review_late": today > parse_date(ohje.document.next_review)},
        "city": ohje.city.model_dump(),
        "communications": ohje.communications.model_dump(),
        "approvals": [a.model_dump() for a in ohje.approvals],
        "approved": ohje.approved,
        "built": f"{today.day}.{today.month}.{today.year}",
    }


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


def site_name_notices(site_name: str, title: str) -> list[str]:
    """mkdocs.yml's site_name stands in the header of every page and in the browser's tab: a
    warning when it no longer carries the guideline's title (a new version's title changed)."""
    if title in site_name:
        return []
    return [f"mkdocs.yml: site_name \"{site_name}\" ei sisällä ohjeen otsikkoa \"{title}\" (data/ohje.yml: "
            "document.title). Sivujen ylätunniste ja selaimen välilehti näyttävät site_name-arvon: kirjoita "
            "siihen sama otsikko."]


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
