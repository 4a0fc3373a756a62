"""The official print version: the PDF the build writes, read as a user reads it.

Text comes from poppler's pdftotext (Debian poppler-utils), cropped to the
page's text area so the running header and footer don't interrupt sentences.
A word WeasyPrint broke at a soft hyphen ends in U+2010 at the line end;
dehyphenate() joins it again.
"""
from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import zlib
from pathlib import Path


from conftest import ROOT
from htmltext import normalise
from test_fidelity import PAGES, SOURCE, body_lines

sys.path.insert(0, str(ROOT))
from macros.checklist import load_checklists
from macros.site_data import load_site_data

PT_PER_MM = 72 / 25.4
# The text area of a page: pdf.css @page margins are 24 mm (top) and 22 mm (bottom),
# the running header and footer sit inside them. A4 = 297 mm.
BODY_CROP = ["-x", "0", "-y", str(round(22.5 * PT_PER_MM)), "-W", "600",
             "-H", str(round((297 - 22.5 - 20.5) * PT_PER_MM))]
BREAK = "\u2010\n"  # how pdftotext shows a line broken at a soft hyphen


# --- reading a PDF ------------------------------------------------------------

def pdftotext(pdf: Path, first: int | None = None, last: int | None = None, body: bool = True,
              raw: bool = True) -> str:
    """Text in the order it was written (raw: poppler would otherwise join a line that ends
    in a hyphen, "Loimaa-" + "materiaalit", into one word); raw=False keeps lines as laid out."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-raw"] if raw else []) + (BODY_CROP if body else [])
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pages(pdf: Path) -> list[str]:
    """Body text of each page, dehyphenated and normalised (index 0 = page 1)."""
    return [flat(t) for t in pdftotext(pdf).split("\f")[:int(pdfinfo(pdf)["Pages"])]]


def dehyphenate(text: str) -> str:
    return text.replace(BREAK, "")


def flat(text: str) -> str:
    """One line of comparable text: hyphenation undone, whitespace collapsed,
    no space after a hyphen (a line may break after "L-" as after "Keskustelu-")."""
    return re.sub(r"-\s+", "-", normalise(dehyphenate(text)))


def pdf_objects(pdf: Path) -> bytes:
    """The PDF's objects with their compressed streams inflated (catalog, structure tree)."""
    data = pdf.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        with contextlib.suppress(zlib.error):  # not every stream is deflated
            parts.append(zlib.decompressobj().decompress(data[match.end():]))
    return b"\n".join(parts)


def find_in_order(text: str, needles: list[str]) -> None:
    pos = 0
    for needle in needles:
        found = text.find(needle, pos)
        assert found >= 0, f"puuttuu PDF:stä tai väärässä järjestyksessä: {needle!r}"
        pos = found + len(needle)


def toc_entries(pdf: Path) -> list[tuple[str, int]]:
    """(title, page) of each "Sisällys" line: the title, dot leaders, the page number."""
    entries = []
    for line in pdftotext(pdf, 2, raw=False).splitlines():
        match = re.fullmatch(r"(.+?)\s*(?:\.\s*){2,}(\d+)", line.strip())
        if match:
            entries.append((match.group(1), int(match.group(2))))
    return entries


def source_toc() -> list[str]:
    """The source document's table of contents (titles without page numbers or stray dots)."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    start = lines.index("Sisällys") + 1
    titles = []
    for line in lines[start:]:
        if not line.strip():
            if titles:
                break
            continue
        titles.append(line.split("\t")[0].strip().rstrip("."))
    return titles


def site_headings(site_dir: Path) -> list[str]:
    """Every heading of the guideline's pages as the site shows them, in order."""
    found = []
    for rel in PAGES:
        html = (site_dir / rel / "index.html").read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        for _, inner in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", article, re.S):
            inner = re.sub(r'<a [^>]*class="headerlink".*?</a>', "", inner, flags=re.S)
            found.append(normalise(re.sub(r"<[^>]+>", "", inner)))
    return found


