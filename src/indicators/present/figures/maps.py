"""Maps of the units below an area: bubbles at centroids, or filled boundaries when configured.

Drawn on plain cartesian axes in longitude/latitude with an equal ground scale: no tile
server, no WebGL, no world outline fetched from a CDN, so the map renders offline, in a
headless browser and in an exported image. Units far from the others (the Trường Sa special
zone) go into an inset; units with no data are hollow grey (hatched grey polygons) and named,
never coloured as zero.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from indicators.core.catalog import Indicator
from indicators.core.direction import best_value, worst_first
from indicators.core.i18n import t
from indicators.core.numbers import format_value
from indicators.core.schema import any_illustrative
from indicators.geography.boundaries import Boundaries
from indicators.present.figures.frame import frame, short_sources
from indicators.present.figures.narrow import for_half_width
from indicators.present.figures.scale import coloraxis, colour_of
from indicators.present.figures.unit_names import no_data_note, some_names
from indicators.present.literal import plotly_literal
from indicators.present.palette import FRAME_LINE, NO_DATA_FILL, NO_DATA_LINE, NOTE, STRONG

FAR_DEGREES = 1.5  # a unit this far from the others' median centroid goes into the inset
XY = {"main": dict(xaxis="x", yaxis="y"), "inset": dict(xaxis="x2", yaxis="y2")}


def map_figure(
    units: pd.DataFrame,
    ind: Indicator,
    *,
    period_label: str,
    level_label: str,
    place_name: str,
    revision: int,
    lang: str = "vi",
    boundaries: Boundaries | None = None,
    label_lagging: int = 5,
    height: int = 640,
) -> go.Figure:
    """One indicator for one period over the units of `units` (region, name, short_name, lat,
    lon, value, status, source; optional `located`, False where a centroid is not the unit's
    own). The marker trace carries each unit's code in customdata[0] for drilling down."""
    unit = ind.unit(lang)
    rings = {c: boundaries.rings(c) for c in units["region"]} if boundaries else {}
    df = _place(units, rings)
    placed, missing = df[df["located"]], df[df["value"].isna()]
    areas = ["main", "inset"] if df["axes"].eq("inset").any() else ["main"]
    fig = go.Figure()
    axis = coloraxis(df["value"], ind, unit)
    _add_polygons(fig, placed, rings, ind, axis)
    with_polygons = bool(rings) and any(rings.values())
    for where in areas:
        here = placed[placed["axes"] == where]
        size = 9 if with_polygons else 15
        _add_markers(fig, here, rings, ind, lang, where, size, legend=not missing.empty)
    lagging = _lagging(placed, ind, label_lagging)
    for where in areas:
        # The inset names all its units: they are few and far away.
        named = placed[placed["axes"] == "inset"] if where == "inset" else lagging
        _add_names(fig, named[named["axes"] == where], where)
    _axes(fig, placed, rings)
    fig.update_layout(coloraxis=axis, plot_bgcolor="white", dragmode="pan")
    drawn = t("map.boundaries", lang, file=boundaries.source) if with_polygons else None
    sub = _subtitle(df, unit, lang, place_name, level_label, drawn, len(lagging))
    title = t("chart.ranking_title", lang, indicator=ind.name(lang), period=period_label)
    fig = frame(
        fig,
        title=title,
        subtitle=sub,
        source=short_sources(df["source"]) if df["source"].notna().any() else ind.source,
        revision=revision,
        illustrative=any_illustrative(df["status"]),
        lang=lang,
        height=height,
        left=24,
    )
    for_half_width(fig, title=title, subtitle=sub, legend=not missing.empty)
    if (placed["axes"] == "inset").any():
        fig.add_annotation(
            text=t("map.inset", lang),
            xref="paper",
            yref="paper",
            x=1.0,
            y=0.2,
            xanchor="right",
            yanchor="bottom",
            showarrow=False,
            font=dict(size=11, color=NOTE),
        )
    return fig


