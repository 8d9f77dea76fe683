"""The store: one DuckDB file holding every revision of the data.

Rows are versioned rather than copied: a row is part of revisions [rev_from, rev_to). The current
data is the latest revision; `as_of(rev)` reads any earlier one. Each load runs in a single
transaction, so a failed or interrupted load leaves the previous revision intact.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from .catalog import Catalog, load_catalog
from .loaders import (
    KEY,
    OBS_COLUMNS,
    PERIOD_COLUMNS,
    TARGET_COLUMNS,
    load_observations,
    load_targets,
)
from .regions import build_regions

SCHEMA_VERSION = "1"
VERSIONED = {
    "observations": [*OBS_COLUMNS, *PERIOD_COLUMNS],
    "targets": [*TARGET_COLUMNS, *PERIOD_COLUMNS],
}
VALUE_COLUMNS = {
    "observations": ["value", "numerator", "denominator", "status", "source", "note"],
    "targets": ["value", "status", "source", "note"],
}

DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS revisions (
    id INTEGER PRIMARY KEY,
    created_at TIMESTAMP NOT NULL,
    author VARCHAR NOT NULL,
    file_name VARCHAR,
    content_hash VARCHAR,
    message VARCHAR,
    rows_in_file INTEGER,
    rows_new INTEGER,
    rows_changed INTEGER,
    rows_unchanged INTEGER,
    rows_removed INTEGER
);
CREATE TABLE IF NOT EXISTS observations (
    indicator VARCHAR NOT NULL, unit_list VARCHAR NOT NULL, region VARCHAR NOT NULL,
    period VARCHAR NOT NULL, value DOUBLE, numerator DOUBLE, denominator DOUBLE,
    status VARCHAR NOT NULL, source VARCHAR, note VARCHAR,
    period_kind VARCHAR NOT NULL, period_start DATE NOT NULL, period_end DATE NOT NULL,
    rev_from INTEGER NOT NULL, rev_to INTEGER
);
CREATE TABLE IF NOT EXISTS targets (
    indicator VARCHAR NOT NULL, unit_list VARCHAR NOT NULL, region VARCHAR NOT NULL,
    period VARCHAR NOT NULL, value DOUBLE, status VARCHAR NOT NULL, source VARCHAR,
    note VARCHAR, period_kind VARCHAR NOT NULL, period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    rev_from INTEGER NOT NULL, rev_to INTEGER
);
"""


@dataclass(frozen=True)
class Revision:
    id: int
    created_at: datetime
    author: str
    file_name: str | None
    content_hash: str | None
    message: str | None
    rows_in_file: int
    rows_new: int
    rows_changed: int
    rows_unchanged: int
    rows_removed: int


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def as_of(rev: int, alias: str = "") -> str:
    """SQL condition selecting the rows that made up revision `rev`."""
    p = f"{alias}." if alias else ""
    rev = int(rev)
    return f"({p}rev_from <= {rev} AND ({p}rev_to IS NULL OR {p}rev_to > {rev}))"