def pdf_href(site_dir: Path) -> str:
    """The PDF link in the footer of the front page."""
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<a href="([^"]+\.pdf)"[^>]*>Tulosta / lataa PDF</a>', html)
    assert match, "etusivun alatunnisteessa ei ole linkkiä Tulosta / lataa PDF"
    return match.group(1)


# --- tests ----------------------------------------------------------------------

def test_every_page_links_to_the_pdf(site, pdf):
    front = (site.dir / "index.html").read_text(encoding="utf-8")
    article = front[front.index("<article"):front.index("</article>")]
    assert re.search(r'<a [^>]*href="([^"]+\.pdf)"[^>]*>Tulosta / lataa PDF</a>', article), \
        "etusivun tekstissä ei ole PDF-linkkiä"
    for html in site.dir.rglob("index.html"):
        text = html.read_text(encoding="utf-8")
        hrefs = re.findall(r'<a href="([^"]+)"[^>]*>Tulosta / lataa PDF</a>', text)
        assert hrefs, f"{html}: ei PDF-linkkiä"
        assert all((html.parent / h).resolve() == pdf.resolve() for h in hrefs), (html, hrefs)
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_every_heading_of_the_guideline_in_order(site, pdf):
    text = " ".join(pages(pdf)[2:])  # after the cover and the table of contents
    headings = site_headings(site.dir)
    assert len(headings) > 30
    find_in_order(text, [flat(h) for h in headings])


def test_every_sentence_of_the_source_text_in_order(pdf):
    text = " ".join(pages(pdf)[2:])
    find_in_order(text, [flat(line) for line in body_lines()])


def test_table_of_contents_is_the_source_documents_down_to_3_1_1(pdf):
    titles = [title for title, _ in toc_entries(pdf)]
    guideline = [t for t in titles if not t.startswith("Liite")]
    assert guideline == source_toc()
    assert [t for t in titles if t.startswith("Liite")] == [
        f"Liite {n}. Tarkistuslista: {c['title']} ({c['section']})"
        for n, c in enumerate(load_checklists(ROOT / "data" / "tarkistuslistat").values(), 1)]


def test_table_of_contents_page_numbers_are_where_the_headings_are(pdf):
    text_of = pages(pdf)
    entries = toc_entries(pdf)
    assert entries
    for title, page in entries:
        first = next((n for n, text in enumerate(text_of[2:], 3) if flat(title) in text), None)
        assert first == page, f"{title!r}: sisällyksessä sivu {page}, otsikko sivulla {first}"
    links = pdf_objects(pdf).count(b"/Subtype /Link")
    assert links >= len(entries), "sisällyksen rivit eivät ole linkkejä"


def test_a4_tagged_pdf_ua_with_title_and_language(pdf):
    info = pdfinfo(pdf)
    title = load_site_data(ROOT / "data" / "ohje.yml")["document"]["title"]
    assert re.match(r"595\.\d+ x 841\.\d+ pts \(A4\)", info["Page size"]), info["Page size"]
    assert info["Tagged"] == "yes"
    assert info["Title"] == title
    assert 8 <= int(info["Pages"]) <= 40
    meta = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert 'pdfuaid:part="1"' in meta
    objects = pdf_objects(pdf)
    assert b"/Lang (fi)" in objects
    assert b"/DisplayDocTitle true" in objects
    assert b"/S /H1" in objects and b"/S /L" in objects  # headings and lists are tagged


def test_all_fonts_embedded(pdf):
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows, "PDF:ssä ei ole fontteja"
    for row in rows:
        emb = row[-5]  # columns from the right: emb sub uni object ID
        assert emb == "yes", f"fontti ei ole upotettu: {' '.join(row)}"


def test_cover_shows_the_approvals_from_the_data(pdf):
    ohje = load_site_data(ROOT / "data" / "ohje.yml")
    cover = flat(pdftotext(pdf, 1))
    assert ohje["document"]["title"] in cover
    for approval in ohje["approvals"]:
        assert approval["body"] in cover
        if approval["date"]:
            assert f"{approval['body']} {approval['date']}" in cover
    assert ("Luonnos" in cover) == any(a["date"] is None for a in ohje["approvals"])
    for key in ("name", "postal_address", "street_address", "website", "email_pattern"):
        assert ohje["city"][key] in cover
    assert f"Puh. {ohje['city']['phone']}" in cover


