"""Wiring: settings → store → catalog, the same for the CLI, the pages and the tests.

Each of them used to open the store, seed it from the bundled data and load the catalog on its
own; this module is the one way to get a ready store.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.core.catalog import Catalog, load_catalog
from indicators.core.i18n import both
from indicators.core.settings import Settings, load_settings
from indicators.geography.units import build_regions
from indicators.ingest.bundled import load_observations, load_targets
from indicators.store.location import store_at
from indicators.store.revisions import Revision, StaleRevisionError, Store

OBSERVATIONS, TARGETS = "observations.csv", "targets.csv"
RANKINGS = "rankings.csv"  # published rankings of provinces, with their sources


def store_of(settings: Settings) -> Store:
    """The store the settings name: a DuckDB file, or the shared PostgreSQL store read through
    this server's local copy (`settings.db_path`)."""
    return store_at(settings.db_url or settings.db_path, settings.db_path)


def open_store(settings: Settings) -> Store:
    """The store the settings name, created from the bundled data folder on first use."""
    store = store_of(settings)
    seed_from(settings.data_dir, store)
    return store


def catalog_of(settings: Settings) -> Catalog:
    """The indicator catalog of the settings' data folder."""
    return load_catalog(settings.data_dir / "catalog.csv")


def seed_from(folder: Path, store: Store) -> Revision | None:
    """Create the store from a data folder on first start; a no-op once it has revisions.

    `rankings.csv`, where the folder has one, holds published rankings of provinces (every
    province they place, with its source) and is read with the observations. A new install's
    folder may hold no figures yet: observations.csv and targets.csv missing,
    empty or only their header. The store then starts with a first revision holding no rows, so
    the start is recorded in History and the next start does not seed again; the first upload
    is the second revision.
    """
    settings = load_settings(folder, store.path)
    catalog = load_catalog(folder / "catalog.csv")
    regions = build_regions(settings.region_sources)
    store.initialize(catalog, regions)
    if store.is_seeded():
        return None
    present = [
        p for p in (folder / OBSERVATIONS, folder / TARGETS, folder / RANKINGS) if p.exists()
    ]
    data = {p.name: p.read_bytes() for p in present}
    observed = [
        load_observations(
            data.get(name, b""), catalog, regions, name=name, decimal=".", empty_ok=True
        )
        for name in (OBSERVATIONS, RANKINGS)
    ]
    frames = {
        "observations": pd.concat(
            [f for f in observed if len(f)] or observed[:1], ignore_index=True
        ),
        "targets": load_targets(
            data.get(TARGETS, b""), catalog, regions, name=TARGETS, empty_ok=True
        ),
    }
    rows = sum(len(f) for f in frames.values())
    message = "history.seeded" if rows else "install.seeded_empty"
    try:
        return store.commit(
            frames,
            author="system",
            file_name=", ".join(p.name for p in present),
            data=b"".join(data.values()),
            message=both(message, folder=folder.name),
            expect_revision=0,  # two servers starting at once on one store seed it once
        )
    except StaleRevisionError:
        return None
