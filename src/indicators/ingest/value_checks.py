"""Rules on the numbers once read: a ratio and its parts, missing values, ranges, one row per
key, and values that jump far from the unit's previous period or a district or commune ratio
without its parts (warnings, not errors)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from indicators.core.catalog import Catalog
from indicators.core.periods import parse_period
from indicators.core.schema import KEY, ratio
from indicators.geography.units import UNIT_LISTS
from indicators.ingest.distinct import lookup, map_distinct
from indicators.ingest.report import Report

JUMP_FACTOR = 3.0  # a value above 3x or below 1/3 of the previous period's is worth a look


def value_rules(
    d: pd.DataFrame,
    rep: Report,
    catalog: Catalog,
    value: np.ndarray,
    num: np.ndarray,
    den: np.ndarray,
    has_parts: bool,
    marks: np.ndarray | None = None,
) -> np.ndarray:
    """Ratio from its parts; missing values; ranges; parts that disagree with the value.

    Returns the values with a ratio given only by its parts filled in. `marks` is each value
    cell's decimal mark, to read how it was rounded as written.
    """
    codes = d["indicator"]
    inds = list(catalog)
    kind = lookup(codes, {i.code: i.kind for i in inds}, "")
    pct = lookup(codes, {i.code: i.is_percent for i in inds}, False).astype(bool)
    scale = lookup(codes, {i.code: i.scale for i in inds}, 1.0).astype(float)
    tol = lookup(codes, {i.code: 0.5 * 10 ** (-i.decimals) + 1e-9 for i in inds}, 0.0)
    tol = tol.astype(float)
    known = codes.ne("").to_numpy()
    given = ~np.isnan(value)
    parts = ~np.isnan(num) & ~np.isnan(den)
    texts = {c: d[c] for c in ("value", "numerator", "denominator")}
    clean = ~rep.bad.copy()

    zero = known & ~given & parts & (den == 0) & clean
    rep.add(zero, "zero_denominator", "denominator", texts["denominator"])
    computed = ratio(num, den, scale)
    fill = known & ~given & parts & (den != 0)
    value = np.where(fill, computed, value)
    missing = np.isnan(value) & clean & ~zero
    rep.add(missing, "missing_value", "value", "")

    ok = clean & known & ~np.isnan(value)
    is_ratio = kind == "ratio"
    neg_parts = ok & is_ratio & parts & ((num < 0) | (den < 0))
    if neg_parts.any():
        rep.add(neg_parts, "negative_parts", "numerator", _pair(texts))
    ok = ok & ~neg_parts
    above = ok & is_ratio & parts & pct & (num > den)
    if above.any():
        rep.add(above, "numerator_above_denominator", "numerator", _pair(texts))
    ok = ok & ~above
    rep.add(ok & pct & ((value < 0) | (value > 100)), "percent_range", "value", texts["value"])
    rep.add(ok & (kind == "count") & (value < 0), "negative_count", "value", texts["value"])
    if has_parts:
        level = d["level"].to_numpy(dtype=object)
        below = (level != "") & (level != "province")
        rep.labels = {
            **rep.labels,
            "_parts": f"{rep.label('numerator')}/{rep.label('denominator')}",
        }
        # Stored as reported (drawn, ranked, downloaded) but never added up: an area's figure
        # comes only from units with both parts (`query.read`), so the analyst is told.
        needs = ok & is_ratio & ~parts & below
        rep.add(needs, "ratio_needs_parts", "_parts", "", severity="warning")
    with np.errstate(invalid="ignore"):
        off = ok & is_ratio & parts & given & (den != 0) & (np.abs(value - computed) > tol)
    for i in np.flatnonzero(off):  # '99' for 99.24 is rounded as written: ±0.5
        mark = marks[i] if marks is not None else ""
        written = 0.5 * 10 ** -_written_decimals(texts["value"].iat[i], mark) + 1e-9
        off[i] = abs(value[i] - computed[i]) > max(tol[i], written)
    decimals = {i.code: i.decimals for i in inds}
    per_row = {
        int(i): {"expected": f"{computed[i]:.{decimals[codes.iat[i]] + 2}f}"}
        for i in np.flatnonzero(off)
    }
    rep.add(off, "value_parts_mismatch", "value", texts["value"], per_row=per_row)
    return value


def _written_decimals(text: str, mark: str) -> int:
    """Digits after the decimal mark as the cell is written ('99' 0, '99,24' 2, '96.3%' 1).

    With the mark unknown, a lone '.' or ',' followed by other than three digits is one.
    """
    t = re.sub(r"[\s%]", "", text)
    if not mark:
        m = re.fullmatch(r"[+-]?\d+[.,](\d+)", t)
        return len(m.group(1)) if m and len(m.group(1)) != 3 else 0
    _, sep, tail = t.rpartition(mark)
    return len(tail) if sep and tail.isdigit() else 0


def _pair(texts: dict[str, pd.Series]) -> pd.Series:
    """'131/132': numerator and denominator as the file wrote them."""
    return texts["numerator"] + "/" + texts["denominator"]


def check_duplicates(frame: pd.DataFrame, rep: Report) -> None:
    """Two rows for one indicator, unit and period: which one is meant is not ours to guess."""
    resolved = frame["indicator"].ne("") & frame["region"].ne("") & frame["period"].ne("")
    resolved = resolved & frame["unit_list"].isin(UNIT_LISTS)
    dup = (frame.duplicated(KEY, keep=False) & resolved).to_numpy()
    if not dup.any():
        return
    sub = frame[dup].assign(_row=rep.rows[dup], _i=np.flatnonzero(dup))
    per_row = {}
    for _, g in sub.groupby(KEY, sort=False):
        for i, n in zip(g["_i"], g["_row"], strict=True):
            others = ", ".join(str(r) for r in g["_row"] if r != n)
            per_row[int(i)] = {"rows": others}
    shown = frame["indicator"] + " / " + frame["region"] + " / " + frame["period"]
    column = "/".join(rep.label(c) for c in ("indicator", "region", "period"))
    rep.labels = {**rep.labels, "_key": column}
    rep.add(dup, "duplicate_key", "_key", shown, per_row=per_row)


def warn_jumps(
    frame: pd.DataFrame, good: np.ndarray, rep: Report, catalog: Catalog, history: pd.DataFrame
) -> None:
    """Warn when a value is over 3x or under 1/3 of the unit's previous-period value.

    The previous value comes from this file if it holds it, else from the store (`history`).
    Ranks and indexes move freely, and a previous 0 says nothing about scale: both skipped.
    """
    kinds = {i.code: i.kind for i in catalog}
    cur = frame[good].assign(_i=np.flatnonzero(good))
    cur = cur[cur["indicator"].map(kinds).isin(("count", "ratio", "amount"))]
    if cur.empty:
        return
    prev_code = map_distinct(cur["period"], lambda p: parse_period(p).previous().code)
    cur = cur.assign(_prev=prev_code)
    known = [cur[[*KEY, "value"]]]
    if {*KEY, "value"} <= set(history.columns) and len(history):
        known.insert(0, history[[*KEY, "value"]])
    pool = pd.concat(known, ignore_index=True).drop_duplicates(KEY, keep="last")
    pool = pool.rename(columns={"period": "_prev", "value": "_prev_value"})
    m = cur.merge(pool, on=["indicator", "unit_list", "region", "_prev"], how="inner")
    v, p = m["value"].to_numpy(float), m["_prev_value"].to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        jump = (p > 0) & ((v > JUMP_FACTOR * p) | (v < p / JUMP_FACTOR))
    if not jump.any():
        return
    mask = np.zeros(len(frame), dtype=bool)
    per_row = {}
    for i, prev, period in zip(m["_i"][jump], p[jump], m["_prev"][jump], strict=True):
        mask[i] = True
        per_row[int(i)] = {"previous": f"{prev:g}", "period": period}
    rep.add(mask, "jump", "value", frame["value"].astype(str), severity="warning", per_row=per_row)
