"""Shared fixtures: the bundled catalog and unit lists, and stores in temporary files."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest

from indicators.core.catalog import Catalog, load_catalog
from indicators.core.settings import DEFAULT_DATA_DIR, load_settings, settings
from indicators.geography.units import build_regions
from indicators.service import seed_from
from indicators.store.location import store_at
from indicators.store.pg import close_pools
from indicators.store.postgres import PgStore
from indicators.store.revisions import Store
from tests.services.postgres import Cluster

DATA = DEFAULT_DATA_DIR
# The two stores every store test runs on: a DuckDB file, and PostgreSQL read through a copy.
BACKENDS = ("duckdb", "postgresql")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One throw-away PostgreSQL server for the session (started only if a test asks for it),
    on 127.0.0.1, stopped by its PID at the end; each store gets a database of its own."""
    cluster = Cluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


def new_store(backend: str, folder: Path, request: pytest.FixtureRequest) -> Store:
    """A store of the given backend with nothing in it: a DuckDB file in `folder`, or a new
    database on the session's PostgreSQL server with its local copy in `folder`."""
    if backend == "duckdb":
        return Store(folder / "indicators.duckdb")
    url = request.getfixturevalue("pg_cluster").create_database()
    return store_at(url, folder / "copy.duckdb")


def location_of(store: Store) -> str:
    """What names the store to another process: `store_at(location_of(s), copy)` opens it
    (for PostgreSQL through that process's own local copy `copy`)."""
    return store.url if isinstance(store, PgStore) else str(store.path)


def clone_store(store: Store, path: Path, request: pytest.FixtureRequest) -> Store:
    """A copy of the store as it is now: the file copied to `path`, or a new database made
    from the store's database (its local copy at `path`)."""
    if not isinstance(store, PgStore):
        shutil.copy(store.path, path)
        return Store(path)
    close_pools()  # a database is copied only while nobody is connected to it
    name = urlsplit(store.url).path.lstrip("/")
    url = request.getfixturevalue("pg_cluster").create_database(template=name)
    return store_at(url, path)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(DATA / "catalog.csv")


@pytest.fixture(scope="session")
def regions() -> pd.DataFrame:
    return build_regions(load_settings(DATA).region_sources)


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory) -> Store:
    """The bundled data in a real DuckDB file, shared read-only by the tests that use it."""
    store = Store(tmp_path_factory.mktemp("seeded") / "indicators.duckdb")
    seed_from(DATA, store)
    return store


@pytest.fixture
def empty_store(tmp_path: Path, catalog, regions) -> Store:
    """A fresh store with the catalog and unit lists but no revisions."""
    store = Store(tmp_path / "indicators.duckdb")
    store.initialize(catalog, regions)
    return store


def app_store_at(folder: Path) -> contextlib.AbstractContextManager[Path]:
    """Point the app (run by AppTest in this process) at a fresh store file in `folder`."""
    return app_env(folder / "app.duckdb")


@contextlib.contextmanager
def app_env(db: Path, data_dir: Path | None = None) -> Iterator[Path]:
    """Point the app (run by AppTest in this process) at the store file `db` and, for another
    install (a new province, the whole country), at its data folder `data_dir`.

    Streamlit's caches and the settings live for the whole process: they are cleared on the
    way in and out, so no module reads a store or a folder another module set.
    """
    import streamlit as st

    mp = pytest.MonkeyPatch()
    mp.setenv("INDICATORS_DB", str(db))
    if data_dir is not None:  # another install's data folder (a new province, the country)
        mp.setenv("INDICATORS_DATA_DIR", str(data_dir))
    settings.cache_clear()
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        yield db
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()
        mp.undo()
        settings.cache_clear()
