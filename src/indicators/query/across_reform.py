"""One series across the 1 July 2025 administrative reform, on the set of units a reader chose.

On 1 July 2025 districts were abolished, communes merged (most whole, some divided between new
communes) and provinces joined (Khánh Hòa + Ninh Thuận → the new Khánh Hòa). Values reported on
the old units are expressed on the new ones, and new values on an old unit where a new unit is
exactly that old unit, so an official reads 2016–2026 as one series. Unlike tools that rewrite
history when units merge, every converted value says so, and apportioned ones are estimates.

Rules, by how an indicator adds up over areas (`catalog.agg_region`):

- sum (counts, amounts): the sum over the old units merged whole; an old unit divided between
  new units gives each an equal share of its value (an estimate, basis ``equal_split``);
- ratio: numerators and denominators are converted as sums, then divided (an estimate if any
  part was apportioned); a part without them (a commune's bare percentage) is never added up
  and does not count as covered;
- none (indexes, ranks, non-additive amounts such as the average service radius): never
  converted; shown in their own era only.

A new unit is built from the coarsest old units lying whole inside it: Đặc khu Trường Sa from
old huyện Trường Sa, a new ward from its old wards and communes. A ratio part reported without
numerator and denominator (a published district percentage) is replaced by the sum of its
communes' components (`query.reform_sums` holds this arithmetic).

Provinces, one path only: every new province, the install's own and the other provinces of the
national level alike, is the sum of the old provinces it joined (`query.province_merger`: the
new Khánh Hòa from old Khánh Hòa and old Ninh Thuận, their province values reported or
aggregated from their communes), under the same rules; this module converts the units below.

Periods: values of periods ending before 1 July 2025 go from old to new units. A period ending on
or after it (the year 2025) is on the new units only; it reaches an old unit only where a new
unit is exactly that old unit. A value reported on the target units always wins over a
converted one for the same period.

The crosswalk is `vietnamadminunits`' 2025 converter (data/converter_2025.json): for each new
commune the old communes merged whole into it, and for each divided old commune the new
communes it went to, one flagged as the default (the one holding the old unit's centre). The
package gives each new unit's whole area but not how much of a divided old unit went where, so
divided units are split equally rather than by area.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date

import pandas as pd

from indicators.core.catalog import Indicator
from indicators.core.settings import RegionRef
from indicators.geography.crosswalk import BASIS_EQUAL, BASIS_WHOLE, Plan, plan
from indicators.geography.units import LEGACY, NEW, UNIT_LISTS
from indicators.query import province_merger, read
from indicators.query.reform_sums import (
    PERIOD_KEYS,
    SERIES_COLUMNS,
    Wanted,
    combine,
    old_parts,
    onto_old,
)
from indicators.query.reuse import config_hash, per_indicator, revision_made, store_path
from indicators.query.timeseries import within

ADDITIVE = ("sum", "ratio")  # how an indicator adds up over areas, when it does
NEVER_CONVERTED = ("index", "rank")  # kinds that mean nothing on other units
Only = tuple[frozenset[str] | None, str | None, Wanted]  # indicators, unit list, units


# -- the conversion -----------------------------------------------------------------------------


def _convertible(con) -> pd.DataFrame:
    """Indicators that add up over areas: code, agg_region, scale."""
    cat = con.execute("SELECT code, agg_region, scale, kind FROM catalog").df()
    keep = cat["agg_region"].isin(ADDITIVE) & ~cat["kind"].isin(NEVER_CONVERTED)
    return cat.loc[keep, ["code", "agg_region", "scale"]].reset_index(drop=True)


def _below_province(frame: pd.DataFrame) -> pd.DataFrame:
    """The plan's rows for new units below the province (provinces: `province_merger`)."""
    return frame[frame["new_level"] != "province"]


