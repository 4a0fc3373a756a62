"""The official print version and the checklists' PDF: the PDFs the build writes, read as a
user reads them (tests/pdftext.py reads them: text, furniture, strays).
"""
from __future__ import annotations

import re
import subprocess

from conftest import ROOT
from guideline_source import SOURCE, body_lines
from htmltext import normalise
from pdftext import (CHECKLIST_LINK, checked_data, dehyphenate, find_in_order, flat, furniture, margins, mkdocs_config,
                     official_furniture, pages, pdf_objects, pdfinfo, pdftotext, review_line, site_headings,
                     source_toc, stray_text, strays, structure_cells, toc_entries)

from macros.checklist import load_checklists
from macros.site_data import load_site_data


def links(html: str, text: str) -> list[str]:
    return re.findall(rf'<a [^>]*href="([^"]+)"[^>]*>{re.escape(text)}</a>', html)


# --- tests ----------------------------------------------------------------------

def test_every_page_links_to_both_pdfs_side_by_side(site, pdf, checklist_pdf):
    front = (site.dir / "index.html").read_text(encoding="utf-8")
    article = front[front.index("<article"):front.index("</article>")]
    assert links(article, "Tulosta / lataa PDF") and links(article, CHECKLIST_LINK), \
        "etusivun tekstissä ei ole molempia PDF-linkkejä"
    for html in site.dir.rglob("index.html"):
        text = html.read_text(encoding="utf-8")
        for target, name in ((pdf, "Tulosta / lataa PDF"), (checklist_pdf, CHECKLIST_LINK)):
            hrefs = links(text, name)
            assert hrefs, f"{html}: ei linkkiä {name}"
            assert all((html.parent / h).resolve() == target.resolve() for h in hrefs), (html, hrefs)
    for path in [pdf, checklist_pdf]:
        assert path.read_bytes().startswith(b"%PDF-")


def test_each_checklist_page_links_to_the_checklists_pdf(site, checklist_pdf):
    checklists = load_checklists(ROOT / "data" / "tarkistuslistat")
    pages_with_form = [html for html in site.dir.rglob("index.html")
                       if 'data-module="checklist"' in html.read_text(encoding="utf-8")]
    assert len(pages_with_form) == len(checklists)
    for html in pages_with_form:
        text = html.read_text(encoding="utf-8")
        article = text[text.index("<article"):text.index("</article>")]
        hrefs = links(article, CHECKLIST_LINK)
        assert hrefs and all((html.parent / h).resolve() == checklist_pdf.resolve() for h in hrefs), html


def test_the_pdf_is_the_source_text_and_its_declared_furniture_only(pdf):
    """Word for word: no box title, site note, checklist or other addition of the site."""
    assert strays(pdf, checked_data(), mkdocs_config()) == []


def test_the_stray_check_finds_a_sentence_outside_the_source_and_the_furniture(pdf):
    config = mkdocs_config()
    pieces = [flat(line) for line in body_lines()]
    body = " ".join(pages(pdf)[2:])
    assert stray_text(body, pieces) == []
    anchor = flat("Jokainen työntekijä ja luottamushenkilö on vastuussa organisaation tietoturvasta.")
    for added in ["Salassapito", "Perustamassa profiilia? Käy kohdat läpi tarkistuslistalla.",
                  "niihin ei ole linkkiä tältä sivustolta."]:
        assert stray_text(body.replace(anchor, f"{added} {anchor}"), pieces) == [added]
    # A source line the PDF repeats is one too many.
    assert stray_text(body.replace(anchor, f"{anchor} {anchor}"), pieces) == [anchor]
    # The furniture allows its words anywhere, but nothing more.
    pieces = official_furniture(checked_data(), config)
    assert stray_text("Loimaan kaupunki sivu 3 / 12", pieces, ordered=False) == []
    assert stray_text("Loimaan kaupunki Tarkistuslista sivu 3 / 12", pieces, ordered=False) == ["Tarkistuslista"]


def test_every_heading_of_the_guideline_in_order(site, pdf):
    text = " ".join(pages(pdf)[2:])  # after the cover and the table of contents
    headings = site_headings(site.dir)
    assert len(headings) > 30
    find_in_order(text, [flat(h) for h in headings])


def test_every_sentence_of_the_source_text_in_order(pdf):
    text = " ".join(pages(pdf)[2:])
    find_in_order(text, [flat(line) for line in body_lines()])


