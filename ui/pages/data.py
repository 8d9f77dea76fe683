"""Dữ liệu / Data: the store's values, filtered, with status and source; CSV and XLSX."""

import streamlit as st

from indicators.core.schema import STATUSES
from indicators.export.files import csv_bytes, xlsx_bytes
from indicators.geography.units import LEGACY, NEW
from indicators.query import read
from ui.cache import cached, catalog, revision
from ui.downloads import download
from ui.paging import page_of_rows
from ui.session import language, no_data_yet, number, page_heading, tr
from ui.url_state import (
    indicator_choices,
    level_choice,
    unit_list_choice,
    url_choices,
    url_range,
    url_toggle,
)
from ui.views import data

SCOPE = "_data"
lang, rev, cat = language(), revision(), catalog()


page_heading(tr("data.heading"), rev)
st.caption(tr("data.intro"))

span = cached(read.data_span, rev)
no_data_yet(span.empty)  # a new install: no period to offer yet
years = data.years(span)
top = st.columns([3, 2, 2], gap="medium")
with top[0]:
    indicators = indicator_choices(
        tr("data.indicators"),
        cat.codes(("headline", "detail")),
        key="ind",
        scope=SCOPE,
        placeholder=tr("data.all_indicators"),
    )
with top[1]:
    first, last = url_range(tr("data.period"), years, key="period", scope=SCOPE)
with top[2]:
    unit_list = unit_list_choice(scope=SCOPE)

row = st.columns([1, 3, 2], gap="medium")
units = cached(read.units, unit_list)
with row[0]:
    levels = ["province", "district", "commune"] if unit_list == LEGACY else ["province", "commune"]
    level = level_choice(
        tr("data.level"),
        levels,
        key="level",
        scope=SCOPE + unit_list,
    )
with row[1]:
    here = units[units["level"] == level]
    names = dict(zip(here["code"], here["name"], strict=True))
    regions = url_choices(
        st.multiselect,
        tr("data.regions"),
        list(here["code"]),
        key="reg",
        scope=SCOPE + unit_list + level,
        placeholder=tr("data.all_regions"),
        format_func=lambda code: names.get(code, code),
    )
with row[2]:
    statuses = url_choices(
        st.multiselect,
        tr("data.status"),
        STATUSES,
        key="status",
        scope=SCOPE,
        placeholder=tr("data.all_statuses"),
        format_func=lambda s: tr(f"status.{s}"),
    )
    converted = url_toggle(
        tr(f"data.converted.{unit_list}"),
        key="conv",
        default=unit_list == NEW,
        scope=SCOPE + unit_list,
        help=tr("data.converted_help"),
    )

choice = data.Choice(
    rev,
    unit_list,
    level,
    first,
    last,
    tuple(indicators),
    tuple(regions),
    tuple(statuses),
    lang,
    bool(converted),
)
view = data.table(choice)
table, (n_conv, n_est) = view.table, view.counts
if table.empty:
    st.info(tr("data.empty"))
    st.stop()

n = len(table)
st.markdown(f"**{tr('data.rows', n=number(n))}**")
if n_conv:
    st.caption(tr("data.converted_count", n=number(n_conv), est=number(n_est)))
part = page_of_rows(n, key="data", what=choice)
st.dataframe(
    data.rows(choice, part.start, part.stop),
    hide_index=True,
    height=min(38 + 35 * (part.stop - part.start), 560),
    key="data_table",
)
name = f"chi-so-cntt_{unit_list}_{level}_{first}-{last}"
sheet = tr("data.sheet")  # the download runs outside the script: no session there
left, right, _ = st.columns([1, 1, 2])
download(
    tr("data.download_csv"),
    lambda: csv_bytes(table),
    f"{name}.csv",
    where=left,
    on_click="ignore",
    key="csv",
)
download(
    tr("data.download_xlsx"),
    lambda: xlsx_bytes(table, sheet),
    f"{name}.xlsx",
    where=right,
    on_click="ignore",
    key="xlsx",
)
