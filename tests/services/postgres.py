"""A throw-away PostgreSQL cluster from the distribution's packages, for tests and benchmarks.

`python3 dev.py test` installs Debian's `postgresql` when it is missing; this module only runs
it: `initdb` into a temporary folder, the server bound to 127.0.0.1 on a free port with its
socket in that folder, and stopped by the PID it wrote. Nothing is left running and no system
cluster is touched. As root the server runs as the `postgres` account (PostgreSQL refuses root).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

BIN_GLOB = "/usr/lib/postgresql/*/bin"


def pg_bin() -> Path | None:
    """The newest installed server's bin folder, or None when PostgreSQL is not installed."""
    found = sorted(Path("/").glob(BIN_GLOB.lstrip("/")), key=lambda p: int(p.parent.name))
    return next((p for p in reversed(found) if (p / "initdb").exists()), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One PostgreSQL server in a new temporary folder; `url(name)` names a database on it.

    The folder is made here, directly under the system's temporary folder, because the server
    account must be able to reach it (pytest's own temporary folders are private to root)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="indicators-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.pid: int | None = None
        self._names = itertools.count(1)
        self._bin = pg_bin()
        if self._bin is None:
            raise RuntimeError("PostgreSQL is not installed (python3 dev.py test installs it)")

    def _run(self, *cmd: str | Path) -> None:
        args = [str(c) for c in cmd]
        if os.geteuid() == 0:
            args = ["runuser", "-u", "postgres", "--", *args]
        done = subprocess.run(args, capture_output=True, text=True, cwd="/")
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}")

    def start(self) -> Cluster:
        self.folder.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(self._bin / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--no-sync")  # fmt: skip
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(self._bin / "pg_ctl", "-D", self.data, "-o", options,
                  "-l", self.folder / "server.log", "-w", "-t", "60", "start")  # fmt: skip
        self.pid = int((self.data / "postmaster.pid").read_text().split()[0])
        return self

    def create_database(self, name: str | None = None, template: str | None = None) -> str:
        """A new database, empty or a copy of the database `template` (no one may be
        connected to it); its URL."""
        name = name or f"t{next(self._names)}"
        copy = ["-T", template] if template else []
        self._run(self._bin / "createdb", "-h", "127.0.0.1", "-p", str(self.port),
                  "-U", "postgres", *copy, name)  # fmt: skip
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self._run(self._bin / "dropdb", "-h", "127.0.0.1", "-p", str(self.port),
                  "-U", "postgres", "--force", name)  # fmt: skip

    def url(self, name: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        """Fast shutdown by PID (SIGINT), waiting until the server has gone."""
        if self.pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGINT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        self.pid = None
        shutil.rmtree(self.folder, ignore_errors=True)
