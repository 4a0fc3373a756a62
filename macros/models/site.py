"""data/ohje.yml: the city's details and the guideline's approval status (macros/site_data.py)."""
from __future__ import annotations

from pydantic import model_validator

from ..validate import parse_date
from .types import At, Bool, Date, Email, NonEmpty, OptionalDate, OptionalText, Strict, Text


class Document(Strict):
    title: Text
    version: Text
    last_reviewed: Date
    next_review: Date


class City(Strict):
    name: Text
    name_genitive: Text
    postal_address: Text
    street_address: Text
    phone: Text
    website: Text
    email_pattern: Text


class Communications(Strict):
    name: Text
    email: Email
    confirmed: Bool   # false: the address is a placeholder


class Approval(Strict):
    """One approving body: its name, the date of its decision (empty: not yet) and the
    decision's reference (pykala, e.g. "KH 2.2.2027 § 15")."""
    body: Text
    date: OptionalDate
    pykala: OptionalText = None


class Ohje(Strict):
    document: Document
    city: City
    communications: Communications
    approvals: NonEmpty(Approval)

    @property
    def approved(self) -> bool:
        return all(a.date for a in self.approvals)

    @model_validator(mode="after")
    def _consistent(self):
        doc, comms = self.document, self.communications
        if self.approved and not comms.confirmed:
            raise At(f"jokaisella hyväksyjällä on päivämäärä, mutta viestinnän sähköpostiosoite {comms.email} on "
                     "vielä paikkamerkki. Vahvista osoite viestinnästä, korjaa email tarvittaessa ja vaihda "
                     "confirmed: true. Hyväksyttyä ohjetta ei julkaista paikkamerkkiosoitteella.",
                     "communications", "confirmed")
        if parse_date(doc.next_review) < parse_date(doc.last_reviewed):
            raise At(f"seuraava tarkistus {doc.next_review} on ennen viimeisintä tarkistusta {doc.last_reviewed} "
                     "(last_reviewed). Korjaa jompikumpi päivämäärä.", "document", "next_review")
        return self


class Extra(Strict):
    ohje: Ohje


class OhjeFile(Strict):
    """data/ohje.yml as a whole: MkDocs reads it into its config (mkdocs.yml: INHERIT)."""
    extra: Extra
