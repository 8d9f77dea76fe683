"""Trend lines: one indicator over time, for one area (Overview) or several (Trends)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Unpack

import pandas as pd
import plotly.graph_objects as go

from indicators.core.catalog import Indicator
from indicators.core.i18n import t
from indicators.core.numbers import format_value
from indicators.core.periods import sort_key
from indicators.core.schema import ILLUSTRATIVE, any_illustrative
from indicators.geography.units import LEGACY
from indicators.present.captions import not_converted_note
from indicators.present.figures.converted import add_rings, conversion_notes, converted_rows
from indicators.present.figures.frame import (
    SERIES_DASHES,
    SERIES_SYMBOLS,
    frame,
    short_sources,
    status_outline,
    status_symbol,
)
from indicators.present.figures.over_time import (
    AreasView,
    area_parts,
    category_axis,
    full_axis,
    no_data,
    period_labels,
    span_label,
)
from indicators.present.figures.reform_marker import add_reform_marker, marker_x
from indicators.present.literal import plotly_literal
from indicators.present.palette import BLUE, GREEN, INK, SERIES_COLOURS, TARGET_TEXT, VERMILLION
from indicators.query.across_reform import is_convertible
from indicators.query.timeseries import Trajectory

TARGET_COLUMNS = ["indicator", "region", "period", "x", "value", "status"]


def trend_figure(
    series: pd.DataFrame,
    ind: Indicator,
    *,
    region_name: str,
    revision: int,
    lang: str = "vi",
    targets: pd.DataFrame | None = None,
) -> go.Figure:
    """Yearly values of one indicator for one area; one line per unit list."""
    fig = go.Figure()
    rows = series[series["indicator"] == ind.code]
    kinds = set(rows["period_kind"])
    # Yearly when there is any; else half-years, quarters or months (a half-yearly indicator).
    kind = next((k for k in ("year", "half", "quarter", "month") if k in kinds), "year")
    rows = rows[rows["period_kind"] == kind]
    unit = ind.unit(lang)
    for unit_list, part in rows.groupby("unit_list", sort=False):
        fig.add_trace(
            _unit_list_line(part.sort_values("period_end"), unit_list, ind, region_name, lang)
        )
    # Yearly targets do not sit on a quarterly axis.
    tg = (
        targets[targets["indicator"] == ind.code]
        if targets is not None and kind == "year"
        else None
    )
    for unit_list, part in [] if tg is None else tg.groupby("unit_list", sort=False):
        fig.add_trace(_unit_list_targets(part, unit_list, ind, lang))
    codes = sorted(
        set(rows["period"]) | (set(tg["period"]) if tg is not None else set()), key=sort_key
    )
    category_axis(fig, codes, lang)
    is_rank = ind.kind == "rank"
    fig.update_yaxes(
        automargin=False,
        title_text=plotly_literal(unit),
        rangemode="normal" if is_rank else "tozero",
        autorange="reversed" if is_rank else True,
    )
    spans = period_labels(sorted(rows["period"], key=sort_key), lang)
    first, last = (spans[0], spans[-1]) if spans else ("", "")
    frame(
        fig,
        title=ind.name(lang),
        subtitle=t("chart.trend_sub", lang, unit=unit, region=region_name, first=first, last=last),
        source=short_sources(rows["source"]) if not rows.empty else ind.source,
        revision=revision,
        illustrative=any_illustrative(rows["status"]),
        lang=lang,
        height=470 + 22 * len(fig.data),
        legend_rows=len(fig.data),
    )
    # Two lines, one per unit list: the marker says where one set of units gives way to the other.
    return add_reform_marker(fig, lang, marker_x(codes), note=t("reform.note_two_lists", lang))


def _unit_list_line(
    part: pd.DataFrame, unit_list: str, ind: Indicator, region_name: str, lang: str
) -> go.Scatter:
    """The area's values under one unit list: blue and solid for the old list, green dots for
    the new; hollow markers are illustrative values."""
    legacy = unit_list == LEGACY
    key = "chart.unit_list_legacy" if legacy else "chart.unit_list_new"
    illustrative = part["status"].eq(ILLUSTRATIVE)
    return go.Scatter(
        x=period_labels(part["period"], lang),
        y=part["value"],
        name=plotly_literal(t(key, lang, name=region_name)),
        mode="lines+markers",
        line=dict(color=BLUE if legacy else GREEN, width=3, dash="solid" if legacy else "dot"),
        marker=dict(
            size=10,
            symbol=["circle-open" if i else "circle" for i in illustrative],
            line=dict(width=2),
        ),
        customdata=list(
            zip(_texts(part["value"], ind, lang), _status_words(part, lang), strict=True)
        ),
        hovertemplate="%{x}: <b>%{customdata[0]}</b> (%{customdata[1]})<extra></extra>",
    )


def _unit_list_targets(part: pd.DataFrame, unit_list: str, ind: Indicator, lang: str) -> go.Scatter:
    """Targets set for the area under one unit list, as open vermillion diamonds."""
    name = t("chart.target_legacy" if unit_list == LEGACY else "chart.target_new", lang)
    return go.Scatter(
        x=period_labels(part["period"], lang),
        y=part["value"],
        name=name,
        mode="markers",
        marker=dict(
            symbol="diamond-open" if unit_list == LEGACY else "diamond-wide-open",
            size=14,
            color=VERMILLION,
            line=dict(width=2),
        ),
        customdata=_texts(part["value"], ind, lang),
        hovertemplate=name + " %{x}: <b>%{customdata}</b><extra></extra>",
    )


def trends_figure(
    values: pd.DataFrame,
    ind: Indicator,
    *,
    targets: pd.DataFrame | None = None,
    paths: list[Trajectory] | None = None,
    first: str | None = None,
    last: str | None = None,
    **view: Unpack[AreasView],
) -> go.Figure:
    """One indicator for several areas of one unit list, with targets and trajectories.

    `values` are the indicator's values at `granularity` (see `timeseries.roll_up`); `targets`
    are placed on that axis (`timeseries.place_targets`). Each area has its own colour, dash
    and marker shape; hollow markers are illustrative values.

    Values converted from the other unit list across the 2025 reform (`converted`, see
    `indicators.query.across_reform`) stay on their area's line, so it reads as one series,
    and get a grey ring (a square ring for estimates) and a hover line saying how they were
    obtained; an axis that crosses 1 July 2025 gets the reform marker.
    """
    lang, regions = view.get("lang", "vi"), view["regions"]
    rows, tg, paths = _in_view(values, targets, paths, ind, regions)
    fig = go.Figure()
    for k, name, part in area_parts(rows, regions):
        fig.add_trace(_area_line(part, k, name, ind, lang))
    rings = converted_rows(rows)
    add_rings(fig, rings, lang)
    many = len(regions) > 1
    for p in paths:
        fig.add_trace(_trajectory(p, regions[p.region] if many else None, ind, lang))
    for code, part in tg.groupby("region", sort=False):
        fig.add_trace(_area_targets(part, regions[code] if many else None, ind, lang))
    codes = set(rows["period"]) | set(tg["x"]) | {p.start for p in paths}
    axis = full_axis(codes, view["granularity"]) if codes else []
    if codes:
        category_axis(fig, axis, lang)
        fig.update_yaxes(
            title_text=plotly_literal(ind.unit(lang)),
            autorange="reversed" if ind.kind == "rank" else True,
            automargin=False,
        )
    x = marker_x(axis)
    shown = pd.concat([rows["status"], tg["status"]])
    frame(
        fig,
        title=ind.name(lang),
        subtitle=_trends_subtitle(
            ind, rows, (first, last), reform=x is not None, rings=not rings.empty, view=view
        ),
        source=short_sources(rows["source"]) if not rows.empty else ind.source,
        revision=view["revision"],
        illustrative=any_illustrative(shown),
        lang=lang,
        height=520 + 22 * len(fig.data),
        legend_rows=len(fig.data),
    )
    if not codes:
        no_data(fig, lang)
    note = reform_note(ind, view["unit_list"], lang) if x is not None else None
    return add_reform_marker(fig, lang, x, note=note)


def _in_view(
    values: pd.DataFrame,
    targets: pd.DataFrame | None,
    paths: list[Trajectory] | None,
    ind: Indicator,
    regions: dict[str, str],
) -> tuple[pd.DataFrame, pd.DataFrame, list[Trajectory]]:
    """The indicator's values, targets and trajectories for the chosen areas; no targets or
    trajectories without values (alone they would read as data)."""
    rows = values[(values["indicator"] == ind.code) & values["value"].notna()]
    if targets is None:
        targets = pd.DataFrame(columns=TARGET_COLUMNS)
    tg = targets[targets["indicator"] == ind.code]
    tg = tg[tg["region"].isin(list(regions)) & tg["value"].notna()]
    paths = [p for p in paths or [] if p.region in regions]
    if rows.empty:
        tg, paths = tg.iloc[0:0], []
    return rows, tg, paths


def _area_line(part: pd.DataFrame, k: int, name: str, ind: Indicator, lang: str) -> go.Scatter:
    """One area's line in its colour, dash and marker; the marker's outline and fill say the
    status, and the hover says how a converted value was obtained."""
    colour, name = SERIES_COLOURS[k], plotly_literal(name)
    texts = _texts(part["value"], ind, lang)
    return go.Scatter(
        x=period_labels(part["period"], lang),
        y=part["value"],
        name=name,
        mode="lines+markers+text",
        # the latest value written at its point: read without hovering (a phone has no hover)
        text=[""] * (len(texts) - 1) + texts[-1:],
        textposition="top center",
        textfont=dict(color=INK, size=13),
        line=dict(color=colour, width=3, dash=SERIES_DASHES[k]),
        marker=dict(
            size=10,
            color=colour,
            line=dict(width=2, color=[status_outline(colour, s) for s in part["status"]]),
            symbol=[status_symbol(SERIES_SYMBOLS[k], s) for s in part["status"]],
        ),
        customdata=list(
            zip(
                texts,
                _status_words(part, lang),
                conversion_notes(part, lang),
                strict=True,
            )
        ),
        hovertemplate=f"{name} · %{{x}}: <b>%{{customdata[0]}}</b> (%{{customdata[1]}})"
        "%{customdata[2]}<extra></extra>",
    )


def _trajectory(p: Trajectory, area: str | None, ind: Indicator, lang: str) -> go.Scatter:
    """The straight path from a value to its target (`area` named when several are shown)."""
    name = t("chart.trajectory", lang, period=period_labels([p.target_period], lang)[0])
    name = plotly_literal(f"{name} · {area}" if area is not None else name)
    return go.Scatter(
        x=period_labels([p.start, p.end], lang),
        y=[p.start_value, p.end_value],
        name=name,
        mode="lines",
        line=dict(color=VERMILLION, width=2, dash="dash"),
        customdata=_texts([p.start_value, p.end_value], ind, lang),
        hovertemplate=name + " · %{x}: %{customdata}<extra></extra>",
    )


def _area_targets(part: pd.DataFrame, area: str | None, ind: Indicator, lang: str) -> go.Scatter:
    """An area's targets as diamonds on the axis (`x`), the last one labelled when one area
    is shown (`area` named when several are)."""
    fmt = _formatter(ind, lang)
    name = t("chart.target_of", lang, period=", ".join(period_labels(part["period"], lang)))
    name = plotly_literal(f"{name} · {area}" if area is not None else name)
    texts = [
        plotly_literal(f"{t('chart.target_of', lang, period=label)}: {fmt(v)}")
        for label, v in zip(period_labels(part["period"], lang), part["value"], strict=True)
    ]
    last_only = [
        txt if x == part["x"].iloc[-1] else "" for x, txt in zip(part["x"], texts, strict=True)
    ]
    return go.Scatter(
        x=period_labels(part["x"], lang),
        y=part["value"],
        name=name,
        mode="markers+text",
        text=last_only if area is None else None,
        textposition="top left",
        cliponaxis=False,
        textfont=dict(color=TARGET_TEXT, size=12),
        marker=dict(
            size=14,
            color=VERMILLION,
            line=dict(width=2, color=VERMILLION),
            symbol=[status_symbol("diamond", s) for s in part["status"]],
        ),
        customdata=texts,
        hovertemplate="%{customdata}<extra></extra>",
    )


def _trends_subtitle(
    ind: Indicator,
    rows: pd.DataFrame,
    span: tuple[str | None, str | None],
    *,
    reform: bool,
    rings: bool,
    view: AreasView,
) -> str:
    """Unit, granularity, span (given, else the values') and unit list; and, on an axis that
    crosses the reform, what was converted or why nothing could be."""
    lang, unit_list = view.get("lang", "vi"), view["unit_list"]
    spans = sorted(rows["period"], key=sort_key)
    first = span[0] or (spans[0] if spans else "")
    last = span[1] or (spans[-1] if spans else "")
    subtitle = t(
        "chart.trends_sub",
        lang,
        unit=ind.unit(lang),
        gran=t(f"gran.of.{view['granularity']}", lang),
        span=span_label(first, last, lang),
        unit_list=t(f"unitlist.short.{unit_list}", lang),
    )
    if rings:
        subtitle += " · " + t(f"reform.chart_note.{unit_list}", lang)
    elif reform and not is_convertible(ind):
        subtitle += " · " + t("reform.chart_note.none", lang)
    return subtitle


def reform_note(ind: Indicator, unit_list: str, lang: str) -> str:
    """What a chart crossing 1 July 2025 shows on either side of the marker."""
    if not is_convertible(ind):
        return not_converted_note(ind, lang)
    return t("reform.note_2025" if unit_list != LEGACY else "reform.note_legacy", lang)


def mark_reform(
    fig: go.Figure, codes: set[str], granularity: str, ind: Indicator, unit_list: str, lang: str
) -> go.Figure:
    """The reform marker on another chart of the same axis (growth bars), after its frame."""
    x = marker_x(full_axis(codes, granularity)) if codes else None
    note = reform_note(ind, unit_list, lang) if x is not None else None
    return add_reform_marker(fig, lang, x, note=note, inside=False)


def _formatter(ind: Indicator, lang: str) -> Callable[[float], str]:
    """A value as the indicator writes it in `lang` ('99,2%', '1.234 trạm')."""
    unit = ind.unit(lang)
    return lambda v: format_value(v, unit, lang, ind.decimals)


def _texts(values, ind: Indicator, lang: str) -> list[str]:
    """Values as written, for hover and labels (the unit comes from the catalog)."""
    fmt = _formatter(ind, lang)
    return [plotly_literal(fmt(v)) for v in values]


def _status_words(part: pd.DataFrame, lang: str) -> list[str]:
    return [t(f"status.{s}", lang) for s in part["status"]]
