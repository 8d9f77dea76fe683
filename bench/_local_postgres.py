"""A throw-away PostgreSQL for a benchmark that asks for one, and how its table names it.

`--db postgresql` (the word alone, no URL) in bench/national_speed.py and a load test without
`--db` run against a new cluster from Debian's packages (tests/services/postgres.py: bound to
127.0.0.1, stopped by its PID, its folder removed), so the PostgreSQL figures are reproducible
from the repository. A URL is used as given.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
from collections.abc import Iterator

OWN = "postgresql"  # what --db says for a throw-away local server


def is_url(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


@contextlib.contextmanager
def database(given: str | None) -> Iterator[tuple[str, str]]:
    """INDICATORS_DB and how a results table names it: `given` (a DuckDB path or a URL) as it
    is, else (None or `OWN`) a new database on a throw-away cluster, stopped afterwards."""
    if given and given != OWN:
        yield given, f"{'PostgreSQL' if is_url(given) else 'DuckDB'} (given)"
        return
    from tests.services.postgres import Cluster, pg_bin  # a server of our own, stopped by PID

    cluster = Cluster().start()
    try:
        version = subprocess.run([str(pg_bin() / "postgres"), "--version"], capture_output=True,
                                 text=True).stdout  # fmt: skip
        number = re.search(r"\d+(?:\.\d+)+", version)
        name = f"PostgreSQL {number.group(0) if number else version.strip()}"
        yield cluster.create_database("indicators"), f"{name} (throw-away, local, fsync off)"
    finally:
        cluster.stop()
