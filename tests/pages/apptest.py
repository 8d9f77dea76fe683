"""Opening the app's pages with Streamlit's AppTest, as a link with query parameters would, and
as a signed-in account when the page needs one."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from streamlit.testing.v1 import AppTest

from indicators.access.identity import operator
from indicators.access.manage import add_account
from indicators.access.signin import Outcome, sign_in
from indicators.core.i18n import MESSAGES, t
from indicators.core.settings import REPO_ROOT, AccessSettings
from indicators.store.accounts import get_account
from indicators.store.revisions import Store
from tests.conftest import app_env
from ui.access import TOKEN

PASSWORD = "mat-khau-kiem-thu-1"


def open_page(
    page: str,
    lang: str | None = None,
    timeout: int = 120,
    token: str | None = None,
    **params: str,
) -> AppTest:
    """`page` (e.g. "ui/pages/trends.py") opened with these query parameters, in `lang` if given,
    signed in with a session `token` (from `signed_in`) if given — as a sign-in made in this
    browser tab is kept."""
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=timeout)
    if token is not None:
        at.session_state[TOKEN] = token
    at.run()
    if lang is not None:
        at.radio(key="w_lang").set_value(lang)
    at.switch_page(page)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


# The Methodology page's sections, in their order: one tab label each in the message catalog.
METHOD_SECTIONS = [k.removeprefix("method.tab.") for k in MESSAGES if k.startswith("method.tab.")]


def open_section(at: AppTest, name: str) -> AppTest:
    """The Methodology page with its section `name` ("revision", "rankings": the page's
    `SECTIONS`) open, as a reader clicks its tab in the page's language."""
    lang = at.radio(key="w_lang").value
    at.session_state[f"method_section_{lang}"] = t(f"method.tab.{name}", lang)
    return at.run()


def signed_in(store: Store, name: str, role: str) -> str:
    """A session token of account `name` with `role` (created by the operator if missing),
    obtained by signing in with its password, as the sign-in form does."""
    if get_account(store, name) is None:
        add_account(store, operator(), AccessSettings(), name, role, PASSWORD, PASSWORD)
    result = sign_in(store, name, PASSWORD, "127.0.0.1", AccessSettings())
    assert result.outcome is Outcome.OK and result.token
    return result.token


@contextlib.contextmanager
def app_data_at(data_dir: Path, db: Path) -> Iterator[Path]:
    """Point the app (run by AppTest in this process) at another data folder and store file, as
    an install for another province sets INDICATORS_DATA_DIR and INDICATORS_DB.

    The settings and Streamlit's caches live for the whole process: they are cleared on the way
    in and out, so no other test sees this folder's province, catalog or store.
    """
    with app_env(db, data_dir) as path:
        yield path
