"""A chart with its text alternative, as every page draws one.

Under each plotly chart: a sentence saying what it shows (the computed caption where the page
has one, else the chart's own title and subtitle), and its figures one keystroke away, in a
collapsed expander holding a plain HTML table (`st.table`: a real table a screen reader walks
cell by cell). Sentences and cells come from data: they are shown as written, never as Markdown.

The table is sent only once its expander is opened (Streamlit's stateful expander reruns the
page then). A folded expander's content is otherwise sent and drawn with the page: up to a
thousand rows a chart that few readers open, which cost every open of a chart page about a
tenth of a second in the browser, more on a phone. The expander is keyed by its chart's key,
so it stays open while the reader changes other choices.

The table is read from a figure once: figures are kept as objects between runs (`ui.views`), so
the table is remembered beside the figure it came from and not rebuilt at every rerun. Only the
first `MAX_ROWS_SHOWN` rows are sent to the browser (a national map has thousands of points,
and an expander's content is sent even while it is folded); the whole table is a CSV download.
"""

from __future__ import annotations

import weakref
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators.core.numbers import format_number
from indicators.export.files import csv_bytes
from indicators.present.figure_data import figure_sentence, figure_table
from indicators.present.literal import markdown_literal
from indicators.present.tables import MAX_ROWS_SHOWN
from ui.downloads import download
from ui.session import language, tr

# id(figure) -> its tables by language; an entry leaves when its figure is collected (figures
# compare by value, so they cannot be keys of a WeakKeyDictionary).
_TABLES: dict[int, dict[str, pd.DataFrame]] = {}


def literal_table(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with every header and cell as text shown as written (st.table reads Markdown)."""
    shown = table.astype(str).map(markdown_literal)
    shown.columns = [markdown_literal(c) for c in table.columns]
    return shown


def data_table(table: pd.DataFrame, key: str, label: str | None = None) -> None:
    """The figures behind a chart, in a collapsed expander right after it, sent once it is
    opened: at most `MAX_ROWS_SHOWN` rows on the page, all of them in the CSV file beside it
    (`key`, unique on the page, names the expander and its download button)."""
    folded = st.expander(
        label or tr("a11y.chart_data"), icon=":material/table:", key=key, on_change="rerun"
    )
    if not folded.open:
        return
    with folded:
        n = len(table)
        if n > MAX_ROWS_SHOWN:
            lang = language()
            st.caption(
                tr(
                    "a11y.rows_shown",
                    n=format_number(n, lang),
                    shown=format_number(MAX_ROWS_SHOWN, lang),
                )
            )
            whole = table
            download(
                tr("a11y.download_table"),
                lambda: csv_bytes(whole),
                "so-lieu-bieu-do.csv",
                on_click="ignore",
                key=f"{key}-csv",
            )
            table = table.head(MAX_ROWS_SHOWN)
        st.table(literal_table(table), hide_index=True)


def table_of(fig: go.Figure, lang: str) -> pd.DataFrame:
    """The values `fig` draws (`figure_table`), read once per figure and language."""
    tables = _TABLES.get(id(fig))
    if tables is None:
        tables = _TABLES[id(fig)] = {}
        weakref.finalize(fig, _TABLES.pop, id(fig), None)
    if lang not in tables:
        tables[lang] = figure_table(fig, lang)
    return tables[lang]


def alternative(
    fig: go.Figure, key: str, sentence: str | None = None, table: pd.DataFrame | None = None
) -> None:
    """The text alternative of `fig`, drawn under it (no table where it draws no values: a
    legend, whose meaning the page writes beside it); `key`: the chart's."""
    lang = language()
    st.caption(markdown_literal(sentence or figure_sentence(fig, lang)))
    table = table_of(fig, lang) if table is None else table
    if not table.empty:
        data_table(table, key=f"{key}-figures")


def chart(
    fig: go.Figure,
    *,
    key: str,
    sentence: str | None = None,
    table: pd.DataFrame | None = None,
    **kwargs: Any,
) -> Any:
    """`st.plotly_chart(fig, key=key, **kwargs)` and its text alternative; returns what
    plotly_chart returns (the selection of a chart that reruns on a click). `key` is unique on
    the page and stays the same while the chart shows the same view."""
    shown = st.plotly_chart(fig, key=key, **kwargs)
    alternative(fig, key, sentence, table)
    return shown
