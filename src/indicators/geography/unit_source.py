"""Where the unit lists come from: `vietnamadminunits`' data files, read without its parser.

Importing the package runs its address parser's set-up (about 0.8 s of regular expressions
and JSON at every start of the CLI and of each app server), and none of it is used here: we
read only the package's SQLite tables and its converter file. So the package's folder is found
without importing it, and the database is opened read-only (the package's own `query` opens it
for writing, in a folder the app may not own).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from importlib.util import find_spec
from pathlib import Path

PACKAGE = "vietnamadminunits"


def _package_dir() -> Path:
    spec = find_spec(PACKAGE)  # finds a top-level package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(PACKAGE)
    return Path(next(iter(spec.submodule_search_locations)))


DATA_DIR = _package_dir() / "data"
DATASET_DB = DATA_DIR / "dataset.db"
CONVERTER_JSON = DATA_DIR / "converter_2025.json"


def query(sql: str) -> list[dict]:
    """The rows of one SELECT on the package's tables, as dicts (what the package's own
    `vietnamadminunits.database.query` returns)."""
    with closing(sqlite3.connect(f"{DATASET_DB.as_uri()}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql).fetchall()]
