"""The status legend: how each data status is drawn, from the same marker rule as the charts."""

from __future__ import annotations

import plotly.graph_objects as go

from indicators.core.i18n import t
from indicators.core.schema import STATUSES
from indicators.present.figures.frame import frame, status_outline, status_symbol
from indicators.present.palette import BLUE


def status_legend_figure(*, revision: int, lang: str = "vi") -> go.Figure:
    """One marker per status, drawn by `frame.status_symbol` as every trend chart draws it."""
    labels = [t(f"status.{s}", lang) for s in STATUSES]
    fig = go.Figure()
    for shape in ("circle", "diamond"):
        fig.add_trace(
            go.Scatter(
                x=labels,
                y=[shape] * len(STATUSES),
                mode="markers",
                showlegend=False,
                marker=dict(
                    size=22,
                    color=BLUE,
                    line=dict(width=2.5, color=[status_outline(BLUE, s) for s in STATUSES]),
                    symbol=[status_symbol(shape, s) for s in STATUSES],
                ),
                customdata=[t(f"status.{s}.drawn", lang) for s in STATUSES],
                hovertemplate="%{x}: %{customdata}<extra></extra>",
            )
        )
    fig.update_yaxes(visible=False, range=[-0.8, 1.8])
    fig.update_xaxes(showgrid=False, tickfont=dict(size=14))
    return frame(
        fig,
        title=t("chart.legend_title", lang),
        subtitle=t("chart.legend_sub", lang),
        source=t("chart.legend_source", lang),
        revision=revision,
        illustrative=False,
        lang=lang,
        height=330,
    )
