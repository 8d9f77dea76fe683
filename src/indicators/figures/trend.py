"""Trend lines: one indicator over time for one area."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..catalog import Indicator
from ..messages import t
from ..numbers import format_value
from ..periods import parse_period, sort_key
from ..regions import LEGACY
from .frame import BLUE, GREEN, VERMILLION, frame, short_sources


def trend_figure(
    series: pd.DataFrame,
    ind: Indicator,
    *,
    region_name: str,
    revision: int,
    lang: str = "vi",
    targets: pd.DataFrame | None = None,
) -> go.Figure:
    """Yearly values of one indicator for one area; one line per unit list (era)."""
    fig = go.Figure()
    rows = series[series["indicator"] == ind.code]
    kinds = set(rows["period_kind"])
    # Yearly when there is any; else the finest kind reported (a quarterly-only indicator).
    kind = next((k for k in ("year", "quarter", "month") if k in kinds), "year")
    rows = rows[rows["period_kind"] == kind]
    unit = ind.unit(lang)

    def label(code: str) -> str:
        return parse_period(code).label(lang)

    for unit_list, part in rows.groupby("unit_list", sort=False):
        part = part.sort_values("period_end")
        key = "chart.era_legacy" if unit_list == LEGACY else "chart.era_new"
        illustrative = part["status"].eq("illustrative")
        fig.add_trace(
            go.Scatter(
                x=[label(p) for p in part["period"]],
                y=part["value"],
                name=t(key, lang, name=region_name),
                mode="lines+markers",
                line=dict(color=BLUE if unit_list == LEGACY else GREEN, width=3,
                          dash="solid" if unit_list == LEGACY else "dot"),
                marker=dict(
                    size=10,
                    symbol=["circle-open" if i else "circle" for i in illustrative],
                    line=dict(width=2),
                ),
                customdata=list(zip(
                    [format_value(v, unit, lang, ind.decimals) for v in part["value"]],
                    [t(f"status.{s}", lang) for s in part["status"]],
                    strict=True,
                )),
                hovertemplate="%{x}: <b>%{customdata[0]}</b> (%{customdata[1]})<extra></extra>",
            )
        )  # fmt: skip
    tg = targets[targets["indicator"] == ind.code] if targets is not None else None
    if kind != "year":
        tg = None  # yearly targets do not sit on a quarterly axis
    for unit_list, part in [] if tg is None else tg.groupby("unit_list", sort=False):
        name = t("chart.target_legacy" if unit_list == LEGACY else "chart.target_new", lang)
        fig.add_trace(
            go.Scatter(
                x=[label(p) for p in part["period"]],
                y=part["value"],
                name=name,
                mode="markers",
                marker=dict(
                    symbol="diamond-open" if unit_list == LEGACY else "diamond-wide-open",
                    size=14,
                    color=VERMILLION,
                    line=dict(width=2),
                ),
                customdata=[format_value(v, unit, lang, ind.decimals) for v in part["value"]],
                hovertemplate=name + " %{x}: <b>%{customdata}</b><extra></extra>",
            )
        )
    codes = set(rows["period"]) | (set(tg["period"]) if tg is not None else set())
    order = [label(p) for p in sorted(codes, key=sort_key)]
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=order)
    is_rank = ind.kind == "rank"
    fig.update_yaxes(
        automargin=False,
        title_text=unit,
        rangemode="normal" if is_rank else "tozero",
        autorange="reversed" if is_rank else True,
    )
    spans = sorted(rows["period"], key=sort_key)
    first, last = (label(spans[0]), label(spans[-1])) if spans else ("", "")
    return frame(
        fig,
        title=ind.name(lang),
        subtitle=t("chart.trend_sub", lang, unit=unit, region=region_name, first=first, last=last),
        source=short_sources(rows["source"]) if not rows.empty else ind.source,
        revision=revision,
        illustrative=bool(rows["status"].eq("illustrative").any()),
        lang=lang,
        height=470 + 22 * len(fig.data),
        legend_rows=len(fig.data),
    )
