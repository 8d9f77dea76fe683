"""Series over time: roll-up to a granularity, growth on the previous period, and the straight
trajectory from a baseline to a target (as the EU DESI dashboard draws it).

Finer periods roll up with the catalog's `agg_time` (sum, last value, Σnumerator ÷ Σdenominator);
a period whose parts are not all there is never made up: it is listed as incomplete instead.
A year is made of its quarters, or else of its half-years (a half of its two quarters), so a
half-yearly report ("6 tháng đầu năm") reaches the yearly axis like a quarterly one does.
Plan phases are the five-year plans (2016–2020, 2021–2025, …).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from indicators.core.catalog import Catalog, Indicator
from indicators.core.frames import records
from indicators.core.periods import parse_period, sort_key
from indicators.core.schema import (
    ILLUSTRATIVE,
    KEY,
    join_sources,
    ratio,
    weakest_status,
)
from indicators.geography.crosswalk import BASIS_EQUAL, BASIS_ONE_TO_ONE, BASIS_WHOLE

GRANULARITIES = ("year", "half", "quarter", "month", "phase")
LADDER = ("month", "quarter", "half", "year", "phase")  # finest first: the order of roll-ups
# What a period of each kind is made of, in order of preference: a year of its four quarters,
# else of its two halves (each reported, or made of its two quarters).
PARTS = {
    "quarter": ("month",),
    "half": ("quarter",),
    "year": ("quarter", "half"),
    "phase": ("year",),
}
PLAN_YEARS = 5
# Columns a series carries once values cross the 2025 reform (see `indicators.query.across_reform`).
BASIS_ORDER = (BASIS_ONE_TO_ONE, BASIS_WHOLE, BASIS_EQUAL)  # weakest last: an estimate wins
INCOMPLETE_COLUMNS = ["indicator", "unit_list", "region", "period", "have", "need", "part_kind"]


def plan_phase(year: int) -> str:
    """The five-year plan containing `year`: 2023 -> '2021-2025'."""
    first = year - (year - 1) % PLAN_YEARS
    return f"{first}-{first + PLAN_YEARS - 1}"


def bucket(day: date, kind: str) -> str:
    """The period of `kind` that contains `day`."""
    y, m = day.year, day.month
    if kind == "month":
        return f"{y}-{m:02d}"
    if kind == "quarter":
        return f"{y}-Q{(m - 1) // 3 + 1}"
    if kind == "half":
        return f"{y}-H{1 if m <= 6 else 2}"
    if kind == "year":
        return str(y)
    return plan_phase(y)


def parts_of(code: str, part_kind: str | None = None) -> list[str]:
    """The periods of `part_kind` that make up `code`, in time order (by default the kind it is
    first made of, `PARTS`: a year is its quarters, a phase its years; a month has none)."""
    p = parse_period(code)
    kind = part_kind or PARTS.get(p.kind, ("",))[0]
    if not kind:
        return []
    out, part = [], parse_period(bucket(p.end, kind))
    while part.start >= p.start:
        out.append(part.code)
        part = part.previous()
    return out[::-1]


def ordinal(code: str) -> int:
    """Position on a time axis of one kind, so that straight lines can be interpolated."""
    p = parse_period(code)
    y = p.start.year
    if p.kind == "quarter":
        return y * 4 + int(code[-1]) - 1
    if p.kind == "half":
        return y * 2 + int(code[-1]) - 1
    if p.kind == "month":
        return y * 12 + p.start.month - 1
    if p.kind == "phase":
        return y // PLAN_YEARS
    return y


def axis_periods(first: str, last: str) -> list[str]:
    """Every period of one kind from `first` to `last`, so gaps show as gaps on the axis."""
    a, b = parse_period(first), parse_period(last)
    out, p = [], b
    while p.start >= a.start:
        out.append(p.code)
        p = p.previous()
    return out[::-1]


def _combine(
    parts: pd.DataFrame, kind: str, catalog: Catalog, part_kind: str
) -> tuple[list[dict], list[dict]]:
    """Roll `parts` (periods of `part_kind`) up into periods of `kind`; (values, incomplete).

    Rows are grouped in plain Python (a few thousand rows at most: one indicator's months for a
    few areas): pandas' cost per group, not per row, made a national trend take a second."""
    done: list[dict] = []
    missing: list[dict] = []
    buckets: dict[str, str] = {}  # period → the period of `kind` holding it
    groups: dict[tuple, list[dict]] = {}
    for row in records(parts):
        period = row["period"]
        if period not in buckets:
            buckets[period] = bucket(parse_period(period).start, kind)
        key = (row["indicator"], row["unit_list"], row["region"], buckets[period])
        groups.setdefault(key, []).append(row)
    needs: dict[str, list[str]] = {}
    for (code, unit_list, region, bcode), rows in groups.items():
        ind = catalog.get(code)
        if ind is None or ind.agg_time == "none":
            continue
        need = needs.setdefault(bcode, parts_of(bcode, part_kind))
        have = _present(rows, need)
        base = {"indicator": code, "unit_list": unit_list, "region": region, "period": bcode}
        if not _complete(have, need, ind):
            missing.append({**base, "have": len(have), "need": len(need), "part_kind": part_kind})
            continue
        num = den = None
        if ind.agg_time == "last":  # the figure at the end of the period, and its status
            have = have[-1:]
            value, num, den = (have[0][c] for c in ("value", "numerator", "denominator"))
        elif ind.agg_time == "ratio":
            num, den = _sum(have, "numerator"), _sum(have, "denominator")
            value = ratio(num, den, ind.scale)
        else:
            value = _sum(have, "value")
        p = parse_period(bcode)
        done.append(
            {
                **base,
                **_reform_parts(have, unit_list),
                "period_kind": kind,
                "period_start": pd.Timestamp(p.start),
                "period_end": pd.Timestamp(p.end),
                "value": float(value),
                "numerator": num,
                "denominator": den,
                "status": weakest_status(r["status"] for r in have),
                "source": join_sources(r["source"] for r in have),
                "note": None,
                "origin": "rolled_up",
                "n_parts": _extreme(have, "n_parts", min),
                "n_expected": _extreme(have, "n_expected", max),
            }
        )
    return done, missing


