"""Wiring: settings → store → catalog, the same for the CLI, the pages and the tests.

Each of them used to open the store, seed it from the bundled data and load the catalog on its
own; this module is the one way to get a ready store.
"""

from __future__ import annotations

from pathlib import Path

from indicators.core.catalog import Catalog, load_catalog
from indicators.core.i18n import both
from indicators.core.settings import Settings, load_settings
from indicators.geography.units import build_regions
from indicators.ingest.bundled import load_observations, load_targets
from indicators.store.revisions import Revision, Store


def open_store(settings: Settings) -> Store:
    """The store the settings name, created from the bundled data folder on first use."""
    store = Store(settings.db_path)
    seed_from(settings.data_dir, store)
    return store


def catalog_of(settings: Settings) -> Catalog:
    """The indicator catalog of the settings' data folder."""
    return load_catalog(settings.data_dir / "catalog.csv")


def seed_from(folder: Path, store: Store) -> Revision | None:
    """Create the store from a data folder on first start; a no-op once it has revisions."""
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
        message=both("history.seeded", folder=folder.name),
    )
