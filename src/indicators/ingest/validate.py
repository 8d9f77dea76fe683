"""Validation: text cells in canonical columns -> the canonical long frame, or what is wrong.

Canonical observation columns (one row per indicator × unit × period):
    indicator, unit_list, region, period, value, numerator, denominator, status, source, note
Every problem names the file row, the column as headed in the file, the value, the rule and a
hint, in Vietnamese and English. Checks work on whole columns (pandas), and on the distinct
values of a column where a Python function must look (periods, names), so a million-row file
is checked in seconds. Reading the file is `reading`; its shape `shapes`; the entry point that
chains them is `uploads.check_upload`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from indicators.core import numbers as _num
from indicators.core.catalog import Catalog
from indicators.core.folding import fold
from indicators.core.numbers import NumberError, parse_number
from indicators.core.periods import PeriodError, parse_period
from indicators.core.problems import Problem, rule_problem, sort_problems
from indicators.core.schema import KEY, OBS_COLUMNS, PERIOD_COLUMNS, STATUSES
from indicators.geography.units import LEGACY, NEW, UNIT_LISTS, unit_list_for
from indicators.ingest.headers import accepted_names
from indicators.ingest.shapes import LongText
from indicators.ingest.unitmatch import UnitMatcher, is_total

TEXT_COLUMNS = ("indicator", "indicator_name", "unit_list", "region", "region_name", "period",
                "value", "numerator", "denominator", "status", "source", "note")  # fmt: skip
STATUS_ALIASES = {
    "published": "published",
    "chinh thuc": "published",
    "preliminary": "preliminary",
    "so bo": "preliminary",
    "prel.": "preliminary",
    "prel": "preliminary",
    "so bo / prel.": "preliminary",
    "estimate": "estimate",
    "uoc tinh": "estimate",
    "illustrative": "illustrative",
    "minh hoa": "illustrative",
}
JUMP_FACTOR = 3.0  # a value above 3x or below 1/3 of the previous period's is worth a look


@dataclass
class Validated:
    """The valid rows in canonical form and every problem found; `decimal` as read."""

    frame: pd.DataFrame
    problems: list[Problem]
    rejected_rows: list[int]
    rows_read: int
    decimal: str | None


# --- numbers, a whole column at a time -----------------------------------------------------------

_SPACED = r"[+-]?\d{1,3}(?:[ \x{a0}\x{202f}]\d{3})+(?:[.,]\d+)?"  # RE2 syntax
_COMMA_DECIMAL = r"[+-]?\d+,\d{1,2}|[+-]?\d+,\d{4,}|[+-]?\d{1,3}(?:\.\d{3})+,\d+"
_POINT_DECIMAL = r"[+-]?\d+\.\d{1,2}|[+-]?\d+\.\d{4,}|[+-]?\d{1,3}(?:,\d{3})+\.\d+"


def _whole(*patterns: re.Pattern[str] | str) -> str:
    """One anchored RE2 pattern from numbers.py's (anchored) patterns or plain ones."""
    parts = [p.pattern if isinstance(p, re.Pattern) else p for p in patterns]
    return "^(?:" + "|".join(p.replace("^", "").replace("$", "") for p in parts) + ")$"


def _matches(a: pa.Array, *patterns: re.Pattern[str] | str) -> np.ndarray:
    return pc.match_substring_regex(a, _whole(*patterns)).to_numpy(zero_copy_only=False)


def _arrow(text: pd.Series) -> pa.Array:
    return pa.array(text.astype(str), type=pa.large_string())


def _clean_numbers(a: pa.Array) -> pa.Array:
    """As parse_number does first: trim, Unicode minus, drop '%', join space-grouped digits.

    pyarrow's string kernels (RE2, C++) keep this at millions of cells per second.
    """
    a = pc.utf8_trim_whitespace(pc.replace_substring(a, "\u2212", "-"))
    a = pc.utf8_trim_whitespace(pc.replace_substring_regex(a, r"%\s*$", ""))
    spaced = pc.match_substring_regex(a, _whole(_SPACED))
    return pc.if_else(spaced, pc.replace_substring_regex(a, r"[ \x{a0}\x{202f}]", ""), a)


