"""Plotly figure builders: data in, `go.Figure` out, no UI.

Every figure carries its title, unit and period, its source and data revision, and a visible
mark when any value shown is illustrative. Colours are Okabe-Ito (colour-blind safe) and keep
apart in greyscale; numbers follow the language.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from .catalog import Indicator
from .messages import t
from .numbers import format_value
from .periods import parse_period, sort_key
from .regions import LEGACY

FONT = "Noto Sans, DejaVu Sans, Arial, sans-serif"
BLUE, ORANGE, VERMILLION, GREEN, GREY = "#0072B2", "#E69F00", "#D55E00", "#009E73", "#999999"
SEPARATORS = {"vi": ",.", "en": ".,"}  # plotly: decimal mark, then thousands mark


def _short_sources(sources: pd.Series) -> str:
    parts: list[str] = []
    for s in sources.dropna():
        for p in str(s).split("; "):
            if p and p not in parts:
                parts.append(p)
    return "; ".join(parts[:3]) + ("; …" if len(parts) > 3 else "")


def _frame(
    fig: go.Figure,
    *,
    title: str,
    subtitle: str,
    source: str,
    revision: int,
    illustrative: bool,
    lang: str,
    height: int,
    left: int = 64,
    legend_rows: int = 0,
) -> go.Figure:
    footer = f"{t('chart.source', lang, source=source)} · {t('chart.revision', lang, rev=revision)}"
    lines = textwrap.wrap(footer, 80)
    if illustrative:
        lines.append(f"<span style='color:{VERMILLION}'>{t('chart.illustrative', lang)}</span>")
    bottom = 70 + 16 * len(lines)
    notes = [
        dict(
            text="<br>".join(lines), x=0, y=0, yref="paper", yanchor="bottom",
            yshift=-(bottom - 6), xref="paper", xanchor="left", xshift=-(left - 8),
            showarrow=False, align="left",
            font=dict(size=11, color="#444"),
        )
    ]  # fmt: skip
    sub_lines = textwrap.wrap(subtitle, 90)
    fig.update_layout(
        title=dict(
            text=title,
            subtitle=dict(text="<br>".join(sub_lines)),
            x=0,
            xanchor="left",
            xref="container",
            y=1,
            yref="container",
            yanchor="top",
            pad=dict(t=12, l=8),
        ),
        font=dict(family=FONT, size=13, color="#222"),
        separators=SEPARATORS.get(lang, ",."),
        template="plotly_white",
        height=height,
        margin=dict(l=left, r=30, t=96 + 16 * len(sub_lines) + 22 * legend_rows, b=bottom),
        annotations=notes,
        legend=dict(orientation="v", yanchor="bottom", y=1.01, x=0, xanchor="left"),
        hoverlabel=dict(font_family=FONT),
    )
    return fig


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
    return _frame(
        fig,
        title=ind.name(lang),
        subtitle=t("chart.trend_sub", lang, unit=unit, region=region_name, first=first, last=last),
        source=_short_sources(rows["source"]) if not rows.empty else ind.source,
        revision=revision,
        illustrative=bool(rows["status"].eq("illustrative").any()),
        lang=lang,
        height=470 + 22 * len(fig.data),
        legend_rows=len(fig.data),
    )


def ranking_figure(
    units: pd.DataFrame,
    ind: Indicator,
    *,
    period_label: str,
    level_label: str,
    province_value: float | None,
    revision: int,
    lang: str = "vi",
    best: int = 10,
    worst: int = 20,
) -> go.Figure:
    """Units of one level for one period, best first; those below the province are marked.

    With many units only the `best` and the `worst` are drawn, the lagging end being what
    officials ask about; a gap row says how many sit between. Units with no data are named in
    the subtitle, never drawn as zero.
    """
    unit = ind.unit(lang)
    have = units[units["value"].notna()]
    have = have.sort_values("value", ascending=not ind.higher_is_better)
    missing = units[units["value"].isna()]
    hidden = len(have) - best - worst
    if hidden > 0:
        gap = pd.DataFrame({"name": [t("chart.ranking_gap", lang, n=hidden)], "value": [None]})
        have = pd.concat([have.head(best), gap, have.tail(worst)], ignore_index=True)
    below = (
        have["value"] < province_value if ind.higher_is_better else have["value"] > province_value
    ) if province_value is not None else pd.Series(False, index=have.index)  # fmt: skip
    texts = [
        format_value(v, unit, lang, ind.decimals) if pd.notna(v) else "" for v in have["value"]
    ]
    fig = go.Figure(
        go.Bar(
            y=have["name"], x=have["value"], orientation="h",
            marker=dict(color=[ORANGE if b else BLUE for b in below],
                        pattern=dict(shape=["/" if b else "" for b in below])),
            text=texts, textposition="inside", insidetextanchor="end", cliponaxis=False,
            customdata=texts, hovertemplate="%{y}: <b>%{customdata}</b><extra></extra>",
        )
    )  # fmt: skip
    if province_value is not None:
        fig.add_vline(x=province_value, line=dict(color=VERMILLION, dash="dash", width=2))
    fig.update_yaxes(autorange="reversed", automargin=False)
    top = float(have["value"].max()) if not have.empty else 1.0
    fig.update_xaxes(title_text=unit, range=[0, max(top, province_value or 0) * 1.18])
    prov_text = format_value(province_value, unit, lang, ind.decimals)
    sub = t("chart.ranking_sub", lang, unit=unit, n=len(units), level=level_label.lower(),
            province=prov_text)  # fmt: skip
    if not missing.empty:
        names = ", ".join(missing["short_name"].head(8)) + ("…" if len(missing) > 8 else "")
        sub += " · " + t("chart.no_data_units", lang, names=names)
    return _frame(
        fig,
        title=t("chart.ranking_title", lang, indicator=ind.name(lang), period=period_label),
        subtitle=sub,
        source=_short_sources(have["source"]) if not have.empty else ind.source,
        revision=revision,
        illustrative=bool(units["status"].eq("illustrative").any()),
        lang=lang,
        height=max(360, 24 * len(have) + 230),
        left=210,
    )
