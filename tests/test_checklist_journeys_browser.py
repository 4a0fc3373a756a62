"""The checklists as a person meets them (issue 14): the sticky bar, clearing with undo,
the ready state, the 3.2 request's contacts and conditions, the short e-mail, two tabs,
layout in the filled-in and finished states, and the printed summary."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser import axe_violations, in_front, settle
from layout import DESKTOP, PHONE, layout_problems
from checklist_pages import (CONTACTS, POST, POST_ITEMS, PROFILE, PROFILE_ITEMS, assert_clean, box, field,
                             fill_request, open_list, pdf_pages, progress, stored, summary_text, url)

pytestmark = pytest.mark.browser

BAR = ".loimaa-checklist__actions"
LABELS = {f["id"]: f["label"] for f in PROFILE["fields"]}


@pytest.fixture
def sized_page(browser):
    """sized_page(PHONE): a page at that viewport in its own context, closed after the test."""
    contexts = []

    def open_at(viewport):
        contexts.append(browser.new_context(locale="fi-FI", viewport=viewport))
        return contexts[-1].new_page()

    yield open_at
    for ctx in contexts:
        ctx.close()


def rect(page, selector_or_locator):
    loc = page.locator(selector_or_locator) if isinstance(selector_or_locator, str) else selector_or_locator
    return loc.evaluate("e => { const r = e.getBoundingClientRect();"
                        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }")


def overlaps(a, b) -> bool:
    return a["top"] < b["bottom"] and b["top"] < a["bottom"] and a["left"] < b["right"] and b["left"] < a["right"]


def in_viewport(page, locator) -> bool:
    r = rect(page, locator)
    return r["top"] >= 0 and r["bottom"] <= page.viewport_size["height"]


def tab_to(page, selector: str, limit: int = 200) -> int:
    """Press Tab until the element matching selector has focus; the number of presses."""
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return n
    raise AssertionError(f"{selector} not reached with Tab")


# --- the sticky bar --------------------------------------------------------------------------

@pytest.mark.parametrize("cl", [PROFILE, POST], ids=["3.2", "3.5"])
def test_bar_is_slim_says_progress_once_and_leads_on(site, sized_page, cl):
    page = sized_page(PHONE)
    open_list(page, url(site, cl))
    bar = page.locator(BAR)
    box(page, cl, cl["groups"][0]["items"][0]["id"]).check()
    settle(page)
    assert bar.bounding_box()["height"] <= 48
    count = f"1 / {cl['item_count']} kohtaa {cl['progress']}"
    assert page.get_by_text(re.compile("^" + re.escape(count))).count() == 1  # no second progress line
    assert bar.get_by_role("status").first.inner_text() == count
    assert bar.get_by_role("button", name="Tyhjennä vastaukset").is_visible()
    link = bar.get_by_role("link")
    if cl["summary"]:
        assert link.inner_text() == "Yhteenveto"
        link.click()
        page.wait_for_function("() => location.hash === '#uusi-profiili-yhteenveto-otsikko'")
        # The scroll to it comes in a frame after the hash changes, later on a busy machine (a clean clone's run
        # once read the heading before it): wait for it in view, and fail only if it never gets there.
        heading = page.get_by_role("heading", name=cl["summary"]["title"])
        try:
            page.wait_for_function("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && "
                                   "r.bottom <= innerHeight }", arg=heading.element_handle(), timeout=5_000)
        except PlaywrightTimeout:
            pytest.fail(f"the summary heading is not in view after its link: {rect(page, heading)}")
    else:
        assert not link.is_visible()  # leads to the ready state once there is one
        for item in POST_ITEMS:
            box(page, POST, item["id"]).check()
        assert link.inner_text() == "Valmis julkaistavaksi" and link.is_visible()
        settle(page)
        assert bar.bounding_box()["height"] <= 48
    assert_clean_page(page)


def assert_clean_page(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.mark.parametrize("cl", [PROFILE, POST], ids=["3.2", "3.5"])
def test_a_field_focused_by_keyboard_is_never_under_the_bar(site, sized_page, cl):
    page = sized_page(PHONE)
    open_list(page, url(site, cl))
    first = f"#{cl['id']}-{cl['groups'][0]['items'][0]['id']}"
    tab_to(page, first)
    seen = 0
    for _ in range(200):
        if not page.evaluate("() => !!document.activeElement.closest('form.loimaa-checklist__form')"):
            break
        settle(page)
        name, r = page.evaluate("() => { const e = document.activeElement, r = e.getBoundingClientRect();"
                                " return [e.id || e.textContent, {top: r.top, bottom: r.bottom, left: r.left,"
                                " right: r.right}]; }")
        assert not overlaps(r, rect(page, BAR)), f"{name} is under the bar"
        assert r["top"] >= 0 and r["bottom"] <= PHONE["height"], name
        seen += 1
        page.keyboard.press("Tab")
    assert seen >= cl["item_count"]


def test_group_legends_are_not_under_the_bar_on_a_desktop(site, page):
    """look.py: the bar covered the legend of group 2 of the 3.5 list when its link was followed."""
    open_list(page, url(site, POST))
    for group in POST["groups"]:
        legend = page.locator(f"#ennen-julkaisua-{group['id']} legend")
        legend.evaluate("e => e.scrollIntoView({block: 'end'})")  # as far down as the page lets it go
        settle(page)
        assert not overlaps(rect(page, legend), rect(page, BAR)), group["id"]


# --- clearing, with undo ---------------------------------------------------------------------

def test_clear_says_what_was_cleared_and_undo_brings_it_back_after_reload_too(site, page):
    open_list(page, url(site, PROFILE))
    for item in PROFILE_ITEMS[:3]:
        box(page, PROFILE, item).check()
    field(page, "profiilin-nimi").fill("Loimaan kirjasto")
    field(page, "tilaaja").fill("Maija Meikäläinen")
    page.get_by_role("button", name="Tyhjennä vastaukset").click()
    message = page.get_by_role("status").filter(has_text="Vastaukset tyhjennetty")
    assert message.inner_text() == "Vastaukset tyhjennetty (3 kohtaa, 2 tietoa)."
    assert progress(page) == "0 / 13 kohtaa vahvistettu" and stored(page, PROFILE) is None
    assert axe_violations(page) == [], "tyhjennetty, Peru näkyvissä"
    page.keyboard.press("Tab")  # "Peru" comes right after "Tyhjennä"
    assert page.evaluate("document.activeElement.textContent") == "Peru"
    page.keyboard.press("Enter")
    assert page.get_by_role("status").filter(has_text="Vastaukset palautettu.").is_visible()
    assert not page.get_by_role("button", name="Peru").is_visible()
    page.reload(wait_until="load")
    assert progress(page) == "3 / 13 kohtaa vahvistettu"
    assert field(page, "profiilin-nimi").input_value() == "Loimaan kirjasto"
    assert field(page, "tilaaja").input_value() == "Maija Meikäläinen"
    # Cleared without undo: gone for good.
    page.get_by_role("button", name="Tyhjennä vastaukset").click()
    box(page, PROFILE, PROFILE_ITEMS[5]).check()  # the next change ends the chance to undo
    assert not page.get_by_role("button", name="Peru").is_visible()
    box(page, PROFILE, PROFILE_ITEMS[5]).uncheck()
    page.reload(wait_until="load")
    assert stored(page, PROFILE) == {"version": PROFILE["version"], "value": {"items": {}, "fields": {}}}
    page.get_by_role("button", name="Tyhjennä vastaukset").click()
    page.reload(wait_until="load")
    assert stored(page, PROFILE) is None
    assert progress(page) == "0 / 13 kohtaa vahvistettu" and field(page, "profiilin-nimi").input_value() == ""
    assert_clean(page)


# --- ready ---------------------------------------------------------------------------------

@pytest.mark.parametrize("view", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_ready_is_scrolled_into_view_and_announced(site, sized_page, view):
    page = sized_page(view)
    open_list(page, url(site, POST))
    first = POST_ITEMS[0]["id"]
    for item in POST_ITEMS[1:]:
        box(page, POST, item["id"]).check()
    box(page, POST, first).scroll_into_view_if_needed()
    box(page, POST, first).check()  # the last one, at the top of the list
    ready = page.locator("[data-checklist-ready]")
    ready.wait_for()
    settle(page)
    assert in_viewport(page, ready)
    assert not overlaps(rect(page, ready), rect(page, BAR))
    status = page.locator("[data-checklist-message]")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == ("Valmis julkaistavaksi. Kaikki kohdat on käsitelty. "
                                   "Kun aloitat seuraavan julkaisun, tyhjennä lista.")
    assert axe_violations(page) == [], "valmis"
    assert layout_problems(page) == []


# --- 3.2: contacts, conditions, dates -----------------------------------------------------------

def test_request_asks_for_the_requester_and_the_manager_with_proper_inputs(site, page):
    open_list(page, url(site, PROFILE))
    expected = {"tilaaja": ("text", "name"), "tilaajan-sahkoposti": ("email", "email"),
                "tilaajan-puhelin": ("tel", "tel"), "esihenkilo": ("text", "off")}
    for key, (kind, autocomplete) in expected.items():
        control = field(page, key)
        assert control.get_attribute("type") == kind and control.get_attribute("autocomplete") == autocomplete
        assert control.get_attribute("required") is not None
    assert page.get_by_label("Pyytäjän sähköposti").count() == 1
    assert page.get_by_label(LABELS["esihenkilo"]).count() == 1
    fill_request(page)
    text = summary_text(page)
    for key, value in CONTACTS.items():
        assert value in text and LABELS[key] in text, key
    assert "Pyynnöstä puuttuu tietoja" not in text


def mail(page) -> tuple[str, dict]:
    href = page.locator("[data-checklist-mailto]").get_attribute("href")
    return href, {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}


def test_dates_are_finnish_in_the_summary_the_mail_and_the_clipboard(site, context, page):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_list(page, url(site, PROFILE))
    fill_request(page)
    page.locator("#uusi-profiili-kesto-maaraaikainen").check()
    field(page, "paattyy").fill("2027-06-30")
    body = mail(page)[1]["body"]
    page.locator("[data-checklist-copy]").click()
    page.get_by_text("Yhteenveto kopioitu leikepöydälle.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    for text in [summary_text(page), body, copied]:
        assert "30.6.2027" in text
        assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
        assert re.search(r"Laadittu \d{1,2}\.\d{1,2}\.\d{4}", text, re.I)


# --- the e-mail link -------------------------------------------------------------------------

def test_mail_link_stays_short_however_much_is_typed_and_the_click_copies_everything(site, context, page):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_list(page, url(site, PROFILE))
    fill_request(page)
    page.locator("#uusi-profiili-kesto-maaraaikainen").check()
    field(page, "paattyy").fill("2027-06-30")
    ordinary, query = mail(page)
    print("mailto, ordinary input:", len(ordinary))
    assert len(ordinary) <= 2000
    body = query["body"]
    for fact in ["Profiilin nimi: Loimaan kirjasto", "Pyytäjän nimi: Maija Meikäläinen",
                 "Pyytäjän sähköposti: maija.meikalainen@loimaa.fi", "Pyytäjän puhelinnumero: 040 123 4567",
                 f"{LABELS['esihenkilo']}: Pirkko Esimerkki", "Päättymispäivä: 30.6.2027",
                 "Vahvistettu 0 / 13 kohtaa", "Tästä viestistä puuttuu: "]:
        assert fact in body, fact
    assert query["subject"] == "Someprofiilipyyntö (ohjeen kohta 3.2): Loimaan kirjasto"

    huge = "Äänekäs öljyinen ÅÄÖ & ? # % = + " * 200
    for control in page.locator("form.loimaa-checklist__form").locator("input[type=text], input[type=email],"
                                                                        " input[type=tel], textarea").all():
        control.fill(huge)
    field(page, "palvelu").select_option("muu")
    field(page, "palvelu-muu").fill(huge)
    href, query = mail(page)
    print("mailto, 6 600 characters in every field:", len(href))
    assert len(href) <= 2000
    assert query["body"].startswith("Yhteenveto viestinnälle: Ennen uuden someprofiilin perustamista")
    assert "Tästä viestistä puuttuu: " in query["body"]   # the mail names what it could not carry
    assert "Profiilin nimi: Äänekäs öljyinen" in query["body"]
    assert query["subject"].startswith("Someprofiilipyyntö (ohjeen kohta 3.2): Äänekäs")

    # Clicking the link copies the whole summary (the mail itself opens outside the browser).
    page.evaluate("navigator.clipboard.writeText('')")
    page.locator("[data-checklist-mailto]").dispatch_event("click")
    page.get_by_text("Yhteenveto kopioitu leikepöydälle.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.evaluate("() => document.querySelector('[data-module=checklist]')"
                                   ".loimaaModule.summaryText(document.querySelector('[data-module=checklist]')"
                                   ".loimaaModule.summary())")
    assert huge.strip() in copied and len(copied) > 20_000


def test_mail_click_says_so_when_copying_fails(site, context, page):
    context.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new Error('estetty'));"
                            " document.execCommand = () => false;")
    open_list(page, url(site, PROFILE))
    field(page, "profiilin-nimi").fill("Kirjasto")
    page.locator("[data-checklist-mailto]").dispatch_event("click")
    page.get_by_text("Kopiointi ei onnistunut. Valitse yhteenvedon teksti ja kopioi se itse.").wait_for()


# --- two tabs --------------------------------------------------------------------------------

def test_two_tabs_keep_what_each_typed(site, context):
    a, b = context.new_page(), context.new_page()
    for p in (a, b):
        open_list(p, url(site, PROFILE))
    box(in_front(a), PROFILE, PROFILE_ITEMS[0]).check()
    field(a, "profiilin-nimi").fill("Loimaan kirjasto")
    # B sees A's changes without a reload…
    in_front(b).wait_for_function("() => document.getElementById('uusi-profiili-selkea-tarkoitus').checked")
    b.wait_for_function("() => document.getElementById('uusi-profiili-profiilin-nimi').value === 'Loimaan kirjasto'")
    assert progress(b) == "1 / 13 kohtaa vahvistettu"
    # …and its own answers do not wipe them, nor A's wipe B's.
    field(b, "tarkoitus").focus()
    b.keyboard.type("Tapahtumat")
    box(b, PROFILE, PROFILE_ITEMS[1]).check()
    field(in_front(a), "kohderyhma").fill("Asiakkaat")  # A types while B had typed meanwhile
    a.wait_for_function("() => document.getElementById('uusi-profiili-tarkoitus').value === 'Tapahtumat'")
    in_front(b).wait_for_function("() => document.getElementById('uusi-profiili-kohderyhma').value === 'Asiakkaat'")
    for p in (a, b):
        in_front(p)
        assert progress(p) == "2 / 13 kohtaa vahvistettu"
        assert axe_violations(p) == [], "kaksi välilehteä"
        p.reload(wait_until="load")
        assert progress(p) == "2 / 13 kohtaa vahvistettu"
        assert [field(p, k).input_value() for k in ["profiilin-nimi", "tarkoitus", "kohderyhma"]] == \
            ["Loimaan kirjasto", "Tapahtumat", "Asiakkaat"]
    # Clearing in one tab clears the other.
    in_front(a).get_by_role("button", name="Tyhjennä vastaukset").click()
    in_front(b).wait_for_function("() => !document.getElementById('uusi-profiili-selkea-tarkoitus').checked")
    assert field(b, "profiilin-nimi").input_value() == "" and progress(b) == "0 / 13 kohtaa vahvistettu"


def test_two_tabs_survive_corrupt_storage_from_the_other(site, context):
    a, b = context.new_page(), context.new_page()
    errors = []
    for p in (a, b):
        p.on("pageerror", lambda e: errors.append(str(e)))
        open_list(p, url(site, POST))
    box(b, POST, POST_ITEMS[0]["id"]).check()
    in_front(a).wait_for_function(f"() => document.getElementById('ennen-julkaisua-{POST_ITEMS[0]['id']}').checked")
    # Each tab gets the other's write as a storage event, later and in its own time: wait until each
    # has handled it (a listener added now runs after the component's) before going on.
    for p in (a, b):
        p.evaluate("() => { window.__stored = []; addEventListener('storage', e => __stored.push(e.newValue)) }")
    proto = '{"version": 1, "value": {"items": {"__proto__": "ok", "constructor": "ok"}}}'
    for writer, reader, value in ((a, b, proto), (b, a, "{not json")):
        writer.evaluate("v => localStorage.setItem('loimaa-ohje:checklist:ennen-julkaisua', v)", value)
        in_front(reader).wait_for_function("v => window.__stored.includes(v)", arg=value)
    settle(a)
    assert box(a, POST, POST_ITEMS[0]["id"]).is_checked()  # corrupt data from elsewhere is not applied
    box(a, POST, POST_ITEMS[1]["id"]).check()
    assert progress(a) == "2 / 26 kohtaa käsitelty" and errors == []


# --- 3.5 by keyboard -------------------------------------------------------------------------

def test_the_post_list_has_few_tab_stops(site, page):
    open_list(page, url(site, POST))
    stops = page.evaluate("""() => [...document.querySelectorAll('form.loimaa-checklist__form *')]
        .filter(e => e.tabIndex >= 0 && !e.disabled && e.offsetParent && e.matches('a[href], input, button, select,'
                + ' textarea, [tabindex]')).length""")
    items, na, groups = POST["item_count"], sum(i["not_applicable"] for i in POST_ITEMS), len(POST["groups"])
    print(f"3.5 tab stops in the form: {stops} ({items} items, {na} 'ei koske', {groups} groups)")
    assert stops == items + na + groups  # one tick each, "ei koske" where it applies, one link per group
    tab_to(page, f"#ennen-julkaisua-{POST_ITEMS[0]['id']}")  # from the first item…
    last = tab_to(page, "[data-checklist-clear]")
    assert last <= items + na + groups + 3, last


# --- layout and paper ------------------------------------------------------------------------

@pytest.mark.parametrize("view", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("cl", [PROFILE, POST], ids=["3.2", "3.5"])
def test_layout_in_the_filled_in_and_finished_states(site, sized_page, cl, view):
    page = sized_page(view)
    open_list(page, url(site, cl))
    items = [i["id"] for g in cl["groups"] for i in g["items"]]
    for item in items[:4]:
        box(page, cl, item).check()
    if cl["fields"]:
        fill_request(page, long=True)
    settle(page)
    assert layout_problems(page) == [], "täytetty"
    for item in items:
        box(page, cl, item).check()
    if cl["fields"]:
        page.locator("#uusi-profiili-kesto-maaraaikainen").check()
        field(page, "paattyy").fill("2027-06-30")
    settle(page)
    assert layout_problems(page) == [], "valmis"
    assert page.locator(BAR).bounding_box()["height"] <= (48 if view == PHONE else 60)


def test_long_request_summary_prints_on_one_a4_page_headings_kept_with_their_text(site, context, page):
    context.add_init_script("window.print = () => {};")
    open_list(page, url(site, PROFILE))
    fill_request(page, long=True)
    page.locator("#uusi-profiili-kesto-maaraaikainen").check()
    field(page, "paattyy").fill("2027-06-30")
    for item in PROFILE_ITEMS[:7]:
        box(page, PROFILE, item).check()
    page.get_by_role("button", name="Tulosta yhteenveto").click()
    page.emulate_media(media="print")
    assert "Pyytäjän sähköposti" in page.locator(".loimaa-checklist-summary").inner_text()
    for heading in page.locator(".loimaa-checklist-summary :is(h2, h3)").all():
        assert heading.evaluate("e => getComputedStyle(e).breakAfter") in ("avoid", "avoid-page"), heading.inner_text()
    pdf = page.pdf(format="A4")
    (__import__("pathlib").Path("/tmp/wt14a-summary.pdf")).write_bytes(pdf)
    assert pdf_pages(pdf) == 1