def _present(rows: list[dict], need: list[str]) -> list[dict]:
    """The first row with a value of each needed part, in the parts' order."""
    first: dict[str, dict] = {}
    wanted = set(need)
    for row in rows:
        if row["period"] in wanted and row["period"] not in first and pd.notna(row["value"]):
            first[row["period"]] = row
    return [first[p] for p in need if p in first]


def _complete(have: list[dict], need: list[str], ind: Indicator) -> bool:
    """Whether the parts make up the period: its last part for a stock (`last`), all of them
    with both components for a ratio, all of them for a sum."""
    if ind.agg_time == "last":
        return bool(have) and have[-1]["period"] == need[-1]
    if len(have) != len(need):
        return False
    if ind.agg_time != "ratio":
        return True
    sides = [(r["numerator"], r["denominator"]) for r in have]
    return all(pd.notna(n) and pd.notna(d) for n, d in sides) and _sum(have, "denominator") != 0


def _sum(rows: list[dict], column: str) -> float:
    """Σ of a column, as pandas adds a column up (numpy's pairwise sum), missing values left out."""
    values = [r[column] for r in rows if pd.notna(r[column])]
    return float(np.sum(np.asarray(values, dtype="float64")))


def _extreme(rows: list[dict], column: str, pick: Callable[[list], Any]) -> float:
    """The least or greatest of a column's values present (NaN if none), as a float."""
    values = [r[column] for r in rows if pd.notna(r[column])]
    return float(pick(values)) if values else float("nan")