def _to_new(
    con, rev: int, pl: Plan, regions: pd.DataFrame, cat: pd.DataFrame, wanted: Wanted = None
) -> pd.DataFrame:
    """Old-unit values of periods before the reform, on every new unit below the province (or
    on the `wanted` ones: only their old units are read)."""
    cover = _below_province(pl.covers)
    if wanted is not None:
        cover = cover[cover["new_code"].isin(wanted)]
    if cover.empty:  # only provinces asked for (`province_merger`): no unit below to convert
        return pd.DataFrame(columns=SERIES_COLUMNS)
    old = regions[regions["unit_list"] == LEGACY]
    communes = old[old["level"] == "commune"]
    big = cover[cover["old_level"] != "commune"][["old_code", "old_level"]].drop_duplicates()
    under = pd.concat(
        [
            big[big["old_level"] == "province"].merge(
                communes[["code", "province_code"]], left_on="old_code", right_on="province_code"
            ),
            big[big["old_level"] == "district"].merge(
                communes[["code", "district_code"]], left_on="old_code", right_on="district_code"
            ),
        ],
        ignore_index=True,
    )[["old_code", "code"]]
    own = old_parts(con, rev, cat, sorted(set(cover["old_code"])), under)
    if own.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    keep = [*PERIOD_KEYS, "value", "numerator", "denominator", "status", "source", "n_parts"]
    parts = cover.merge(own[["old_code", *keep]], on="old_code")
    parts = parts.assign(w=parts["share"])
    out = combine(parts, ["new_code", *PERIOD_KEYS], cat)
    return out.rename(columns={"new_code": "region"}).assign(
        unit_list=NEW,
        note=None,
        origin="converted",
        n_parts=lambda d: d["n_parts"].astype("int64"),
        n_expected=lambda d: d["region"].map(pl.expected).astype("int64"),
        converted=True,
        basis=lambda d: d["estimate"].map({True: BASIS_EQUAL, False: BASIS_WHOLE}),
        from_unit_list=LEGACY,
    )[SERIES_COLUMNS]


def _to_old(con, rev: int, pl: Plan, cat: pd.DataFrame, wanted: Wanted = None) -> pd.DataFrame:
    """New-unit values on the old units below the province that are exactly one new unit (the
    `wanted` old units among them)."""
    pairs = _below_province(pl.equivalents)
    if wanted is not None:
        pairs = pairs[pairs["old_code"].isin(wanted)]
    return onto_old(con, rev, cat, pairs)


def _regions(con) -> pd.DataFrame:
    return con.execute(
        "SELECT unit_list, code, level, district_code, province_code FROM regions"
    ).df()


_PLANS: OrderedDict[tuple, tuple[pd.DataFrame, Plan]] = OrderedDict()  # a few stores at most


def _units_and_plan(con) -> tuple[pd.DataFrame, Plan]:
    """The unit lists and their conversion plan: configuration, the same in every revision, so
    made once per store and configuration (a trend's small conversion would spend most of its
    time making it again)."""
    key = _identity(con, None)
    with _LOCK:
        if key is not None and key in _PLANS:
            return _PLANS[key]
    regions = _regions(con)
    made = (regions, plan(regions))
    if key is not None:
        with _LOCK:
            _PLANS[key] = made
            while len(_PLANS) > 4:
                _PLANS.popitem(last=False)
    return made


def _compute(con, rev: int, only: Only) -> pd.DataFrame:
    indicators, unit_list, wanted = only
    cat = _convertible(con)
    if indicators is not None:
        cat = cat[cat["code"].isin(indicators)].reset_index(drop=True)
    if cat.empty or wanted == frozenset():  # nothing asked for converts
        return pd.DataFrame(columns=SERIES_COLUMNS)
    regions, pl = _units_and_plan(con)
    every = []
    if unit_list in (None, NEW):
        every += [
            _to_new(con, rev, pl, regions, cat, wanted),
            province_merger.provinces_to_new(con, rev, regions, cat, wanted),
        ]
    if unit_list in (None, LEGACY):
        every += [
            _to_old(con, rev, pl, cat, wanted),
            province_merger.provinces_to_old(con, rev, regions, cat, wanted),
        ]
    frames = [f for f in every if not f.empty]
    if not frames:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["unit_list", "indicator", "region", "period_end"], ignore_index=True)


