"""What the commands that read or write data start from: the settings, the store (created from
the bundled data on first use) and the catalog, wired by `indicators.service` as for the pages."""

from __future__ import annotations

from dataclasses import dataclass

from indicators.core.catalog import Catalog
from indicators.core.settings import Settings, load_settings
from indicators.service import catalog_of, open_store
from indicators.store.revisions import Store


@dataclass(frozen=True)
class Context:
    settings: Settings
    store: Store
    catalog: Catalog


def open_context() -> Context:
    """The settings of the environment (INDICATORS_DB, …), their store and catalog."""
    settings = load_settings()
    return Context(settings, open_store(settings), catalog_of(settings))
