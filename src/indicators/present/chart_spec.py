"""A chart as a short description (`ChartSpec`) and the one way to build it from the store.

The Trends and Regions pages, the briefing deck and `indicators export` all describe a chart
the same way, so a chart put in a deck is the chart the official was looking at, and the
command line draws what the page draws. A spec fits in a URL (`ChartSpec.token`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from indicators.core.catalog import Catalog, Indicator
from indicators.core.i18n import WordedError, t
from indicators.core.periods import parse_period, sort_key
from indicators.core.schema import any_illustrative
from indicators.core.settings import RegionRef, Settings
from indicators.geography.units import LEGACY, unit_list_for
from indicators.present.captions import in_sentence, ranking_caption, trend_caption
from indicators.present.figures.ranking import ranking_figure
from indicators.present.figures.trend import trends_figure
from indicators.query import across_reform, read
from indicators.query import timeseries as ts

KINDS = ("trend", "ranking")
SEP = "~"
MAX_AREAS = 6  # areas on one trend chart (the Trends page offers as many)
# The longest token a chart can have: kind, indicator code, unit list, MAX_AREAS unit codes, two
# periods and a granularity fit in well under this; a longer one in a link is not a chart.
MAX_TOKEN_CHARS = 160

RANKED_LEVELS = ("province", "district", "commune")  # provinces: in an install for the country


class ChartSpecError(WordedError):
    """A spec that names what does not exist: `rule` is the `chartspec.bad_*` message."""


@dataclass(frozen=True)
class ChartSpec:
    """What a chart shows. Trend: `regions` over `first`…`last` at `gran`. Ranking: the units
    at `level` below `regions[0]` in period `last`."""

    kind: str
    indicator: str
    unit_list: str
    regions: tuple[str, ...]
    first: str
    last: str
    gran: str = "year"
    level: str = "commune"

    def token(self) -> str:
        """A URL-safe text for this spec: trend~hh_internet_pct~2025~56+568~2016~2026~year."""
        parts = [self.kind, self.indicator, self.unit_list, "+".join(self.regions)]
        if self.kind == "trend":
            parts += [self.first, self.last, self.gran]
        else:
            parts += [self.last, self.level]
        return SEP.join(parts)

    @classmethod
    def from_token(cls, token: str) -> ChartSpec:
        """The spec a token describes; ValueError for anything else (a token comes from a link
        anyone can write: it is bounded before it is read)."""
        if len(token) > MAX_TOKEN_CHARS or token.count("+") >= MAX_AREAS:
            raise ValueError(f"not a chart: {token[:MAX_TOKEN_CHARS]!r}…")
        parts = token.split(SEP)
        if parts[0] == "trend" and len(parts) == 7:
            kind, ind, unit_list, regs, first, last, gran = parts
            return cls(kind, ind, unit_list, tuple(regs.split("+")), first, last, gran)
        if parts[0] == "ranking" and len(parts) == 6:
            kind, ind, unit_list, regs, period, level = parts
            return cls(kind, ind, unit_list, tuple(regs.split("+")), period, period, "year", level)
        raise ValueError(f"not a chart: {token!r}")


@dataclass
class Chart:
    """A built chart: the figure, and the words a slide needs."""

    spec: ChartSpec
    figure: go.Figure
    title: str
    caption: str
    areas: str
    illustrative: bool
    notes: list[str] = field(default_factory=list)

    @property
    def stem(self) -> str:
        """A file name for its images: post_commune_pct_trend_56_2016-2020."""
        s = self.spec
        span = s.last if s.first == s.last else f"{s.first}-{s.last}"
        return f"{s.indicator}_{s.kind}_{'-'.join(s.regions[:3])}_{span}"


@dataclass
class TrendParts:
    """A trend's values at its granularity and what the page says about them."""

    values: pd.DataFrame  # rolled up, with growth
    incomplete: pd.DataFrame  # periods not made up from missing parts
    partial: pd.DataFrame  # areas summed from only some of their units (left out)
    targets: pd.DataFrame  # placed on the axis
    paths: list[ts.Trajectory]


def trend_parts(
    raw: pd.DataFrame, targets: pd.DataFrame, ind: Indicator, catalog: Catalog, gran: str
) -> TrendParts:
    """The steps from stored values to what a trend chart draws (shared with the page)."""
    complete, partial = ts.split_partial_areas(raw)
    rolled = ts.roll_up(complete, catalog, gran)
    values = ts.add_growth(rolled.values)
    placed = ts.place_targets(targets, ind, gran)
    return TrendParts(values, rolled.incomplete, partial, placed, ts.trajectories(values, placed))


