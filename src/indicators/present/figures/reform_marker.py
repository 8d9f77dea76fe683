"""The 1 July 2025 marker on charts whose time axis crosses the administrative reform.

Trend charts use category x-axes (one category per period label), so the line sits between
the last period that ends before the reform and the first that ends on or after it: between
2024 and 2025 on a yearly axis (the year 2025 is on the new units), exactly at 1 July between
Q2 and Q3 2025 on a quarterly one. On a category axis plotly places numbers by category index,
so that position is `index - 0.5`.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from indicators.core.i18n import t
from indicators.core.periods import parse_period
from indicators.geography.units import REFORM_DATE
from indicators.present.palette import GREY, LABEL_GROUND, NOTE

MARKER_NAME = "reform_marker"  # the shape's and annotation's name, for finding them again


def marker_x(periods: Sequence[str]) -> float | None:
    """Where the marker goes on a category axis showing `periods` (codes, in axis order).

    None when the axis does not cross the reform (all periods on one side of it).
    """
    after = [parse_period(p).end >= REFORM_DATE for p in periods]
    if not any(after) or all(after):
        return None
    first = after.index(True)
    if any(after[:first]) or not all(after[first:]):
        raise ValueError(f"periods are not in time order: {list(periods)}")
    return first - 0.5


def add_reform_marker(
    fig: go.Figure, lang: str, x: float | None, *, note: str | None = None, inside: bool = True
) -> go.Figure:
    """A dashed vertical line at `x` labelled "1/7/2025: sắp xếp đơn vị hành chính".

    `note` (e.g. how values before the line were converted) shows when the label is hovered.
    The label sits inside the plot's bottom edge, clear of target labels (drawn at the top,
    where a target usually is), or just above the plot with `inside=False` (bar charts whose
    value labels reach the top). No-op when `x` is None.
    """
    if x is None:
        return fig
    fig.add_shape(
        type="line",
        name=MARKER_NAME,
        x0=x,
        x1=x,
        xref="x",
        y0=0,
        y1=1,
        yref="paper",
        line=dict(color=GREY, width=1.5, dash="dash"),
        layer="below",
    )
    fig.add_annotation(
        name=MARKER_NAME,
        x=x,
        xref="x",
        y=0 if inside else 1,
        yref="paper",
        yanchor="bottom",
        xanchor="right",
        xshift=-4,
        text=t("reform.marker", lang),
        hovertext=note,
        showarrow=False,
        align="right",
        bgcolor=LABEL_GROUND,
        font=dict(size=11, color=NOTE),
    )
    return fig