def detect_decimal(columns: list[pd.Series], delimiter: str | None) -> str | None:
    """The file's decimal mark from unambiguous numbers ('99,2', '1.234,5' or '99.2').

    Nothing decisive: a ';'-separated CSV comes from Excel set to decimal commas.
    """
    around = r"\s*(?:{})\s*%?\s*"
    comma = point = False
    for col in columns:
        a = _arrow(col)
        comma = comma or bool(_matches(a, around.format(_COMMA_DECIMAL)).any())
        point = point or bool(_matches(a, around.format(_POINT_DECIMAL)).any())
    if comma != point:
        return "," if comma else "."
    if not comma and delimiter == ";":
        return ","
    return None


def parse_numbers(text: pd.Series, decimal: str | None) -> tuple[np.ndarray, np.ndarray]:
    """(floats with NaN for empty cells, mask of cells that are not numbers).

    Vectorised twin of numbers.parse_number (same patterns, same order), which still words
    the reason for each bad cell. Plain numbers, most of any file, take one pass; only the
    rest ('1.234,5', ' 99,2% ') go through the full sequence of patterns.
    """
    raw = _arrow(text)
    out = np.full(len(raw), np.nan)
    bad = np.zeros(len(raw), dtype=bool)
    fast = _matches(raw, r"[+-]?\d+" if decimal == "," else _num._PLAIN)
    if decimal is None:  # '30.000' reads as a plain number but is ambiguous
        fast &= ~_matches(raw, _num._DOT_GROUPS, _num._COMMA_GROUPS)
    if fast.any():
        out[fast] = pc.cast(raw.filter(pa.array(fast)), pa.float64()).to_numpy(zero_copy_only=False)
    rest_idx = np.flatnonzero(~fast & _matches(raw, r"(?s).*\S.*"))
    if not len(rest_idx):
        return out, bad | (fast & ~np.isfinite(out))
    a = _clean_numbers(raw.take(pa.array(rest_idx)))
    empty = _matches(a, "", "(?i:nan)")
    sub = np.full(len(a), np.nan)
    done = empty.copy()

    def take(mask: np.ndarray, converted: pa.Array) -> None:
        m = mask & ~done
        if m.any():
            picked = converted.filter(pa.array(m))
            sub[m] = pc.cast(picked, pa.float64()).to_numpy(zero_copy_only=False)
            done[m] = True

    def without(*chars: str) -> pa.Array:
        b = a
        for c in chars:
            b = pc.replace_substring(b, c, "")
        return b

    as_vi = pc.replace_substring(without("."), ",", ".")
    if decimal == ",":
        take(_matches(a, _num._VI), as_vi)
    elif decimal == ".":
        take(_matches(a, _num._EN, _num._PLAIN), without(","))
    else:
        done |= _matches(a, _num._DOT_GROUPS, _num._COMMA_GROUPS)  # ambiguous: reported
        take(_matches(a, _num._MANY_DOTS, _num._MANY_COMMAS), without(".", ","))
        take(_matches(a, _num._PLAIN), a)
        take(_matches(a, _num._VI), as_vi)
        take(_matches(a, _num._EN), without(","))
    out[rest_idx] = sub
    bad[rest_idx] = ~empty & ~np.isfinite(sub)
    bad |= fast & ~np.isfinite(out)
    return np.where(bad, np.nan, out), bad


# --- validation -------------------------------------------------------------------------------


class _Report:
    """Problems of one file, and which rows have errors, built a column at a time."""

    def __init__(self, d: pd.DataFrame, labels: dict[str, str]):
        self.rows = d["_row"].to_numpy(dtype=int)
        self.value_cols = d["_value_col"].to_numpy(dtype=object)
        self.labels = labels
        self.bad = np.zeros(len(d), dtype=bool)
        self.problems: list[Problem] = []

    def label(self, col: str) -> str:
        return self.labels.get(col, col)

    def add(
        self,
        mask: np.ndarray,
        rule: str,
        col: str,
        values: pd.Series | str,
        *,
        severity: str = "error",
        reason: tuple[str, str] | None = None,
        per_row: dict[int, dict] | None = None,
        **kw,
    ) -> None:
        """One problem per masked row; `values` is the cell text shown (a column or one text)."""
        idx = np.flatnonzero(mask)
        if not len(idx):
            return
        if severity == "error":
            self.bad[idx] = True
        for i in idx:
            column = self.value_cols[i] if col == "value" else self.label(col)
            value = values.iat[i] if isinstance(values, pd.Series) else values
            extra = per_row.get(int(i), {}) if per_row else {}
            self.problems.append(
                rule_problem(
                    rule,
                    int(self.rows[i]),
                    column,
                    value,
                    severity=severity,
                    reason=extra.pop("reason", reason),
                    **{**kw, **extra},
                )
            )


