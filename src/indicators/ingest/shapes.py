"""Table shapes: a long table (one value per row) or a wide yearbook table (periods as columns).

Both become one long text frame with canonical column names, each row keeping the file row it
came from and the header of the column that held its value, so that problems point at the
cell the analyst must fix. In a yearbook table a 'Sơ bộ' / 'Prel.' marker on the latest column
makes its values preliminary, and the growth column 'Năm trước = 100' is derived, so skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from indicators.core.folding import fold
from indicators.core.problems import Problem, rule_problem
from indicators.ingest.headers import header_key, is_growth, period_header, status_marker
from indicators.ingest.reading import RawTable

LONG, WIDE = "long", "wide"
NUMBER_KEYS = ("value", "numerator", "denominator")
# Cells a yearbook leaves for "no figure": skipped, not errors.
_NO_FIGURE = {"", "-", "--", "..", "...", "…", "—", "–", "x", "n/a", "na"}


@dataclass
class LongText:
    """Text cells in canonical columns, plus `_row` (file row) and `_value_col` (the header of
    the cell holding the value). `labels` maps a canonical column to its header in the file."""

    frame: pd.DataFrame
    labels: dict[str, str]
    shape: str
    problems: list[Problem] = field(default_factory=list)


def to_long(raw: RawTable) -> LongText:
    """Map headers to canonical columns and melt a wide table; report what was skipped."""
    header_row = raw.detected.header_row
    probs: list[Problem] = []
    keys: dict[int, str] = {}
    periods: dict[int, tuple[str, str | None]] = {}
    for j, text in enumerate(raw.header):
        key = header_key(text) if text else None
        per = period_header(text) if text and key is None else None
        filled = bool(j in raw.cells.columns and raw.cells[j].ne("").any())
        if key is not None:
            if key in keys.values():
                probs.append(rule_problem("duplicate_column", header_row, text, text, name=key))
                continue
            keys[j] = key
        elif per is not None:
            periods[j] = per
        elif text and is_growth(text):
            probs.append(rule_problem("growth_column", header_row, text, severity="note"))
        elif text:
            probs.append(rule_problem("column_ignored", header_row, text, severity="note"))
        elif filled:
            bad = raw.cells[j].ne("").to_numpy()
            for n, v in zip(raw.rows[bad][:20], raw.cells.loc[bad, j][:20], strict=False):
                probs.append(rule_problem("extra_cells", int(n), f"#{j + 1}", v))
    labels = {key: raw.header[j] for j, key in keys.items()}
    base = pd.DataFrame({key: raw.cells[j] for j, key in keys.items()}, index=raw.cells.index)
    base["_row"] = raw.rows
    if raw.typed is not None:  # numbers typed as numbers in XLSX: read exactly, not re-guessed
        for j, key in keys.items():
            if key in NUMBER_KEYS:
                base[f"_typed_{key}"] = raw.typed[j].to_numpy(dtype=bool)
    wide = bool(periods) and not {"value", "numerator", "denominator"} & set(keys.values())
    if not wide:
        base["_value_col"] = labels.get("value", "value")
        return LongText(_merge_year(base, labels), labels, LONG, probs)
    return LongText(_melt(raw, base, periods, labels), labels, WIDE, probs)


def _merge_year(df: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """'Năm' and 'Kỳ' side by side ('2020' and 'Quý 2') make one period ('Quý 2/2020')."""
    if "year" not in df:
        return df
    if "period" not in df:
        labels["period"] = labels.pop("year")
        return df.rename(columns={"year": "period"})
    has_year = df["period"].str.contains(r"\d{4}", regex=True)
    joined = df["period"] + "/" + df["year"]
    keep = has_year | df["year"].eq("") | df["period"].eq("")
    df["period"] = df["period"].where(keep, joined)
    df["period"] = df["period"].mask(df["period"].eq(""), df["year"])
    return df.drop(columns="year")


def _melt(
    raw: RawTable,
    base: pd.DataFrame,
    periods: dict[int, tuple[str, str | None]],
    labels: dict[str, str],
) -> pd.DataFrame:
    """One long row per filled period cell; the period comes from the column's header."""
    cells = raw.cells
    marks = _marker_row(cells, periods)
    if marks is not None:  # a second header line holding only 'Sơ bộ' under a year
        for j, status in marks.items():
            periods[j] = (periods[j][0], periods[j][1] or status)
        keep = cells.index != cells.index[0]
        cells, base = cells[keep], base[keep]
    base = base.drop(columns=["year", "period"], errors="ignore")
    parts = []
    for j, (code, status) in periods.items():
        values = cells[j]
        filled = ~values.map(fold).isin(_NO_FIGURE).to_numpy()
        part = base[filled].copy()
        part["period"] = code
        part["value"] = values[filled]
        if raw.typed is not None:
            part["_typed_value"] = raw.typed.loc[cells.index, j].to_numpy(dtype=bool)[filled]
        if status:
            part["status"] = status
        part["_value_col"] = raw.header[j]
        part["_order"] = j
        parts.append(part)
    labels.setdefault("status", "status")
    labels["period"] = "period"
    if not parts:
        return base.iloc[0:0].assign(period="", value="", _value_col="")
    out = pd.concat(parts, ignore_index=True)
    if "status" in out:
        out["status"] = out["status"].fillna("")
    out = out.sort_values(["_row", "_order"], kind="stable", ignore_index=True)
    return out.drop(columns="_order")


def _marker_row(cells: pd.DataFrame, periods: dict[int, tuple[str, str | None]]):
    """{column: status} if the first body row only marks period columns ('Sơ bộ')."""
    if cells.empty:
        return None
    first = cells.iloc[0]
    marks = {j: status_marker(first[j]) for j in periods if first[j] != ""}
    others = [c for c in cells.columns if c not in periods and first[c] != ""]
    if marks and all(marks.values()) and not others:
        return marks
    return None