def _reform_parts(have: list[dict], unit_list: str) -> dict:
    """A rolled-up period is converted if any part was, and an estimate if any part was."""
    if not have or "converted" not in have[0]:
        return {}
    conv = [r for r in have if bool(r["converted"])]
    bases = [r["basis"] for r in conv if r["basis"] in BASIS_ORDER]
    return {
        "converted": bool(conv),
        "estimate": any(bool(r["estimate"]) for r in have),
        "basis": max(bases, key=BASIS_ORDER.index) if bases else None,
        "from_unit_list": conv[0]["from_unit_list"] if conv else unit_list,
    }


def _without(frame: pd.DataFrame, native: pd.DataFrame) -> pd.DataFrame:
    """Rows of `frame` whose key is not in `native` (a reported value beats a rolled-up one)."""
    if frame.empty or native.empty:
        return frame
    keys = set(map(tuple, native[KEY].to_numpy().tolist()))
    mask = [tuple(k) not in keys for k in frame[KEY].to_numpy().tolist()]
    return frame[mask]


@dataclass(frozen=True)
class RollUp:
    values: pd.DataFrame  # same columns as the input, periods of one kind
    incomplete: pd.DataFrame  # INCOMPLETE_COLUMNS: periods left out, parts had/needed


def roll_up(frame: pd.DataFrame, catalog: Catalog, granularity: str) -> RollUp:
    """Values at `granularity`: reported ones, else rolled up from complete finer periods."""
    if granularity not in GRANULARITIES:
        raise ValueError(f"granularity must be one of {GRANULARITIES}")
    columns = list(frame.columns)
    levels: dict[str, pd.DataFrame] = {}  # per kind: reported, else rolled up
    missing = pd.DataFrame(columns=INCOMPLETE_COLUMNS)
    for kind in LADDER[: LADDER.index(granularity) + 1]:
        native = frame[frame["period_kind"] == kind]
        done: list[dict] = []
        gaps: list[dict] = []
        for part_kind in PARTS.get(kind, ()):  # the first way that completes a period wins
            more_done, more_gaps = _combine(levels[part_kind], kind, catalog, part_kind)
            have = {tuple(r[k] for k in KEY) for r in done}
            done += [r for r in more_done if tuple(r[k] for k in KEY) not in have]
            gaps += more_gaps
        rolled = _without(pd.DataFrame(done, columns=columns), native)
        missing = _without(_gaps(gaps, done), native)
        levels[kind] = pd.concat([x for x in (native, rolled) if not x.empty] or [native])
    values = levels[granularity]
    values = values.sort_values(["indicator", "region", "period_end"], ignore_index=True)
    return RollUp(values[columns], missing.reset_index(drop=True))


def _gaps(gaps: list[dict], done: list[dict]) -> pd.DataFrame:
    """Periods left out, each once (as the first way of making it up found it), unless another
    way made them up (a year short of a quarter but with both halves reported)."""
    made = {tuple(r[k] for k in KEY) for r in done}
    frame = pd.DataFrame(gaps, columns=INCOMPLETE_COLUMNS).drop_duplicates(KEY, keep="first")
    if frame.empty or not made:
        return frame
    keys = frame[KEY].itertuples(index=False, name=None)
    return frame[[k not in made for k in keys]]


