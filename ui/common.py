"""What every page needs: the store (seeded on first start), the language, cached queries.

Query results are cached per data revision, so a rerun after a filter change reads the store
only for what it has not seen in this revision.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import queries, reform
from indicators.catalog import Catalog, load_catalog
from indicators.config import RegionRef, Settings, settings
from indicators.messages import t
from indicators.store import Revision, Store, seed_from


@st.cache_resource(show_spinner=False)
def store() -> Store:
    s = settings()
    st_store = Store(s.db_path)
    seed_from(s.data_dir, st_store)
    return st_store


@st.cache_resource(show_spinner=False)
def catalog() -> Catalog:
    return load_catalog(settings().data_dir / "catalog.csv")


def conf() -> Settings:
    return settings()


def lang() -> str:
    value = st.session_state.get("w_lang") or st.query_params.get("lang") or "vi"
    return value if value in ("vi", "en") else "vi"


def tr(key: str, **kwargs: object) -> str:
    return t(key, lang(), **kwargs)


def revision() -> int:
    return store().current_revision()


@st.cache_data(show_spinner=False)
def revision_info(rev: int) -> Revision | None:
    return next((r for r in store().revisions() if r.id == rev), None)


@st.cache_data(show_spinner=False)
def province_series(rev: int, indicators: tuple[str, ...]) -> pd.DataFrame:
    refs = list(conf().province_units)
    with store().connect(read_only=True) as con:
        return queries.series(con, rev, indicators=indicators, refs=refs)


@st.cache_data(show_spinner=False)
def province_targets(rev: int, indicators: tuple[str, ...]) -> pd.DataFrame:
    refs = list(conf().province_units)
    with store().connect(read_only=True) as con:
        return queries.targets(con, rev, indicators=indicators, refs=refs)


@st.cache_data(show_spinner=False)
def children(
    rev: int, indicator: str, unit_list: str, parent: str, period: str, level: str
) -> pd.DataFrame:
    with store().connect(read_only=True) as con:
        return queries.children(
            con,
            rev,
            indicator=indicator,
            unit_list=unit_list,
            parent=parent,
            period=period,
            level=level,
        )


@st.cache_data(show_spinner=False)
def levels_with_data(rev: int) -> pd.DataFrame:
    with store().connect(read_only=True) as con:
        return queries.levels_with_data(con, rev)


def province_ref(unit_list: str) -> RegionRef | None:
    return next((r for r in conf().province_units if r.unit_list == unit_list), None)


def revision_caption(rev: int) -> str:
    info = revision_info(rev)
    when = info.created_at.strftime("%d/%m/%Y %H:%M") if info else "—"
    return tr("app.revision", rev=rev, date=when)


def url_choice(widget, label: str, options, *, key: str, default=None, scope: str = "", **kwargs):
    """A choice widget whose value lives in the URL as a code (?trend=post_commune_pct).

    Streamlit's own binding stores the displayed label, which changes with the language; codes
    keep a copied link valid in both languages.
    """
    options = list(options)
    default = default if default in options else options[0]
    # Streamlit keeps a widget's *label* as its state, so labels in another language need
    # another widget; the URL (codes) carries the choice across.
    wkey = "w_lang" if key == "lang" else f"w_{key}_{lang()}{scope}"
    if wkey not in st.session_state:
        from_url = st.query_params.get(key)
        st.session_state[wkey] = from_url if from_url in options else default
    elif st.session_state[wkey] not in options:
        st.session_state[wkey] = default
    value = widget(label, options, key=wkey, **kwargs)
    if value not in options:  # never put an empty or stale choice in the URL
        value = default
    if value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value
    return value


ERAS = ("2025", "legacy")  # the unit lists, newest first; codes match `regions.unit_list`


def era_choice(scope: str = "") -> str:
    """The unit list a view is shown on, kept in the URL as ?era=legacy (default: new units).

    Codes are reused across the 1 July 2025 reform, so every page that spans it asks which
    set of units to show, with the same words and the same URL key.
    """
    era = url_choice(
        st.radio, tr("era.label"), ERAS, key="era", scope=scope, horizontal=True,
        format_func=lambda code: tr(f"era.{code}"), help=tr("era.note"),
    )  # fmt: skip
    return era


# --- Series across the 2025 reform: the other era converted onto the chosen units (issue 6) ---


@st.cache_data(show_spinner=False)
def converted_series(
    rev: int, indicators: tuple[str, ...], refs: tuple[RegionRef, ...], target_list: str
) -> pd.DataFrame:
    """`queries.series` on one unit list, with the other era's values converted onto it and
    flagged (`converted`, `estimate`, `basis`); see `indicators.reform`."""
    with store().connect(read_only=True) as con:
        return reform.converted_series(
            con, rev, indicators=indicators, refs=refs, target_list=target_list
        )
