"""Validation: text cells in canonical columns -> the canonical long frame, or what is wrong.

Canonical observation columns (one row per indicator × unit × period):
    indicator, unit_list, region, period, value, numerator, denominator, status, source, note
Every problem names the file row, the column as headed in the file, the value, the rule and a
hint, in Vietnamese and English (`report`). Checks work on whole columns (pandas, Arrow), and
on the distinct values of a column where a Python function must look (periods, names:
`distinct`); rows are compared by integer keys found on the way (`row_keys`), so a million-row
file is checked in seconds. `validate` runs the checks in order: formulas, indicators,
periods, unit lists, units (`unit_checks`), numbers (`number_columns`), value rules
(`value_checks`), statuses and free texts (`text_checks`), duplicate keys and jumps. Reading
the file is `reading`; its shape `shapes`; the entry point that chains them is
`check.check_upload`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.core.catalog import Catalog
from indicators.core.folding import fold
from indicators.core.i18n import WordedError
from indicators.core.numbers import AMBIGUOUS, NumberError, parse_number
from indicators.core.periods import PeriodError, parse_period
from indicators.core.problems import Problem, rule_problem, sort_problems
from indicators.core.schema import OBS_COLUMNS, PERIOD_COLUMNS
from indicators.geography.units import UNIT_LISTS, unit_list_for
from indicators.ingest.arrow_text import TEXT, may_contain
from indicators.ingest.distinct import Distinct, lookup
from indicators.ingest.headers import accepted_names
from indicators.ingest.number_columns import detect_decimal, parse_numbers, whole_thousands
from indicators.ingest.report import Report, suggest
from indicators.ingest.row_keys import RowKeys
from indicators.ingest.shapes import LongText
from indicators.ingest.text_checks import check_statuses, check_text_lengths
from indicators.ingest.unit_checks import check_unit_period, check_units
from indicators.ingest.unitmatch import UnitMatcher
from indicators.ingest.value_checks import History, check_duplicates, value_rules, warn_jumps

# The columns read as text: the observation's, and the names analysts write beside the codes.
TEXT_COLUMNS = (
    "indicator",
    "indicator_name",
    "unit_list",
    "region",
    "region_name",
    *OBS_COLUMNS[3:],
)
NUMBER_COLUMNS = ("value", "numerator", "denominator")


@dataclass
class Validated:
    """The valid rows in canonical form and every problem found; `decimal` as read."""

    frame: pd.DataFrame
    problems: list[Problem]
    rejected_rows: list[int]
    rows_read: int
    decimal: str | None


def _reason(exc: WordedError) -> tuple[str, str]:
    """An error worded in both languages, for a problem's `reason_vi` and `reason_en`."""
    return exc.text("vi"), exc.text("en")


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
    history: History | None = None,
    matcher: UnitMatcher | None = None,
    max_text_chars: int | None = None,
) -> Validated:
    """Check every cell of a long text frame; return the valid rows and every problem.

    `max_text_chars` bounds a row's source and note (`[uploads] max_text_chars`)."""
    d = _text_cells(long.frame)
    rows_read = _rows_read(d)
    missing = _missing_columns(long.frame.columns, columns)
    if missing:
        probs = [
            rule_problem(
                "missing_column", header_row, name, name=name, accepted=accepted_names(name)
            )
            for name in missing
        ]
        return _nothing(columns, probs, sorted(set(d["_row"].astype(int))), rows_read, decimal)
    rep = Report(d, long.labels)
    formulas = _check_formulas(d, rep)
    indicators = _check_indicators(d, rep, catalog, formulas)
    periods, in_force = _check_periods(d, rep, formulas)
    _check_unit_lists(d, rep, formulas, in_force)
    units = check_units(d, rep, matcher or UnitMatcher(regions), formulas, regions)
    keys = RowKeys(indicators, units, periods)
    check_unit_period(d, rep, regions)
    has_parts = "numerator" in columns
    nums, decimal, marks = _read_numbers(d, rep, formulas, decimal, delimiter, has_parts, catalog)
    value, num, den = (nums[c] for c in NUMBER_COLUMNS)
    value = value_rules(d, rep, catalog, keys.indicator, (value, num, den), has_parts, marks)
    check_statuses(d, rep, formulas, default_status)
    if max_text_chars is not None:
        check_text_lengths(d, rep, max_text_chars)
    frame = _canonical(d, value, num, den)
    check_duplicates(frame, rep, keys)
    good = ~rep.bad
    if history is not None and good.any():
        warn_jumps(frame, good, rep, catalog, history, keys)
    kept = frame if good.all() else frame[good]  # a clean file: no copy of a million rows
    out = _typed(kept[[*columns, *PERIOD_COLUMNS]].reset_index(drop=True))
    problems = sort_problems(rep.unique_problems())
    return Validated(out, problems, rep.rejected_rows(), rows_read, decimal)