def _suggest(names: list[str]) -> dict[str, str]:
    if not names:
        return {"suggest_vi": "", "suggest_en": ""}
    shown = "; ".join(names)
    return {"suggest_vi": f" — có phải: {shown}?", "suggest_en": f" — did you mean: {shown}?"}


def _reason(exc: Exception) -> tuple[str, str]:
    vi, _, en = str(exc).partition(" / ")
    return vi, en or vi


def _lookup(series: pd.Series, table, default=None) -> np.ndarray:
    """Look each cell up once per distinct value (files repeat their codes a lot).

    `table` is a dict or a function of the value; the result is an object array.
    """
    codes, uniques = pd.factorize(series)
    get = table.get if isinstance(table, dict) else table
    found = [get(u) for u in uniques]
    vals = np.empty(len(found) + 1, dtype=object)
    vals[:-1] = [default if v is None else v for v in found]
    vals[-1] = default
    return vals[codes]


def _map_unique(series: pd.Series, func) -> pd.Series:
    """A function applied once per distinct value, as a Series (None where it gave None)."""
    return pd.Series(_lookup(series, func), index=series.index, dtype=object)


def _indicator_lookup(catalog: Catalog) -> tuple[dict[str, str], list[str]]:
    lookup: dict[str, str] = {}
    for ind in catalog:
        for name in (ind.name_vi, ind.name_en, ind.code):
            lookup.setdefault(fold(name), ind.code)
    return lookup, sorted(lookup)


