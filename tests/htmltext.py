"""Read what a user sees in a built page: the article text, without permalinks."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


class _ArticleText(HTMLParser):
    SKIP = {"script", "style", "svg"}
    VOID = {"area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"}  # no end tag

    def __init__(self, skip_classes: tuple[str, ...] = ()):
        super().__init__()
        self.skip_classes = set(skip_classes)
        self.depth = 0          # inside <article>
        self.skip = 0           # inside an element whose text is not content
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if tag == "article":
            self.depth += 1
        elif tag in self.VOID:
            pass
        elif self.depth and (tag in self.SKIP or "headerlink" in cls or self.skip
                            or self.skip_classes & set(cls.split())):
            self.skip += 1
        if tag in {"p", "li", "h1", "h2", "h3", "h4", "br", "td", "th", "div"}:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def article_text(html: str, skip_classes: tuple[str, ...] = ()) -> str:
    """The article's text; elements with one of skip_classes are left out."""
    parser = _ArticleText(skip_classes)
    parser.feed(html)
    return "".join(parser.parts)


def normalise(text: str) -> str:
    """Collapse whitespace and drop Markdown emphasis and list markers."""
    text = text.replace("**", "").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def page_text(site_dir: Path, rel: str) -> str:
    return article_text((site_dir / rel / "index.html").read_text(encoding="utf-8"))
