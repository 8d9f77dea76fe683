"""The Overview's parts for one revision: the home's series, a year's headline cards, the trend
and the ranking of the units below the home (the provinces in an install for the whole
country). `ui/pages/overview.py` lays them out; `default` is the view a link without choices
opens, which the revision watcher prepares.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from indicators.core.i18n import t
from indicators.core.periods import parse_period
from indicators.core.schema import any_illustrative
from indicators.core.settings import COUNTRY, settings
from indicators.geography.units import LEGACY, unit_list_for
from indicators.present.captions import ranking_caption, trend_caption
from indicators.present.figures import ranking_figure, trend_figure
from indicators.present.kpi import Kpi, build_kpi
from indicators.query import page_reads, read
from ui.cache import cached, catalog
from ui.views import per_view


@dataclass(frozen=True)
class Home:
    """The home's values and targets of every browsable indicator, and its years, newest first."""

    series: pd.DataFrame
    targets: pd.DataFrame
    years: list[str]
    illustrative: bool


@dataclass(frozen=True)
class Ranking:
    """What the ranking half offers for a year: its unit list, the indicators with values
    below the home there, and the levels to rank."""

    unit_list: str
    indicators: tuple[str, ...]
    levels: list[str]


def browsable() -> tuple[str, ...]:
    return tuple(catalog().codes(("headline", "detail")))


@per_view(max_entries=8)
def home(rev: int) -> Home:
    refs = settings().province_units
    series, targets = cached(page_reads.home, rev, indicators=browsable(), refs=refs)
    years = sorted(series.loc[series["period_kind"] == "year", "period"].unique(), reverse=True)
    return Home(series, targets, years, any_illustrative(series["status"]))


@per_view(max_entries=32)
def cards(rev: int, year: str, lang: str) -> list[Kpi]:
    """The headline cards of `year`, in the order settings.toml lists them."""
    cat, data = catalog(), home(rev)
    codes = settings().headline_in(cat)
    return [build_kpi(cat[code], data.series, data.targets, year, lang) for code in codes]


@per_view(max_entries=64)
def trend(rev: int, code: str, lang: str) -> tuple[go.Figure, str]:
    """The home's trend of one indicator, and the sentence that says what it shows."""
    data, cfg = home(rev), settings()
    ind = catalog()[code]
    fig = trend_figure(
        data.series,
        ind,
        region_name=cfg.province(lang),
        revision=rev,
        lang=lang,
        targets=data.targets,
    )
    series = data.series[data.series["period_kind"] == "year"]
    names = {region: cfg.province(lang) for region in series["region"].unique()[:1]}
    return fig, trend_caption(series, ind, names=names, lang=lang)


def ranking_choices(rev: int, year: str) -> Ranking:
    unit_list = unit_list_for(parse_period(year).end)
    below = cached(read.reported_below_province, rev, unit_list)
    codes = browsable()
    rankable = tuple(x for x in codes if x in below) or codes
    levels = ["district", "commune"] if unit_list == LEGACY else ["commune"]
    prov = settings().province_on(unit_list)
    if prov is not None and prov.code == COUNTRY:
        levels = ["province"]
    return Ranking(unit_list, rankable, levels)


@per_view(max_entries=64)
def ranking(
    rev: int, year: str, code: str, level: str, lang: str
) -> tuple[go.Figure, str, str] | None:
    """The ranking figure of `level` below the home, the areas it shows (for its image's
    subtitle) and the sentence that says what it shows; None where the home is not on the
    year's unit list."""
    cfg, ind = settings(), catalog()[code]
    unit_list = unit_list_for(parse_period(year).end)
    prov = cfg.province_on(unit_list)
    if prov is None:
        return None
    units = cached(
        read.children,
        rev,
        indicator=code,
        unit_list=unit_list,
        parent=prov.code,
        period=year,
        level=level,
    )
    series = home(rev).series
    here = series[
        (series["indicator"] == code)
        & (series["period"] == year)
        & (series["unit_list"] == unit_list)
    ]
    prov_value = float(here["value"].iloc[0]) if not here.empty else None
    national = prov.code == COUNTRY
    fig = ranking_figure(
        units,
        ind,
        period_label=parse_period(year).label(lang),
        level_label=t(f"level.{level}", lang),
        province_value=prov_value,
        revision=rev,
        lang=lang,
        parent_label=cfg.province(lang) if national else None,
        best=len(units) if level == "province" else 10,  # every province: no gap row
    )
    place = cached(read.units, unit_list).set_index("code")["name"].get(prov.code, prov.code)
    place = cfg.province(lang) if national else place
    level_name = t(f"level.{level}", lang)
    sentence = ranking_caption(
        units,
        ind,
        period=year,
        level=level,
        place=place,
        place_value=prov_value,
        lang=lang,
    )
    return fig, t("chartspec.units_of", lang, units=level_name, place=place), sentence


def default(rev: int, lang: str) -> None:
    """Build the view a link without choices opens (what the page's widgets start on)."""
    cfg, years = settings(), home(rev).years
    if not years:
        return
    year = years[0]
    cards(rev, year, lang)
    codes = browsable()
    trend(rev, cfg.trend_default if cfg.trend_default in codes else codes[0], lang)
    offer = ranking_choices(rev, year)
    rank = cfg.ranking_default if cfg.ranking_default in offer.indicators else offer.indicators[0]
    ranking(rev, year, rank, offer.levels[0], lang)
