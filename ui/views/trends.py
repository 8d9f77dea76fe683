"""The Trends page's parts: for one indicator, areas, period range and granularity, the trend
chart, the growth chart, the notes under them and the table beside them. `ui/pages/trends.py`
lays them out; `default` is the view a link without choices opens, which the revision watcher
prepares.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from indicators.core.i18n import t
from indicators.core.periods import parse_period
from indicators.core.schema import any_illustrative
from indicators.core.settings import RegionRef, settings
from indicators.geography.units import unit_list_for
from indicators.present import tables
from indicators.present.captions import not_converted_note, on_track_lines, trend_caption
from indicators.present.chart_spec import targets_in_view, trend_parts
from indicators.present.figures.growth import growth_figure
from indicators.present.figures.over_time import AreasView
from indicators.present.figures.trend import mark_reform, trends_figure
from indicators.query import across_reform, page_reads, read
from indicators.query import timeseries as ts
from ui.cache import cached, catalog
from ui.views import per_view


@dataclass(frozen=True)
class TrendView:
    """One indicator's charts, notes and table, as the page shows them."""

    fig: go.Figure
    notes: list[str]  # sentences naming areas and indicators (shown as written)
    sentence: str  # what the chart shows, in words (its text alternative)
    table: pd.DataFrame  # the values and growth (the CSV download)
    shown: pd.DataFrame  # the table as text, as the page shows it
    order: list[str]  # the columns shown
    growth: go.Figure | None = None
    areas: str = ""  # the areas' names, for the growth chart's image
    growth_note: bool = False
    reform_note: bool = False
    names: dict[str, str] = field(default_factory=dict)


def years(span: pd.DataFrame) -> list[str]:
    """Every year from the first to the last with data (the period range's choices)."""
    return [str(y) for y in range(span["first"].min().year, span["last"].max().year + 1)]


@per_view(max_entries=4)
def names(unit_list: str) -> dict[str, str]:
    """Every unit's name on one unit list, in the order the area choice lists them."""
    units = cached(read.units, unit_list)
    return dict(zip(units["code"], units["name"], strict=True))


@per_view(max_entries=256)
def chart(
    rev: int,
    lang: str,
    code: str,
    unit_list: str,
    regions: tuple[str, ...],
    first: str,
    last: str,
    gran: str,
) -> TrendView:
    cat = catalog()
    ind = cat[code]
    span = cached(read.data_span, rev)
    start, end = parse_period(first).start, parse_period(last).end
    both_lists = len(across_reform.unit_lists_with_data(span, start, end)) > 1
    known = names(unit_list)
    chosen = {c: known.get(c, c) for c in regions}
    raw, targets = trend_of(rev, code, unit_list, regions)
    targets = targets_in_view(targets, start, end, span["last"].max())
    raw = ts.within(raw, start, end)
    parts = trend_parts(raw, targets, ind, cat, gran)
    values, paths = parts.values, parts.paths
    view = AreasView(regions=chosen, granularity=gran, unit_list=unit_list, revision=rev, lang=lang)
    fig = trends_figure(
        values, ind, targets=parts.targets, paths=paths, first=first, last=last, **view
    )
    notes = _notes(parts, raw, ind, chosen, gran, both_lists, lang)
    growth, areas = None, ""
    if ind.kind != "rank" and values["growth"].notna().any():
        growth = growth_figure(values, ind, **view)
        grown = values[values["growth"].notna() & values["region"].isin(regions)]
        mark_reform(growth, set(grown["period"]), gran, ind, unit_list, lang)
        areas = ", ".join(chosen.values())
    table = tables.trend_table(values, ind, chosen, gran, lang)
    value_col, growth_col = table.columns[2], table.columns[3]
    shown = tables.as_text(table, ind.decimals, [value_col], lang)
    order = list(table.columns[0 if len(chosen) > 1 else 1 : 5])
    converted = bool(values["converted"].astype(bool).any())
    if converted:  # which values are converted, and estimates
        order += [tables.header("origin", lang), tables.header("estimate", lang)]
    sentence = trend_caption(
        values, ind, names=chosen, lang=lang, targets=parts.targets, paths=paths
    )
    return TrendView(
        fig=fig,
        notes=notes,
        sentence=sentence,
        table=table,
        shown=tables.as_text(shown, 1, [growth_col], lang),
        order=order,
        growth=growth,
        areas=areas,
        growth_note=bool(values["growth"].notna().any() or any_illustrative(values["status"])),
        reform_note=converted,
        names=chosen,
    )


