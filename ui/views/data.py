"""The Data page's table for one choice of filters, built once per revision and choice; the
default choice (every indicator, every year, the provinces on the new units, converted across
the reform) is built by the revision watcher too: at national scale it converts every old
province's figures, which no visitor should wait for.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
from pandas.io.formats.style import Styler

from indicators.core.periods import parse_period
from indicators.geography.units import NEW
from indicators.present import tables
from indicators.query import across_reform, read
from ui.cache import cached, catalog
from ui.views import per_view
from ui.views.trends import years

DEFAULT_LEVEL = "province"


class Choice(NamedTuple):
    """The page's filters: one view of the Data page."""

    rev: int
    unit_list: str
    level: str
    first: str
    last: str
    inds: tuple[str, ...]
    regs: tuple[str, ...]
    stats: tuple[str, ...]
    lang: str
    converted: bool


class DataView(NamedTuple):
    """One choice of filters as the page shows it."""

    table: pd.DataFrame  # every row in the reader's language (the downloads)
    decimals: pd.Series  # each row's decimals (its indicator's), for the page's rows
    counts: tuple[int, int]  # values converted across the 2025 reform, and estimates among them


@per_view(max_entries=32)
def table(choice: Choice) -> DataView:
    """The filtered table in the reader's language, each row's decimals and how many values
    were converted across the 2025 reform (and how many of those are estimates). Every
    indicator is read whatever the filter (one cached read per period range), so a change of
    indicators, areas or statuses only filters it."""
    rev, unit_list, level, first, last, inds, regs, stats, lang, converted = choice
    cat = catalog()
    start, end = parse_period(first).start, parse_period(last).end
    values = cached(
        across_reform.values_at_level,
        rev,
        unit_list=unit_list,
        level=level,
        indicators=tuple(i.code for i in cat),
        start=start,
        end=end,
        converted=converted,
    )
    for column, chosen in (("indicator", inds), ("region", regs), ("status", stats)):
        if chosen:  # nothing chosen: all of them
            values = values[values[column].isin(chosen)]
    values = values.reset_index(drop=True)
    table = tables.data_table(values, cat, cached(read.units, unit_list), lang)
    counts = (0, 0)
    if converted:
        conv = values["converted"].astype(bool)
        counts = (int(conv.sum()), int((conv & values["estimate"].astype(bool)).sum()))
    return DataView(table, tables.value_decimals(values["indicator"], cat), counts)


@per_view(max_entries=64)
def rows(choice: Choice, start: int, stop: int) -> Styler:
    """Rows `start` to `stop` of the view (one page of `ui.paging`), numbers written the
    reader's way, formatted once for every reader (`tables.formatted_once`)."""
    view = table(choice)
    numbers = [tables.header(k, choice.lang) for k in ("value", "numerator", "denominator")]
    part = slice(start, stop)  # copies: a slice would keep the whole table alive in the cache
    shown, decimals = view.table.iloc[part].copy(), view.decimals.iloc[part].copy()
    return tables.styled(shown, decimals, numbers, choice.lang)


def default(rev: int, lang: str) -> None:
    """Build the table a link without choices opens (the page's defaults, as above)."""
    span = cached(read.data_span, rev)
    if span.empty:
        return
    offered = years(span)
    choice = Choice(rev, NEW, DEFAULT_LEVEL, offered[0], offered[-1], (), (), (), lang, True)
    rows(choice, 0, min(len(table(choice).table), tables.PAGE_ROWS))
