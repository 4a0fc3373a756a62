#!/usr/bin/env python3
"""Write each page's Markdown as it is after the macros have run: `expand_macros.py DEST_DOCS`.

For the stock build of `make bench` (scripts/bench.py): Material's defaults
and no macros plugin, but the same text as ours, so that the ratio shows what
our theme, JavaScript, CSS and Finnish search cost rather than the content
(the rendered checklists, quiz and approval table). Builds this project once
(PDF=0, into a temporary directory) with one extra plugin that copies
page.markdown and the front matter out after every other on_page_markdown.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority

ROOT = Path(__file__).resolve().parent.parent
OURS_ONLY = {"components"}  # page.meta keys our templates read; nothing for the stock theme


class ExpandedMarkdown(BasePlugin):
    def __init__(self, dest: Path):
        self.dest = dest

    @event_priority(-100)  # after the macros plugin
    def on_page_markdown(self, markdown, page, **kwargs):
        meta = {k: v for k, v in page.meta.items() if k not in OURS_ONLY}
        front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
        target = self.dest / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(front + markdown, encoding="utf-8")
        return markdown


def expand(dest: Path) -> None:
    os.environ["PDF"] = "0"
    os.chdir(ROOT)  # snippets and data paths are relative to the project
    with tempfile.TemporaryDirectory(prefix="loimaa-expand-") as site:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=site)
        config.plugins["bench-expanded-markdown"] = ExpandedMarkdown(dest)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.splitlines()[0])
    expand(Path(sys.argv[1]).resolve())
