"""Every sentence and bullet of the city's text is in the site, in order."""
import re
from pathlib import Path

import pytest

from htmltext import article_text, normalise, page_text
from guideline_source import body_lines, PAGES, SOURCE


def test_source_copy_is_the_shared_source():
    shared = Path(__file__).resolve().parents[2] / "shared" / "source" / SOURCE.name
    if shared.exists():  # beside the checkout, as in CI
        assert shared.read_text(encoding="utf-8") == SOURCE.read_text(encoding="utf-8")


def test_every_line_of_the_source_is_in_the_site_in_order(site):
    text = normalise(" ".join(page_text(site.dir, p) for p in PAGES))
    pos = 0
    for line in body_lines():
        found = text.find(line, pos)
        assert found >= 0, f"puuttuu tai väärässä järjestyksessä: {line!r}"
        pos = found + len(line)


def test_bold_emphasis_stays_bold(site):
    import re

    source = SOURCE.read_text(encoding="utf-8")
    html = "".join((site.dir / p / "index.html").read_text(encoding="utf-8") for p in PAGES)
    for bold in re.findall(r"\*\*(.+?)\*\*", source):
        assert f"<strong>{bold}</strong>" in html, bold


def test_headings_keep_the_official_numbering(site):
    html = (site.dir / "ohjeistus" / "tietoturva" / "index.html").read_text(encoding="utf-8")
    assert ">3.4. Muista tietoturva ja salassapito<" in html
    html = (site.dir / "ohjeistus" / "roolisi" / "index.html").read_text(encoding="utf-8")
    assert ">3.1.1. Työnantajan edustajana<" in html and ">3.1.2. Yksityishenkilönä<" in html


# --- the site's own words are marked as such ------------------------------------------

SITE_NOTE = "loimaa-site-note"


def sentences(text: str) -> list[str]:
    """Sentences and list items of a text as the parser laid them out (a block per line)."""
    return [s for line in text.splitlines() for s in re.split(r"(?<=[.!?:;])\s+", normalise(line)) if s]


def unmarked_additions(html: str, source: str) -> list[str]:
    """Sentences of a page's article that are neither the city's text nor inside a site note."""
    return [s for s in sentences(article_text(html, skip_classes=(SITE_NOTE,))) if s not in source]


def source_text() -> str:
    return normalise(" ".join(line.strip().removeprefix("- ") for line in
                              SOURCE.read_text(encoding="utf-8").splitlines()))


def test_a_guideline_page_holds_the_citys_text_and_marked_site_notes_only(site):
    source = source_text()
    every = [u.removeprefix(site.url).rstrip("/") for u in site.pages if u.endswith("/")]
    numbered = [p for p in every if re.match(r"\d+(\.\d+)*\. ", normalise(page_text(site.dir, p)))]
    assert sorted(numbered) == sorted(PAGES)  # every page whose title carries the official numbering
    for path in numbered:
        html = (site.dir / path / "index.html").read_text(encoding="utf-8")
        assert unmarked_additions(html, source) == [], path


def test_the_check_finds_a_sentence_the_city_never_wrote():
    source = source_text()
    ours = ('<article><h1>3.4. Muista tietoturva ja salassapito</h1><div class="admonition">'
            '<p class="admonition-title">Salassapito</p><p>Jokainen työntekijä ja luottamushenkilö on vastuussa '
            'organisaation tietoturvasta. Kysy aina esihenkilöltä.</p></div>'
            f'<aside class="{SITE_NOTE}"><p>Sivuston huomautus</p><p>Katso tarkistuslista.<br>Toinen rivi.</p></aside>'
            '<p>Toimi ohjeiden mukaisesti.</p></article>')
    assert unmarked_additions(ours, source) == ["Salassapito", "Kysy aina esihenkilöltä."]


@pytest.mark.browser
def test_site_notes_are_one_named_kind_of_element(site, page):
    notes = 0
    for path in PAGES:
        page.goto(site.url + path + "/")
        for note in page.locator(f".{SITE_NOTE}").all():
            notes += 1
            assert note.get_attribute("role") == "note"
            assert note.evaluate("n => n.tagName") == "ASIDE"
            label = page.locator(f"#{note.get_attribute('aria-labelledby')}")
            assert label.text_content() == "Sivuston huomautus"
            assert note.evaluate("(n, l) => n.contains(l)", label.element_handle())
            style = note.evaluate("n => getComputedStyle(n).borderTopStyle")
            assert style == "dashed", path
        # No box titled like the guideline: the city's text is never in an admonition.
        assert page.locator("article .admonition, article details").count() == 0, path
    assert notes >= 4