def test_table_of_contents_is_the_source_documents_down_to_3_1_1(pdf):
    assert [title for title, _ in toc_entries(pdf)] == source_toc()  # no appendices


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
    words = furniture()["official"]
    cover = flat(pdftotext(pdf, 1))
    assert ohje["document"]["title"] in cover
    columns = words["approval_columns"]
    assert f"{words['approvals']} {columns['body']} {columns['date']} {columns['decision']}" in cover
    for approval in ohje["approvals"]:
        assert approval["body"] in cover
        if approval["date"]:
            assert f"{approval['body']} {approval['date']}" in cover
        if approval.get("pykala"):
            assert f"{approval['body']} {approval['date']} {approval['pykala']}" in cover
    assert (words["draft"] in cover) == any(a["date"] is None for a in ohje["approvals"])
    for key in ("name", "postal_address", "street_address", "website", "email_pattern"):
        assert ohje["city"][key] in cover
    assert f"{words['phone']} {ohje['city']['phone']}" in cover


def test_approval_table_headers_carry_their_scope(pdf):
    """PDF/UA: every TH says whether it heads a column or a row (WeasyPrint leaves /Scope out)."""
    ohje = load_site_data(ROOT / "data" / "ohje.yml")
    scopes = [cell.get("Scope") for cell in structure_cells(pdf, "TH")]
    columns = len(furniture()["official"]["approval_columns"])
    assert scopes == ["/Column"] * columns + ["/Row"] * len(ohje["approvals"])


def test_running_header_and_page_footer(pdf):
    ohje = load_site_data(ROOT / "data" / "ohje.yml")
    total = int(pdfinfo(pdf)["Pages"])
    # Chapters in the header: the sections that start a page of the site (1, 2.1, 3.4, …),
    # not the 3.1.1 level.
    chapters = [(t, p) for t, p in toc_entries(pdf) if re.match(r"\d+(\.\d+)?\. ", t)]
    headers, footers = margins(pdf, top=True), margins(pdf, top=False)
    assert headers[0] == "" and footers[0] == ""  # cover
    for page in range(3, total + 1):
        header = headers[page - 1]
        assert header.startswith(running_head(ohje)), header
        before = [t for t, p in chapters if p < page][-1:]
        starting = [t for t, p in chapters if p == page]
        assert any(header.endswith(t) for t in before + starting), f"sivu {page}: {header!r}"
        assert footers[page - 1] == f"{ohje['city']['name']} {page_footer(page, total)}"


def running_head(ohje: dict) -> str:
    """The title, and "· Luonnos" while any approval date is open (furniture.yml's words)."""
    words = furniture()
    draft = any(a["date"] is None for a in ohje["approvals"])
    return normalise(ohje["document"]["title"] + (words["pages"]["separator"] + words["official"]["draft"]
                                                  if draft else ""))


def page_footer(page: int, total: int) -> str:
    words = furniture()["pages"]
    return normalise(f"{words['page']} {page}{words['of']}{total}")


def test_no_checklist_in_the_official_pdf(pdf):
    text = " ".join(pages(pdf))
    assert "☐" not in text
    for cl in load_checklists(ROOT / "data" / "tarkistuslistat").values():
        assert cl["title"] not in text


def test_checklist_pdf_says_on_every_page_it_is_not_the_guideline(checklist_pdf):
    """Title page: what it is and what it is not; every page: the guideline's title, version, status."""
    ohje = load_site_data(ROOT / "data" / "ohje.yml")
    words = furniture()["checklists"]
    draft = any(a["date"] is None for a in ohje["approvals"])
    not_part = words["not_part"] if draft else words["not_part_approved"]
    title_page = flat(pdftotext(checklist_pdf, 1, body=False))
    find_in_order(title_page, [ohje["city"]["name"], words["title"], not_part,
                               f"{words['guideline']}: {ohje['document']['title']}",
                               flat(review_line(ohje)), words["contents"]])
    assert (furniture()["official"]["draft"] in title_page) == draft
    total = int(pdfinfo(checklist_pdf)["Pages"])
    assert total >= 3
    headers, footers = margins(checklist_pdf, top=True), margins(checklist_pdf, top=False)
    for page in range(2, total + 1):
        assert headers[page - 1].startswith(running_head(ohje))
        assert footers[page - 1] == normalise(
            f"{words['version']} {ohje['document']['version']}{furniture()['pages']['separator']}{not_part} "
            f"{page_footer(page, total)}")


