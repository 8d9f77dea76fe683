"""Where the province stands among all provinces: one dot per province, one row per region.

Each of the six socio-economic regions is a row; the dashed line is the national median of the
provinces with a value (drawn when at least half of them have one). The home province is the
large vermillion diamond, named; the other provinces of its region are orange, the rest blue.
Better values are always to the right (a rank axis runs from the last place on the left to 1 on
the right). Provinces with no value for the period are named in the subtitle, never drawn as
zero or as the last place.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from indicators.core.catalog import Indicator
from indicators.core.direction import good_is_low
from indicators.core.i18n import t
from indicators.core.numbers import format_value
from indicators.core.schema import any_illustrative
from indicators.present.figures.frame import frame, short_sources
from indicators.present.figures.province_rank import narrow
from indicators.present.figures.unit_names import no_data_note
from indicators.present.literal import plotly_literal
from indicators.present.palette import BLUE, GREY, GRID, INK, ORANGE, TARGET_TEXT, VERMILLION

JITTER = (0.0, 0.22, -0.22)  # dots of one row alternate up and down so that close values show
MEDIAN_COLOUR = INK


def national_median(values: pd.Series) -> float | None:
    """The median of the provinces that have a value, when at least half of them have one
    (None otherwise: the median of the few a news article names, the top of a ranking, is not
    the country's)."""
    have = values.dropna()
    return float(have.median()) if len(have) and 2 * len(have) >= len(values) else None


def spread_figure(
    values: pd.DataFrame,
    ind: Indicator,
    *,
    regions: dict[str, str],
    home: str | None,
    period_label: str,
    revision: int,
    lang: str = "vi",
) -> go.Figure:
    """`values`: every province of one unit list (region, name, short_name, value, status,
    source, region_code); `regions`: region code → name, north to south; `home`: the home
    province's code. Each province trace carries province codes in customdata[0]."""
    df = values.copy()
    df["row"] = df["region_code"].map({code: i for i, code in enumerate(regions)})
    have = _placed(df[df["value"].notna()])
    home_region = _region_of(df, home)
    in_region = have["region_code"].eq(home_region) & have["region"].ne(home)
    is_home = have["region"].eq(home)
    fig = go.Figure()
    other_name = t("prov.spread_others", lang)
    fig.add_trace(_dots(have[~in_region & ~is_home], other_name, BLUE, 10, ind, lang))
    if home_region is not None:
        name = t("prov.spread_region", lang, region=regions[home_region])
        fig.add_trace(_dots(have[in_region], name, ORANGE, 12, ind, lang))
    if is_home.any():
        fig.add_trace(_home(have[is_home], ind, lang))
    median = national_median(df["value"])
    if median is not None:
        fig.add_trace(_median_entry(median, ind, lang))
        fig.add_vline(x=median, line=dict(color=MEDIAN_COLOUR, dash="dash", width=1.5))
    _axes(fig, regions, ind, lang)
    title = t("chart.ranking_title", lang, indicator=ind.name(lang), period=period_label)
    subtitle = _subtitle(df, ind, lang)
    frame(
        fig,
        title=title,
        subtitle=subtitle,
        source=short_sources(have["source"]) if not have.empty else ind.source,
        revision=revision,
        illustrative=any_illustrative(have["status"]),
        lang=lang,
        height=110 * max(len(regions), 1) + 250,
        left=190,
        legend_rows=len(fig.data),
    )
    return narrow(fig, title, subtitle, len(fig.data))  # it sits beside the map


def _region_of(df: pd.DataFrame, code: str | None) -> str | None:
    hit = df.loc[df["region"] == code, "region_code"]
    return str(hit.iloc[0]) if not hit.empty and pd.notna(hit.iloc[0]) else None


def _placed(have: pd.DataFrame) -> pd.DataFrame:
    """The y of each dot: its region's row, moved up or down in turn along the values."""
    have = have.sort_values(["row", "value"]).copy()
    turn = have.groupby("row").cumcount() % len(JITTER)
    have["y"] = have["row"] + turn.map(dict(enumerate(JITTER)))
    return have


def _texts(part: pd.DataFrame, ind: Indicator, lang: str) -> list[str]:
    unit = ind.unit(lang)
    return [plotly_literal(format_value(v, unit, lang, ind.decimals)) for v in part["value"]]


def _custom(part: pd.DataFrame, ind: Indicator, lang: str) -> list[list[str]]:
    """Per province: code, name, value as written, status."""
    return [
        [code, plotly_literal(name), text, t(f"status.{status}", lang)]
        for code, name, text, status in zip(
            part["region"], part["name"], _texts(part, ind, lang), part["status"], strict=True
        )
    ]


HOVER = "%{customdata[1]}: <b>%{customdata[2]}</b> (%{customdata[3]})<extra></extra>"


def _dots(
    part: pd.DataFrame, name: str, colour: str, size: int, ind: Indicator, lang: str
) -> go.Scatter:
    return go.Scatter(
        x=part["value"],
        y=part["y"],
        mode="markers",
        name=plotly_literal(name),
        marker=dict(size=size, color=colour, opacity=0.85, line=dict(color="white", width=1)),
        customdata=_custom(part, ind, lang),
        hovertemplate=HOVER,
    )


def _home(part: pd.DataFrame, ind: Indicator, lang: str) -> go.Scatter:
    """The home province: a large diamond named with its value ("Khánh Hòa: 41")."""
    labels = [
        plotly_literal(f"{short}: {text}")
        for short, text in zip(part["short_name"], _texts(part, ind, lang), strict=True)
    ]
    return go.Scatter(
        x=part["value"],
        y=part["y"],
        mode="markers+text",
        name=plotly_literal(part["name"].iloc[0]),
        text=labels,
        textposition="top center",
        textfont=dict(size=13, color=TARGET_TEXT),
        cliponaxis=False,
        marker=dict(
            size=17, symbol="diamond", color=VERMILLION, line=dict(color="white", width=1.5)
        ),
        customdata=_custom(part, ind, lang),
        hovertemplate=HOVER,
    )


def _median_entry(median: float, ind: Indicator, lang: str) -> go.Scatter:
    """The median's legend entry ("Trung vị cả nước: 32"); the line itself is a shape."""
    decimals = ind.decimals if float(median).is_integer() else ind.decimals + 1
    text = format_value(median, ind.unit(lang), lang, decimals)
    return go.Scatter(
        x=[None],
        y=[None],
        mode="lines",
        name=plotly_literal(t("prov.spread_median", lang, value=text)),
        line=dict(color=MEDIAN_COLOUR, dash="dash", width=1.5),
        hoverinfo="skip",
    )


def _axes(fig: go.Figure, regions: dict[str, str], ind: Indicator, lang: str) -> None:
    """Regions as rows (the first at the top); values along, better to the right."""
    names = ["<br>".join(plotly_literal(w) for w in textwrap.wrap(n, 22)) for n in regions.values()]
    fig.update_yaxes(
        tickvals=list(range(len(regions))),
        ticktext=names,
        range=[len(regions) - 0.5, -0.5],
        showgrid=True,
        gridcolor=GRID,
        zeroline=False,
        automargin=False,
    )
    fig.update_xaxes(
        title_text=plotly_literal(ind.unit(lang)),
        autorange="reversed" if good_is_low(ind) else True,
        zeroline=False,
        showline=True,
        linecolor=GREY,
    )


def _subtitle(df: pd.DataFrame, ind: Indicator, lang: str) -> str:
    """Unit, provinces with a value out of all, which way is better, and those without."""
    n = int(df["value"].notna().sum())
    parts = [
        t("prov.spread_sub", lang, unit=ind.unit(lang), n=n, total=len(df)),
        t("prov.better_right", lang),
    ]
    if national_median(df["value"]) is None and n:
        parts.append(t("prov.no_median", lang))
    note = no_data_note(df[df["value"].isna()], lang)
    return " · ".join(p for p in (*parts, note) if p)
