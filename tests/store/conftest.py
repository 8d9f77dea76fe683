"""The store tests run on both backends: every test here taking `empty_store` or
`seeded_store` runs once on a DuckDB file and once on PostgreSQL (issue 15: the same store
tests pass on both)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.service import seed_from
from indicators.store.revisions import Store
from tests.conftest import BACKENDS, DATA, new_store


@pytest.fixture(scope="session", params=BACKENDS)
def seeded_store(request, tmp_path_factory) -> Store:
    """The bundled data in a real store of each backend, shared read-only by its tests."""
    store = new_store(request.param, tmp_path_factory.mktemp("seeded"), request)
    seed_from(DATA, store)
    return store


@pytest.fixture(params=BACKENDS)
def empty_store(request, tmp_path: Path, catalog, regions) -> Store:
    """A fresh store of each backend with the catalog and unit lists but no revisions."""
    store = new_store(request.param, tmp_path, request)
    store.initialize(catalog, regions)
    return store


@pytest.fixture
def file_store(request, tmp_path: Path, catalog, regions) -> Store:
    """A fresh DuckDB store, for what only a store file has (its in-process gate, its bytes)."""
    store = new_store("duckdb", tmp_path, request)
    store.initialize(catalog, regions)
    return store