def validate(
    long: LongText,
    catalog: Catalog,
    regions: pd.DataFrame,
    *,
    columns: list[str] = OBS_COLUMNS,
    header_row: int | None = 1,
    decimal: str | None = None,
    delimiter: str | None = None,
    default_status: str = "published",
    history: pd.DataFrame | None = None,
    matcher: UnitMatcher | None = None,
) -> Validated:
    """Check every cell of a long text frame; return the valid rows and every problem."""
    d = long.frame.copy()
    rows_read = int(d["_row"].nunique()) if "_row" in d else 0
    for col in TEXT_COLUMNS:
        if col not in d:
            d[col] = ""
        d[col] = d[col].astype(str).fillna("")
    missing = _missing_columns(long.frame.columns, columns)
    if missing:
        probs = [
            rule_problem(
                "missing_column", header_row, name, name=name, accepted=accepted_names(name)
            )
            for name in missing
        ]
        return _nothing(columns, probs, sorted(set(d["_row"].astype(int))), rows_read, decimal)
    rep = _Report(d, long.labels)
    has_parts = "numerator" in columns

    # formulas pasted instead of values are bad in any column
    formula_cols = {}
    for col in TEXT_COLUMNS:
        f = d[col].str.startswith("=").to_numpy(dtype=bool)
        formula_cols[col] = f
        rep.add(f, "formula", col, d[col])

    # indicator, by code or by name
    lookup, known_names = _indicator_lookup(catalog)
    given = d["indicator"].mask(d["indicator"].eq(""), d["indicator_name"])

    def find_indicator(text: str) -> str | None:
        return text if text in catalog else lookup.get(fold(text))

    code = _map_unique(given, find_indicator)
    unknown = (code.isna() & ~formula_cols["indicator"]).to_numpy()
    per_row = {}
    for text in pd.unique(given[unknown]):
        close = difflib.get_close_matches(fold(text), known_names, 3, 0.6)
        hints = _suggest([lookup[c] for c in dict.fromkeys(close)])
        for i in np.flatnonzero(unknown & given.eq(text).to_numpy()):
            per_row[int(i)] = dict(hints)
    ind_col = "indicator" if long.labels.get("indicator") else "indicator_name"
    rep.add(unknown, "unknown_indicator", ind_col, given, per_row=per_row)
    d["indicator"] = code.fillna("")

    # period
    def read_period(text: str):
        try:
            return parse_period(text)
        except PeriodError as exc:
            return exc

    codes, uniques = pd.factorize(d["period"])
    table = [read_period(u) for u in uniques]
    ok_u = np.array([not isinstance(p, Exception) for p in table] + [False], dtype=bool)
    is_period = ok_u[codes]
    bad_period = ~is_period & ~formula_cols["period"]
    rep.add(
        bad_period,
        "bad_period",
        "period",
        d["period"],
        per_row={int(i): {"reason": _reason(table[codes[i]])} for i in np.flatnonzero(bad_period)},
    )

    def per_period(func, default) -> np.ndarray:
        vals = [func(p) if ok else default for p, ok in zip(table, ok_u, strict=False)]
        return np.array([*vals, default], dtype=object)[codes]

    for attr, default in (("code", ""), ("kind", None), ("start", None), ("end", None)):
        d[f"period_{attr}"] = per_period(lambda p, a=attr: getattr(p, a), default)
    d["period_code"] = d["period_code"].astype(str)

    # unit list: as written, or the one in force at the end of the period
    inferred = pd.Series(per_period(lambda p: unit_list_for(p.end), ""), index=d.index)
    d["unit_list"] = d["unit_list"].mask(d["unit_list"].eq(""), inferred)
    bad_list = (~d["unit_list"].isin(UNIT_LISTS) & d["unit_list"].ne("")).to_numpy()
    bad_list = bad_list & ~formula_cols["unit_list"]
    rep.add(bad_list, "bad_unit_list", "unit_list", d["unit_list"], lists=" / ".join(UNIT_LISTS))

    # unit, by code or by name, in that list
    matcher = matcher or UnitMatcher(regions)
    _check_units(d, rep, matcher, formula_cols, regions)

    # the unit list must have existed during the period
    _check_unit_period(d, rep, regions)

    # numbers; XLSX cells that held numbers are exact and say nothing about the decimal mark
    typed = {c: _typed_mask(d, c) for c in ("value", "numerator", "denominator")}
    if decimal is None:
        texts = [d.loc[~typed[c], c] for c in ("value", "numerator", "denominator")]
        decimal = detect_decimal(texts, delimiter)
    nums = {}
    for col in ("value", "numerator", "denominator") if has_parts else ("value",):
        values, bad = parse_numbers(d[col], decimal)
        if typed[col].any():
            exact, exact_bad = parse_numbers(d.loc[typed[col], col], ".")
            values[typed[col]], bad[typed[col]] = exact, exact_bad
        bad = bad & ~formula_cols[col]
        nums[col] = values
        texts = d[col]
        per_row = {}
        for i in np.flatnonzero(bad):
            try:
                parse_number(texts.iat[i], decimal)
                reason = None
            except NumberError as exc:
                reason = _reason(exc)
            rule = "ambiguous_number" if reason and "ambiguous" in reason[1] else "not_a_number"
            per_row[int(i)] = {"reason": reason, "_rule": rule}
        for rule in ("ambiguous_number", "not_a_number"):
            picked = {i: {"reason": v["reason"]} for i, v in per_row.items() if v["_rule"] == rule}
            mask = np.zeros(len(d), dtype=bool)
            mask[list(picked)] = True
            rep.add(mask, rule, col, texts, per_row=picked)
    value = nums["value"]
    num = nums.get("numerator", np.full(len(d), np.nan))
    den = nums.get("denominator", np.full(len(d), np.nan))
    marks = np.where(typed["value"], ".", decimal or "")
    value = _value_rules(d, rep, catalog, value, num, den, has_parts, marks)

    # status
    fallback = default_status if default_status in STATUSES else "published"
    status = _lookup(d["status"], lambda s: STATUS_ALIASES.get(fold(s)) if s else fallback, "")
    bad_status = (status == "") & ~formula_cols["status"]
    rep.add(bad_status, "bad_status", "status", d["status"],
            statuses=", ".join(STATUSES))  # fmt: skip
    d["status"] = status

    frame = pd.DataFrame(
        {
            "indicator": d["indicator"],
            "unit_list": d["unit_list"],
            "region": d["region_code"],
            "period": d["period_code"],
            "value": value,
            "numerator": num,
            "denominator": den,
            "status": d["status"],
            "source": d["source"],
            "note": d["note"],
            "period_kind": d["period_kind"],
            "period_start": d["period_start"],
            "period_end": d["period_end"],
        }
    )
    _check_duplicates(frame, rep)
    good = ~rep.bad
    if history is not None and good.any():
        _warn_jumps(frame, good, rep, catalog, history)
    out = frame[good][[*columns, *PERIOD_COLUMNS]].reset_index(drop=True)
    for col in out.columns:
        if col in ("value", "numerator", "denominator"):
            out[col] = out[col].astype("float64")
        elif col not in ("period_start", "period_end"):
            out[col] = out[col].astype(str)
    rejected = sorted({int(r) for r in rep.rows[rep.bad]})
    return Validated(out, sort_problems(_once(rep.problems)), rejected, rows_read, decimal)


