"""The people of the access tests, their passwords, and ways to look into a store after them.

Argon2 costs about a tenth of a second a hash, so the accounts with passwords are made once
(`tests/access/conftest.py`) and every test that writes works on its own copy of that file.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.ingest.bundled import load_observations
from indicators.store.audit import read_trail
from indicators.store.revisions import Store

CFG = load_settings(DEFAULT_DATA_DIR).access  # the shipped [access] settings
ANALYST, ADMIN, VIEWER = "chuyenvien", "quantri", "lanhdao"
# Distinctive, with Vietnamese letters, so a search of the store's bytes cannot miss them.
PASSWORD = {ANALYST: "Mật-khẩu chuyên viên 2025", ADMIN: "Quản-trị Khánh Hòa #56"}
WRONG_PASSWORD = "Sai-mật-khẩu-rồi!"
CLIENT = "10.56.0.7"
HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"


def bts_file(value: int) -> bytes:
    """An analyst's upload: the BTS count of one commune in 2021."""
    return (HEADER + f"bts_count,legacy,22327,2021,{value},,,published,Viettel,\n").encode()


def frames_of(data: bytes, catalog, regions) -> dict[str, pd.DataFrame]:
    return {"observations": load_observations(data, catalog, regions, name="bts.csv")}


def audit_since(store: Store, last_id: int) -> pd.DataFrame:
    """The audit lines written after line `last_id`, oldest first, a missing value as None."""
    trail = read_trail(store)
    trail = trail[trail["id"] > last_id].iloc[::-1].reset_index(drop=True).astype(object)
    return trail.where(trail.notna(), None)


def last_audit_id(store: Store) -> int:
    trail = read_trail(store, limit=1)
    return int(trail["id"].iloc[0]) if len(trail) else 0


def state(store: Store) -> tuple[int, str]:
    """What a reader of the dashboard sees: the current revision and its data."""
    return store.current_revision(), store.content_hash()


def store_text(store: Store) -> str:
    """Every row of every table of the store as text (to search it for what must not be there)."""
    parts = []
    with store.connect(read_only=True) as con:
        tables = con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE NOT temporary"
        ).fetchall()
        for (table,) in tables:
            text = con.execute(
                f'SELECT string_agg(CAST(to_json(t) AS VARCHAR), chr(10)) FROM "{table}" t'
            ).fetchall()[0][0]
            parts.append(f"{table}\n{text or ''}")
    return "\n".join(parts)


def store_bytes(path: Path) -> bytes:
    """The store file's bytes and its write-ahead log's, if any."""
    wal = path.with_name(path.name + ".wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
