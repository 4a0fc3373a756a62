"""The printed guideline as a supervisor holds it: no lone heading at the foot of a page.

(A page that held only a note box, as 3.6's L-drive note once did, cannot recur: the
official PDF holds no box of the site's; test_pdf.strays() keeps it so.)"""
from __future__ import annotations
from pdftext import flat, pages, site_headings



def test_no_page_ends_with_a_heading(site, pdf):
    headings = [flat(h) for h in site_headings(site.dir)]
    ends = [(n, h) for n, text in enumerate(pages(pdf), 1) for h in headings if text.endswith(h)]
    assert ends == []