def test_checklist_pdf_lists_its_checklists_with_their_pages(checklist_pdf):
    checklists = list(load_checklists(ROOT / "data" / "tarkistuslistat").values())
    entries = []
    for line in pdftotext(checklist_pdf, 1, raw=False).splitlines():
        match = re.fullmatch(r"(.+?)\s*(?:\.\s*){2,}(\d+)", line.strip())
        if match:
            entries.append((match.group(1), int(match.group(2))))
    assert [title for title, _ in entries] == [f"{c['title']} ({c['section']})" for c in checklists]
    text_of = pages(checklist_pdf)
    for title, page in entries:
        assert text_of[page - 1].startswith(flat(title)), (title, page)


def test_checklist_pdf_is_a4_tagged_pdf_ua(checklist_pdf):
    info = pdfinfo(checklist_pdf)
    assert re.match(r"595\.\d+ x 841\.\d+ pts \(A4\)", info["Page size"]), info["Page size"]
    assert info["Tagged"] == "yes" and info["Title"] == furniture()["checklists"]["title"]
    assert b"/Lang (fi)" in pdf_objects(checklist_pdf)


def test_checklist_pdf_is_blank_forms_of_every_checklist_item(checklist_pdf):
    forms = " ".join(pages(checklist_pdf)[1:])
    checklists = load_checklists(ROOT / "data" / "tarkistuslistat")
    for cl in checklists.values():
        for group in cl["groups"]:
            for item in group["items"]:
                pattern = r"☐ " + re.escape(flat(item["text"]))
                if item["not_applicable"]:
                    pattern += r" ☐ Ei koske tätä julkaisua"
                assert re.search(pattern, forms), f"{cl['id']}: {item['id']} puuttuu tai ilman ruutua"
        for field in cl["fields"]:
            assert flat(field["label"]) in forms, field["id"]
            for option in field["options"]:
                assert f"☐ {option['label']}" in forms, (field["id"], option["value"])
    assert "☑" not in forms and "☒" not in forms  # blank: nothing ticked


def test_finnish_hyphenation_without_stray_soft_hyphens(pdf, checklist_pdf):
    words = set(re.findall(r"\w+", SOURCE.read_text(encoding="utf-8")))
    checklist_words = set()
    for cl in load_checklists(ROOT / "data" / "tarkistuslistat").values():
        checklist_words |= {w for g in cl["groups"] for i in g["items"] for w in re.findall(r"\w+", i["text"])}
        checklist_words |= set(re.findall(r"\w+", cl["intro"].text if cl["intro"] else ""))
    for path, known, least in ((pdf, words, 5), (checklist_pdf, checklist_words, 1)):
        raw = pdftotext(path)
        assert "\u00ad" not in raw, f"{path.name}: kopioitavassa tekstissä on tavutusmerkkejä (U+00AD)"
        breaks = re.findall(r"(\w+)\u2010\n(\w+)", raw)
        assert len(breaks) >= least, f"{path.name}: tekstiä ei ole tavutettu"
        for head, tail in breaks:
            assert head + tail in known, f"{path.name}: tavutettu sana ei ole tekstin sana: {head}-{tail}"


def test_no_site_chrome_in_the_pdfs(pdf, checklist_pdf):
    text = " ".join(pages(pdf) + pages(checklist_pdf))
    for chrome in ("Hae", "Siirry sisältöön", "Tyhjennä vastaukset", "Vaihda tummaan teemaan",
                   "Anna palautetta", "Mitä tarvitset?", "Jokainen kohta on omalla sivullaan", "Valitse"):
        assert not re.search(rf"\b{chrome}\b", text), chrome
    assert "¶" not in text


def test_the_paper_checklists_never_mention_the_summary_only_the_screen_makes(checklist_pdf):
    """On paper no summary is made: the printed 3.2 said "Niistä syntyy yhteenveto" (issue 23 walk).
    Each list with a summary: its title's stem is nowhere on paper."""
    text = dehyphenate(flat(pdftotext(checklist_pdf))).lower()
    checklists = list(load_checklists(ROOT / "data" / "tarkistuslistat").values())
    starts = [text.index(f"{cl['title']} ({cl['section']})".lower()) for cl in checklists]
    for cl, start, end in zip(checklists, starts, starts[1:] + [len(text)], strict=True):
        part = text[start:end]
        for group in cl["groups"]:   # a guideline section may be called so (3.5: "8. Yhteenveto")
            part = part.replace(group["title"].lower(), "")
        if cl["summary"]:
            stem = cl["summary"]["title"].split()[0].lower()[:-1]   # "Yhteenveto" -> "yhteenvet"
            assert stem not in part, cl["id"]
