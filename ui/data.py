"""Dữ liệu / Data: the store's values, filtered, with status and source; CSV and XLSX."""

import streamlit as st

from indicators.core.numbers import format_number
from indicators.export.files import csv_bytes, xlsx_bytes
from indicators.geography.units import LEGACY, NEW
from indicators.present import tables
from indicators.query.timeseries import STATUS_ORDER
from ui import common as c

SCOPE = "_data"
MAX_SHOWN = 1000  # rows drawn in the browser; styling 20,000 rows takes seconds (measured)
lang, rev, cat, cfg = c.lang(), c.revision(), c.catalog(), c.conf()


def fmt(value: float) -> str:
    return format_number(value, lang)


@st.cache_data(show_spinner=False, max_entries=32)
def view(
    rev: int, era: str, level: str, first: str, last: str, inds, regs, stats, lang: str,
    converted: bool = False,
):  # fmt: skip
    """The filtered table in the reader's language, with each row's decimals and how many
    values were converted across the 2025 reform (and how many of those are estimates)."""
    values = c.level_values(rev, era, level, first, last, converted)
    keep = values["indicator"].isin(inds or values["indicator"])
    keep &= values["region"].isin(regs or values["region"])
    keep &= values["status"].isin(stats or values["status"])
    values = values[keep].reset_index(drop=True)
    table = tables.data_table(values, cat, c.units(era), lang)
    counts = (0, 0)
    if converted:
        conv = values["converted"].astype(bool)
        counts = (int(conv.sum()), int((conv & values["estimate"].astype(bool)).sum()))
    return table, tables.value_decimals(values["indicator"], cat), counts


st.title(c.tr("data.heading"))
st.caption(f"{cfg.org(lang)} · {c.revision_caption(rev)}")
st.caption(c.tr("data.intro"))

span = c.data_span(rev)
years = [str(y) for y in range(span["first"].min().year, span["last"].max().year + 1)]
top = st.columns([3, 2, 2], gap="medium")
with top[0]:
    indicators = c.url_choices(
        st.multiselect, c.tr("data.indicators"), cat.codes(("headline", "detail")), key="ind",
        scope=SCOPE, placeholder=c.tr("data.all_indicators"),
        format_func=lambda code: cat[code].name(lang),
    )  # fmt: skip
with top[1]:
    first, last = c.url_range(c.tr("data.period"), years, key="period", scope=SCOPE)
with top[2]:
    era = c.era_choice(scope=SCOPE)

row = st.columns([1, 3, 2], gap="medium")
units = c.units(era)
with row[0]:
    levels = ["province", "district", "commune"] if era == LEGACY else ["province", "commune"]
    level = c.url_choice(
        st.radio, c.tr("data.level"), levels, key="level", scope=SCOPE + era,
        format_func=lambda lv: c.tr(f"level.{lv}"),
    )  # fmt: skip
with row[1]:
    here = units[units["level"] == level]
    names = dict(zip(here["code"], here["name"], strict=True))
    regions = c.url_choices(
        st.multiselect, c.tr("data.regions"), list(here["code"]), key="reg",
        scope=SCOPE + era + level, placeholder=c.tr("data.all_regions"),
        format_func=lambda code: names.get(code, code),
    )  # fmt: skip
with row[2]:
    statuses = c.url_choices(
        st.multiselect, c.tr("data.status"), STATUS_ORDER, key="status", scope=SCOPE,
        placeholder=c.tr("data.all_statuses"), format_func=lambda s: c.tr(f"status.{s}"),
    )  # fmt: skip
    converted = c.url_toggle(
        c.tr(f"data.converted.{era}"), key="conv", default=era == NEW, scope=SCOPE + era,
        help=c.tr("data.converted_help"),
    )  # fmt: skip

table, decimals, (n_conv, n_est) = view(
    rev, era, level, first, last, tuple(indicators), tuple(regions), tuple(statuses), lang,
    converted,
)  # fmt: skip
if table.empty:
    st.info(c.tr("data.empty"))
    st.stop()

n = len(table)
shown = min(n, MAX_SHOWN)
count = c.tr("data.rows", n=fmt(n)) if n == shown else c.tr(
    "data.rows_shown", n=fmt(n), shown=fmt(shown)
)  # fmt: skip
st.markdown(f"**{count}**")
if n_conv:
    st.caption(c.tr("data.converted_count", n=fmt(n_conv), est=fmt(n_est)))
numbers = [tables.header(k, lang) for k in ("value", "numerator", "denominator")]
st.dataframe(
    tables.styled(table.head(shown), decimals.head(shown), numbers, lang),
    hide_index=True, height=min(38 + 35 * shown, 560), key="data_table",
)  # fmt: skip
name = f"chi-so-cntt_{era}_{level}_{first}-{last}"
sheet = c.tr("data.sheet")  # the download runs outside the script: no session there
left, right, _ = st.columns([1, 1, 2])
left.download_button(
    c.tr("data.download_csv"), lambda: csv_bytes(table), file_name=f"{name}.csv",
    mime="text/csv", icon=":material/download:", on_click="ignore", key="csv",
)  # fmt: skip
right.download_button(
    c.tr("data.download_xlsx"), lambda: xlsx_bytes(table, sheet),
    file_name=f"{name}.xlsx", icon=":material/download:", on_click="ignore", key="xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)  # fmt: skip
