"""The checklist pages as the browser tests drive them: the data they show, opening a list,
its boxes and fields, the saved state, and a filled-in 3.2 request."""
from __future__ import annotations

import json
import re

from conftest import ROOT
from macros.checklist import load_checklists, script_config
from macros.site_data import load_site_data


CHECKLISTS = load_checklists(ROOT / "data" / "tarkistuslistat")


PROFILE, POST = CHECKLISTS["uusi-profiili"], CHECKLISTS["ennen-julkaisua"]


PROFILE_ITEMS = [i["id"] for g in PROFILE["groups"] for i in g["items"]]


POST_ITEMS = [i for g in POST["groups"] for i in g["items"]]


EMAIL = load_site_data(ROOT / "data" / "ohje.yml")["communications"]["email"]


def url(site, cl) -> str:
    return site.url + "tarkistuslistat/" + cl["id"] + "/"


def open_list(page, address: str):
    page.goto(address, wait_until="load")
    page.locator("[data-checklist-progress]").wait_for()  # checklist.js has started


def box(page, cl, item_id: str, na: bool = False):
    return page.locator(f"#{cl['id']}-{item_id}" + ("-na" if na else ""))


def progress(page) -> str:
    return page.locator("[data-checklist-progress]").inner_text()


def stored(page, cl):
    raw = page.evaluate("k => localStorage.getItem(k)", "loimaa-ohje:" + script_config(cl)["key"])
    return None if raw is None else json.loads(raw)


def field(page, field_id: str):
    return page.locator(f"#uusi-profiili-{field_id}")


def fill_profile(page, **overrides):
    values = {"profiilin-nimi": "Loimaan kirjasto", "tarkoitus": "Tapahtumista tiedottaminen",
              "kohderyhma": "Kirjaston asiakkaat", "yksikko": "Kirjastopalvelut", "yllapitaja-1": "Maija Meikäläinen",
              "yllapitaja-2": "Matti Virtanen", "paivitysaika": "2 tuntia viikossa",
              "kayttoehtojen-tarkistaja": "Maija Meikäläinen", "tilaaja": "Maija Meikäläinen",
              "tilaajan-sahkoposti": "maija.meikalainen@loimaa.fi", "tilaajan-puhelin": "040 123 4567",
              "esihenkilo": "Pirkko Esimerkki", **overrides}
    for key, value in values.items():
        field(page, key).fill(value)
    field(page, "palvelu").select_option("instagram")
    page.locator("#uusi-profiili-kesto-pysyva").check()


def assert_clean(page):
    assert page.watch.console_errors == []
    assert page.watch.outside == []


# Storage that throws (disabled by policy, or full) for the site's own keys.
# Material's theme reads its palette with an unguarded localStorage.getItem, so
# its keys are left working: this test is about the checklists.
THROWING_STORAGE = """
for (const name of ["getItem", "setItem", "removeItem"]) {
  const original = Storage.prototype[name];
  Storage.prototype[name] = function (key, ...rest) {
    if (String(key).startsWith("loimaa-ohje:")) throw new DOMException("Storage disabled", "SecurityError");
    return original.call(this, key, ...rest);
  };
}
"""


def summary_text(page) -> str:
    return page.locator("[data-checklist-summary]").inner_text()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


CONTACTS = {"tilaaja": "Maija Meikäläinen", "tilaajan-sahkoposti": "maija.meikalainen@loimaa.fi",
            "tilaajan-puhelin": "040 123 4567", "esihenkilo": "Pirkko Esimerkki"}


LONG = ("Tiedotamme kirjaston tapahtumista, aukioloajoista, poikkeusjärjestelyistä ja uusista palveluista "
        "kuntalaisille. Jaamme lukuvinkkejä ja kerromme lasten ja nuorten lukemista tukevista tapahtumista. ")


def fill_request(page, long: bool = False, **overrides):
    """Every field of the 3.2 request; long=True: realistic, long answers."""
    fill_profile(page, **{**CONTACTS, **overrides})
    if long:
        for key in ["tarkoitus", "kohderyhma", "muut-yllapitajat", "lisatiedot"]:
            field(page, key).fill(LONG)
