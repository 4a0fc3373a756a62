"""The test site's web server, shared by every parallel worker of one pytest run.

    python tests/static_server.py ROOT PORT WATCH_PID

Serves ROOT (which holds SUBPATH/) on 127.0.0.1:PORT with the site's 404 page
(SubpathHandler), prints "ready" once it listens, and stops when the
process WATCH_PID (the pytest run) has ended. A worker that finishes early does
not take the server with it, and an interrupted run leaves no server behind.
"""
from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time
from pathlib import Path

SUBPATH = "/ohjeet/some/"  # where the tests serve the site, as IT would publish it


class SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site, sending the site's 404 page with status 404."""

    def log_message(self, *args):  # keep test output quiet
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / SUBPATH.strip("/") / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def main(root: str, port: str, watch_pid: str) -> None:
    handler = functools.partial(SubpathHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print("ready", flush=True)
    while alive(int(watch_pid)):
        time.sleep(1)
    server.shutdown()


if __name__ == "__main__":
    main(*sys.argv[1:])
