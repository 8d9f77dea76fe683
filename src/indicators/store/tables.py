"""The tables of a store file: their columns, how a file is created and migrated, and the
reference tables (catalog, unit lists) written beside the data.

Rows are versioned rather than copied: a row is part of revisions [rev_from, rev_to), so
`as_of(rev)` is the one condition every reader of an earlier revision uses.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from indicators.core.catalog import Catalog
from indicators.core.schema import OBS_COLUMNS, PERIOD_COLUMNS, TARGET_COLUMNS

# Schemas 5 and 6 change only a PostgreSQL store (`pg_tables`: its key columns compared byte by
# byte, then its data kept as blocks); a DuckDB file at 4 is the same file at 6, its version
# number aside.
SCHEMA_VERSION = "6"
VERSIONED = {
    "observations": [*OBS_COLUMNS, *PERIOD_COLUMNS],
    "targets": [*TARGET_COLUMNS, *PERIOD_COLUMNS],
}
VALUE_COLUMNS = {
    "observations": ["value", "numerator", "denominator", "status", "source", "note"],
    "targets": ["value", "status", "source", "note"],
}
# Every value column any table has, in the order the change frames show them.
ALL_VALUE_COLUMNS = VALUE_COLUMNS["observations"]

# The tables as schema 1 made them. Later columns come only through MIGRATIONS, so a new file and
# an old one reach the current schema by the same path (a test opens a schema-1 file made by DDL).
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
# Schema 2: rows rejected by a "valid rows only" import, and which revision a rollback restored.
# ADD COLUMN IF NOT EXISTS keeps store files made by schema 1 working (old rows read 0 / NULL).
MIGRATIONS = (
    "ALTER TABLE revisions ADD COLUMN IF NOT EXISTS rows_rejected INTEGER DEFAULT 0",
    "ALTER TABLE revisions ADD COLUMN IF NOT EXISTS restores INTEGER",
    # Schema 3: accounts, their sign-in sessions and the audit trail (issue 12). A session is
    # kept by the SHA-256 of its token, never the token; the audit trail is only appended to.
    """CREATE TABLE IF NOT EXISTS accounts (
        name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, password_hash VARCHAR,
        created_at TIMESTAMP NOT NULL, disabled BOOLEAN NOT NULL DEFAULT false,
        failed INTEGER NOT NULL DEFAULT 0, locked_until TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS sessions (
        token_hash VARCHAR PRIMARY KEY, account VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL,
        last_seen TIMESTAMP NOT NULL, client VARCHAR)""",
    "CREATE SEQUENCE IF NOT EXISTS audit_id",
    """CREATE TABLE IF NOT EXISTS audit (
        id BIGINT PRIMARY KEY DEFAULT nextval('audit_id'), occurred_at TIMESTAMP NOT NULL,
        event VARCHAR NOT NULL, outcome VARCHAR NOT NULL, account VARCHAR, role VARCHAR,
        session VARCHAR, client VARCHAR, file_name VARCHAR, file_hash VARCHAR,
        revision INTEGER, detail VARCHAR)""",
    # Schema 4: recipes, how an analyst confirmed a published table is read (issue 13), kept by
    # name; each revision keeps the name and the recipe's text exactly as it read the file, so
    # history shows how every value was read even after the named recipe changes.
    """CREATE TABLE IF NOT EXISTS recipes (
        name VARCHAR PRIMARY KEY, text VARCHAR NOT NULL, created_by VARCHAR,
        created_at TIMESTAMP NOT NULL, updated_by VARCHAR, updated_at TIMESTAMP)""",
    "ALTER TABLE revisions ADD COLUMN IF NOT EXISTS recipe VARCHAR",
    "ALTER TABLE revisions ADD COLUMN IF NOT EXISTS recipe_text VARCHAR",
)


def as_of(rev: int, alias: str = "") -> str:
    """SQL condition selecting the rows that made up revision `rev`."""
    p = f"{alias}." if alias else ""
    rev = int(rev)
    return f"({p}rev_from <= {rev} AND ({p}rev_to IS NULL OR {p}rev_to > {rev}))"


def first_row(result) -> tuple | None:
    """The first row, reading the rest so the connection is free (DuckDB 2 refuses
    `register` while a result is unfinished)."""
    rows = result.fetchall()
    return rows[0] if rows else None


def ensure_schema(con) -> None:
    """Create missing tables and migrate older files; no write when already current."""
    tables = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE NOT temporary"
        ).fetchall()
    }
    if "meta" in tables:
        found = first_row(con.execute("SELECT value FROM meta WHERE key = 'schema_version'"))
        if found and found[0] == SCHEMA_VERSION:
            return
    con.execute("BEGIN TRANSACTION")
    con.execute(DDL)
    for sql in MIGRATIONS:
        con.execute(sql)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    con.execute("COMMIT")


def write_reference(con, catalog: Catalog, regions: pd.DataFrame) -> None:
    """Write the catalog, the unit lists and each unit's ancestors (the configuration).

    Skipped when they are unchanged (the common case), so a start or a CLI read does not
    rewrite them.
    """
    cat = catalog.frame()  # also read by DuckDB by name below
    reg = regions  # noqa: F841
    digest = hashlib.sha256(
        cat.to_csv(index=False).encode() + regions.to_csv(index=False).encode()
    ).hexdigest()
    found = first_row(con.execute("SELECT value FROM meta WHERE key = 'config_hash'"))
    if found and found[0] == digest:
        return
    anc = _ancestors(regions)  # noqa: F841
    con.execute("BEGIN TRANSACTION")
    con.execute("INSERT OR REPLACE INTO meta VALUES ('config_hash', ?)", [digest])
    con.execute("CREATE OR REPLACE TABLE catalog AS SELECT * FROM cat")
    con.execute("CREATE OR REPLACE TABLE regions AS SELECT * FROM reg")
    con.execute("CREATE OR REPLACE TABLE region_ancestors AS SELECT * FROM anc")
    con.execute("COMMIT")


def _ancestors(regions: pd.DataFrame) -> pd.DataFrame:
    """Each unit with each unit above it and how many levels below that unit it sits. The
    country, in an install whose home it is, is above every province and their units."""
    depth = {"province": 0, "district": 1, "commune": 2}
    country = dict(regions.loc[regions["level"] == "country", ["unit_list", "code"]].values)
    rows = []
    for r in regions.itertuples(index=False):
        if r.level == "country":
            continue
        d = depth[r.level]
        if r.level != "province":
            rows.append((r.unit_list, r.code, r.province_code, "province", d))
        if r.level == "commune" and isinstance(r.district_code, str):
            rows.append((r.unit_list, r.code, r.district_code, "district", d - 1))
        if r.unit_list in country:
            rows.append((r.unit_list, r.code, country[r.unit_list], "country", d + 1))
    return pd.DataFrame(rows, columns=["unit_list", "code", "ancestor", "ancestor_level", "depth"])
