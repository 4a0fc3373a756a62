"""The PDFs under `mkdocs serve`: after each save the page reloads at once with the last PDFs
in place, and fresh ones are made in a child process and put in place when they are done (a
few seconds), so the PDF links never give 404.

The one state that outlives a build, and only in a serving process: the last PDFs made and
the child making the next ones (Served, one per serving process, held by the pdf hook).
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from printpdf import Book, pdf_paths

log = logging.getLogger("mkdocs.hooks.pdf")


@dataclass
class Served:
    """The last PDFs made ({site-relative path: bytes}), and the child process making the next ones."""
    last: dict[str, bytes] | None = None
    child: int | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def keep(self, site: Path, paths: list[str]) -> None:
        """The PDFs a build has just written: the ones the next saves show until fresh ones are made."""
        self.last = {path: (site / path).read_bytes() for path in paths}

    def rebuild_in_background(self, config, site: Path, book: Book) -> None:
        """mkdocs serve after a save: the last PDFs in place now, fresh ones from a child process.

        The child is a fork of this process: it has the pages just rendered and its own
        copy of Voikko (whose handle is not safe to share between threads)."""
        paths = pdf_paths(config)
        for path, data in self.last.items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_bytes(data)
        with self.lock:
            if self.child:  # a newer save: its PDFs replace the ones still being made
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.child, signal.SIGKILL)
            work = Path(tempfile.mkdtemp(prefix="loimaa-pdf-"))
            pid = os.fork()
            if pid == 0:  # the child: make the PDFs, never return into mkdocs
                code = 1
                try:
                    for path, build in paths.items():
                        build(config, work / path, book)
                    code = 0
                except BaseException as err:  # noqa: BLE001 (reported, then the child ends)
                    log.error(f"PDF jäi päivittämättä: {err}")
                finally:
                    os._exit(code)
            self.child = pid
        threading.Thread(target=self._put_in_place, args=(pid, work, site, list(paths)), daemon=True).start()

    def _put_in_place(self, pid: int, work: Path, site: Path, paths: list[str]) -> None:
        _, status = os.waitpid(pid, 0)
        with self.lock:
            if self.child == pid and os.waitstatus_to_exitcode(status) == 0:
                self.child, self.last = None, {path: (work / path).read_bytes() for path in paths}
                for path in paths:
                    target = site / path
                    partial = target.with_name(target.name + ".osittainen")
                    partial.write_bytes(self.last[path])
                    partial.replace(target)  # atomic: a reader gets the old PDF or the new, whole
                    log.info(f"PDF päivitetty: {target.name}")
        shutil.rmtree(work, ignore_errors=True)
