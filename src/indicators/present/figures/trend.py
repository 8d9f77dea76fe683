"""Trend lines: one indicator over time, for one area (Overview) or several (Trends)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators.core.catalog import Indicator
from indicators.core.i18n import t
from indicators.core.numbers import format_value
from indicators.core.periods import parse_period, sort_key
from indicators.geography.units import LEGACY
from indicators.present.figures.frame import (
    BLUE,
    GREEN,
    GREY,
    SERIES_COLOURS,
    SERIES_DASHES,
    SERIES_SYMBOLS,
    VERMILLION,
    frame,
    short_sources,
    status_outline,
    status_symbol,
)
from indicators.present.figures.reform_marker import add_reform_marker, marker_x
from indicators.query.timeseries import Trajectory, axis_periods, is_convertible, not_converted_key


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
    frame(
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
    # Two lines, one per unit list: the marker says where one set of units gives way to the other.
    return add_reform_marker(
        fig, lang, marker_x(sorted(codes, key=sort_key)), note=t("reform.note_two_lists", lang)
    )


def _axis(codes: set[str], granularity: str) -> list[str]:
    """Every period of the granularity from the first to the last code, plus odd ones."""
    same = sorted((c for c in codes if parse_period(c).kind == granularity), key=sort_key)
    full = axis_periods(same[0], same[-1]) if same else []
    return sorted(set(full) | codes, key=sort_key)


def span_label(first: str | None, last: str | None, lang: str) -> str:
    """'2016–2024', or one period when both ends are the same."""
    a = parse_period(first).label(lang) if first else ""
    b = parse_period(last).label(lang) if last else ""
    return a if a == b else f"{a}–{b}"


def no_data(fig: go.Figure, lang: str) -> None:
    """An empty chart that says so, instead of an empty grid (call after `frame`)."""
    fig.add_annotation(
        text=t("chart.no_data", lang), x=0.5, y=0.5, xref="paper", yref="paper",
        showarrow=False, font=dict(size=18, color=GREY),
    )  # fmt: skip
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)


def trends_figure(
    values: pd.DataFrame,
    ind: Indicator,
    *,
    regions: dict[str, str],
    granularity: str,
    era: str,
    revision: int,
    lang: str = "vi",
    targets: pd.DataFrame | None = None,
    paths: list[Trajectory] | None = None,
    first: str | None = None,
    last: str | None = None,
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
    fig = go.Figure()
    unit = ind.unit(lang)
    rows = values[(values["indicator"] == ind.code) & values["value"].notna()]
    if targets is None:
        targets = pd.DataFrame(columns=["indicator", "region", "period", "x", "value", "status"])
    tg = targets[targets["indicator"] == ind.code]
    tg = tg[tg["region"].isin(list(regions)) & tg["value"].notna()]
    paths = [p for p in paths or [] if p.region in regions]
    if rows.empty:  # targets alone would read as data
        tg, paths = tg.iloc[0:0], []
    many = len(regions) > 1

    def label(code: str) -> str:
        return parse_period(code).label(lang)

    def fmt(v: float) -> str:
        return format_value(v, unit, lang, ind.decimals)

    rings = _converted_rows(rows)
    for i, (code, name) in enumerate(regions.items()):
        part = rows[rows["region"] == code].sort_values("period_end")
        if part.empty:
            continue
        k = i % len(SERIES_COLOURS)
        fig.add_trace(
            go.Scatter(
                x=[label(p) for p in part["period"]], y=part["value"], name=name,
                mode="lines+markers",
                line=dict(color=SERIES_COLOURS[k], width=3, dash=SERIES_DASHES[k]),
                marker=dict(
                    size=10, color=SERIES_COLOURS[k],
                    line=dict(width=2, color=[status_outline(SERIES_COLOURS[k], s)
                                              for s in part["status"]]),
                    symbol=[status_symbol(SERIES_SYMBOLS[k], s) for s in part["status"]],
                ),
                customdata=list(zip(
                    [fmt(v) for v in part["value"]],
                    [t(f"status.{s}", lang) for s in part["status"]],
                    _conversion_notes(part, lang), strict=True,
                )),
                hovertemplate=f"{name} · %{{x}}: <b>%{{customdata[0]}}</b> (%{{customdata[1]}})"
                "%{customdata[2]}<extra></extra>",
            )
        )  # fmt: skip
    _add_rings(fig, rings, lang, label)
    for p in paths:
        name = t("chart.trajectory", lang, period=label(p.target_period))
        name = f"{name} · {regions[p.region]}" if many else name
        fig.add_trace(
            go.Scatter(
                x=[label(p.start), label(p.end)], y=[p.start_value, p.end_value], name=name,
                mode="lines", line=dict(color=VERMILLION, width=2, dash="dash"),
                customdata=[fmt(p.start_value), fmt(p.end_value)],
                hovertemplate=name + " · %{x}: %{customdata}<extra></extra>",
            )
        )  # fmt: skip
    for code, part in tg.groupby("region", sort=False):
        name = t("chart.target_of", lang, period=", ".join(label(x) for x in part["period"]))
        name = f"{name} · {regions[code]}" if many else name
        texts = [
            f"{t('chart.target_of', lang, period=label(p))}: {fmt(v)}"
            for p, v in zip(part["period"], part["value"], strict=True)
        ]
        last_only = [
            txt if x == part["x"].iloc[-1] else "" for x, txt in zip(part["x"], texts, strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=[label(x) for x in part["x"]], y=part["value"], name=name,
                mode="markers+text", text=last_only if not many else None,
                textposition="top left", cliponaxis=False,
                textfont=dict(color=VERMILLION, size=12),
                marker=dict(
                    size=14, color=VERMILLION, line=dict(width=2, color=VERMILLION),
                    symbol=[status_symbol("diamond", s) for s in part["status"]],
                ),
                customdata=texts, hovertemplate="%{customdata}<extra></extra>",
            )
        )  # fmt: skip
    codes = set(rows["period"]) | set(tg["x"]) | {p.start for p in paths}
    if codes:
        order = [label(c) for c in _axis(codes, granularity)]
        fig.update_xaxes(type="category", categoryorder="array", categoryarray=order)
        is_rank = ind.kind == "rank"
        fig.update_yaxes(
            title_text=unit, autorange="reversed" if is_rank else True, automargin=False,
        )  # fmt: skip
    spans = sorted(rows["period"], key=sort_key)
    first = first or (spans[0] if spans else "")
    last = last or (spans[-1] if spans else "")
    shown = pd.concat([rows["status"], tg["status"]])
    axis = _axis(codes, granularity) if codes else []
    x = marker_x(axis)
    subtitle = t(
        "chart.trends_sub",
        lang,
        unit=unit,
        gran=t(f"gran.of.{granularity}", lang),
        span=span_label(first, last, lang),
        era=t(f"era.short.{era}", lang),
    )
    note = reform_note(ind, era, lang) if x is not None else None
    if not rings.empty:
        subtitle += " · " + t(f"reform.chart_note.{era}", lang)
    elif x is not None and not is_convertible(ind):
        subtitle += " · " + t("reform.chart_note.none", lang)
    frame(
        fig,
        title=ind.name(lang),
        subtitle=subtitle,
        source=short_sources(rows["source"]) if not rows.empty else ind.source,
        revision=revision,
        illustrative=bool(shown.eq("illustrative").any()),
        lang=lang,
        height=520 + 22 * len(fig.data),
        legend_rows=len(fig.data),
    )
    if not codes:
        no_data(fig, lang)  # after the frame, which sets the footer annotations
    return add_reform_marker(fig, lang, x, note=note)


def reform_note(ind: Indicator, era: str, lang: str) -> str:
    """What a chart crossing 1 July 2025 shows on either side of the marker."""
    if not is_convertible(ind):
        return t(not_converted_key(ind), lang)
    return t("reform.note_2025" if era != LEGACY else "reform.note_legacy", lang)


def mark_reform(
    fig: go.Figure, codes: set[str], granularity: str, ind: Indicator, era: str, lang: str
) -> go.Figure:
    """The reform marker on another chart of the same axis (growth bars), after its frame."""
    x = marker_x(_axis(codes, granularity)) if codes else None
    note = reform_note(ind, era, lang) if x is not None else None
    return add_reform_marker(fig, lang, x, note=note, inside=False)


def _converted_rows(rows: pd.DataFrame) -> pd.DataFrame:
    if "converted" not in rows:
        return rows.iloc[0:0]
    return rows[rows["converted"].fillna(False).astype(bool)]


def _conversion_notes(part: pd.DataFrame, lang: str) -> list[str]:
    """Per point, a hover line for values converted across the reform ('' for the others)."""
    if "converted" not in part:
        return [""] * len(part)
    out = []
    for conv, est, basis, src in zip(
        part["converted"].fillna(False), part["estimate"].fillna(False), part["basis"],
        part["from_unit_list"], strict=True,
    ):  # fmt: skip
        if not conv:
            out.append("")
            continue
        head = t(f"reform.converted_from.{src}", lang)
        if est:
            head = f"{t('reform.estimate', lang)} · {head}"
        how = t(f"reform.basis.{basis}", lang) if isinstance(basis, str) else ""
        out.append(f"<br>{head}" + (f"<br><i>{how}</i>" if how else ""))
    return out


RING = {False: ("circle-open", 20), True: ("square-open", 21)}  # exact, estimate


def _add_rings(fig: go.Figure, rings: pd.DataFrame, lang: str, label) -> None:
    """Grey rings around converted points: one legend entry for exact conversions, one for
    estimates; the points themselves stay on their area's line."""
    if rings.empty:
        return
    for est, part in rings.groupby(rings["estimate"].fillna(False).astype(bool), sort=True):
        symbol, size = RING[bool(est)]
        src = part["from_unit_list"].iloc[0]
        name = t("reform.estimate", lang) if est else t(f"reform.converted_from.{src}", lang)
        fig.add_trace(
            go.Scatter(
                x=[label(p) for p in part["period"]], y=part["value"], name=name,
                mode="markers", hoverinfo="skip",
                marker=dict(symbol=symbol, size=size, color="#555555", line=dict(width=1.5)),
            )
        )  # fmt: skip