def trend_of(
    rev: int, code: str, unit_list: str, regions: tuple[str, ...]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One series across the 2025 reform per area (the other unit list's values converted onto
    these units) and the areas' targets, as `page_reads.trend` gives them for all the areas at
    once. Each area is read and cached on its own: adding an area to a chart, or taking one
    away, reads only the one added (a national trend's area takes 0.15-0.5 s). The areas are
    read side by side (`_READERS`): while DuckDB runs one area's query the other thread goes
    on, so two new areas cost less than two reads in turn (measured at national scale: 230-310
    ms instead of 280-470, though a province with a commune of the new list gained nothing)."""
    refs = [(RegionRef(unit_list, c),) for c in regions] or [()]

    def one(ref: tuple[RegionRef, ...]) -> tuple[pd.DataFrame, pd.DataFrame]:
        return cached(page_reads.trend, rev, indicator=code, refs=ref, unit_list=unit_list)

    parts = list(_READERS.map(one, refs)) if len(refs) > 1 else [one(refs[0])]
    series = _joined([p[0] for p in parts], list(across_reform.TREND_ORDER))
    return series, _joined([p[1] for p in parts], ["indicator", "period_end"])


# Threads reading a chart's areas side by side (a chart has at most `chart_spec.MAX_AREAS`);
# shared by every session: a server has two cores, more threads would only queue.
_READERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="trend-areas")


def _joined(frames: list[pd.DataFrame], order: list[str]) -> pd.DataFrame:
    """The areas' frames as one, in `order` (each area's rows as its read gave them)."""
    rows = [f for f in frames if not f.empty] or frames[:1]
    out = pd.concat(rows, ignore_index=True) if len(rows) > 1 else rows[0]
    return out.sort_values(order, kind="stable", ignore_index=True)


def _notes(parts, raw, ind, chosen: dict[str, str], gran: str, both_lists: bool, lang: str):
    """What the page says under a trend: missing granularity, incomplete periods, partial
    areas, values not converted across the reform, estimates, and progress to the targets."""
    values, notes = parts.values, []
    if values.empty:
        kinds = sorted(set(raw["period_kind"]), key=ts.LADDER.index)
        notes.append(t("trends.no_data", lang, gran=t(f"gran.of.{gran}", lang)))
        if kinds:
            shown = ", ".join(t(f"gran.{k}", lang) for k in kinds)
            notes.append(t("trends.other_kinds", lang, kinds=shown))
    gaps = parts.incomplete
    if not gaps.empty:
        items = [
            t(
                "trends.incomplete_item",
                lang,
                region=chosen.get(g.region, g.region),
                period=parse_period(g.period).label(lang),
                have=g.have,
                need=g.need,
                part=t(f"gran.part.{g.part_kind}", lang),
            )
            for g in gaps.itertuples(index=False)
        ]
        notes.append(t("trends.incomplete", lang, items="; ".join(items)))
    if not parts.partial.empty:
        notes.append(t("trends.partial_areas", lang, n=len(parts.partial)))
    if both_lists and not across_reform.is_convertible(ind):
        notes.append(not_converted_note(ind, lang))
    n_estimates = int(values["estimate"].astype(bool).sum())
    if n_estimates:
        notes.append(t("reform.note_estimates", lang, n=n_estimates))
    return notes + on_track_lines(ind, values, parts.paths, chosen, lang)


def default(rev: int, lang: str) -> None:
    """Build the view a link without choices opens: the trend indicator of settings.toml for
    the home, over every year, on the unit list in force at the end, by year."""
    span = cached(read.data_span, rev)
    if span.empty:
        return
    offered = years(span)
    first, last = offered[0], offered[-1]
    start, end = parse_period(first).start, parse_period(last).end
    with_data = across_reform.unit_lists_with_data(span, start, end)
    unit_list = with_data[0] if len(with_data) == 1 else unit_list_for(end)
    cfg = settings()
    home = cfg.province_on(unit_list)
    if home is None or home.code not in names(unit_list):
        return
    if cfg.trend_default not in catalog().codes(("headline", "detail")):
        return
    gran = ts.GRANULARITIES[0]
    chart(rev, lang, cfg.trend_default, unit_list, (home.code,), first, last, gran)
