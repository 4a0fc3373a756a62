"""Precompressed .gz copies of a built site's text files, for nginx's gzip_static (the hook: precompress.py)."""
from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


# Text-like files a browser may fetch; binaries (PNG, WOFF2, PDF) are compressed already.
TEXT_SUFFIXES = {
    ".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt",
    ".map", ".webmanifest", ".csv", ".ics",
}


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