def provinces_made(con, rev: int) -> None:
    """Convert every province of every indicator both ways and keep it where its values are
    kept (`province_merger.made`): a Trends filter change that picks a province then only
    picks its rows."""
    regions, _ = _units_and_plan(con)
    province_merger.made(con, rev, regions, _convertible(con))


# -- cached per data revision -------------------------------------------------------------------

_CACHE: OrderedDict[tuple, pd.DataFrame] = OrderedDict()
_CACHE_SIZE = 32  # whole tables (the Data page, decks) and the small ones a view asks for
_LOCK = threading.Lock()


def _identity(con, rev: int | None, unit_list: str | None = None) -> tuple | None:
    """What a revision's conversion depends on: the store file, the revision (its time and
    content hash, so a recreated store does not reuse another's result) and the configuration;
    without `rev`, what the configuration's plan depends on.

    A conversion onto one unit list reads only the other list's values (onto the new units:
    the old ones'), so its revision is the last one that changed the other list: a new figure
    on the new units, the usual import since the reform, leaves the old units' conversion as it
    was, and a national install does not convert ten million old rows again after each one."""
    path = store_path(con)
    if path is None:
        return None
    config = config_hash(con)
    if rev is None:
        return (str(path), config)
    made = revision_made(con, int(rev))
    source = _SOURCE.get(unit_list) if unit_list is not None else None
    if source is None:
        return (str(path), int(rev), made, config)
    basis = _last_change(con, (str(path), int(rev), made), source)
    return (str(path), basis, revision_made(con, basis), config, unit_list)


# The order of a series across the reform's rows (a series of several areas is theirs joined).
TREND_ORDER = ("indicator", "region", "period_end", "period_start")
# Converting onto a unit list reads the values of this one.
_SOURCE = {NEW: LEGACY, LEGACY: NEW}
_CHANGES: OrderedDict[tuple, int] = OrderedDict()  # (store, revision, made, list) → its basis


def _last_change(con, revision: tuple, unit_list: str) -> int:
    """The last revision up to `revision` (store, id, made) that added or retired a value of
    `unit_list`: its values as of `revision` are those of that one (0: never any). A
    revision's content never changes, so this is asked once per revision and list."""
    key = (*revision, unit_list)
    with _LOCK:
        if key in _CHANGES:
            return _CHANGES[key]
    found = con.execute(
        "SELECT greatest(coalesce(max(rev_from) FILTER (WHERE rev_from <= $rev), 0),"
        " coalesce(max(rev_to) FILTER (WHERE rev_to <= $rev), 0))"
        " FROM observations WHERE unit_list = $unit_list",
        {"rev": revision[1], "unit_list": unit_list},
    ).fetchone()[0]
    with _LOCK:
        _CHANGES[key] = int(found)
        while len(_CHANGES) > 256:
            _CHANGES.popitem(last=False)
    return int(found)