def margin_text(pdf: Path, page: int, top: bool) -> str:
    """The running header (top) or footer of a page."""
    y, h = (0, 22.5) if top else (297 - 20.5, 20.5)
    crop = ["-x", "0", "-y", str(round(y * PT_PER_MM)), "-W", "600", "-H", str(round(h * PT_PER_MM))]
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *crop, "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return normalise(out)


def test_running_header_and_page_footer(pdf):
    ohje = load_site_data(ROOT / "data" / "ohje.yml")
    total = int(pdfinfo(pdf)["Pages"])
    # Chapters in the header: the sections that start a page of the site (1, 2.1, 3.4, …)
    # and the appendices, not the 3.1.1 level.
    chapters = [(t, p) for t, p in toc_entries(pdf) if t.startswith("Liite") or re.match(r"\d+(\.\d+)?\. ", t)]
    assert margin_text(pdf, 1, top=True) == "" and margin_text(pdf, 1, top=False) == ""  # cover
    for page in range(3, total + 1):
        header = margin_text(pdf, page, top=True)
        draft = any(a["date"] is None for a in ohje["approvals"])
        assert header.startswith(ohje["document"]["title"] + (" · Luonnos" if draft else "")), header
        before = [t for t, p in chapters if p < page][-1:]
        starting = [t for t, p in chapters if p == page]
        assert any(header.endswith(t) for t in before + starting), f"sivu {page}: {header!r}"
        assert margin_text(pdf, page, top=False) == f"{ohje['city']['name']} sivu {page} / {total}"


def test_appendices_are_blank_forms_of_every_checklist_item(pdf):
    text_of = pages(pdf)
    checklists = load_checklists(ROOT / "data" / "tarkistuslistat")
    start = next(n for n, text in enumerate(text_of) if text.startswith("Liite 1."))
    appendices = " ".join(text_of[start:])
    for cl in checklists.values():
        for group in cl["groups"]:
            for item in group["items"]:
                pattern = r"☐ " + re.escape(flat(item["text"]))
                if item["not_applicable"]:
                    pattern += r" ☐ Ei koske tätä julkaisua"
                assert re.search(pattern, appendices), f"{cl['id']}: {item['id']} puuttuu tai ilman ruutua"
        for field in cl["fields"]:
            assert flat(field["label"]) in appendices, field["id"]
            for option in field["options"]:
                assert f"☐ {option['label']}" in appendices, (field["id"], option["value"])
    assert "☑" not in appendices and "☒" not in appendices  # blank: nothing ticked


def test_finnish_hyphenation_without_stray_soft_hyphens(pdf):
    raw = pdftotext(pdf)
    assert "\u00ad" not in raw, "kopioitavassa tekstissä on tavutusmerkkejä (U+00AD)"
    breaks = re.findall(r"(\w+)\u2010\n(\w+)", raw)
    assert len(breaks) >= 5, "tekstiä ei ole tavutettu"
    words = set(re.findall(r"\w+", SOURCE.read_text(encoding="utf-8")))
    for appendix in load_checklists(ROOT / "data" / "tarkistuslistat").values():
        words |= {w for g in appendix["groups"] for i in g["items"] for w in re.findall(r"\w+", i["text"])}
        words |= set(re.findall(r"\w+", appendix["intro"].text))
    for head, tail in breaks:
        assert head + tail in words, f"tavutettu sana ei ole tekstin sana: {head}-{tail}"


def test_no_site_chrome_in_the_pdf(pdf):
    text = " ".join(pages(pdf))
    for chrome in ("Hae", "Siirry sisältöön", "Tyhjennä vastaukset", "Vaihda tummaan teemaan",
                   "Anna palautetta", "Mitä tarvitset?", "Jokainen kohta on omalla sivullaan", "Valitse"):
        assert not re.search(rf"\b{chrome}\b", text), chrome
    assert "¶" not in text