def _once(problems: list[Problem]) -> list[Problem]:
    """A yearbook row repeats its unit name for every year column: one problem per cell."""
    seen: dict[tuple, Problem] = {}
    for p in problems:
        seen.setdefault((p.row, p.column, p.rule, p.value, p.reason_en), p)
    return list(seen.values())


def _typed_mask(d: pd.DataFrame, col: str) -> np.ndarray:
    """Cells of `col` that an XLSX held as numbers (written with a decimal point by `reading`)."""
    flag = f"_typed_{col}"
    if flag not in d:
        return np.zeros(len(d), dtype=bool)
    return d[flag].fillna(False).to_numpy(dtype=bool)


def _missing_columns(present, columns: list[str]) -> list[str]:
    have = set(present)
    missing = []
    if not have & {"indicator", "indicator_name"}:
        missing.append("indicator")
    if not have & {"region", "region_name"}:
        missing.append("region")
    if not have & {"period", "year"}:
        missing.append("period")
    parts = "numerator" in columns and {"numerator", "denominator"} <= have
    if "value" not in have and not parts:
        missing.append("value")
    return missing


def _nothing(columns, probs, rejected, rows_read, decimal) -> Validated:
    frame = pd.DataFrame(columns=[*columns, *PERIOD_COLUMNS])
    return Validated(frame, sort_problems(probs), rejected, rows_read, decimal)


def _check_units(
    d: pd.DataFrame, rep: _Report, matcher: UnitMatcher, formula_cols, regions: pd.DataFrame
) -> None:
    """Resolve each row's unit once per distinct (unit list, code, name)."""
    other = _OtherList(rep, matcher, regions)
    totals: list[tuple[str, str, np.ndarray]] = []
    keys = d[["unit_list", "region", "region_name"]]
    codes = np.full(len(d), "", dtype=object)
    groups = keys.groupby(["unit_list", "region", "region_name"], sort=False).indices
    for (ul, code, name), idx in groups.items():
        if ul not in UNIT_LISTS or formula_cols["region"][idx[0]]:
            continue
        if formula_cols["region_name"][idx[0]] and not code:
            continue
        mask = np.zeros(len(d), dtype=bool)
        mask[idx] = True
        if code:
            found = matcher.by_code(ul, code)
            if found is None and other.elsewhere(ul, code, None):
                other.report(mask, "region", code, *other.elsewhere(ul, code, None))
                continue
            if found is None:
                hint = matcher.by_name(ul, name).code if name else None
                label = [matcher.label(ul, hint)] if hint else []
                rep.add(mask, "unknown_unit", "region", code, unit_list=ul, **_suggest(label))
                continue
            named = name and not formula_cols["region_name"][idx[0]]
            if named and not matcher.name_fits(ul, found, name):
                unit = matcher.unit(ul, found)
                rep.add(mask, "unit_name_mismatch", "region_name", name, code=found,
                        unit_list=ul, name=unit["name"])  # fmt: skip
                continue
            codes[idx] = found
        elif name and is_total(name):
            totals.append((ul, name, mask))
        elif name:
            m = matcher.by_name(ul, name)
            if m.rule == "unknown_unit_name" and other.elsewhere(ul, None, name):
                other.report(mask, "region_name", name, *other.elsewhere(ul, None, name))
                continue
            if m.code is None:
                rule = m.rule or "unknown_unit_name"
                rep.add(mask, rule, "region_name", name, unit_list=ul,
                        **_suggest(list(m.suggestions)))  # fmt: skip
                continue
            codes[idx] = m.code
        else:
            column = "region" if "region" in rep.labels else "region_name"
            rep.add(mask, "missing_unit", column, "")
    for ul, name, mask in totals:
        found = _total_province(d, codes, matcher, ul)
        if isinstance(found, str):
            codes[mask] = found
        else:
            labels = [matcher.label(ul, c) for c in found]
            rep.add(mask, "ambiguous_unit_name", "region_name", name, unit_list=ul,
                    **_suggest(labels))  # fmt: skip
    d["region_code"] = codes
    d["level"] = _levels(d, matcher)


