"""The Regions page's parts: the units one can look inside (configuration, per unit list and
language), the values of the units below one of them (per revision), and the ranking, map and
heatmap of a period. `ui/pages/regions.py` lays them out; `default` is the view a link without
choices opens, which the revision watcher prepares.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from indicators.core.i18n import t
from indicators.core.periods import parse_period, sort_key
from indicators.core.problems import DataError
from indicators.core.settings import COUNTRY, settings
from indicators.geography.boundaries import located
from indicators.geography.units import LEGACY, NEW, own_units
from indicators.present.captions import ranking_caption
from indicators.present.figures import heatmap_figure, map_figure, ranking_figure
from indicators.present.figures.province_map import province_map_figure
from indicators.query import page_reads, read
from ui.cache import boundaries, cached, catalog
from ui.views import per_view


@dataclass(frozen=True)
class Tree:
    """The units of one unit list one can look inside: the country (a national install), each
    province of the install and, on the old units, its districts; with their names as the
    reader sees them and their place in the tree."""

    names: dict[str, str]  # every unit's name (the country as settings.toml names it)
    parents: list[str]  # the units to look inside, in the order the choice lists them
    levels: dict[str, str]  # unit -> its level
    paths: dict[str, str]  # a unit to look inside -> "Province › District" as the choice shows
    up: dict[str, str | None]  # unit -> the unit it lies in (None at the top)


@dataclass(frozen=True)
class Below:
    """The units at one level below one unit, and every period's values of one indicator."""

    units: pd.DataFrame
    values: pd.DataFrame
    own: pd.DataFrame  # the unit's own values
    periods: list[str]  # with a value, newest first
    spans: dict[str, list[str]]  # the indicator's periods per unit list, oldest first


@dataclass(frozen=True)
class Figures:
    ranking: go.Figure
    map: go.Figure
    sentence: str = ""  # who leads and who trails: what both say, in words


@per_view(max_entries=8)
def tree(unit_list: str, lang: str) -> Tree:
    table = cached(read.units, unit_list)
    names = dict(zip(table["code"], table["name"], strict=True))
    if COUNTRY in names:
        names[COUNTRY] = settings().province(lang)
    provinces = table[(table["level"] == "province") & own_units(table)]  # not the national level
    parents: list[str] = [COUNTRY] if COUNTRY in names else []
    for prov_code in provinces["code"]:
        parents.append(prov_code)
        districts = table[(table["level"] == "district") & (table["province_code"] == prov_code)]
        parents += districts["code"].tolist()
    rows = table.set_index("code")
    paths = {}
    for code in parents:
        row = rows.loc[code]
        district = row["level"] == "district"
        paths[code] = f"{names[row['province_code']]} › {row['name']}" if district else names[code]
    up = {c: (p if isinstance(p, str) else None) for c, p in rows["parent_code"].items()}
    return Tree(names, parents, dict(zip(table["code"], table["level"], strict=True)), paths, up)


def choices(rev: int, unit_list: str) -> list[str]:
    """The indicators with figures below the home on this unit list (what can be ranked)."""
    below = cached(read.reported_below_province, rev, unit_list)
    return [code for code in catalog().codes(("headline", "detail")) if code in below]


def home_of(unit_list: str, tree_: Tree) -> str:
    home = settings().province_on(unit_list)
    return home.code if home is not None else tree_.parents[0]


def levels_below(unit_list: str, parent_level: str) -> list[str]:
    """The levels a unit's units can be ranked at: a province of the old list has districts
    and communes, the country its provinces, anything else its communes."""
    if parent_level == "country":
        return ["province"]
    if parent_level == "province" and unit_list == LEGACY:
        return ["district", "commune"]
    return ["commune"]


@per_view(max_entries=128)
def below(rev: int, code: str, unit_list: str, parent: str, level: str) -> Below:
    found = cached(
        page_reads.below, rev, indicator=code, unit_list=unit_list, parent=parent, level=level
    )
    values = found.values
    periods = sorted(values.loc[values["value"].notna(), "period"].unique(), key=sort_key)
    held = cached(read.periods_held, rev)
    held = held[held["indicator"] == code]
    spans = {
        unit_list: sorted(part["period"], key=sort_key)
        for unit_list, part in held.groupby("unit_list", sort=False)
    }
    return Below(found.units, values, found.own, periods[::-1], spans)