def converted_table(
    con,
    rev: int,
    indicators: Sequence[str] | None = None,
    *,
    unit_list: str | None = None,
    regions: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Every converted value of a revision, both directions (computed once per revision and
    request); or only those of `indicators`, shown on `regions` of `unit_list`, computed from
    only the old or new units they come from (a trend of a few areas need not convert the
    whole store: at national scale that takes minutes).

    Columns as `SERIES_COLUMNS`; `unit_list` and `region` are the units the value is shown on,
    `from_unit_list` the list it was reported on. Shared between callers: do not modify.
    """
    only: Only = (
        None if indicators is None else frozenset(indicators),
        unit_list,
        None if regions is None else frozenset(regions),
    )
    key = _identity(con, rev, unit_list)
    if key is not None:
        key = (*key, only)
        with _LOCK:
            if key in _CACHE:
                _CACHE.move_to_end(key)
                return _CACHE[key]
    table = _compute(con, rev, only)
    if key is not None:
        with _LOCK:
            _CACHE[key] = table
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
    return table


@per_indicator
def converted_series(
    con,
    rev: int,
    *,
    indicators: Sequence[str],
    refs: Sequence[RegionRef],
    unit_list: str,
    kinds: Sequence[str] | None = None,
    complete_only: bool = True,
) -> pd.DataFrame:
    """Like `read.series`, on one unit list, with the other era's values converted onto it.

    Only `refs` in `unit_list` are used (the other era appears converted). Adds `converted`,
    `estimate` (apportioned across a boundary change), `basis` (whole / equal_split /
    one_to_one; empty for values reported on these units) and `from_unit_list`. Indexes and
    ranks are never converted, so they keep only their own era's values. A converted value
    built from only some of the old units (old Khánh Hòa without old Ninh Thuận) is not the new
    unit's figure and is left out unless `complete_only` is False (`n_parts`/`n_expected` then
    count the old commune-level units covered).
    """
    if unit_list not in UNIT_LISTS:
        raise ValueError(f"unknown unit list {unit_list!r}; use one of {UNIT_LISTS}")
    own = [r for r in refs if r.unit_list == unit_list]
    codes = [r.code for r in own]
    native = read.series(con, rev, indicators=indicators, refs=own, kinds=kinds)
    native = with_reform_columns(native)
    table = converted_table(con, rev, indicators, unit_list=unit_list, regions=codes)
    conv = table[
        (table["unit_list"] == unit_list)
        & table["region"].isin(codes)
        & table["indicator"].isin(list(indicators))
    ]
    if kinds is not None:
        conv = conv[conv["period_kind"].isin(list(kinds))]
    if complete_only:
        conv = conv[conv["n_parts"] >= conv["n_expected"]]
    key = ["indicator", "region", "period"]
    seen = native[key].drop_duplicates().assign(_native=True)
    conv = conv.merge(seen, on=key, how="left")
    conv = conv[conv["_native"].isna()].drop(columns="_native")
    parts = [f for f in (native, conv) if not f.empty]
    if not parts:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    out = pd.concat(parts, ignore_index=True)[SERIES_COLUMNS]
    out["converted"] = out["converted"].astype(bool)
    out["estimate"] = out["estimate"].astype(bool)
    return out.sort_values(list(TREND_ORDER), ignore_index=True)


def is_convertible(ind: Indicator) -> bool:
    """Whether an indicator's values are converted across the 2025 reform: those that add up
    over areas (counts, ratios); never indexes, ranks or non-additive amounts."""
    return ind.agg_region in ADDITIVE and ind.kind not in NEVER_CONVERTED


def with_reform_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with `REFORM_COLUMNS` (as `across_reform.converted_series` gives them): values read
    straight from the store are reported on their own units, not converted."""
    if "converted" in frame:
        return frame
    return frame.assign(
        converted=False, estimate=False, basis=None, from_unit_list=frame["unit_list"]
    )


def unit_lists_with_data(span: pd.DataFrame, start: date, end: date) -> list[str]:
    """Unit lists that have data overlapping [start, end] (`span` from read.data_span)."""
    if span.empty:
        return []
    first = pd.to_datetime(span["first"]).dt.date
    last = pd.to_datetime(span["last"]).dt.date
    hit = span[(first <= end) & (last >= start)]
    return sorted(set(hit["unit_list"]))


@per_indicator
def values_at_level(
    con,
    rev: int,
    *,
    unit_list: str,
    level: str,
    indicators: Sequence[str],
    start: date,
    end: date,
    converted: bool,
) -> pd.DataFrame:
    """Every value of `indicators` for all units of one level within [start, end] (the Data
    page). With `converted`, the other unit list's values converted onto these units are added
    and every row says whether it was converted."""
    units = read.units(con, unit_list)
    codes = list(units.loc[units["level"] == level, "code"])
    if not converted:
        return read.range_series(
            con,
            rev,
            indicators=indicators,
            unit_list=unit_list,
            regions=codes,
            start=start,
            end=end,
        )
    refs = [RegionRef(unit_list, code) for code in codes]
    values = converted_series(con, rev, indicators=indicators, refs=refs, unit_list=unit_list)
    return within(values, start, end)
