"""Precompressed .gz copies of the site's text files, for nginx's gzip_static.

The web server then sends the smaller file as is instead of compressing on
every request. Registered last under `hooks:` and run at the lowest priority,
so it also compresses what other hooks and plugins write in on_post_build
(the search index, the PDF's neighbours). Skipped under `mkdocs serve`, where
nothing reads the copies and every rebuild should stay fast.
"""
from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.plugins import event_priority

# Text-like files a browser may fetch; binaries (PNG, WOFF2, PDF) are compressed already.
TEXT_SUFFIXES = {
    ".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt",
    ".map", ".webmanifest", ".csv", ".ics",
}
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


@event_priority(-100)  # after every other on_post_build (search index, PDF)
def on_post_build(config):
    if not _serving:
        precompress(Path(config["site_dir"]))


def precompress(site_dir: Path) -> list[Path]:
    """Write name.gz beside each text file it makes smaller; return the .gz paths.

    One file per thread: zlib releases the GIL, so this takes half the time on two cores.
    """
    files = [p for p in sorted(site_dir.rglob("*")) if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()]
    with ThreadPoolExecutor() as pool:
        return [target for target in pool.map(compress, files) if target]


def compress(path: Path) -> Path | None:
    data = path.read_bytes()
    packed = gzip.compress(data, compresslevel=9, mtime=0)  # mtime=0: same bytes every build
    target = path.with_name(path.name + ".gz")
    if len(packed) >= len(data):
        target.unlink(missing_ok=True)  # a stale copy would be served instead
        return None
    target.write_bytes(packed)
    stat = path.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same Last-Modified as the original
    return target
