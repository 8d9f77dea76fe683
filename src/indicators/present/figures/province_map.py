"""A map of all provinces of one unit list: a bubble at each province's centroid coloured by its
value, or filled boundaries where a configured boundary file has the provinces' polygons.

Like the Regions map it is drawn on plain axes in longitude/latitude with an equal ground scale
(no tile server, nothing fetched), so it renders offline and in exported images. The colour
scale's dark end is the lagging end; provinces with no value are hollow grey and named. The home
province is ringed in vermillion and named; its region's other provinces are ringed in orange.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from indicators.core.catalog import Indicator
from indicators.core.i18n import t
from indicators.core.schema import any_illustrative
from indicators.geography.boundaries import Boundaries
from indicators.present.figures.frame import frame, short_sources
from indicators.present.figures.maps import hover_texts
from indicators.present.figures.narrow import for_half_width
from indicators.present.figures.scale import coloraxis, colour_of
from indicators.present.figures.unit_names import no_data_note
from indicators.present.literal import plotly_literal
from indicators.present.palette import NO_DATA_FILL, NO_DATA_LINE, ORANGE, TARGET_TEXT, VERMILLION


def province_map_figure(
    values: pd.DataFrame,
    ind: Indicator,
    *,
    home: str | None,
    region: list[str],
    region_name: str | None,
    period_label: str,
    revision: int,
    lang: str = "vi",
    boundaries: Boundaries | None = None,
    height: int = 760,
) -> go.Figure:
    """`values`: every province of one unit list (region, name, short_name, lat, lon, value,
    status, source); `region`: the codes of the home province's region. Every point carries
    its province code in customdata[0]."""
    unit = ind.unit(lang)
    df = values[values["lat"].notna() & values["lon"].notna()].copy()
    rings = {c: boundaries.rings(c) for c in df["region"]} if boundaries else {}
    filled = any(rings.values())
    axis = coloraxis(df["value"], ind, unit)
    fig = go.Figure()
    if filled:
        _polygons(fig, df, rings, ind, axis)
    have, none = df[df["value"].notna()], df[df["value"].isna()]
    outline = [_ring_colour(c, home, region) for c in have["region"]]
    fig.add_trace(
        _points(
            have,
            t("map.values", lang),
            ind,
            lang,
            marker=dict(
                color=have["value"],
                coloraxis="coloraxis",
                size=[20 if c == home else 14 for c in have["region"]],
                opacity=[0.0 if rings.get(c) else 1.0 for c in have["region"]],
                line=dict(color=outline, width=[3 if o != "white" else 1 for o in outline]),
            ),
            showlegend=False,
        )
    )
    fig.add_trace(
        _points(
            none,
            t("chart.no_data", lang),
            ind,
            lang,
            marker=dict(symbol="circle-x-open", color=NO_DATA_LINE, size=12, line=dict(width=2)),
            showlegend=not none.empty,
        )
    )
    _names(fig, df[df["region"] == home])
    _axes(fig, df)
    fig.update_layout(coloraxis=axis, plot_bgcolor="white", dragmode="pan")
    title = t("chart.ranking_title", lang, indicator=ind.name(lang), period=period_label)
    drawn = (
        t("map.boundaries", lang, file=boundaries.source) if filled else t("map.centroids", lang)
    )
    parts = [
        t("prov.map_sub", lang, unit=unit, n=len(values)),
        t("map.dark_lagging", lang),
        drawn,
        t("prov.map_region", lang, region=region_name) if region_name else "",
        no_data_note(values[values["value"].isna()], lang),
    ]
    sub = " · ".join(p for p in parts if p)
    fig = frame(
        fig,
        title=title,
        subtitle=sub,
        source=short_sources(have["source"]) if not have.empty else ind.source,
        revision=revision,
        illustrative=any_illustrative(have["status"]),
        lang=lang,
        height=height,
        left=24,
    )
    return for_half_width(fig, title=title, subtitle=sub, legend=not none.empty)


def _ring_colour(code: str, home: str | None, region: list[str]) -> str:
    if code == home:
        return VERMILLION
    return ORANGE if code in region else "white"


def _points(part: pd.DataFrame, name: str, ind: Indicator, lang: str, **style) -> go.Scatter:
    custom = hover_texts(part, ind, lang)
    return go.Scatter(
        x=part["lon"],
        y=part["lat"],
        mode="markers",
        name=name,
        customdata=custom,
        hovertemplate="%{customdata[1]}: <b>%{customdata[2]}</b> %{customdata[3]}<extra></extra>",
        **style,
    )


def _polygons(fig: go.Figure, df: pd.DataFrame, rings: dict, ind: Indicator, axis: dict) -> None:
    """Each province's polygons filled with its value's colour (hatched grey without one)."""
    for row in df.itertuples():
        shape = rings.get(row.region)
        if not shape:
            continue
        xs: list = []
        ys: list = []
        for lons, lats in shape:
            xs += [*lons, lons[0], None]
            ys += [*lats, lats[0], None]
        has = pd.notna(row.value)
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                fillcolor=colour_of(row.value, axis["cmin"], axis["cmax"], ind)
                if has
                else NO_DATA_FILL,
                fillpattern=None if has else dict(shape="/", fgcolor=NO_DATA_LINE, size=6),
                line=dict(color="white" if has else NO_DATA_LINE, width=0.8),
                hoverinfo="skip",
                showlegend=False,
                name=plotly_literal(row.short_name),
            )
        )


def _names(fig: go.Figure, part: pd.DataFrame) -> None:
    fig.add_trace(
        go.Scatter(
            x=part["lon"],
            y=part["lat"],
            mode="text",
            text=[plotly_literal(n) for n in part["short_name"]],
            textposition="middle right",
            textfont=dict(size=13, color=TARGET_TEXT, shadow="auto"),
            hoverinfo="skip",
            showlegend=False,
            cliponaxis=False,
        )
    )


def _axes(fig: go.Figure, df: pd.DataFrame) -> None:
    """Equal ground scale: a degree of longitude is cos(latitude) of a degree of latitude."""
    hidden = dict(visible=False, showgrid=False, zeroline=False)
    lats = df["lat"].astype(float) if not df.empty else pd.Series([0.0, 1.0])
    lons = df["lon"].astype(float) if not df.empty else pd.Series([0.0, 1.0])
    ratio = math.cos(math.radians(float(lats.mean())))
    pad_lon = max((lons.max() - lons.min()) * 0.12, 0.3)
    pad_lat = max((lats.max() - lats.min()) * 0.04, 0.3)
    fig.update_xaxes(
        range=[lons.min() - pad_lon, lons.max() + pad_lon],
        scaleanchor="y",
        scaleratio=ratio,
        constrain="domain",
        **hidden,
    )
    fig.update_yaxes(
        range=[lats.min() - pad_lat, lats.max() + pad_lat], constrain="domain", **hidden
    )
