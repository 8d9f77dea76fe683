"""The home province's rank over the years: 1 at the top, one named line per unit list.

A rank among the 63 provinces before 1 July 2025 and a rank among the 34 after are not the same
scale and are never converted into each other, so they are two series, never joined by a line:
the old list's years first, then the reform marker, then the new list's years (the DTI 2024 was
published over the 34 new provinces, so its year sits after the marker even though it is 2024).
Each point is labelled as the reports print it, "41/63".
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from indicators.core.catalog import Indicator
from indicators.core.direction import good_is_low
from indicators.core.i18n import t
from indicators.core.numbers import format_number
from indicators.core.periods import parse_period
from indicators.core.schema import ILLUSTRATIVE, any_illustrative
from indicators.geography.units import LEGACY, UNIT_LISTS
from indicators.present.figures.frame import frame, short_sources
from indicators.present.figures.narrow import for_half_width
from indicators.present.figures.over_time import no_data
from indicators.present.figures.reform_marker import add_reform_marker
from indicators.present.literal import plotly_literal
from indicators.present.palette import BLUE, GREEN

STYLE = {  # unit list → colour and dash (as the Overview's trend: blue solid old, green dots new)
    LEGACY: (BLUE, "solid"),
    UNIT_LISTS[1]: (GREEN, "dot"),
}


def rank_text(value: float, out_of: int, lang: str) -> str:
    """'41/63': a rank as the reports print it."""
    return f"{format_number(value, lang, 0)}/{out_of}"


def rank_history_figure(
    series: pd.DataFrame,
    ind: Indicator,
    *,
    province: str,
    revision: int,
    lang: str = "vi",
    missing: Sequence[str] = (),
) -> go.Figure:
    """`series`: the home province's values of a rank (`query.provinces.home_series`: unit_list,
    period, period_end, value, out_of, status, source). `missing` names the years the ranking
    has values for other provinces but none for this one (said in the subtitle)."""
    rows = series[series["value"].notna()].copy()
    rows["_order"] = [UNIT_LISTS.index(u) for u in rows["unit_list"]]
    rows = rows.sort_values(["_order", "period_end"])
    rows["x"] = [_category(r, lang) for r in rows.itertuples()]
    fig = go.Figure()
    for unit_list, part in rows.groupby("unit_list", sort=False):
        fig.add_trace(_line(part, unit_list, province, lang))
    order = list(rows["x"])
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=order)
    top = int(rows["out_of"].max()) if not rows.empty else 1
    low = good_is_low(ind)  # a rank: 1 is best and is drawn at the top
    fig.update_yaxes(
        title_text=plotly_literal(ind.unit(lang)),
        range=[top + 2, -1] if low else None,
        autorange=None if low else True,
        tickvals=sorted({1, *(v for v in range(10, top, 10) if top - v >= 5), top})
        if low
        else None,
        zeroline=False,
        automargin=False,
    )
    lists = list(dict.fromkeys(rows["unit_list"]))
    title = t("prov.rank_title", lang, indicator=ind.name(lang), province=province)
    subtitle = _subtitle(lists, missing, lang, top=low)
    frame(
        fig,
        title=title,
        subtitle=subtitle,
        source=short_sources(rows["source"]) if not rows.empty else ind.source,
        revision=revision,
        illustrative=any_illustrative(rows["status"]),
        lang=lang,
        height=470 + 22 * len(fig.data),
        legend_rows=len(fig.data),
    )
    narrow(fig, title, subtitle, len(fig.data))
    if rows.empty:
        return _empty(fig, lang)
    # After the old list's last year: the new list's ranks are another series from here on.
    n_old = int((rows["unit_list"] == LEGACY).sum())
    between = n_old - 0.5 if 0 < n_old < len(rows) else None
    return add_reform_marker(fig, lang, between, note=t("prov.rank_marker_note", lang))


def narrow(fig: go.Figure, title: str, subtitle: str, legend_rows: int) -> go.Figure:
    """Title and subtitle wrapped short (the chart sits beside another, or on a phone), with
    room kept for a legend of `legend_rows` rows above the plot."""
    for_half_width(fig, title=title, subtitle=subtitle, legend=legend_rows > 0)
    fig.layout.margin.t += 22 * max(legend_rows - 1, 0)
    return fig


def _category(row, lang: str) -> str:
    """The x category of one value: its year, and on the new list the number of provinces
    ("2024 (34 tỉnh)"), so the same year on both lists is two places on the axis."""
    label = parse_period(row.period).label(lang)
    if row.unit_list == LEGACY:
        return label
    return t("prov.period_new", lang, period=label, n=row.out_of)


def _line(part: pd.DataFrame, unit_list: str, province: str, lang: str) -> go.Scatter:
    colour, dash = STYLE.get(unit_list, (GREEN, "dot"))
    n = int(part["out_of"].iloc[0])
    key = "prov.series_legacy" if unit_list == LEGACY else "prov.series_new"
    name = plotly_literal(t(key, lang, name=province, n=n))
    texts = [rank_text(v, o, lang) for v, o in zip(part["value"], part["out_of"], strict=True)]
    words = [t(f"status.{s}", lang) for s in part["status"]]
    return go.Scatter(
        x=part["x"],
        y=part["value"],
        name=name,
        mode="lines+markers+text",
        text=texts,
        textposition="top center",
        textfont=dict(size=14, color=colour),
        cliponaxis=False,
        line=dict(color=colour, width=3, dash=dash),
        marker=dict(
            size=12,
            color=colour,
            symbol=["circle-open" if s == ILLUSTRATIVE else "circle" for s in part["status"]],
            line=dict(width=2, color=colour),
        ),
        customdata=list(zip(texts, words, strict=True)),
        hovertemplate=f"{name} · %{{x}}: <b>%{{customdata[0]}}</b> (%{{customdata[1]}})"
        "<extra></extra>",
    )


def _subtitle(lists: list[str], missing: Sequence[str], lang: str, *, top: bool) -> str:
    parts = [t("prov.rank_sub_top", lang)] if top else []
    if len(lists) > 1:
        parts.append(t("prov.rank_sub_two", lang))
    if missing:
        parts.append(t("prov.rank_sub_missing", lang, periods=", ".join(missing)))
    return " · ".join(parts)


def _empty(fig: go.Figure, lang: str) -> go.Figure:
    no_data(fig, lang)
    return fig