class Store:
    """A DuckDB file. Connections are short-lived so other processes can write between reads."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    @contextmanager
    def connect(self, read_only: bool = False, timeout: float = 15.0) -> Iterator:
        """A connection that retries while another process holds the file's lock.

        Every connection is opened read-write: DuckDB refuses a read-only and a read-write
        connection to one file in the same process (e.g. a page reading while an upload
        writes). `read_only` only refuses to create a missing file.
        """
        if read_only and not self.path.exists():
            raise FileNotFoundError(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + timeout
        while True:
            try:
                con = duckdb.connect(str(self.path))
                break
            except duckdb.IOException as exc:  # another process holds the write lock
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        try:
            yield con
        finally:
            con.close()

    # -- schema and reference tables -------------------------------------------------------

    def initialize(self, catalog: Catalog, regions: pd.DataFrame) -> None:
        """Create tables and write the catalog and unit lists, which are configuration.

        Skipped when they are unchanged (the common case), so a start or a CLI read does not
        rewrite them.
        """
        cat = catalog.frame()  # also read by DuckDB by name below
        reg = regions  # noqa: F841
        digest = hashlib.sha256(
            cat.to_csv(index=False).encode() + regions.to_csv(index=False).encode()
        ).hexdigest()
        with self.connect() as con:
            con.execute(DDL)
            found = con.execute("SELECT value FROM meta WHERE key = 'config_hash'").fetchone()
            if found and found[0] == digest:
                return
            anc = _ancestors(regions)  # noqa: F841
            con.execute("BEGIN TRANSACTION")
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION]
            )
            con.execute("INSERT OR REPLACE INTO meta VALUES ('config_hash', ?)", [digest])
            con.execute("CREATE OR REPLACE TABLE catalog AS SELECT * FROM cat")
            con.execute("CREATE OR REPLACE TABLE regions AS SELECT * FROM reg")
            con.execute("CREATE OR REPLACE TABLE region_ancestors AS SELECT * FROM anc")
            con.execute("COMMIT")

    def is_seeded(self) -> bool:
        if not self.path.exists():
            return False
        with self.connect(read_only=True) as con:
            tables = {
                r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
            }
            if "revisions" not in tables:
                return False
            return con.execute("SELECT count(*) FROM revisions").fetchone()[0] > 0

    # -- revisions ---------------------------------------------------------------------------

    def current_revision(self) -> int:
        with self.connect(read_only=True) as con:
            return int(con.execute("SELECT coalesce(max(id), 0) FROM revisions").fetchone()[0])

    def revisions(self) -> list[Revision]:
        with self.connect(read_only=True) as con:
            rows = con.execute("SELECT * FROM revisions ORDER BY id").fetchall()
        return [Revision(*r) for r in rows]

    def commit(
        self,
        frames: dict[str, pd.DataFrame],
        *,
        author: str | None = None,
        file_name: str | None = None,
        data: bytes | None = None,
        message: str = "",
        replace: bool = False,
    ) -> Revision:
        """Make one new revision from canonical frames, all or nothing.

        Rows whose key is in a frame replace the current rows with that key; with `replace`,
        current rows missing from the frame are retired too (a full reload).
        """
        author = author or _whoami()
        stats = dict.fromkeys(("in_file", "new", "changed", "unchanged", "removed"), 0)
        with self.connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                rev = int(
                    con.execute("SELECT coalesce(max(id), 0) + 1 FROM revisions").fetchone()[0]
                )
                for table, frame in frames.items():
                    for k, v in _apply(con, table, frame, rev, replace).items():
                        stats[k] += v
                con.execute(
                    "INSERT INTO revisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        rev,
                        datetime.now(UTC).replace(tzinfo=None),
                        author,
                        file_name,
                        content_hash(data) if data is not None else None,
                        message,
                        stats["in_file"],
                        stats["new"],
                        stats["changed"],
                        stats["unchanged"],
                        stats["removed"],
                    ],
                )
                con.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(duckdb.Error):  # keep the original error
                    con.execute("ROLLBACK")
                raise
        return next(r for r in self.revisions() if r.id == rev)

    def read(self, table: str, rev: int | None = None) -> pd.DataFrame:
        """A whole table as of a revision (default: the current one)."""
        if table not in VERSIONED:
            raise ValueError(table)
        rev = self.current_revision() if rev is None else rev
        cols = ", ".join(VERSIONED[table])
        with self.connect(read_only=True) as con:
            return con.execute(
                f"SELECT {cols} FROM {table} WHERE {as_of(rev)} ORDER BY {', '.join(KEY)}"
            ).df()


def _whoami() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _apply(con, table: str, frame: pd.DataFrame, rev: int, replace: bool) -> dict[str, int]:
    """Retire changed rows and insert new versions inside the caller's transaction."""
    cols = VERSIONED[table]
    incoming = frame[cols].copy()  # noqa: F841 - read by DuckDB's replacement scan
    con.execute("CREATE OR REPLACE TEMP TABLE incoming AS SELECT * FROM incoming")
    key_eq = " AND ".join(f"c.{k} = i.{k}" for k in KEY)
    same = " AND ".join(f"c.{v} IS NOT DISTINCT FROM i.{v}" for v in VALUE_COLUMNS[table])
    cur = f"{table} c"
    unchanged = con.execute(
        f"SELECT count(*) FROM incoming i JOIN {cur} ON {key_eq} AND {same} WHERE c.rev_to IS NULL"
    ).fetchone()[0]
    changed = con.execute(
        f"SELECT count(*) FROM incoming i JOIN {cur} ON {key_eq} AND NOT ({same})"
        " WHERE c.rev_to IS NULL"
    ).fetchone()[0]
    removed = 0
    if replace:
        removed = con.execute(
            f"SELECT count(*) FROM {cur} WHERE c.rev_to IS NULL AND NOT EXISTS"
            f" (SELECT 1 FROM incoming i WHERE {key_eq})"
        ).fetchone()[0]
        con.execute(
            f"UPDATE {table} AS c SET rev_to = {rev} WHERE c.rev_to IS NULL AND NOT EXISTS"
            f" (SELECT 1 FROM incoming i WHERE {key_eq})"
        )
    con.execute(
        f"UPDATE {table} AS c SET rev_to = {rev} FROM incoming i"
        f" WHERE c.rev_to IS NULL AND {key_eq} AND NOT ({same})"
    )
    con.execute(
        f"INSERT INTO {table} ({', '.join(cols)}, rev_from, rev_to)"
        f" SELECT i.*, {rev}, NULL FROM incoming i WHERE NOT EXISTS"
        f" (SELECT 1 FROM {cur} WHERE c.rev_to IS NULL AND {key_eq})"
    )
    con.execute("DROP TABLE incoming")
    total = len(frame)
    return {
        "in_file": total,
        "new": total - unchanged - changed,
        "changed": changed,
        "unchanged": unchanged,
        "removed": removed,
    }


