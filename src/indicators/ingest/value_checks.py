"""Rules on the numbers once read: a ratio and its parts, missing values, ranges, one row per
key, and values that jump far from the unit's previous period or a district or commune ratio
without its parts (warnings, not errors)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from indicators.core.catalog import Catalog
from indicators.core.periods import parse_period
from indicators.core.schema import KEY, ratio
from indicators.geography.units import UNIT_LISTS
from indicators.ingest.distinct import Distinct, combine
from indicators.ingest.report import Report
from indicators.ingest.row_keys import RowKeys, codes_in, pair_codes_in, space_of

JUMP_FACTOR = 3.0  # a value above 3x or below 1/3 of the previous period's is worth a look

# The store's current observations (at least `KEY` and `value`) of some indicators on some unit
# codes, e.g. `partial(store.read, "observations", rev)`: asked for only what a file holds, so a
# check never reads a national store's ten million rows (gigabytes as a frame) for a few
# hundred. Rows beyond those asked for are allowed and simply match nothing.
History = Callable[..., pd.DataFrame]  # (indicators=[codes], regions=[codes]) -> frame


def value_rules(
    d: pd.DataFrame,
    rep: Report,
    catalog: Catalog,
    indicators: Distinct,
    numbers: tuple[np.ndarray, np.ndarray, np.ndarray],
    has_parts: bool,
    marks: np.ndarray | None = None,
) -> np.ndarray:
    """Ratio from its parts; missing values; ranges; parts that disagree with the value.

    `indicators` is each row's indicator code, coded ('' where unknown); `numbers` the value,
    numerator and denominator as read. Returns the values with a ratio given only by its parts
    filled in. `marks` is each value cell's decimal mark, to read how it was rounded as written.
    """
    value, num, den = numbers
    codes = d["indicator"]
    inds = {i.code: i for i in catalog}
    is_ratio = indicators.lookup({c: i.kind == "ratio" for c, i in inds.items()}, False, bool)
    is_count = indicators.lookup({c: i.kind == "count" for c, i in inds.items()}, False, bool)
    pct = indicators.lookup({c: i.is_percent for c, i in inds.items()}, False, bool)
    scale = indicators.lookup({c: i.scale for c, i in inds.items()}, 1.0, float)
    tol = indicators.lookup(
        {c: 0.5 * 10 ** (-i.decimals) + 1e-9 for c, i in inds.items()}, 0.0, float
    )
    known = indicators.lookup(lambda c: c != "", False, bool)
    given = ~np.isnan(value)
    parts = ~np.isnan(num) & ~np.isnan(den)
    texts = {c: d[c] for c in ("value", "numerator", "denominator")}
    clean = ~rep.bad.copy()

    zero = known & ~given & parts & (den == 0) & clean
    rep.add(zero, "zero_denominator", "denominator", texts["denominator"])
    computed = ratio(num, den, scale) if parts.any() else np.full(len(value), np.nan)
    fill = known & ~given & parts & (den != 0)
    value = np.where(fill, computed, value)
    missing = np.isnan(value) & clean & ~zero
    rep.add(missing, "missing_value", "value", "")

    ok = clean & known & ~np.isnan(value)
    neg_parts = ok & is_ratio & parts & ((num < 0) | (den < 0))
    if neg_parts.any():
        rep.add(neg_parts, "negative_parts", "numerator", _pair(texts))
    ok = ok & ~neg_parts
    above = ok & is_ratio & parts & pct & (num > den)
    if above.any():
        rep.add(above, "numerator_above_denominator", "numerator", _pair(texts))
    ok = ok & ~above
    rep.add(ok & pct & ((value < 0) | (value > 100)), "percent_range", "value", texts["value"])
    rep.add(ok & is_count & (value < 0), "negative_count", "value", texts["value"])
    if has_parts:
        below = (d["level"].ne("") & d["level"].ne("province")).to_numpy(dtype=bool)
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
    decimals = {c: i.decimals for c, i in inds.items()}
    per_row = {
        int(i): {"expected": f"{computed[i]:.{decimals[codes.iat[i]] + 2}f}"}
        for i in np.flatnonzero(off)
    }
    rep.add(off, "value_parts_mismatch", "value", texts["value"], per_row=per_row)
    return value


def _asked(keys: RowKeys, rows: np.ndarray) -> dict[str, Sequence[str]]:
    """The indicators and unit codes of the file's `rows`, each once: what `History` is asked."""
    ind, unit = (np.unique(c[rows]) for c in (keys.indicator.codes, keys.unit.codes))
    return {
        "indicators": sorted({keys.indicator.uniques[k] for k in ind if k >= 0}),
        "regions": sorted({keys.unit.uniques[k][1] for k in unit if k >= 0}),
    }


