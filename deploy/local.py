"""Run deploy/nginx.conf with Debian's nginx on a loopback port (tests, `make bench`).

Not a system service: a throw-away prefix holds the pid file, logs and temp
paths. nginx.conf is included as guides/it.md says, in a server block that has
headers of its own (Strict-Transport-Security, as the intranet's) and a page of
its own at /; only its ROOT lines are pointed at the directory that holds
<sub-path>/ (the `root` and the include of the build's nginx-csp.conf).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
CONF = DEPLOY / "nginx.conf"
ROOT = "/var/www/intranet"  # the ROOT lines of nginx.conf
# The intranet's own server-level header; tests check it stays on the site's responses.
HSTS = "max-age=31536000"
# The intranet's server block as guides/it.md shows it, with a page of its own at /.
SERVER = """    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        add_header Strict-Transport-Security "{hsts}" always;
        location / {{
            return 200 "intranet\\n";
        }}
        include {prefix}/site.conf;
    }}"""
MAIN = """daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
{user}
events {{ worker_connections 256; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    sendfile on;
{servers}
}}
"""


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)


def ensure_installed() -> str:
    """Debian's nginx, installed through scripts/system-deps.sh if missing (needs root)."""
    if not nginx_binary():
        subprocess.run([str(DEPLOY.parent / "scripts" / "system-deps.sh"), "test"], check=True)
    binary = nginx_binary()
    if not binary:
        raise RuntimeError("nginx puuttuu: sudo apt-get install -y nginx")
    return binary


class Nginx:
    """`with Nginx(served_root, port) as server:` serves served_root/<sub-path>/ on 127.0.0.1:port.

    servers: the http block's server blocks instead (e.g. `include …/sites-enabled/*;`);
    served_root is then not used.
    """

    def __init__(self, served_root: Path | None, port: int, conf: Path = CONF, servers: str | None = None):
        self.port = port
        self.prefix = Path(tempfile.mkdtemp(prefix="loimaa-nginx-"))
        if servers is None:
            text = conf.read_text(encoding="utf-8")
            if f"root {ROOT};" not in text:
                raise RuntimeError(f"{conf}: 'root {ROOT};' puuttuu")
            (self.prefix / "site.conf").write_text(text.replace(ROOT, str(Path(served_root).resolve())),
                                                   encoding="utf-8")
            servers = SERVER.format(prefix=self.prefix, port=port, hsts=HSTS)
        # Root runs the workers as root too: pytest's temp dirs are private (0700).
        user = "user root;" if os.geteuid() == 0 else ""
        (self.prefix / "nginx.conf").write_text(MAIN.format(prefix=self.prefix, user=user, servers=servers))
        self.process: subprocess.Popen | None = None

    @property
    def command(self) -> list[str]:
        """nginx with this prefix and config: add -t to test it, -s reload to reload it."""
        return [ensure_installed(), "-p", str(self.prefix), "-e", str(self.prefix / "error.log"),
                "-c", str(self.prefix / "nginx.conf")]

    def __enter__(self):
        args = self.command
        check = subprocess.run([*args, "-t"], capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx -t failed:\n{check.stderr}")
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx stopped:\n{self.process.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"nginx did not answer on 127.0.0.1:{self.port}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: fast shutdown of master and worker
            self.process.wait(timeout=10)
        shutil.rmtree(self.prefix, ignore_errors=True)

    @property
    def error_log(self) -> str:
        path = self.prefix / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""
