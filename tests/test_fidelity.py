"""Every sentence and bullet of the city's text is in the site, in order."""
from pathlib import Path

from htmltext import normalise, page_text

SOURCE = Path(__file__).parent / "fixtures" / "sosiaalisen-median-ohje-2026.txt"
# The guideline's pages in navigation order.
PAGES = ["mika-on-sosiaalinen-media", "loimaan-kaupunki-ja-sosiaalinen-media", "ohjeistus",
         "ohjeistus/roolisi", "ohjeistus/todelliset-tarpeet", "ohjeistus/asiallisuus",
         "ohjeistus/tietoturva", "ohjeistus/onnistunut-viestinta", "ohjeistus/lisatietoa"]


def body_lines() -> list[str]:
    """The source's lines after its cover and table of contents, bullets stripped."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    start = [i for i, line in enumerate(lines) if line.strip() == "1. Mikä on sosiaalinen media?"][0]
    out = []
    for line in lines[start:]:
        text = normalise(line.strip().removeprefix("- ").strip())
        if text:
            out.append(text)
    return out


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