def _place(units: pd.DataFrame, rings: dict) -> pd.DataFrame:
    """The units with where each is drawn: `located` (a unit with a polygon but no centroid sits
    at its middle) and `axes`, 'inset' for a unit far from the others, else 'main'."""
    df = units.copy()
    df["located"] = df["located"] if "located" in df else df["lat"].notna() & df["lon"].notna()
    for i, row in df.iterrows():
        if not row["located"] and rings.get(row["region"]):
            df.loc[i, ["lat", "lon"]] = _centre(rings[row["region"]])
            df.loc[i, "located"] = True
    placed = df[df["located"]]
    lat0 = placed["lat"].median() if not placed.empty else 0.0
    lon0 = placed["lon"].median() if not placed.empty else 0.0
    far = (placed["lat"] - lat0).abs().gt(FAR_DEGREES) | (placed["lon"] - lon0).abs().gt(
        FAR_DEGREES
    )
    df["axes"] = "main"
    df.loc[far[far].index, "axes"] = "inset"
    return df


def _add_polygons(
    fig: go.Figure, placed: pd.DataFrame, rings: dict, ind: Indicator, axis: dict
) -> None:
    """Each unit's boundary filled with its value's colour, hatched grey without a value."""
    lo, hi = axis["cmin"], axis["cmax"]
    for _, row in placed.iterrows():
        shape = rings.get(row["region"])
        if not shape:
            continue
        xs, ys = _polygon_xy(shape)
        has = pd.notna(row["value"])
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                fillcolor=colour_of(row["value"], lo, hi, ind) if has else NO_DATA_FILL,
                fillpattern=None if has else dict(shape="/", fgcolor=NO_DATA_LINE, size=6),
                line=dict(color="white" if has else NO_DATA_LINE, width=0.8),
                hoverinfo="skip",
                showlegend=False,
                name=plotly_literal(row["short_name"]),
                **XY[row["axes"]],
            )
        )


def _add_markers(
    fig: go.Figure,
    here: pd.DataFrame,
    rings: dict,
    ind: Indicator,
    lang: str,
    where: str,
    size: int,
    legend: bool,
) -> None:
    """The units of one set of axes as points: coloured by value, or hollow grey crosses with
    no data (one legend entry for those, on the main map, when there are any)."""
    have, none = here[here["value"].notna()], here[here["value"].isna()]
    # Over a filled polygon the point is invisible; it still answers hover and click.
    seen = [0.0 if rings.get(code) else 1.0 for code in have["region"]]
    fig.add_trace(
        _points(
            have,
            t("map.values", lang),
            where,
            marker=dict(
                color=have["value"],
                coloraxis="coloraxis",
                size=size,
                opacity=seen,
                line=dict(color="white", width=1),
            ),
            customdata=hover_texts(have, ind, lang),
            hovertemplate="%{customdata[1]}: <b>%{customdata[2]}</b> (%{customdata[3]})"
            "<extra></extra>",
            showlegend=False,
        )
    )
    fig.add_trace(
        _points(
            none,
            t("chart.no_data", lang),
            where,
            marker=dict(symbol="circle-x-open", color=NO_DATA_LINE, size=size, line=dict(width=2)),
            customdata=hover_texts(none, ind, lang),
            hovertemplate="%{customdata[1]}: %{customdata[2]}<extra></extra>",
            showlegend=where == "main" and legend,
            legendgroup="no_data",
        )
    )


def _points(units: pd.DataFrame, name: str, where: str, **style: object) -> go.Scatter:
    """Units as points at their centroids on the main map or the inset (`where`)."""
    return go.Scatter(
        x=units["lon"], y=units["lat"], mode="markers", name=name, **XY[where], **style
    )


def hover_texts(part: pd.DataFrame, ind: Indicator, lang: str) -> list[list[str]]:
    """Per unit: code, name, value as written (or 'no data'), status."""
    unit = ind.unit(lang)
    return [
        [
            r.region,
            plotly_literal(r.name),
            plotly_literal(format_value(r.value, unit, lang, ind.decimals))
            if pd.notna(r.value)
            else t("chart.no_data", lang),
            t(f"status.{r.status}", lang) if isinstance(r.status, str) else "",
        ]
        for r in part.itertuples()
    ]


