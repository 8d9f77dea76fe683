"""Growth index bars: each period's value against the previous one (previous period = 100),
as yearbooks print it ("Chỉ số phát triển, Năm trước = 100")."""

from __future__ import annotations

from typing import Unpack

import pandas as pd
import plotly.graph_objects as go

from indicators.core.catalog import Indicator
from indicators.core.i18n import t
from indicators.core.numbers import format_number
from indicators.core.periods import sort_key
from indicators.core.schema import any_illustrative
from indicators.present.figures import over_time
from indicators.present.figures.frame import SERIES_PATTERNS, frame, short_sources
from indicators.present.figures.over_time import AreasView
from indicators.present.literal import plotly_literal
from indicators.present.palette import GREY, LABEL_GROUND, NOTE, SERIES_COLOURS, WHITE


def growth_figure(values: pd.DataFrame, ind: Indicator, **view: Unpack[AreasView]) -> go.Figure:
    """Bars of `growth` (see `timeseries.add_growth`) per area, a line at 100."""
    lang, regions, granularity = view.get("lang", "vi"), view["regions"], view["granularity"]
    fig = go.Figure()
    rows = values[(values["indicator"] == ind.code) & values["growth"].notna()]
    rows = rows[rows["region"].isin(list(regions))]
    base = t(f"growth.base.{granularity}", lang)
    for k, name, part in over_time.area_parts(rows, regions):
        crowded = len(regions) > 1 or len(part) > 12  # labels would overlap; hover has them
        fig.add_trace(_bars(part, k, name, base, crowded, lang))
    if not rows.empty:
        over_time.category_axis(fig, over_time.full_axis(set(rows["period"]), granularity), lang)
        _growth_scale(fig, rows, base)
    spans = sorted(rows["period"], key=sort_key)
    first, last = (spans[0], spans[-1]) if spans else ("", "")
    frame(
        fig,
        title=t("chart.growth_title", lang, indicator=ind.name(lang)),
        subtitle=t(
            "chart.growth_sub",
            lang,
            base=base,
            span=over_time.span_label(first, last, lang),
            unit_list=t(f"unitlist.short.{view['unit_list']}", lang),
        ),
        source=short_sources(rows["source"]) if not rows.empty else ind.source,
        revision=view["revision"],
        illustrative=any_illustrative(rows["status"]),
        lang=lang,
        height=330 + 22 * len(fig.data),
        legend_rows=len(fig.data),
    )
    if rows.empty:
        over_time.no_data(fig, lang)
    return fig


def _bars(part: pd.DataFrame, k: int, name: str, base: str, crowded: bool, lang: str) -> go.Bar:
    """One area's bars in its colour and pattern, labelled unless `crowded`."""
    texts = [format_number(g, lang, 1) for g in part["growth"]]
    name = plotly_literal(name)  # an area's name, shown as written
    return go.Bar(
        x=over_time.period_labels(part["period"], lang),
        y=part["growth"],
        name=name,
        marker=dict(color=SERIES_COLOURS[k], pattern=dict(shape=SERIES_PATTERNS[k], fgcolor=WHITE)),
        text=None if crowded else texts,
        textposition="outside",
        cliponaxis=False,
        customdata=texts,
        hovertemplate=f"{name} · %{{x}}: <b>%{{customdata}}</b> ({base})<extra></extra>",
    )


def _growth_scale(fig: go.Figure, rows: pd.DataFrame, base: str) -> None:
    """A y range that always shows 100 (the dashed base line) with room for the labels, and
    bar widths that keep a few bars from filling the chart."""
    low = min(float(rows["growth"].min()), 100.0)
    high = max(float(rows["growth"].max()), 100.0)
    pad = max((high - low) * 0.25, 2.0)
    fig.update_yaxes(title_text="%", range=[max(low - pad, 0), high + pad], automargin=False)
    # the shape and label `add_hline(y=100, annotation_position="top left")` makes, added
    # directly: with the helper this step took 32 ms at every filter change, now 15 (one run)
    fig.add_shape(
        type="line", xref="x domain", x0=0, x1=1, yref="y", y0=100, y1=100,
        line=dict(color=GREY, width=1.5, dash="dash"),
    )  # fmt: skip
    # on a white ground: the label sits where the first bars are drawn
    fig.add_annotation(
        text=base, xref="x domain", x=0, xanchor="left", yref="y", y=100, yanchor="bottom",
        showarrow=False, font=dict(size=11, color=NOTE), bgcolor=LABEL_GROUND,
    )  # fmt: skip
    n_bars = rows["period"].nunique() * rows["region"].nunique()
    fig.update_layout(barmode="group", bargap=0.3 if n_bars > 4 else 0.7)