def targets_in_view(
    targets: pd.DataFrame, start: date, end: date, data_end: date | pd.Timestamp
) -> pd.DataFrame:
    """The targets a trend over [start, end] shows.

    Targets before the range are left out. One after it is shown (with the path towards it)
    only when the range reaches the latest figures: a look back at 2016–2020 is not stretched
    to 2025 by a target of a later plan.
    """
    ends = pd.to_datetime(targets["period_end"])
    keep = ends >= pd.Timestamp(start)
    if pd.Timestamp(end) < pd.Timestamp(data_end):
        keep &= ends <= pd.Timestamp(end)
    return targets[keep]


def check(spec: ChartSpec, catalog: Catalog, names: dict[str, str]) -> None:
    """Raise ChartSpecError (a ValueError) when a spec names what does not exist; PeriodError
    (also a ValueError) for a period that cannot be read."""
    if spec.kind not in KINDS:
        raise ChartSpecError("chartspec.bad_kind", kind=spec.kind, kinds=", ".join(KINDS))
    if spec.indicator not in catalog:
        raise ChartSpecError("chartspec.bad_indicator", code=spec.indicator)
    unknown = [r for r in spec.regions if r not in names]
    if unknown or not spec.regions:
        codes = ", ".join(unknown) or "—"
        raise ChartSpecError("chartspec.bad_region", codes=codes, unit_list=spec.unit_list)
    for p in (spec.first, spec.last):
        parse_period(p)  # raises with the period's own message
    if sort_key(spec.first) > sort_key(spec.last):
        raise ChartSpecError("chartspec.bad_range", first=spec.first, last=spec.last)
    if spec.kind == "ranking" and spec.level not in RANKED_LEVELS:
        raise ChartSpecError("chartspec.bad_level", level=spec.level)
    if spec.gran not in ts.GRANULARITIES:
        grans = ", ".join(ts.GRANULARITIES)
        raise ChartSpecError("chartspec.bad_gran", gran=spec.gran, grans=grans)


def build(
    con, spec: ChartSpec, *, catalog: Catalog, rev: int, lang: str, compact: bool = False
) -> Chart:
    """The chart a spec describes, from the store as of revision `rev`.

    `compact` is for a slide: a ranking shows its best 5 and worst 10 units (not 10 and 20),
    whose names stay legible in a picture under a title and a caption.
    """
    units = read.units(con, spec.unit_list)
    names = dict(zip(units["code"], units["name"], strict=True))
    check(spec, catalog, names)
    ind = catalog[spec.indicator]
    if spec.kind == "trend":
        return _trend(con, spec, ind, catalog, names, rev, lang)
    return _ranking(con, spec, ind, units, names, rev, lang, (5, 10) if compact else (10, 20))


def _trend(con, spec, ind, catalog, names, rev, lang) -> Chart:
    refs = [RegionRef(spec.unit_list, code) for code in spec.regions]
    start, end = parse_period(spec.first).start, parse_period(spec.last).end
    raw = across_reform.converted_series(
        con, rev, indicators=[ind.code], refs=refs, unit_list=spec.unit_list
    )
    raw = ts.within(raw, start, end)
    targets = read.targets(con, rev, indicators=[ind.code], refs=refs)
    targets = targets_in_view(targets, start, end, read.data_span(con, rev)["last"].max())
    parts = trend_parts(raw, targets, ind, catalog, spec.gran)
    chosen = {code: names[code] for code in spec.regions}
    fig = trends_figure(
        parts.values,
        ind,
        regions=chosen,
        granularity=spec.gran,
        unit_list=spec.unit_list,
        revision=rev,
        lang=lang,
        targets=parts.targets,
        paths=parts.paths,
        first=spec.first,
        last=spec.last,
    )
    caption = trend_caption(
        parts.values, ind, names=chosen, lang=lang, targets=parts.targets, paths=parts.paths
    )
    shown = pd.concat([parts.values["status"], parts.targets["status"]])  # as the figure counts
    return Chart(
        spec=spec,
        figure=fig,
        title=ind.name(lang),
        caption=caption,
        areas=", ".join(chosen.values()),
        illustrative=any_illustrative(shown),
    )


