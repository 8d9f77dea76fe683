"""Which store a location names: a DuckDB file (one office, no server) or a PostgreSQL URL
(the shared store of several app servers, read through a local copy). The one place that
chooses, for the settings, the command line, the tests and the benchmarks."""

from __future__ import annotations

from pathlib import Path

from indicators.core.settings import is_store_url, mirror_path
from indicators.store.postgres import PgStore
from indicators.store.revisions import Store


def store_at(location: str | Path, copy: str | Path | None = None) -> Store:
    """The store at `location`; for a URL, read through the local copy `copy` (default: the
    one the settings name, INDICATORS_MIRROR or var/)."""
    if is_store_url(location):
        return PgStore(str(location), copy or mirror_path(str(location)))
    return Store(location)
