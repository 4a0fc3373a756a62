"""Small pieces of the site's pages built from data/ohje.yml, each from its template
under overrides/components/site/ (so every value is escaped)."""
from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup

from . import templates


def approval_table(approvals: list[dict]) -> Markup:
    """The cover's approval list as a table: who approves, and when (or not yet)."""
    return templates.render("site/approval-table.html", approvals=approvals)


def review_line(document: dict, late: bool = False) -> Markup:
    """Version, last and next review (or that it is late), in the words of the footer and the PDF cover."""
    return templates.macro("site/status.html", "review_line", document, late)


def site_note(body: str, note_id: str) -> Markup:
    """The site's own note around Markdown body (a navigation aid, a pointer to a tool)."""
    return templates.render_block("site/site-note.html", body=body, id=note_id)


def city_contact(city: dict) -> Markup:
    """The city's contact block as it stands on the guideline's cover."""
    return templates.render("site/city-contact.html", city=city)


def mailto(email: str, subject: str = "") -> str:
    """A mailto: address with an optional, URL-encoded subject (email is a checked address)."""
    return f"mailto:{email}" + (f"?subject={quote(subject)}" if subject else "")


def mail_link(email: str, text: str = "", subject: str = "", confirmed: bool = True) -> Markup:
    """A link that opens an e-mail to the address; its text is the address unless given.
    An address not yet confirmed (a placeholder) is marked as such."""
    return templates.render("site/mail-link.html", href=mailto(email, subject), text=text or email,
                            confirmed=confirmed)
