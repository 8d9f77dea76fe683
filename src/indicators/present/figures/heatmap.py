"""Heatmaps: units in rows, periods in columns, for one indicator within one unit list."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators.core.catalog import Indicator
from indicators.core.direction import good_is_low
from indicators.core.i18n import t
from indicators.core.numbers import format_value
from indicators.core.periods import parse_period
from indicators.core.schema import any_illustrative
from indicators.present.figures.frame import frame, short_sources
from indicators.present.figures.scale import coloraxis
from indicators.present.literal import plotly_literal
from indicators.present.palette import NO_DATA_LINE

MAX_TEXT_ROWS, MAX_TEXT_COLUMNS = 40, 12


def row_labels(units: pd.DataFrame) -> list[str]:
    """Unit names as written, with the code added where two units share a name (a category
    axis would merge them)."""
    names = units["name"].astype(str)
    twice = names.duplicated(keep=False)
    return [
        plotly_literal(f"{n} ({c})" if d else n)
        for n, c, d in zip(names, units["region"], twice, strict=True)
    ]


def _grid(
    units: pd.DataFrame, vals: pd.DataFrame, ind: Indicator, periods: list[str]
) -> tuple[pd.DataFrame, str | None]:
    """Units × periods, rows best first by the latest period with data (units without it last);
    and that period."""
    wide = vals.pivot_table(index="region", columns="period", values="value", aggfunc="first")
    wide = wide.reindex(index=units["region"], columns=periods)
    latest = next((p for p in reversed(periods) if wide[p].notna().any()), None)
    order = units.assign(_latest=wide[latest].to_numpy() if latest else float("nan"))
    order = order.sort_values(
        ["_latest", "name"], ascending=[good_is_low(ind), True], na_position="last"
    )
    return wide.loc[order["region"]].set_axis(row_labels(order), axis=0), latest


def _cells(z, labels: list[str], cols: list[str], ind: Indicator, lang: str) -> go.Heatmap:
    """The coloured cells, with their values written in them when the grid is small enough."""
    unit = ind.unit(lang)
    text = [
        [plotly_literal(format_value(v, unit, lang, ind.decimals)) if v == v else "" for v in row]
        for row in z
    ]
    show_text = len(labels) <= MAX_TEXT_ROWS and len(cols) <= MAX_TEXT_COLUMNS
    return go.Heatmap(
        z=z,
        x=cols,
        y=labels,
        coloraxis="coloraxis",
        text=text,
        texttemplate="%{text}" if show_text else None,
        textfont=dict(size=11),
        hovertemplate="%{y} · %{x}: <b>%{text}</b><extra></extra>",
        hoverongaps=False,
        xgap=1,
        ygap=1,
        name=plotly_literal(ind.name(lang)),
    )


def _no_data_marks(gaps: list[tuple[str, str]], lang: str) -> go.Scatter:
    """A grey cross on every cell without data (never drawn as a zero), with a legend entry."""
    return go.Scatter(
        x=[g[0] for g in gaps],
        y=[g[1] for g in gaps],
        mode="markers",
        name=t("chart.no_data", lang),
        marker=dict(symbol="x-thin", size=8, line=dict(color=NO_DATA_LINE, width=1.5)),
        hovertemplate="%{y} · %{x}: " + t("chart.no_data", lang) + "<extra></extra>",
        showlegend=bool(gaps),
    )


def heatmap_figure(
    units: pd.DataFrame,
    values: pd.DataFrame,
    ind: Indicator,
    *,
    periods: list[str],
    level_label: str,
    place_name: str,
    revision: int,
    lang: str = "vi",
) -> go.Figure:
    """Every unit of `units` (region, name) against `periods` (codes, oldest first), with the
    values of `values` (region, period, value, status, source).

    Rows are sorted by the latest period with data, best first, units without it last. Cells
    with no data stay empty and carry a grey cross (a legend entry says so), never a zero.
    """
    unit = ind.unit(lang)
    vals = values[values["period"].isin(periods)]
    wide, latest = _grid(units, vals, ind, periods)
    labels = list(wide.index)
    cols = [parse_period(p).label(lang) for p in periods]
    z = wide.to_numpy(dtype=float)
    gaps = [(c, r) for i, r in enumerate(labels) for j, c in enumerate(cols) if z[i][j] != z[i][j]]
    fig = go.Figure(_cells(z, labels, cols, ind, lang))
    fig.add_trace(_no_data_marks(gaps, lang))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=cols, side="bottom")
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=labels,
        autorange="reversed",
        automargin=False,
        tickfont=dict(size=11 if len(labels) > MAX_TEXT_ROWS else 12),
    )
    fig.update_layout(coloraxis=coloraxis(z.flatten(), ind, unit), plot_bgcolor="white")
    first, last = (cols[0], cols[-1]) if cols else ("", "")
    span = first if first == last else f"{first}–{last}"
    sub = t(
        "heatmap.sub",
        lang,
        unit=unit,
        place=place_name,
        n=len(labels),
        level=level_label.lower(),
        latest=cols[periods.index(latest)] if latest else "—",
    )
    sub += " · " + t("map.dark_lagging", lang)
    if gaps:
        sub += " · " + t("heatmap.gaps", lang, n=len(gaps))
    row_px = 22 if len(labels) <= MAX_TEXT_ROWS else 14
    return frame(
        fig,
        title=t("chart.ranking_title", lang, indicator=ind.name(lang), period=span),
        subtitle=sub,
        source=short_sources(vals["source"]) if not vals.empty else ind.source,
        revision=revision,
        illustrative=any_illustrative(vals["status"]),
        lang=lang,
        height=max(380, row_px * len(labels) + 250),
        left=210,
    )
