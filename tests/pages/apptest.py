"""Opening the app's pages with Streamlit's AppTest, as a link with query parameters would."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from indicators.core.settings import REPO_ROOT


def open_page(page: str, lang: str | None = None, timeout: int = 120, **params: str) -> AppTest:
    """`page` (e.g. "ui/pages/trends.py") opened with these query parameters, in `lang` if given."""
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=timeout)
    at.run()
    if lang is not None:
        at.radio(key="w_lang").set_value(lang)
    at.switch_page(page)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()
