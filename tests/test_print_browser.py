"""Any page printed from the browser (loimaa.css @media print): no heading alone at a page's foot."""
from __future__ import annotations

import subprocess

import pytest

from test_pdf import flat

pytestmark = pytest.mark.browser


def printed_pages(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "print.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [flat(page) for page in text.split("\f") if page.strip()]


def test_no_printed_page_ends_with_a_heading(site, page, tmp_path):
    ends = []
    for url in site.pages:
        page.goto(url, wait_until="networkidle")
        headings = [flat(h) for h in page.eval_on_selector_all(
            "article :is(h1, h2, h3, h4)",
            "els => els.map(h => [...h.childNodes].filter(n => !n.classList?.contains('headerlink'))"
            ".map(n => n.textContent).join(''))")]
        sheets = printed_pages(page.pdf(format="A4"), tmp_path)
        ends += [(url, n, h) for n, text in enumerate(sheets[:-1], 1) for h in headings if text.endswith(h)]
    assert ends == []
