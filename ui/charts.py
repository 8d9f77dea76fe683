"""A chart with its text alternative, as every page draws one.

Under each plotly chart: a sentence saying what it shows (the computed caption where the page
has one, else the chart's own title and subtitle), and its figures one keystroke away, in a
collapsed expander holding a plain HTML table (`st.table`: a real table a screen reader walks
cell by cell). Sentences and cells come from data: they are shown as written, never as Markdown.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from indicators.present.figure_data import figure_sentence, figure_table
from indicators.present.literal import markdown_literal
from ui.session import language, tr


def literal_table(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with every header and cell as text shown as written (st.table reads Markdown)."""
    shown = table.astype(str).map(markdown_literal)
    shown.columns = [markdown_literal(c) for c in table.columns]
    return shown


def data_table(table: pd.DataFrame, label: str | None = None) -> None:
    """The figures behind a chart, in a collapsed expander right after it."""
    with st.expander(label or tr("a11y.chart_data"), icon=":material/table:"):
        st.table(literal_table(table), hide_index=True)


def alternative(
    fig: go.Figure, sentence: str | None = None, table: pd.DataFrame | None = None
) -> None:
    """The text alternative of `fig`, drawn under it (no table where it draws no values: a
    legend, whose meaning the page writes beside it)."""
    lang = language()
    st.caption(markdown_literal(sentence or figure_sentence(fig, lang)))
    table = figure_table(fig, lang) if table is None else table
    if not table.empty:
        data_table(table)


def chart(
    fig: go.Figure,
    *,
    sentence: str | None = None,
    table: pd.DataFrame | None = None,
    **kwargs: Any,
) -> Any:
    """`st.plotly_chart(fig, **kwargs)` and its text alternative; returns what plotly_chart
    returns (the selection of a chart that reruns on a click)."""
    shown = st.plotly_chart(fig, **kwargs)
    alternative(fig, sentence, table)
    return shown
