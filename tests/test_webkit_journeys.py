"""The journeys' core in WebKit, the engine of every iPhone (issue 23): the 3.2 request filled,
saved and sent, the 3.5 list to its ready state, the quiz to its result and the completion sheet
printed. Debian's WebKitGTK (webkit2gtk-driver: WebKitWebDriver and its MiniBrowser) driven by
Selenium on an Xvfb screen; the Chromium tests (test_checklist*_browser.py, test_quiz_browser.py,
test_completion_sheet_browser.py) check the same journeys in depth. These assert what a person
sees: texts, ticks and values, and that they are still there after a reload."""
from __future__ import annotations

import contextlib
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from onboarding_pages import QUESTIONS, TOTAL, wrong
from checklist_pages import EMAIL, POST, PROFILE, url

pytestmark = [pytest.mark.browser, pytest.mark.webkit,
              # Selenium's own call, not ours (selenium 4.51)
              pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning")]

WEBDRIVER = Path("/usr/bin/WebKitWebDriver")
XVFB = Path("/usr/bin/Xvfb")
INSTALL = ("asenna Debianin paketit webkit2gtk-driver ja xvfb: aja `make test` "
           "(install Debian's webkit2gtk-driver and xvfb: run `make test`)")
TIMEOUT = 30  # seconds for a state to appear; 2 cores shared by several runs


def minibrowser() -> Path | None:
    """webkit2gtk-driver's browser, under the machine's multiarch directory."""
    return next(iter(sorted(Path("/usr/lib").glob("*/webkit2gtk-4.1/MiniBrowser"))), None)


@contextlib.contextmanager
def xvfb():
    """A virtual screen; yields its DISPLAY. Xvfb writes the display number to -displayfd once
    it accepts clients, so reading it is the wait."""
    read, write = os.pipe()
    server = subprocess.Popen([str(XVFB), "-displayfd", str(write), "-screen", "0", "1280x900x24",
                               "-nolisten", "tcp"], pass_fds=[write], stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as numbers:
        display = numbers.readline().strip()
    try:
        if not display:
            pytest.fail(f"Xvfb ei käynnistynyt (Xvfb did not start), exit code {server.wait()}")
        yield f":{display}"
    finally:
        server.terminate()
        server.wait()


@pytest.fixture(scope="session")
def webkit():
    """A WebKit session (MiniBrowser through WebKitWebDriver) on its own Xvfb screen."""
    missing = [str(p) for p in (WEBDRIVER, XVFB) if not p.exists()] + ([] if minibrowser() else ["MiniBrowser"])
    if missing:
        pytest.fail(f"WebKit-testit: {', '.join(missing)} puuttuu (missing); {INSTALL}")
    try:
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service
    except ImportError:
        pytest.fail("WebKit-testit: selenium puuttuu (missing): aja `make test` (asentaa requirements-test.txt)")
    with xvfb() as display:
        options = Options()
        options.binary_location = str(minibrowser())
        options.add_argument("--automation")  # without it MiniBrowser matches no WebDriver session
        service = Service(executable_path=str(WEBDRIVER), env={**os.environ, "DISPLAY": display})
        driver = webdriver.WebKitGTK(options=options, service=service)
        try:
            yield driver
        finally:
            driver.quit()


class WebKitPage:
    """A thin layer over Selenium, in the words of the Chromium tests: open, wait, fill, tick."""

    # Errors thrown after a page has loaded (WebDriver has no console log in WebKit).
    WATCH = ("window.__errors = [];"
             " addEventListener('error', e => __errors.push(String(e.message)));"
             " addEventListener('unhandledrejection', e => __errors.push(String(e.reason)));")

    def __init__(self, driver):
        from selenium.webdriver.support.wait import WebDriverWait

        self.driver = driver
        self.wait = WebDriverWait(driver, TIMEOUT)

    def open(self, address: str, ready: str):
        self.driver.get(address)
        self.started(ready)

    def reload(self, ready: str):
        self.driver.refresh()
        self.started(ready)

    def started(self, ready: str):
        """The component is running: ready (a selector) is shown, which its script does."""
        self.wait.until(lambda d: self.visible(ready), f"{ready} not shown")
        self.js(self.WATCH)

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def find(self, selector: str):
        return self.driver.find_element("css selector", selector)

    def all(self, selector: str):
        return self.driver.find_elements("css selector", selector)

    def visible(self, selector: str) -> bool:
        return any(e.is_displayed() for e in self.all(selector))

    def text(self, selector: str) -> str:
        return self.find(selector).text.strip()

    def click(self, selector_or_element):
        element = self.find(selector_or_element) if isinstance(selector_or_element, str) else selector_or_element
        self.js("arguments[0].scrollIntoView({block: 'center'})", element)  # not under the sticky bars
        element.click()

    def tick(self, selector: str):
        """Tick a box or choose a radio button by clicking it, as a person would."""
        element = self.find(selector)
        if not self.js("arguments[0].scrollIntoView({block: 'center'}); return arguments[0].checked", element):
            element.click()

    def values(self, selectors) -> dict:
        """selector -> what its control holds (a box or radio button: whether it is ticked), in one call."""
        return self.js("return Object.fromEntries(arguments[0].map(s => { const e = document.querySelector(s);"
                       " return [s, /^(checkbox|radio)$/.test(e.type) ? e.checked : e.value]; }))", list(selectors))

    def unticked(self, selectors) -> list[str]:
        return [s for s, on in self.values(selectors).items() if on is not True]

    def fill(self, selector: str, value: str):
        element = self.find(selector)
        self.js("arguments[0].scrollIntoView({block: 'center'})", element)
        element.clear()
        element.send_keys(value)

    def until_text(self, selector: str, pattern: str) -> str:
        """The text of selector once it is shown and matches pattern (a regex)."""
        self.wait.until(lambda d: self.visible(selector) and re.search(pattern, self.text(selector)),
                        f"{selector}: no {pattern!r}")
        return self.text(selector)

    def errors(self) -> list[str]:
        return self.js("return window.__errors")


@pytest.fixture
def wk(webkit, site):
    """The WebKit session on the test site, with nothing saved from an earlier test."""
    webkit.get(site.url)
    webkit.execute_script("localStorage.clear()")
    page = WebKitPage(webkit)
    yield page
    assert page.errors() == []


def field_values(cl: dict) -> dict[str, str]:
    """A value for every field that is asked whatever else is answered (none with required_if):
    a selector's value -> the text the summary shows for it."""
    values = {}
    for n, f in enumerate(cl["fields"]):
        if f.get("required_if"):
            continue
        if f["type"] in ("select", "radio"):
            option = f["options"][1 if f["type"] == "select" else 0]
            values[f["id"]] = (option["value"], option["label"])
        else:
            typed = {"email": "maija.meikalainen@loimaa.fi", "tel": "040 123 4567"}.get(
                f["type"], f"Öljy {n:02}")  # short: every key typed is an input event
            values[f["id"]] = (typed, typed)
    return values


def fill_fields(wk: WebKitPage, cl: dict, values: dict):
    from selenium.webdriver.support.select import Select

    kinds = {f["id"]: f["type"] for f in cl["fields"]}
    for key, (value, _) in values.items():
        control = f"#{cl['id']}-{key}"
        if kinds[key] == "select":
            Select(wk.find(control)).select_by_value(value)
        elif kinds[key] == "radio":
            wk.tick(f"{control}-{value}")
        else:
            wk.fill(control, value)


def answers(wk: WebKitPage, cl: dict, keys) -> dict[str, str]:
    """The value each field shows (a radio group: its chosen option's)."""
    radios = {f["id"]: [o["value"] for o in f["options"]] for f in cl["fields"] if f["type"] == "radio"}
    held = wk.values([f"#{cl['id']}-{k}-{o}" for k in keys for o in radios.get(k, [])]
                     + [f"#{cl['id']}-{k}" for k in keys if k not in radios])
    return {k: next((o for o in radios[k] if held[f"#{cl['id']}-{k}-{o}"]), "") if k in radios
            else held[f"#{cl['id']}-{k}"] for k in keys}


def item_boxes(cl: dict) -> list[str]:
    return [f"#{cl['id']}-{i['id']}" for g in cl["groups"] for i in g["items"]]


PROGRESS = "[data-checklist-progress]"
ALL_DONE = r"^(\d+) / \1\b"  # "13 / 13 kohtaa vahvistettu", however the rest reads


def test_3_2_request_filled_saved_and_sent(site, wk):
    wk.open(url(site, PROFILE), PROGRESS)
    values = field_values(PROFILE)
    fill_fields(wk, PROFILE, values)
    # Every item that applies (one that does not may be disabled), ticked.
    ticked = wk.js("return arguments[0].filter(s => !document.querySelector(s).disabled)", item_boxes(PROFILE))
    assert len(ticked) >= PROFILE["item_count"] - 2
    for box in ticked:
        wk.tick(box)
    done = wk.until_text(PROGRESS, ALL_DONE)
    typed = {key: value for key, (value, _) in values.items()}
    assert answers(wk, PROFILE, typed) == typed and wk.unticked(ticked) == []

    wk.reload(PROGRESS)  # saved: everything is as it was left
    assert wk.text(PROGRESS) == done
    assert wk.unticked(ticked) == []
    assert answers(wk, PROFILE, typed) == typed

    summary = wk.text(".loimaa-checklist-summary")  # sent: the summary for communications, and its mail
    for key, (_, shown) in values.items():
        assert shown in summary, key
    mail = wk.find(".loimaa-checklist-summary a[href^='mailto:'][href*='subject=']").get_attribute("href")
    parts = urlsplit(mail)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    name, requester = values["profiilin-nimi"][0], values["tilaajan-sahkoposti"][0]
    assert unquote(parts.path) == EMAIL
    assert name in query["subject"]
    assert name in query["body"] and requester in query["body"]


def test_3_5_checklist_to_ready(site, wk):
    wk.open(url(site, POST), PROGRESS)
    ready = "[data-checklist-ready]"
    assert not wk.visible(ready)
    items = [i for g in POST["groups"] for i in g["items"]]
    # Every other item that can be "ei koske" is marked so; the rest are ticked.
    skip = set(sorted(i["id"] for i in items if i.get("not_applicable"))[::2])
    boxes = [f"#{POST['id']}-{i['id']}" + ("-na" if i["id"] in skip else "") for i in items]
    assert skip
    for box in boxes:
        wk.tick(box)
    wk.until_text(ready, re.escape(POST["ready"]["title"]))
    assert re.match(ALL_DONE, wk.text(PROGRESS)) and wk.unticked(boxes) == []
    wk.reload(PROGRESS)
    assert POST["ready"]["title"] in wk.until_text(ready, re.escape(POST["ready"]["title"]))
    assert wk.unticked(boxes) == []


def test_quiz_to_result_and_the_completion_sheet_printed(site, wk):
    wk.open(site.url + "perehdytys/testaa-osaamisesi/", "[data-quiz-progress]")
    right = 0
    for n, q in enumerate(QUESTIONS):
        ok = n % 3 != 1  # every third answer wrong
        section = f"#testi-{q['id']}"
        wk.tick(f"{section}-{q['answer']['value'] if ok else wrong(q)}")
        wk.click(wk.driver.find_element("xpath", f"//*[@id='testi-{q['id']}']//button[.='Tarkista vastaus']"))
        wk.until_text(f"{section} [data-quiz-verdict]", "^Oikein!" if ok else "^Väärin")
        right += ok
    assert 0 < right < TOTAL
    score = f"{right} / {TOTAL} oikein"
    assert wk.until_text("[data-quiz-result]", "Tuloksesi").startswith("Tuloksesi")
    assert wk.text("[data-quiz-score]").startswith(score)
    wk.reload("[data-quiz-progress]")
    assert wk.until_text("[data-quiz-score]", re.escape(score)).startswith(score)

    # The completion sheet: what the quiz saved, the person's own details, and the print button.
    wk.click(wk.driver.find_element("link text", "Siirry suoritusmerkintään"))
    wk.started("[data-completion-sheet-print]")
    assert wk.until_text("[data-completion-sheet-score]", re.escape(f"{right} / {TOTAL}")) == \
        f"Testi on tehty: oikein {right} / {TOTAL}."
    details = {"#suoritus-nimi": "Maija-Liisa Äijälä", "#suoritus-yksikko": "Kirjastopalvelut",
               "#suoritus-pvm": "1.12.2026"}
    for control, value in details.items():
        wk.fill(control, value)
    wk.reload("[data-completion-sheet-print]")
    assert wk.values(details) == details
    # WebKit under WebDriver opens no print dialog; the button's call is recorded instead.
    wk.js("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    wk.click(wk.driver.find_element("xpath", "//button[normalize-space()='Tulosta']"))
    wk.wait.until(lambda d: wk.js("return window.__printed") == 1, "Tulosta did not print")
    # What the paper shows in place of the fields, and the status line at its foot.
    paper = [e.get_attribute("textContent") for e in wk.all("[data-completion-sheet-paper]")]
    assert paper == list(details.values())
    status = wk.js("return getComputedStyle(document.documentElement).getPropertyValue('--loimaa-print-status')")
    assert "Tulostettu" in status and "suoritusmerkinta" in status