@per_view(max_entries=128)
def figures(
    rev: int,
    lang: str,
    code: str,
    unit_list: str,
    parent: str,
    level: str,
    period: str,
    shapes_stamp: float | None,
) -> Figures:
    """The ranking and the map of one period. `shapes_stamp`: the boundary file's modification
    time (None where none is configured), so a new file draws new maps."""
    ind, tree_ = catalog()[code], tree(unit_list, lang)
    data = below(rev, code, unit_list, parent, level)
    keep = ["region", "value", "status", "source", "note"]
    now = data.units.merge(
        data.values.loc[data.values["period"] == period, keep], on="region", how="left"
    )
    own = data.own[data.own["period"] == period]
    parent_value = (
        float(own["value"].iloc[0]) if not own.empty and own["value"].notna().any() else None
    )
    place, level_label = tree_.names[parent], t(f"level.{level}", lang)
    period_label = parse_period(period).label(lang)
    shared = dict(period_label=period_label, level_label=level_label, revision=rev, lang=lang)
    is_province = tree_.levels[parent] == "province"
    every = {"best": len(now)} if level == "province" else {}  # all 34 provinces, no gap row
    ranking = ranking_figure(
        now,
        ind,
        province_value=parent_value,
        parent_label=None if is_province else place,  # the country, or a district, by its name
        **every,
        **shared,
    )
    places = cached(read.units, unit_list)
    above = "country" if level == "province" else "province"  # units drawn at its centroid
    home = (places["level"] == above) & own_units(places)
    now["located"] = located(now, places.loc[home, ["lat", "lon"]].itertuples(index=False))
    shapes = _shapes(unit_list, shapes_stamp)
    height = max(640, ranking.layout.height)
    if level == "province":  # the country's provinces: the whole map, no far-away inset
        drawn = province_map_figure(
            now, ind, home=None, region=[], region_name=None, boundaries=shapes, height=height,
            period_label=period_label, revision=rev, lang=lang,
        )  # fmt: skip
    else:
        drawn = map_figure(now, ind, place_name=place, boundaries=shapes, height=height, **shared)
    sentence = ranking_caption(
        now, ind, period=period, level=level, place=place, place_value=parent_value, lang=lang
    )
    return Figures(ranking, drawn, sentence)


def _shapes(unit_list: str, stamp: float | None):
    """The unit list's boundaries, or None (none configured, or a file the page reports as
    unreadable: the map then places bubbles)."""
    if stamp is None:
        return None
    try:
        return boundaries(unit_list, stamp)
    except DataError:
        return None


@per_view(max_entries=64)
def heatmap(
    rev: int, lang: str, code: str, unit_list: str, parent: str, level: str, kind: str
) -> go.Figure:
    """Every period of one kind (years, quarters…) of the units below `parent`."""
    data, tree_ = below(rev, code, unit_list, parent, level), tree(unit_list, lang)
    columns = sorted((p for p in data.periods if parse_period(p).kind == kind), key=sort_key)
    return heatmap_figure(
        data.units,
        data.values,
        catalog()[code],
        periods=columns,
        level_label=t(f"level.{level}", lang),
        place_name=tree_.names[parent],
        revision=rev,
        lang=lang,
    )


def shapes_stamp(unit_list: str) -> float | None:
    """What `figures` keys the boundary file by: its modification time, 0 when missing."""
    path = settings().boundary_file(unit_list)
    if path is None:
        return None
    return path.stat().st_mtime if path.exists() else 0.0


def default(rev: int, lang: str) -> None:
    """Build the view a link without choices opens: the ranking indicator on the newest units,
    inside the home, at its first level, in the newest period."""
    unit_list = NEW  # the unit list choice's first option
    offered = choices(rev, unit_list)
    if not offered:
        return
    ranking_default = settings().ranking_default
    code = ranking_default if ranking_default in offered else offered[0]
    tree_ = tree(unit_list, lang)
    parent = home_of(unit_list, tree_)
    level = levels_below(unit_list, tree_.levels[parent])[0]
    data = below(rev, code, unit_list, parent, level)
    if not data.periods:
        return
    period = data.periods[0]
    figures(rev, lang, code, unit_list, parent, level, period, shapes_stamp(unit_list))
    heatmap(rev, lang, code, unit_list, parent, level, parse_period(period).kind)