def _total_province(d: pd.DataFrame, codes: np.ndarray, matcher: UnitMatcher, ul: str):
    """The province a 'Tổng số' row totals: the list's only one, else the one the file's other
    units of that list belong to; else the candidates, for the analyst to choose by code."""
    provinces = matcher.provinces(ul)
    if len(provinces) == 1:
        return provinces[0]
    mine = codes[(d["unit_list"].to_numpy() == ul) & (codes != "")]
    parents = {matcher.unit(ul, c)["province_code"] for c in set(mine)}
    parents = [p for p in provinces if p in parents]
    return parents[0] if len(parents) == 1 else provinces


class _OtherList:
    """A unit missing from the row's list but found in the other one did exist, in other
    years: 'not in this period' says what to fix, where 'unknown name' would mislead."""

    def __init__(self, rep: _Report, matcher: UnitMatcher, regions: pd.DataFrame):
        self.rep, self.matcher, self.regions = rep, matcher, regions
        self.spans = regions.groupby("unit_list")[["valid_from", "valid_to"]].first()

    def elsewhere(self, ul: str, code: str | None, name: str | None) -> tuple[str, str] | None:
        """(other unit list, code there) when the code or name is found only there."""
        for other in UNIT_LISTS:
            if other == ul:
                continue
            found = self.matcher.by_code(other, code) if code else None
            if found is None and name:
                found = self.matcher.by_name(other, name).code
            if found is not None:
                return other, found
        return None

    def report(self, mask: np.ndarray, col: str, value: str, other: str, code: str) -> None:
        vf, vt = self.spans.loc[other, "valid_from"], self.spans.loc[other, "valid_to"]
        valid = f"{_date(vf) or '…'} – {_date(vt) or '…'}"
        new = self._successors(code) if other == LEGACY else []
        hint = _now_named(new)
        self.rep.add(mask, "unit_not_in_period", col, value, unit_list=other, valid=valid, **hint)

    def _successors(self, code: str) -> list[str]:
        """The new unit(s) an old unit went into, from the reform's crosswalk."""
        from indicators.geography.crosswalk import crosswalk

        xw = crosswalk(self.regions)
        level = self.matcher.unit(LEGACY, code)["level"]
        if level == "province":
            codes = xw.loc[xw["old_province_code"] == code, "new_province_code"]
        elif level == "district":
            codes = xw.loc[xw["old_district_code"] == code, "new_code"]
        else:
            codes = xw.loc[xw["old_code"] == code, "new_code"]
        codes = [c for c in dict.fromkeys(codes) if self.matcher.has(NEW, c)]
        return [self.matcher.label(NEW, c) for c in codes[:3]] + (["…"] if len(codes) > 3 else [])


def _now_named(labels: list[str]) -> dict[str, str]:
    if not labels:
        return {"new_vi": "", "new_en": ""}
    shown = "; ".join(labels)
    return {"new_vi": f" Đơn vị này nay thuộc: {shown}.", "new_en": f" This unit is now: {shown}."}


def _levels(d: pd.DataFrame, matcher: UnitMatcher) -> pd.Series:
    """Each row's unit level, looked up once per distinct unit."""
    key = d["unit_list"] + "|" + d["region_code"]
    return pd.Series(
        _lookup(key, lambda k: matcher.unit(*k.split("|"))["level"] if k[-1] != "|" else ""),
        index=d.index,
    )


