"""The built site's sections under another section of their page (3.1's "Asiantuntijaprofiilit" under
"3.1.1. Työnantajan edustajana"), read from its pages as a reader sees their headings."""
from __future__ import annotations

import html
import json
import re

HEADING = re.compile(r'<h([1-6])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def headings(page_html: str) -> list[tuple[int, str, str]]:
    """(level, id, text) of each heading with an id, in order, as a reader sees its text."""
    return [(int(level), anchor, re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", text))).strip(" ¶"))
            for level, anchor, text in HEADING.findall(page_html)]


def nested_sections(site) -> list[tuple[str, str, str]]:
    """(location, parent's title, title) of every section of the built site under a subsection of its page."""
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    out = []
    for page in sorted({d["location"].split("#")[0] for d in index["docs"]}):
        above: list[tuple[int, str]] = []  # (level, title) of the headings still open
        for level, anchor, text in headings((site.dir / page / "index.html").read_text(encoding="utf-8")):
            while above and above[-1][0] >= level:
                above.pop()
            if above and above[-1][0] > 1 and any(d["location"] == f"{page}#{anchor}" for d in index["docs"]):
                out.append((f"{page}#{anchor}", above[-1][1], text))
            above.append((level, text))
    return out