def _previous(
    keys: RowKeys, rows: np.ndarray, store: pd.DataFrame | None
) -> tuple[np.ndarray, dict[int, str]]:
    """For each of the file's `rows`, where its unit's value in the previous period is among
    [the store's rows, then the file's `rows`] (the last such row; -1 where none); and the
    previous period's code of each of the file's periods (by its code in `keys.period`).

    An inner join on integer codes: the file's rows are coded already (`keys`); the store's
    are coded the same way (`row_keys.codes_in`), its texts factorized once per column.
    """
    spaces = [space_of(keys.indicator), space_of(keys.unit), space_of(keys.period)]
    ind, unit, per = (keys.indicator.codes[rows], keys.unit.codes[rows], keys.period.codes[rows])
    file_periods = per
    if store is not None:
        theirs = (
            codes_in(store["indicator"], spaces[0]),
            pair_codes_in(store["unit_list"], store["region"], spaces[1]),
            codes_in(store["period"], spaces[2]),
        )
        mine = (ind, unit, per)
        ind, unit, per = (np.concatenate(pair) for pair in zip(theirs, mine, strict=True))
    n = len(per)
    before = {}  # each of the file's periods -> the previous period's code
    prev = np.full(len(spaces[2]), -1, dtype=np.int64)
    for k in np.flatnonzero(np.bincount(file_periods)):  # the file's periods, each once
        before[int(k)] = parse_period(keys.period.uniques[k]).previous().code
        prev[k] = spaces[2].get(before[int(k)], -1)
    width = len(spaces[2]) + 1
    series = combine([ind, unit], compact=False)  # (indicator, unit): a mixed-radix number
    if (int(series.max()) + 1) * width >= 2**62:
        series, _ = pd.factorize(series)
    held = series * width + per + 1  # (series, period) of every row
    wanted_period = prev[file_periods]
    wanted = series[n - len(rows) :] * width + wanted_period + 1
    size = (int(series.max()) + 1) * width
    if size > 4 * n + 1024:  # a sparse key space: numbered by a factorization first
        ids, _ = pd.factorize(np.concatenate([held, wanted]))
        held, wanted, size = ids[:n], ids[n:], int(ids.max()) + 1
    last = np.full(size, -1, dtype=np.int64)
    np.maximum.at(last, held, np.arange(n))  # the last row of each key
    return np.where(wanted_period >= 0, last[wanted], -1), before


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


def check_duplicates(frame: pd.DataFrame, rep: Report, keys: RowKeys) -> None:
    """Two rows for one indicator, unit and period: which one is meant is not ours to guess."""
    resolved = (
        keys.indicator.lookup(bool, False, bool)
        & keys.unit.lookup(lambda u: u[0] in UNIT_LISTS and bool(u[1]), False, bool)
        & keys.period.lookup(bool, False, bool)
    )
    ids = keys.ids()
    dup = (np.bincount(ids)[ids] > 1) & resolved  # keys held twice
    if not dup.any():
        return
    sub = frame[dup].assign(_row=rep.rows[dup], _i=np.flatnonzero(dup))
    per_row = {}
    for _, g in sub.groupby(KEY, sort=False):
        for i, n in zip(g["_i"], g["_row"], strict=True):
            others = ", ".join(str(r) for r in g["_row"] if r != n)
            per_row[int(i)] = {"rows": others}
    shown = np.full(len(frame), None, dtype=object)  # the key's text, only where it is shown
    shown[dup] = (sub["indicator"] + " / " + sub["region"] + " / " + sub["period"]).to_numpy(
        dtype=object
    )
    column = "/".join(rep.label(c) for c in ("indicator", "region", "period"))
    rep.labels = {**rep.labels, "_key": column}
    rep.add(dup, "duplicate_key", "_key", pd.Series(shown, dtype=object), per_row=per_row)


def warn_jumps(
    frame: pd.DataFrame,
    good: np.ndarray,
    rep: Report,
    catalog: Catalog,
    history: History,
    keys: RowKeys,
) -> None:
    """Warn when a value is over 3x or under 1/3 of the unit's previous-period value.

    The previous value comes from this file if it holds it, else from the store (`history`,
    asked for the indicators and units of the rows compared). Ranks and indexes move freely,
    and a previous 0 says nothing about scale: both skipped.
    """
    scaled = {i.code for i in catalog if i.kind in ("count", "ratio", "amount")}
    rows = np.flatnonzero(good & keys.indicator.lookup(scaled.__contains__, False, bool))
    if not len(rows):
        return
    asked = history(**_asked(keys, rows))
    store = None
    if {*KEY, "value"} <= set(asked.columns) and len(asked):
        store = asked[[*KEY, "value"]]
    at, before = _previous(keys, rows, store)  # the file's own value wins over the store's
    values = frame["value"].to_numpy(dtype=float)[rows]
    if store is not None:
        values = np.concatenate([store["value"].to_numpy(dtype=float), values])
    hit = np.flatnonzero(at >= 0)
    v, p = values[len(values) - len(rows) + hit], values[at[hit]]
    with np.errstate(divide="ignore", invalid="ignore"):
        jump = (p > 0) & ((v > JUMP_FACTOR * p) | (v < p / JUMP_FACTOR))
    if not jump.any():
        return
    mask = np.zeros(len(frame), dtype=bool)
    per_row = {}
    for j, prev in zip(hit[jump], p[jump], strict=True):
        i = int(rows[j])
        mask[i] = True
        per_row[i] = {"previous": f"{prev:g}", "period": before[keys.period.codes[i]]}
    shown = np.full(len(frame), None, dtype=object)  # the value's text, only where it is shown
    shown[mask] = frame["value"][mask].astype(str).to_numpy(dtype=object)
    shown_texts = pd.Series(shown, dtype=object)
    rep.add(mask, "jump", "value", shown_texts, severity="warning", per_row=per_row)
