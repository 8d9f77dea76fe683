"""Debian's nginx in front of several app servers, from the deployed site file, for tests and
benchmarks.

`deploy/nginx/chiso-cntt.conf` is the site IT staff install; this module runs that same file, so
what the tests prove (sticky sessions, websockets, headers, the upload limit) is what is
deployed. Only the lines the site marks change: `@upstream` becomes one `server` line per given
port, `@listen` listens on 127.0.0.1 on a free port over plain HTTP, `@log` writes into the
temporary folder; the `@tls` lines and the `@tls-begin`…`@tls-end` block (certificates, the
redirect from port 80) are left out. nginx runs in the foreground (`daemon off`) with its pid
file, logs and temporary files in a new folder, and is stopped by its PID.

`python3 dev.py test` installs Debian's `nginx` when it is missing.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SITE = REPO_ROOT / "deploy" / "nginx" / "chiso-cntt.conf"
NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")
_UPSTREAM_PORT = re.compile(r"127\.0\.0\.1:\d+")
_LOG_PATH = re.compile(r"/var/log/nginx/")
_MARK = re.compile(r"#\s*(@[a-z-]+)\s*$")  # a mark ends its line's comment

MAIN_CONF = """\
daemon off;
worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    access_log {folder}/access.log;
    include {folder}/chiso-cntt.conf;
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def site_for(upstreams: Sequence[int], port: int, folder: Path, site: str | None = None) -> str:
    """The deployed site's text for 127.0.0.1:`port` over plain HTTP in front of `upstreams`
    (ports on 127.0.0.1), logging into `folder`. Raises ValueError when the site has lost a
    mark this needs, so an edit of the deployed file cannot silently test something else."""
    text = SITE.read_text(encoding="utf-8") if site is None else site
    out: list[str] = []
    skipping = upstream_done = False
    seen = {"@upstream": 0, "@listen": 0, "@tls-begin": 0, "@log": 0}
    for line in text.splitlines():
        mark = _mark(line)
        if mark in seen:
            seen[mark] += 1
        if mark == "@tls-begin":
            skipping = True
        if skipping:
            skipping = mark != "@tls-end"
            continue
        if mark == "@tls":
            continue
        if mark == "@upstream":
            if not upstream_done:
                out += [_UPSTREAM_PORT.sub(f"127.0.0.1:{p}", line) for p in upstreams]
                upstream_done = True
            continue
        if mark == "@listen":
            if seen["@listen"] == 1:
                indent = line[: len(line) - len(line.lstrip())]
                out.append(f"{indent}listen 127.0.0.1:{port};")
            continue
        if mark == "@log":
            line = _LOG_PATH.sub(f"{folder}/", line)
        out.append(line)
    if skipping or not all(seen.values()):
        raise ValueError(f"{SITE} lost a mark tests/services/nginx.py needs: {seen}")
    return "\n".join(out) + "\n"


def _mark(line: str) -> str | None:
    """The `@…` mark in a line's trailing comment, if any."""
    found = _MARK.search(line)
    return found.group(1) if found else None


class Nginx:
    """nginx on 127.0.0.1:`port` in front of the app servers on `upstreams`, from the site file.

    The folder is made directly under the system's temporary folder and opened to others:
    nginx's worker processes run as an unprivileged account when the master runs as root,
    and must reach their temporary files (pytest's own folders are private to root)."""

    def __init__(self, upstreams: Sequence[int]) -> None:
        if not NGINX.exists():
            raise RuntimeError(f"{NGINX} is missing (python3 dev.py test installs 'nginx')")
        if not upstreams:
            raise ValueError("nginx needs at least one upstream port")
        self.upstreams = list(upstreams)
        self.folder = Path(tempfile.mkdtemp(prefix="indicators-nginx-"))
        self.folder.chmod(0o755)
        self.port = 0
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def conf(self) -> Path:
        return self.folder / "nginx.conf"

    def start(self, timeout: float = 20) -> Nginx:
        """Start on a free port (another port if a race took it) and wait until it answers."""
        for _ in range(3):
            self.port = free_port()
            self._write()
            self._run_check()
            log = (self.folder / "stderr.log").open("w")
            self.proc = subprocess.Popen(
                [str(NGINX), "-c", str(self.conf), "-p", str(self.folder)],
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.folder,
                start_new_session=True,
            )
            log.close()
            if self._wait_answering(timeout):
                return self
            if "Address already in use" not in self.errors():
                break
        errors = self.errors()
        self.stop()
        raise RuntimeError(f"nginx did not start:\n{errors}")

    def _write(self) -> None:
        site = site_for(self.upstreams, self.port, self.folder)
        (self.folder / "chiso-cntt.conf").write_text(site, encoding="utf-8")
        self.conf.write_text(
            MAIN_CONF.format(folder=self.folder, mime_types=MIME_TYPES), encoding="utf-8"
        )

    def _run_check(self) -> None:
        """`nginx -t`: a configuration nginx refuses is reported with its own words."""
        done = subprocess.run(
            [str(NGINX), "-t", "-q", "-c", str(self.conf), "-p", str(self.folder)],
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise RuntimeError(f"nginx refuses the configuration:\n{done.stderr}")

    def _wait_answering(self, timeout: float) -> bool:
        """True once nginx answers an HTTP request (any status: the upstreams may be down)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2):
                    return True
            except urllib.error.HTTPError:
                return True
            except OSError:
                time.sleep(0.05)
        return False

    def errors(self) -> str:
        """What nginx said on stderr and in its error log."""
        parts = [self.folder / "stderr.log", self.folder / "error.log"]
        return "".join(p.read_text(errors="replace") for p in parts if p.exists())

    def stop(self) -> None:
        """Stop by PID, then remove the folder. SIGTERM is nginx's fast shutdown: a graceful
        one (SIGQUIT) would wait for every open websocket, for up to a day."""
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self.proc = None
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def running_nginx(upstreams: Sequence[int]) -> Iterator[Nginx]:
    """nginx in front of `upstreams` for the length of the block, stopped after."""
    proxy = Nginx(upstreams)
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.stop()