def _check_unit_period(d: pd.DataFrame, rep: _Report, regions: pd.DataFrame) -> None:
    """Old units after 1 July 2025, or new communes before it, did not exist then.

    Provinces of the new list may carry earlier figures: rankings such as DTI 2024 were
    published for the 34 new provinces.
    """
    spans = regions.groupby("unit_list")[["valid_from", "valid_to"]].first()
    ok = d["region_code"].ne("") & d["period_code"].ne("")
    periods = {c: parse_period(c) for c in pd.unique(d.loc[ok, "period_code"].to_numpy(object))}
    for ul, (vf, vt) in spans.iterrows():
        in_list = ok & d["unit_list"].eq(ul)
        if not in_list.any():
            continue
        late = [c for c, p in periods.items() if pd.notna(vt) and p.start > vt]
        early = [c for c, p in periods.items() if pd.notna(vf) and p.end < vf]
        outside = d["period_code"].isin(late) | (
            d["period_code"].isin(early) & d["level"].ne("province")
        )
        mask = (in_list & outside).to_numpy(dtype=bool) & ~rep.bad
        valid = f"{_date(vf) or '…'} – {_date(vt) or '…'}"
        rep.add(mask, "unit_not_in_period", "unit_list" if "unit_list" in rep.labels else "period",
                d["period"], unit_list=ul, valid=valid, **_now_named([]))  # fmt: skip


def _date(x) -> str:
    return "" if x is None or pd.isna(x) else f"{x:%d/%m/%Y}"


def _value_rules(
    d, rep: _Report, catalog: Catalog, value, num, den, has_parts, marks=None
) -> np.ndarray:
    """Ratio from its parts; missing values; ranges; parts that disagree with the value."""
    codes = d["indicator"]
    inds = list(catalog)
    kind = _lookup(codes, {i.code: i.kind for i in inds}, "")
    pct = _lookup(codes, {i.code: i.is_percent for i in inds}, False).astype(bool)
    scale = _lookup(codes, {i.code: i.scale for i in inds}, 1.0).astype(float)
    tol = _lookup(codes, {i.code: 0.5 * 10 ** (-i.decimals) + 1e-9 for i in inds}, 0.0)
    tol = tol.astype(float)
    known = codes.ne("").to_numpy()
    given = ~np.isnan(value)
    parts = ~np.isnan(num) & ~np.isnan(den)
    texts = {c: d[c] for c in ("value", "numerator", "denominator")}
    clean = ~rep.bad.copy()

    zero = known & ~given & parts & (den == 0) & clean
    rep.add(zero, "zero_denominator", "denominator", texts["denominator"])
    with np.errstate(divide="ignore", invalid="ignore"):
        computed = num / den * scale
    fill = known & ~given & parts & (den != 0)
    value = np.where(fill, computed, value)
    missing = np.isnan(value) & clean & ~zero
    rep.add(missing, "missing_value", "value", "")

    ok = clean & known & ~np.isnan(value)
    ratio = kind == "ratio"
    neg_parts = ok & ratio & parts & ((num < 0) | (den < 0))
    if neg_parts.any():
        rep.add(neg_parts, "negative_parts", "numerator", _pair(texts))
    ok = ok & ~neg_parts
    above = ok & ratio & parts & pct & (num > den)
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
        rep.add(ok & ratio & ~parts & below, "ratio_needs_parts", "_parts", "")
    with np.errstate(invalid="ignore"):
        off = ok & ratio & parts & given & (den != 0) & (np.abs(value - computed) > tol)
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
    return texts["numerator"] + "/" + texts["denominator"]


def _check_duplicates(frame: pd.DataFrame, rep: _Report) -> None:
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


def _warn_jumps(frame, good, rep: _Report, catalog: Catalog, history: pd.DataFrame) -> None:
    """Warn when a value is over 3x or under 1/3 of the unit's previous-period value.

    The previous value comes from this file if it holds it, else from the store (`history`).
    Ranks and indexes move freely, and a previous 0 says nothing about scale: both skipped.
    """
    kinds = {i.code: i.kind for i in catalog}
    cur = frame[good].assign(_i=np.flatnonzero(good))
    cur = cur[cur["indicator"].map(kinds).isin(("count", "ratio", "amount"))]
    if cur.empty:
        return
    prev_code = _map_unique(cur["period"], lambda p: parse_period(p).previous().code)
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


# --- the bundled data and scripts ----------------------------------------------------------------