def _ancestors(regions: pd.DataFrame) -> pd.DataFrame:
    """Each unit with each unit above it and how many levels below that unit it sits."""
    depth = {"province": 0, "district": 1, "commune": 2}
    rows = []
    for r in regions.itertuples(index=False):
        d = depth[r.level]
        if r.level != "province":
            rows.append((r.unit_list, r.code, r.province_code, "province", d))
        if r.level == "commune" and isinstance(r.district_code, str):
            rows.append((r.unit_list, r.code, r.district_code, "district", d - 1))
    return pd.DataFrame(rows, columns=["unit_list", "code", "ancestor", "ancestor_level", "depth"])


def seed_from(folder: Path, store: Store) -> Revision | None:
    """Create the store from a data folder on first start; a no-op once it has revisions."""
    from .config import load_settings

    settings = load_settings(folder, store.path)
    catalog = load_catalog(folder / "catalog.csv")
    regions = build_regions(settings.region_sources)
    store.initialize(catalog, regions)
    if store.is_seeded():
        return None
    obs_path, tgt_path = folder / "observations.csv", folder / "targets.csv"
    obs = load_observations(obs_path, catalog, regions, name=obs_path.name, decimal=".")
    frames = {"observations": obs}
    data = obs_path.read_bytes()
    if tgt_path.exists():
        frames["targets"] = load_targets(tgt_path, catalog, regions, name=tgt_path.name)
        data += tgt_path.read_bytes()
    return store.commit(
        frames,
        author="system",
        file_name=f"{obs_path.name}, {tgt_path.name}",
        data=data,
        message=f"Khởi tạo từ dữ liệu kèm theo ({folder.name}/) / seeded from bundled data",
    )
