"""What the charts over time share (trend lines, growth bars): the keyword arguments of a chart
of several areas, the period axis, each area's series, the span in a subtitle, an empty chart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NotRequired, TypedDict

import pandas as pd
import plotly.graph_objects as go

from indicators.core.i18n import t
from indicators.core.periods import parse_period, sort_key
from indicators.present.palette import GREY_TEXT, SERIES_COLOURS
from indicators.query.timeseries import axis_periods


class AreasView(TypedDict):
    """The keyword arguments of a chart of one indicator for several areas of one unit list
    (the Trends page): areas (code -> name), the axis' granularity, the unit list (`unit_list`, as
    the page's URL names it), the data revision, and the language (default Vietnamese)."""

    regions: dict[str, str]
    granularity: str
    unit_list: str
    revision: int
    lang: NotRequired[str]


def period_labels(codes: Iterable[str], lang: str) -> list[str]:
    """'2024', 'Quý 1/2024' or 'Q1 2024': each period code as the axis shows it."""
    return [parse_period(c).label(lang) for c in codes]


def full_axis(codes: set[str], granularity: str) -> list[str]:
    """Every period of the granularity from the first to the last code, plus odd ones."""
    same = sorted((c for c in codes if parse_period(c).kind == granularity), key=sort_key)
    full = axis_periods(same[0], same[-1]) if same else []
    return sorted(set(full) | codes, key=sort_key)


def category_axis(fig: go.Figure, codes: list[str], lang: str) -> None:
    """An x axis of period labels in the order of `codes` (no gaps squeezed out)."""
    order = period_labels(codes, lang)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=order)


def area_parts(
    rows: pd.DataFrame, regions: dict[str, str]
) -> Iterator[tuple[int, str, pd.DataFrame]]:
    """(style index, name, rows in time order) of each area with rows, in the areas' order; the
    style index picks the area's colour, dash, marker and pattern whether or not others show."""
    for i, (code, name) in enumerate(regions.items()):
        part = rows[rows["region"] == code].sort_values("period_end")
        if not part.empty:
            yield i % len(SERIES_COLOURS), name, part


def span_label(first: str | None, last: str | None, lang: str) -> str:
    """'2016–2024', or one period when both ends are the same."""
    a = parse_period(first).label(lang) if first else ""
    b = parse_period(last).label(lang) if last else ""
    return a if a == b else f"{a}–{b}"


def no_data(fig: go.Figure, lang: str) -> None:
    """An empty chart that says so, instead of an empty grid (call after `frame`)."""
    fig.add_annotation(
        text=t("chart.no_data", lang),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font=dict(size=18, color=GREY_TEXT),
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
