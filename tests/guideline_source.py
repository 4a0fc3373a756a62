"""The city's text as the tests read it: the source file (tests/fixtures/), the site's guideline pages,
and the words that make a sentence a requirement."""
from __future__ import annotations

import re
from pathlib import Path

from htmltext import normalise


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


# The words that make a Finnish sentence a requirement: necessity, prohibition, restriction, absolutes.
REQUIREMENT = re.compile(
    r"\b(?:on oltava|ovat oltava|(?:on|ovat) \w+(?:tava|tävä)t?|täytyy|pitää|pitäisi|tulee|tulisi"
    r"|velvo\w*|vaadi\w*|vaati\w*|edellyt\w*|pakollis\w*"          # necessity
    r"|ei saa|eivät saa|älä|älkää|kiell\w*|kielt\w*"                 # prohibition
    r"|vain|ainoastaan|vähintään|enintään"                           # restriction, quantity
    r"|aina|ei koskaan|jokai\w*)\b", re.IGNORECASE)                  # absolutes