def _rows_read(d: pd.DataFrame) -> int:
    """File rows the frame came from (a wide table's row gives several long rows)."""
    if "_row" not in d:
        return 0
    rows = d["_row"].to_numpy()
    if len(rows) < 2 or bool((rows[1:] > rows[:-1]).all()):  # one long row per file row
        return len(rows)
    return int(d["_row"].nunique())


def _text_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text column present, as strings ('' where the file has none)."""
    d = frame.copy()
    for col in TEXT_COLUMNS:
        if col not in d:
            d[col] = ""
        d[col] = d[col].astype(TEXT).fillna("")
    return d


def _check_formulas(d: pd.DataFrame, rep: Report) -> dict[str, np.ndarray]:
    """Formulas pasted instead of values are bad in any column: the cells that hold one."""
    formulas = {}
    for col in TEXT_COLUMNS:  # a column with no '=' at all is not searched cell by cell
        if not may_contain(d[col], "="):
            formulas[col] = np.zeros(len(d), dtype=bool)
            continue
        f = d[col].str.startswith("=").to_numpy(dtype=bool)
        formulas[col] = f
        rep.add(f, "formula", col, d[col])
    return formulas


def _check_indicators(
    d: pd.DataFrame, rep: Report, catalog: Catalog, formulas: dict[str, np.ndarray]
) -> Distinct:
    """The indicator, by code or by name (the closest names suggested): sets its code, and
    returns it coded ('' where unknown)."""
    known, names = _indicator_lookup(catalog)
    given = d["indicator"].mask(d["indicator"].eq(""), d["indicator_name"])

    def find_indicator(text: str) -> str | None:
        return text if text in catalog else known.get(fold(text))

    texts = Distinct(given)
    found = texts.answers(find_indicator)
    unknown = texts.spread([f is None for f in found], True, bool) & ~formulas["indicator"]
    hints: dict[int, dict[str, str]] = {}
    per_row = {}
    for i in np.flatnonzero(unknown):
        k = int(texts.codes[i])
        if k not in hints:
            close = difflib.get_close_matches(fold(texts.uniques[k]), names, 3, 0.6)
            hints[k] = suggest([known[c] for c in dict.fromkeys(close)])
        per_row[int(i)] = dict(hints[k])
    column = "indicator" if rep.labels.get("indicator") else "indicator_name"
    rep.add(unknown, "unknown_indicator", column, given, per_row=per_row)
    d["indicator"] = texts.spread_text(found, "")
    return texts.regroup([f or "" for f in found])


def _indicator_lookup(catalog: Catalog) -> tuple[dict[str, str], list[str]]:
    """Folded names (both languages) and codes -> code; and the folded names, sorted."""
    found: dict[str, str] = {}
    for ind in catalog:
        for name in (ind.name_vi, ind.name_en, ind.code):
            found.setdefault(fold(name), ind.code)
    return found, sorted(found)


def _check_periods(
    d: pd.DataFrame, rep: Report, formulas: dict[str, np.ndarray]
) -> tuple[Distinct, Callable[[], pd.Series]]:
    """Each period read once per distinct text: sets `period_code/kind/start/end`; returns
    the period coded ('' where bad), and how to get the unit list in force at the end of each
    row's period ('' where bad), needed only where a row names no unit list."""

    def read_period(text: str):
        try:
            return parse_period(text)
        except PeriodError as exc:
            return exc

    texts = Distinct(d["period"])
    table = [read_period(u) for u in texts.uniques]
    good = [p if not isinstance(p, Exception) else None for p in table]
    bad_period = texts.spread([p is None for p in good], True, bool) & ~formulas["period"]
    codes = texts.codes
    per_row = {int(i): {"reason": _reason(table[codes[i]])} for i in np.flatnonzero(bad_period)}
    rep.add(bad_period, "bad_period", "period", d["period"], per_row=per_row)
    d["period_code"] = texts.spread_text([p and p.code for p in good], "")
    d["period_kind"] = texts.spread_text([p and p.kind for p in good], None)
    d["period_start"] = texts.spread([p and p.start for p in good], None)
    d["period_end"] = texts.spread([p and p.end for p in good], None)
    coded = texts.regroup([p.code if p else "" for p in good])
    return coded, lambda: texts.spread_text([p and unit_list_for(p.end) for p in good], "")


def _check_unit_lists(
    d: pd.DataFrame,
    rep: Report,
    formulas: dict[str, np.ndarray],
    in_force: Callable[[], pd.Series],
) -> None:
    """The unit list as written, or the one in force at the end of the period."""
    blank = d["unit_list"].eq("")
    if blank.any():
        d["unit_list"] = d["unit_list"].mask(blank, in_force())
    bad_list = (~d["unit_list"].isin(UNIT_LISTS) & d["unit_list"].ne("")).to_numpy()
    bad_list = bad_list & ~formulas["unit_list"]
    rep.add(bad_list, "bad_unit_list", "unit_list", d["unit_list"], lists=" / ".join(UNIT_LISTS))