def _ranking(con, spec, ind, units, names, rev, lang, rows: tuple[int, int]) -> Chart:
    parent, period = spec.regions[0], spec.last
    below = read.units_below(con, unit_list=spec.unit_list, parent=parent, level=spec.level)
    values = read.resolved_values(
        con,
        rev,
        indicators=[ind.code],
        unit_list=spec.unit_list,
        regions=below["region"].tolist(),
        periods=[period],
    )
    now = below.merge(
        values[["region", "value", "status", "source", "note"]], on="region", how="left"
    )
    own = read.resolved_values(
        con,
        rev,
        indicators=[ind.code],
        unit_list=spec.unit_list,
        regions=[parent],
        periods=[period],
    )
    own_value = float(own["value"].iloc[0]) if own["value"].notna().any() else None
    level_of = dict(zip(units["code"], units["level"], strict=True))
    is_province = level_of.get(parent) == "province"
    label = parse_period(period).label(lang)
    fig = ranking_figure(
        now,
        ind,
        period_label=label,
        level_label=t(f"level.{spec.level}", lang),
        province_value=own_value,
        revision=rev,
        lang=lang,
        best=rows[0],
        worst=rows[1],
        parent_label=None if is_province else names[parent],
    )
    caption = ranking_caption(
        now,
        ind,
        period=period,
        level=spec.level,
        place=names[parent],
        place_value=own_value,
        lang=lang,
    )
    return Chart(
        spec=spec,
        figure=fig,
        title=t("chart.ranking_title", lang, indicator=ind.name(lang), period=label),
        caption=caption,
        areas=t(
            "chartspec.units_of",
            lang,
            units=t(f"caption.units.{spec.level}", lang),
            place=in_sentence(names[parent], lang),
        ),
        illustrative=any_illustrative(now["status"]),
    )


# --- Presets: the decks a briefing asks for most ---

PRESETS = ("phase_2016_2020", "current_year")


def province_code(settings: Settings, unit_list: str) -> str:
    ref = settings.province_on(unit_list)
    if ref is None:
        raise ValueError(f"no province configured for unit list {unit_list!r}")
    return ref.code


def latest_year(con, rev: int, settings: Settings, catalog: Catalog) -> str:
    """The latest year with a value of a headline indicator (`Settings.headline_in`, so an
    install without `[overview]` finds its year too) for the province in the unit list in force
    then."""
    refs = list(settings.province_units)
    headline = list(settings.headline_in(catalog))
    rows = read.series(con, rev, indicators=headline, refs=refs, kinds=("year",))
    rows = rows[rows["value"].notna()]
    in_force = [unit_list_for(parse_period(p).end) for p in rows["period"]]
    years = rows.loc[rows["unit_list"] == pd.Series(in_force, index=rows.index), "period"]
    if years.empty:
        raise ValueError("no yearly province figures in the store")
    return max(years, key=sort_key)


def preset(name: str, con, rev: int, *, catalog: Catalog, settings: Settings) -> list[ChartSpec]:
    """The charts of a preset deck.

    - phase_2016_2020: each headline indicator for the province over 2016–2020 (old units).
    - current_year: each headline indicator in the latest year: a ranking of the units below
      the province where they have figures that year, else the province's last five years.

    The headline is `Settings.headline_in`: the Overview's cards, so an install without
    `[overview]` still gets the catalog's headline charts.
    """
    headline = settings.headline_in(catalog)
    if name == "phase_2016_2020":
        prov = province_code(settings, LEGACY)
        shown = _with_data(con, rev, headline, RegionRef(LEGACY, prov), "2016", "2020")
        return [ChartSpec("trend", code, LEGACY, (prov,), "2016", "2020") for code in shown]
    if name != "current_year":
        raise ValueError(f"unknown preset {name!r}; one of {PRESETS}")
    year = latest_year(con, rev, settings, catalog)
    unit_list = unit_list_for(parse_period(year).end)
    prov = province_code(settings, unit_list)
    # the units just below the home: the provinces of the whole country, else districts on the
    # old units and communes on the new ones
    level = (
        "province" if settings.whole_country else "district" if unit_list == LEGACY else "commune"
    )
    have = read.levels_with_data(con, rev)
    ranked = set(have.loc[(have["unit_list"] == unit_list) & (have["level"] == level), "indicator"])
    specs = []
    for code in headline:
        if code in ranked:
            units = read.children(
                con, rev, indicator=code, unit_list=unit_list, parent=prov, period=year, level=level
            )
            if units["value"].notna().any():  # the units below have figures that year
                specs.append(
                    ChartSpec("ranking", code, unit_list, (prov,), year, year, level=level)
                )
                continue
        first = str(int(year) - 4)
        if _with_data(con, rev, [code], RegionRef(unit_list, prov), first, year):
            specs.append(ChartSpec("trend", code, unit_list, (prov,), first, year))
    return specs


def _with_data(con, rev: int, codes, ref: RegionRef, first: str, last: str) -> list[str]:
    """The indicators among `codes` with a value for the unit within the years: a slide that
    would only say 'no data' is left out of a preset deck."""
    have = read.series(con, rev, indicators=list(codes), refs=[ref])
    years = have["period"].str[:4]
    inside = have[(years >= first) & (years <= last) & have["value"].notna()]
    return [c for c in codes if c in set(inside["indicator"])]
