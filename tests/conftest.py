"""Shared fixtures: the bundled catalog and unit lists, and stores in temporary files."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from indicators.core.catalog import Catalog, load_catalog
from indicators.core.settings import DEFAULT_DATA_DIR, load_settings, settings
from indicators.geography.units import build_regions
from indicators.service import seed_from
from indicators.store.revisions import Store

DATA = DEFAULT_DATA_DIR


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
