"""A store with the bundled data and three accounts, made once; each test gets its own copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indicators.access import manage
from indicators.access.identity import operator
from indicators.store.revisions import Store
from tests.access.people import ADMIN, ANALYST, CFG, PASSWORD, VIEWER


@pytest.fixture(scope="session")
def people_file(seeded_store, tmp_path_factory) -> Path:
    """Revision 1 (the bundled data) with an analyst and an admin who have passwords, and a
    viewer who signs in only through single sign-on, all added by the server's operator."""
    path = tmp_path_factory.mktemp("people") / "indicators.duckdb"
    shutil.copyfile(seeded_store.path, path)
    store = Store(path)
    for name, role in ((ANALYST, "analyst"), (ADMIN, "admin")):
        password = PASSWORD[name]
        manage.add_account(store, operator(), CFG, name, role, password, password)
    manage.add_account(store, operator(), CFG, VIEWER, "viewer", None, None)
    return path


@pytest.fixture
def store(people_file, tmp_path) -> Store:
    """This test's own copy of the people's store."""
    path = tmp_path / "indicators.duckdb"
    shutil.copyfile(people_file, path)
    return Store(path)
