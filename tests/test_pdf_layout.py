"""The printed guideline as a supervisor holds it: no lone heading, no page with only a note."""
from __future__ import annotations

import re

from htmltext import normalise
from test_pdf import PAGES, flat, pages, site_headings


def notes(site_dir) -> list[str]:
    """The text of every admonition (note box) on the guideline's pages."""
    found = []
    for rel in PAGES:
        html = (site_dir / rel / "index.html").read_text(encoding="utf-8")
        for box in re.findall(r'<div class="admonition[^"]*">(.*?)</div>', html, re.S):
            found.append(flat(normalise(re.sub(r"<[^>]+>", " ", box))))
    return found


def test_no_page_ends_with_a_heading(site, pdf):
    headings = [flat(h) for h in site_headings(site.dir)]
    ends = [(n, h) for n, text in enumerate(pages(pdf), 1) for h in headings if text.endswith(h)]
    assert ends == []


def test_no_page_starts_with_a_note_box(site, pdf):
    """A note belongs to the text before it; 3.6's L-drive note once filled a page alone."""
    boxes = notes(site.dir)
    assert any("L-asemalta" in b for b in boxes)
    opening = [(n, box[:40]) for n, text in enumerate(pages(pdf), 1) for box in boxes if text.startswith(box)]
    assert opening == []