def split_partial_areas(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(complete, partial): an area summed from only some of its communes is not its figure."""
    partial = (frame["origin"] == "aggregated") & (
        frame["n_parts"].fillna(0) < frame["n_expected"].fillna(0)
    )
    return frame[~partial], frame[partial]


def add_growth(values: pd.DataFrame) -> pd.DataFrame:
    """Adds `growth`: value ÷ the previous period's value × 100 ("previous period = 100").

    Left empty where the previous period is missing or zero, where one of the two figures
    is illustrative and the other not, or where one is an estimate across the 2025 boundary
    change (an old unit split equally) and the other not: they are not comparable. Between two
    estimates it is computed (same split both years) and the row stays marked as an estimate;
    between a value converted exactly (old units merged whole) and a reported one it is
    computed, since both cover the same area.
    """
    out = values.copy()
    prev_code = [parse_period(p).previous().code for p in out["period"]]
    est = out["estimate"].astype(bool) if "estimate" in out else pd.Series(False, index=out.index)
    cols = [*KEY, "value", "status"]
    lookup = {
        (r.indicator, r.unit_list, r.region, r.period): (r.value, r.status, e)
        for r, e in zip(out[cols].itertuples(index=False), est, strict=True)
    }
    growth = []
    for r, prev, e in zip(out[cols].itertuples(index=False), prev_code, est, strict=True):
        before = lookup.get((r.indicator, r.unit_list, r.region, prev))
        usable = (
            before is not None
            and pd.notna(before[0])
            and before[0] != 0
            and pd.notna(r.value)
            and (before[1] == ILLUSTRATIVE) == (r.status == ILLUSTRATIVE)
            and before[2] == e
        )
        growth.append(float(r.value) / float(before[0]) * 100 if usable else None)
    out["growth"] = pd.Series(growth, index=out.index, dtype="float64")
    return out


def place_targets(targets: pd.DataFrame, ind: Indicator, granularity: str) -> pd.DataFrame:
    """Targets of one indicator placed on an axis of `granularity`, in column `x`.

    A target sits at the period that ends when it does (2025 -> 2025-Q4 on a quarterly axis,
    -> 2021-2025 on a phase axis). Totals (agg_time sum) are only compared with a total of the
    same kind of period: a yearly count target has no place on a quarterly axis.
    """
    cols = ["indicator", "unit_list", "region", "period", "x", "value", "status", "source"]
    rows = []
    for r in targets[targets["indicator"] == ind.code].itertuples(index=False):
        p = parse_period(r.period)
        if p.kind == granularity:
            x = p.code
        elif ind.agg_time == "sum":
            continue
        else:
            x = bucket(p.end, granularity)
            if parse_period(x).end != p.end:
                continue
        rows.append([r.indicator, r.unit_list, r.region, r.period, x, r.value, r.status, r.source])
    return pd.DataFrame(rows, columns=cols)


@dataclass(frozen=True)
class Trajectory:
    """A straight line from the last value before the target's plan phase to the target."""

    region: str
    unit_list: str
    start: str  # axis period of the baseline
    start_value: float
    end: str  # axis period of the target
    end_value: float
    target_period: str

    def expected(self, period: str) -> float | None:
        """The value the line gives for `period`, if it lies on the line."""
        a, b, x = ordinal(self.start), ordinal(self.end), ordinal(period)
        if not a <= x <= b or a == b:
            return None
        return self.start_value + (self.end_value - self.start_value) * (x - a) / (b - a)


def phase_start(target_period: str) -> date:
    """Where a target's plan phase begins: its own start for a phase target, else the start
    of the five-year plan that contains it."""
    p = parse_period(target_period)
    if p.kind == "phase":
        return p.start
    return parse_period(plan_phase(p.end.year)).start


def trajectories(values: pd.DataFrame, placed: pd.DataFrame) -> list[Trajectory]:
    """One line per placed target whose area has a value at or before its phase start."""
    out = []
    for t in placed.itertuples(index=False):
        begin = pd.Timestamp(phase_start(t.period))
        mine = values[
            (values["indicator"] == t.indicator)
            & (values["unit_list"] == t.unit_list)
            & (values["region"] == t.region)
            & values["value"].notna()
            & (values["period_end"] <= begin)
        ]
        if mine.empty or pd.isna(t.value):
            continue
        base = mine.sort_values("period_end").iloc[-1]
        if sort_key(base["period"]) >= sort_key(t.x):
            continue
        out.append(
            Trajectory(
                region=t.region,
                unit_list=t.unit_list,
                start=base["period"],
                start_value=float(base["value"]),
                end=t.x,
                end_value=float(t.value),
                target_period=t.period,
            )
        )
    return out


def within(frame: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Rows whose period lies within [start, end] (as `read.range_series` selects them)."""
    keep = (pd.to_datetime(frame["period_start"]) >= pd.Timestamp(start)) & (
        pd.to_datetime(frame["period_end"]) <= pd.Timestamp(end)
    )
    return frame[keep].reset_index(drop=True)
