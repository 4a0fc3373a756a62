"""Any page printed from the browser (loimaa.css @media print): no heading alone at a page's foot."""
from __future__ import annotations

import pytest
from pdftext import flat


pytestmark = pytest.mark.browser


def test_no_printed_page_ends_with_a_heading(site, sweep):
    ends = []
    for url in site.pages:
        headings = [flat(h) for h in sweep.desktop[url]["print_headings"]]
        sheets = sweep.desktop[url]["printed"]  # pdf of the page as printed, A4, one text per sheet
        ends += [(url, n, h) for n, text in enumerate(sheets[:-1], 1) for h in headings if text.endswith(h)]
    assert ends == []