def _read_numbers(
    d: pd.DataFrame,
    rep: Report,
    formulas: dict[str, np.ndarray],
    decimal: str | None,
    delimiter: str | None,
    has_parts: bool,
    catalog: Catalog,
) -> tuple[dict[str, np.ndarray], str | None, np.ndarray]:
    """Value (and parts) as floats, NaN where empty or bad; the decimal mark, detected when not
    given; and each value cell's mark. XLSX cells that held numbers are exact and say nothing
    about the decimal mark. With the mark undecided, a whole-number indicator's '1.234' is 1234
    (`_whole_numbers`)."""
    typed = {c: _typed_mask(d, c) for c in NUMBER_COLUMNS}
    if decimal is None:
        written = [d.loc[~typed[c], c] if typed[c].any() else d[c] for c in NUMBER_COLUMNS]
        decimal = detect_decimal(written, delimiter)
    nums = {c: np.full(len(d), np.nan) for c in NUMBER_COLUMNS}
    for col in NUMBER_COLUMNS if has_parts else ("value",):
        values, bad = parse_numbers(d[col], decimal)
        if typed[col].any():
            exact, exact_bad = parse_numbers(d.loc[typed[col], col], ".")
            values[typed[col]], bad[typed[col]] = exact, exact_bad
        if decimal is None:
            bad &= ~_whole_numbers(d, rep, col, values, bad & ~typed[col] & ~formulas[col], catalog)
        nums[col] = values
        _number_problems(rep, col, d[col], bad & ~formulas[col], decimal)
    marks = np.where(typed["value"], ".", decimal or "")
    return nums, decimal, marks


def _whole_numbers(
    d: pd.DataFrame,
    rep: Report,
    col: str,
    values: np.ndarray,
    bad: np.ndarray,
    catalog: Catalog,
) -> np.ndarray:
    """Cells of whole-number indicators (catalog decimals 0; for a ratio's parts, those of the
    part's indicator) among `bad` written '1.234' or '30,000' read as 1234 and 30000 (in place
    in `values`), with one note per column naming how many cells and an example. Returns the
    cells so read."""

    if not bad.any():
        return bad.copy()

    def whole(code: str) -> bool:
        ind = catalog.get(code)
        if ind is not None and col != "value":
            ind = catalog.get(getattr(ind, col) or "")
        return ind is not None and ind.decimals == 0

    read, marks = whole_thousands(d[col], bad & lookup(d["indicator"], whole, False, bool))
    done = ~np.isnan(read)
    if not done.any():
        return done
    values[done] = read[done]
    columns = rep.value_cols if col == "value" else np.full(len(d), rep.label(col), dtype=object)
    cells = pd.DataFrame({"column": columns[done], "mark": marks[done], "i": np.flatnonzero(done)})
    for (column, mark), group in cells.groupby(["column", "mark"], sort=False):
        i = int(group["i"].iat[0])
        example = d[col].iat[i].strip()
        rep.problems.append(
            rule_problem(
                "whole_number_thousands", int(rep.rows[i]), column, example, severity="note",
                area="numcol", example=example, number=f"{read[i]:.0f}", mark=mark, n=len(group),
            )
        )  # fmt: skip
    return done


def _number_problems(
    rep: Report, col: str, texts: pd.Series, bad: np.ndarray, decimal: str | None
) -> None:
    """Each bad number, with the reason `parse_number` gives (ambiguous, or not a number)."""
    per_row = {}
    for i in np.flatnonzero(bad):
        try:
            parse_number(texts.iat[i], decimal)
            reason, ambiguous = None, False
        except NumberError as exc:
            reason, ambiguous = _reason(exc), exc.rule == AMBIGUOUS
        rule = "ambiguous_number" if ambiguous else "not_a_number"
        per_row[int(i)] = {"reason": reason, "_rule": rule}
    for rule in ("ambiguous_number", "not_a_number"):
        picked = {i: {"reason": v["reason"]} for i, v in per_row.items() if v["_rule"] == rule}
        mask = np.zeros(len(texts), dtype=bool)
        mask[list(picked)] = True
        rep.add(mask, rule, col, texts, per_row=picked)


def _canonical(
    d: pd.DataFrame, value: np.ndarray, num: np.ndarray, den: np.ndarray
) -> pd.DataFrame:
    """Every row in the canonical columns (valid or not: the caller keeps the good ones)."""
    return pd.DataFrame(
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


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    """Numbers as float64, dates as they are, everything else as text."""
    for col in out.columns:
        if col in NUMBER_COLUMNS:
            out[col] = out[col].astype("float64")
        elif col not in ("period_start", "period_end"):
            out[col] = out[col].astype(TEXT)
    return out


def _typed_mask(d: pd.DataFrame, col: str) -> np.ndarray:
    """Cells of `col` that an XLSX held as numbers (written with a decimal point by `reading`)."""
    flag = f"_typed_{col}"
    if flag not in d:
        return np.zeros(len(d), dtype=bool)
    return d[flag].fillna(False).to_numpy(dtype=bool)


def _missing_columns(present, columns: list[str]) -> list[str]:
    """The columns a file must have and lacks (a name or a code will do for each)."""
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
