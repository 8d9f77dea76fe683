"""Growth index bars: each period's value against the previous one (previous period = 100),
as yearbooks print it ("Chỉ số phát triển, Năm trước = 100")."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators.core.catalog import Indicator
from indicators.core.i18n import t
from indicators.core.numbers import format_number
from indicators.core.periods import parse_period, sort_key
from indicators.present.figures.frame import (
    GREY,
    SERIES_COLOURS,
    SERIES_PATTERNS,
    frame,
    short_sources,
)
from indicators.present.figures.trend import _axis, no_data, span_label


def growth_figure(
    values: pd.DataFrame,
    ind: Indicator,
    *,
    regions: dict[str, str],
    granularity: str,
    era: str,
    revision: int,
    lang: str = "vi",
) -> go.Figure:
    """Bars of `growth` (see `timeseries.add_growth`) per area, a line at 100."""
    fig = go.Figure()
    rows = values[(values["indicator"] == ind.code) & values["growth"].notna()]
    rows = rows[rows["region"].isin(list(regions))]
    base = t(f"growth.base.{granularity}", lang)

    def label(code: str) -> str:
        return parse_period(code).label(lang)

    for i, (code, name) in enumerate(regions.items()):
        part = rows[rows["region"] == code].sort_values("period_end")
        if part.empty:
            continue
        k = i % len(SERIES_COLOURS)
        texts = [format_number(g, lang, 1) for g in part["growth"]]
        crowded = len(regions) > 1 or len(part) > 12  # labels would overlap; hover has them
        fig.add_trace(
            go.Bar(
                x=[label(p) for p in part["period"]], y=part["growth"], name=name,
                marker=dict(color=SERIES_COLOURS[k],
                            pattern=dict(shape=SERIES_PATTERNS[k], fgcolor="#fff")),
                text=None if crowded else texts, textposition="outside", cliponaxis=False,
                customdata=texts,
                hovertemplate=f"{name} · %{{x}}: <b>%{{customdata}}</b> ({base})<extra></extra>",
            )
        )  # fmt: skip
    if not rows.empty:
        order = [label(c) for c in _axis(set(rows["period"]), granularity)]
        fig.update_xaxes(type="category", categoryorder="array", categoryarray=order)
        low = min(float(rows["growth"].min()), 100.0)
        high = max(float(rows["growth"].max()), 100.0)
        pad = max((high - low) * 0.25, 2.0)
        fig.update_yaxes(title_text="%", range=[max(low - pad, 0), high + pad], automargin=False)
        fig.add_hline(
            y=100, line=dict(color=GREY, width=1.5, dash="dash"),
            annotation=dict(text=base, font=dict(size=11, color="#444")),
            annotation_position="top left",
        )  # fmt: skip
        n_bars = rows["period"].nunique() * rows["region"].nunique()
        fig.update_layout(barmode="group", bargap=0.3 if n_bars > 4 else 0.7)
    spans = sorted(rows["period"], key=sort_key)
    first, last = (spans[0], spans[-1]) if spans else ("", "")
    frame(
        fig,
        title=t("chart.growth_title", lang, indicator=ind.name(lang)),
        subtitle=t(
            "chart.growth_sub",
            lang,
            base=base,
            span=span_label(first, last, lang),
            era=t(f"era.short.{era}", lang),
        ),
        source=short_sources(rows["source"]) if not rows.empty else ind.source,
        revision=revision,
        illustrative=bool(rows["status"].eq("illustrative").any()),
        lang=lang,
        height=330 + 22 * len(fig.data),
        legend_rows=len(fig.data),
    )
    if rows.empty:
        no_data(fig, lang)  # after the frame, which sets the footer annotations
    return fig
