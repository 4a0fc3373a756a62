"""The accessibility statement says only what is true of the two PDFs every page links to.

Each claim the statement makes about a PDF is paired with the check that makes it true; a PDF
that changes (a form field, an image, a font not embedded) fails here until the statement does.
"""
from __future__ import annotations

import subprocess

from htmltext import normalise, page_text
from pdftext import pdf_objects, pdfinfo, structure_cells

STATEMENT = "saavutettavuusseloste"


def fonts_embedded_with_unicode(pdf) -> bool:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    return bool(rows) and all(row[-5] == "yes" and row[-3] == "yes" for row in rows)   # emb, uni


def has_images(pdf) -> bool:
    out = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return len(out.splitlines()) > 2 or b"/S /Figure" in pdf_objects(pdf)


def pdf_ua(pdf) -> bool:
    meta = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True, text=True, check=True).stdout
    return 'pdfuaid:part="1"' in meta


def claims(pdf, checklists) -> list[tuple[str, bool]]:
    """(the statement's sentence, whether the PDFs make it true)."""
    official = pdf_objects(pdf)
    return [
        ("Se on rakenteistettu (tagged PDF) ja merkitty PDF/UA-1-tiedostoksi.",
         pdfinfo(pdf)["Tagged"] == "yes" and pdf_ua(pdf)),
        ("Sen kieleksi on merkitty suomi, ja sen otsikko näkyy ikkunan otsikkona.",
         b"/Lang (fi)" in official and b"/DisplayDocTitle true" in official),
        ("Otsikot on merkitty rakenteeseen.", b"/S /H1" in official),
        ("Kansilehden hyväksyntätaulukon otsikkosoluista on merkitty, ovatko ne sarakkeen vai rivin otsikoita.",
         bool(structure_cells(pdf, "TH"))
         and all(c.get("Scope") in ("/Column", "/Row") for c in structure_cells(pdf, "TH"))),
        ("Fontit on upotettu niin, että tekstin voi kopioida ja poimia.", fonts_embedded_with_unicode(pdf)),
        ("Tiedostossa ei ole kuvia.", not has_images(pdf)),
        ("Se on rakenteistettu (tagged PDF) ja merkitty PDF/UA-1-tiedostoksi, sen kieleksi on merkitty suomi, "
         "ja fontit on upotettu.",
         pdfinfo(checklists)["Tagged"] == "yes" and pdf_ua(checklists)
         and b"/Lang (fi)" in pdf_objects(checklists) and fonts_embedded_with_unicode(checklists)),
        # Said as a shortcoming: a paper form, nothing to fill in on screen.
        ("Siinä ei ole täytettäviä lomakekenttiä", pdfinfo(checklists)["Form"] == "none"),
        ("Sen rastiruutuja ja kenttiä ei voi täyttää näytöllä", pdfinfo(checklists)["Form"] == "none"),
    ]


def test_the_statement_covers_both_pdfs_and_each_claim_holds(site, pdf, checklist_pdf):
    text = normalise(page_text(site.dir, STATEMENT))
    html = (site.dir / STATEMENT / "index.html").read_text(encoding="utf-8")
    for target in (pdf, checklist_pdf):                                   # links to the very files
        assert f'href="../pdf/{target.name}"' in html, target.name
    for sentence, true in claims(pdf, checklist_pdf):
        assert normalise(sentence) in text, f"selosteesta puuttuu: {sentence}"
        assert true, f"seloste väittää, mutta PDF ei vastaa: {sentence}"


def test_the_statement_names_the_checklists_pdf_as_not_accessible_and_what_to_use_instead(site):
    html = (site.dir / STATEMENT / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="ei-saavutettava-sisalto"'):html.index('id="pdf-tiedostot"')]
    for page in ("tarkistuslistat/uusi-profiili/", "tarkistuslistat/ennen-julkaisua/"):
        assert f'href="../{page}"' in section, page
    assert "Tunnettuja puutteita ei tällä hetkellä ole" not in html