def _lagging(placed: pd.DataFrame, ind: Indicator, n: int) -> pd.DataFrame:
    """The `n` units furthest behind; units level with the best are not "lagging"."""
    have = placed[placed["value"].notna()]
    behind = have[have["value"] != best_value(have["value"], ind)]
    return worst_first(behind, ind).head(n)


def _add_names(fig: go.Figure, part: pd.DataFrame, where: str) -> None:
    """The short names of some units, above their points."""
    fig.add_trace(
        go.Scatter(
            x=part["lon"],
            y=part["lat"],
            mode="text",
            text=[plotly_literal(n) for n in part["short_name"]],
            textposition="top center",
            textfont=dict(size=11, color=STRONG, shadow="auto"),
            hoverinfo="skip",
            showlegend=False,
            **XY[where],
            cliponaxis=False,  # a name near the edge runs into the margin, not cut off
        )
    )


def _subtitle(
    df: pd.DataFrame,
    unit: str,
    lang: str,
    place_name: str,
    level_label: str,
    drawn: str | None,
    n_named: int,
) -> str:
    """What the map shows and how: units and place, dark = lagging, boundaries or centroids
    (`drawn`), the lagging units named, and the units with no data or not on the map."""
    parts = [
        t("map.sub", lang, unit=unit, place=place_name, n=len(df), level=level_label.lower()),
        t("map.dark_lagging", lang),
        drawn or t("map.centroids", lang),
    ]
    if n_named:
        parts.append(t("map.named_lagging", lang, n=n_named))
    parts.append(no_data_note(df[df["value"].isna()], lang))
    unplaced = df[~df["located"]]
    if not unplaced.empty:
        parts.append(t("map.unplaced", lang, names=some_names(unplaced)))
    return " · ".join(p for p in parts if p)


def _polygon_xy(rings) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for lons, lats in rings:
        xs += [*lons, lons[0], None]
        ys += [*lats, lats[0], None]
    return xs, ys


def _centre(rings) -> tuple[float, float]:
    lons = [x for r in rings for x in r[0]]
    lats = [y for r in rings for y in r[1]]
    return sum(lats) / len(lats), sum(lons) / len(lons)


def _extent(part: pd.DataFrame, rings: dict) -> tuple[list[float], list[float]]:
    """Longitudes and latitudes to keep in view: centroids and polygon outlines."""
    lons, lats = part["lon"].astype(float).tolist(), part["lat"].astype(float).tolist()
    for code in part["region"]:
        for ring_lons, ring_lats in rings.get(code) or []:
            lons += ring_lons
            lats += ring_lats
    return lons, lats


def _axes(fig: go.Figure, placed: pd.DataFrame, rings: dict) -> None:
    """Equal ground scale (a degree of longitude is cos(latitude) of a degree of latitude)."""
    hidden = dict(visible=False, showgrid=False, zeroline=False)
    main = placed[placed["axes"] == "main"]
    lat0 = float(main["lat"].mean()) if not main.empty else 0.0
    ratio = math.cos(math.radians(lat0))

    def span(values: list[float], pad: float) -> list[float]:
        lo, hi = (min(values), max(values)) if values else (-1.0, 1.0)
        margin = max((hi - lo) * pad, 0.05)
        return [lo - margin, hi + margin]

    lons, lats = _extent(main, rings)
    fig.update_xaxes(
        range=span(lons, 0.08), scaleanchor="y", scaleratio=ratio, constrain="domain", **hidden
    )
    fig.update_yaxes(range=span(lats, 0.06), constrain="domain", **hidden)
    inset = placed[placed["axes"] == "inset"]
    if inset.empty:
        return
    flat = dict(showgrid=False, zeroline=False, fixedrange=True)  # no grid, no zoom
    box = dict(showline=True, mirror=True, linecolor=FRAME_LINE, showticklabels=False, **flat)
    lons, lats = _extent(inset, rings)
    fig.layout.xaxis.domain = [0.0, 0.78]
    fig.update_layout(
        xaxis2=dict(domain=[0.80, 1.0], anchor="y2", range=span(lons, 0.5), **box),
        yaxis2=dict(domain=[0.0, 0.2], anchor="x2", range=span(lats, 0.5), **box),
    )
