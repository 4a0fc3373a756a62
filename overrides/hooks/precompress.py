"""Precompressed .gz copies of the site's text files, for nginx's gzip_static.

The web server then sends the smaller file as is instead of compressing on
every request. Registered last under `hooks:` and run at the lowest priority,
so it also compresses what other hooks and plugins write in on_post_build
(the search index, the PDF's neighbours). Skipped under `mkdocs serve`, where
nothing reads the copies and every rebuild should stay fast.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from sitebuild.precompress import precompress
from sitebuild.serving import serving

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@event_priority(-100)  # after every other on_post_build (search index, PDF)
def on_post_build(config: MkDocsConfig) -> None:
    if not serving():
        precompress(Path(config["site_dir"]))


