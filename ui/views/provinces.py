"""The Provinces page's figures: the home province's rank over the years, and for one
indicator, unit list and year the spread of every province and the map; and what the page
offers to choose, with its defaults. `ui/pages/provinces.py` lays them out; the figures are built
once per revision and view (each is 70–90 ms of plotly at every rerun otherwise, most of the
page's own time), and `default` is the view a link without choices opens, which the revision
watcher prepares.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from indicators.core.i18n import WordedError, t
from indicators.core.periods import parse_period, sort_key
from indicators.core.problems import DataError
from indicators.core.settings import settings
from indicators.geography.socio_regions import load_socio_regions
from indicators.geography.units import LEGACY
from indicators.present.figures.province_map import province_map_figure
from indicators.present.figures.province_rank import rank_history_figure
from indicators.present.figures.province_spread import spread_figure
from indicators.query import provinces
from ui.cache import boundaries, cached, catalog
from ui.views import per_view

RANK_DEFAULT = "dti_rank"  # the ranking officials quote first; another rank when chosen


@dataclass(frozen=True)
class Standing:
    """Every province's value of one indicator for one period, and the two figures of it."""

    values: pd.DataFrame  # `provinces.province_values` with each province's region_code
    spread: go.Figure
    map: go.Figure


def period_label(unit_list: str, period: str, lang: str) -> str:
    """A period as the reader sees it; on the new list with its number of provinces."""
    text = parse_period(period).label(lang)
    if unit_list == LEGACY:
        return text
    return t("prov.period_new", lang, period=text, n=provinces.out_of(unit_list))


def home_of(unit_list: str) -> str | None:
    """The home province on `unit_list`, if the regions file places it (a national install's
    home, the country, has none)."""
    cfg = settings()
    ref = cfg.province_on(unit_list)
    socio = load_socio_regions(cfg.socio_regions_file)
    return ref.code if ref is not None and socio.region_of(unit_list, ref.code) else None


@per_view(max_entries=32)
def standing(rev: int, lang: str, code: str, unit_list: str, year: str) -> Standing:
    cfg = settings()
    ind = catalog()[code]
    socio = load_socio_regions(cfg.socio_regions_file)
    values = cached(
        provinces.province_values, rev, indicator=code, unit_list=unit_list, period=year
    )
    of_list = socio.of_list(unit_list).rename(columns={"province_code": "region"})
    values = values.merge(of_list[["region", "region_code"]], on="region", how="left")
    home = home_of(unit_list)
    home_region = socio.region_of(unit_list, home) if home else None
    region_names = {c: socio.name(c, lang) for c in socio.codes()}
    label = period_label(unit_list, year, lang)
    spread = spread_figure(
        values, ind, regions=region_names, home=home, period_label=label, revision=rev,
        lang=lang,
    )  # fmt: skip
    shapes, path = None, cfg.boundary_file(unit_list)
    if path is not None and path.exists():
        try:
            shapes = boundaries(unit_list, path.stat().st_mtime)
        except DataError:  # the Regions page says what is wrong with the file
            shapes = None
    shown = province_map_figure(
        values,
        ind,
        home=home,
        region=socio.members(unit_list, home_region) if home_region else [],
        region_name=region_names.get(home_region),
        period_label=label,
        revision=rev,
        lang=lang,
        boundaries=shapes,
        height=max(760, spread.layout.height),
    )
    return Standing(values, spread, shown)


@per_view(max_entries=16)
def rank_history(rev: int, lang: str, rank_code: str) -> go.Figure:
    """The home province's rank over the years on both unit lists, the years without one
    named."""
    cfg = settings()
    refs = tuple(cfg.province_units)
    known = cached(provinces.province_indicators, rev)
    series = cached(provinces.home_series, rev, indicator=rank_code, refs=refs)
    gaps = provinces.missing_periods(known[known["indicator"] == rank_code], series)
    return rank_history_figure(
        series,
        catalog()[rank_code],
        province=cfg.province(lang),
        revision=rev,
        lang=lang,
        missing=[period_label(u, p, lang) for u, p in gaps],
    )


def offered(rev: int) -> tuple[list[str], pd.DataFrame]:
    """The indicators provinces can be compared on, in catalog order, and each one's
    comparable unit lists and periods (`provinces.comparable`)."""
    compared = provinces.comparable(cached(provinces.province_indicators, rev))
    have = set(compared["indicator"])
    return [c for c in catalog().codes(("headline", "detail")) if c in have], compared


def newest_list(compared: pd.DataFrame, code: str) -> str:
    """The unit list of an indicator's newest comparable period (the new one on a tie)."""
    mine = compared[compared["indicator"] == code]
    newest = mine.assign(_new=mine["unit_list"] != LEGACY).sort_values(["period_end", "_new"])
    return newest["unit_list"].iloc[-1]


def periods_of(compared: pd.DataFrame, code: str, unit_list: str) -> list[str]:
    """An indicator's comparable periods on one unit list, newest first."""
    mine = compared[(compared["indicator"] == code) & (compared["unit_list"] == unit_list)]
    return sorted(mine["period"], key=sort_key, reverse=True)


def default_year(rev: int, code: str, unit_list: str, periods: list[str]) -> str:
    """The newest period the home province has a value for, else the newest."""
    refs = tuple(settings().province_units)
    home = cached(provinces.home_series, rev, indicator=code, refs=refs)
    own = set(home.loc[home["unit_list"] == unit_list, "period"])
    return next((p for p in periods if p in own), periods[0])


def rank_of(code: str) -> str:
    """The rank drawn over the years: the indicator itself when it is a rank, else the DTI."""
    return code if catalog()[code].kind == "rank" else RANK_DEFAULT


def default(rev: int, lang: str) -> None:
    """Build the view a link without choices opens: the DTI rank (else the first indicator)
    on the unit list of its newest period, in the newest year the home has a value for."""
    codes, compared = offered(rev)
    if not codes:
        return
    code = RANK_DEFAULT if RANK_DEFAULT in codes else codes[0]
    unit_list = newest_list(compared, code)
    periods = periods_of(compared, code, unit_list)
    if not periods:
        return
    try:
        home = home_of(unit_list)
    except WordedError:  # a regions file that does not hold together: the page says so
        return
    if home is not None and rank_of(code) in catalog():
        rank_history(rev, lang, rank_of(code))
    standing(rev, lang, code, unit_list, default_year(rev, code, unit_list, periods))
