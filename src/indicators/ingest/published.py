"""What a published table's body means: periods down the rows or across the columns, units or
series down the rows, blocks, and every filled cell as one value with its period and unit.

    yearbook time series   years down the rows, series across the columns, one area
    district table         units down the rows, years across the columns, one series
    report annex           series down the rows, periods across the columns, one area
    ranking                units down the rows, score / rank / pillar columns, one period

A running number ("TT", "STT") is not the rank and is never read; a cell holding a rank and a
score ("07 (0,678)") becomes two series; a growth-index block or column is marked so that it is
used to cross-check the values it derives from, not stored. The numbers are still text here:
`conventions` decides how each series is printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from indicators.core.folding import fold
from indicators.core.problems import Problem, rule_problem
from indicators.ingest.headers import is_growth, period_header, status_marker
from indicators.ingest.layout import (
    LEVEL_SEP,
    NO_FIGURE,
    Parts,
    find_parts,
    is_figure,
    title_year,
)
from indicators.ingest.raw_table import Grid

ROWS, COLUMNS, NONE = "rows", "columns", "none"  # where the periods are
AXES = (ROWS, COLUMNS, NONE)
PERIODS, UNITS, SERIES = "periods", "units", "series"  # what the rows are
RANK, SCORE = "rank", "score"
_COUNTERS = frozenset({"tt", "stt", "so tt", "so thu tu", "thu tu", "no", "no.", "#", "ord"})
_RANK_SCORE = re.compile(r"^\s*(\d{1,3})\s*\(\s*(\d[\d.,]*)\s*\)\s*$")
_MONTH_YY = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-/ ](\d{2})$")
_MOSTLY = 0.6


def problem(rule: str, row=None, column=None, value=None, *, severity="note", **kw) -> Problem:
    """A problem of a published table, worded from `published.rule.<rule>` (and its hint)."""
    return rule_problem(rule, row, column, value, severity=severity, area="published", **kw)


@dataclass(frozen=True)
class Series:
    """One series of the table: a column (or a row) within a block, or half of a split cell."""

    key: str  # stable id across editions: block › label (› rank/score)
    label: str  # as printed (header rows joined, or the row's label)
    block: str = ""
    growth: bool = False  # a growth index ("Năm trước = 100"): a cross-check, not stored
    part: str = ""  # RANK or SCORE for a split "07 (0,678)" cell


@dataclass
class Published:
    """A published table read: its parts, what its rows and columns are, and its values
    (one row per filled cell: series, period, status, area, text, row, column, typed)."""

    parts: Parts
    axis: str
    rows_are: str
    series: list[Series]
    values: pd.DataFrame
    ignored: list[str] = field(default_factory=list)  # column labels not read, and why
    read_as: list[tuple[str, str]] = field(default_factory=list)  # ('Dec-06', '2006')
    default_period: str | None = None  # a one-period table's year, from its title

    @property
    def title(self) -> str:
        return self.parts.title

    def labels(self) -> list[str]:
        """The series labels, for recognising the next edition of the same table."""
        return [s.key for s in self.series]


def read_published(
    grid: Grid, is_unit: Callable[[str], bool], axis: str | None = None
) -> Published | None:
    """The table in `grid` as published; None when it holds no labelled figures.

    `is_unit` tells whether a row label names an administrative unit (or a total row);
    `axis` where the periods are when the analyst said so (ROWS, COLUMNS or NONE), else found."""
    parts = find_parts(grid)
    if parts is None or not parts.body:
        return None
    # plain arrays: a cell is read several times, and pandas' .iat costs ~10 µs a read
    cells = grid.cells.fillna("").astype(str).to_numpy(dtype=object)
    typed = grid.typed.to_numpy(dtype=bool) if grid.typed is not None else None
    body = [r for r, _ in parts.body]
    ignored: list[str] = []
    stub, value_cols = _columns(cells, body, parts, ignored)
    if stub is None or not value_cols:
        return None
    stubs = [cells[r, stub].strip() for r in body]
    read_as: list[tuple[str, str]] = []
    col_periods = _column_periods(parts, value_cols, read_as)
    if axis is None and _share(stubs, lambda s: period_header(s) is not None) >= _MOSTLY:
        axis = ROWS
    elif axis is None:
        axis = COLUMNS if len(col_periods) >= max(1, _MOSTLY * len(value_cols)) else NONE
    rows_are = PERIODS if axis == ROWS else UNITS if _share(stubs, is_unit) >= 0.5 else SERIES
    if axis == COLUMNS:
        dropped = [j for j in value_cols if j not in col_periods]
        ignored += [parts.labels[j] or f"#{j + 1}" for j in dropped]
        value_cols = [j for j in value_cols if j in col_periods]
    reader = _Reader(cells, typed, parts, stub, axis, rows_are, col_periods)
    values, series = reader.read(value_cols)
    default = title_year(parts.title) if axis == NONE else None
    return Published(parts, axis, rows_are, series, values, ignored, read_as, default)


def _share(texts: list[str], test: Callable[[str], bool]) -> float:
    filled = [t for t in texts if t]
    return sum(1 for t in filled if test(t)) / len(filled) if filled else 0.0


def _columns(
    cells: np.ndarray, body: list[int], parts: Parts, ignored: list[str]
) -> tuple[int | None, list[int]]:
    """The label column (the first with labels, not figures) and the columns with figures;
    running numbers and extra text columns are listed in `ignored`."""
    stub: int | None = None
    values: list[int] = []
    for j in range(parts.width):
        col = [cells[r, j].strip() for r in body]
        label = parts.labels[j] if j < len(parts.labels) else ""
        if not any(col):
            continue
        if fold(label).strip(" .:") in _COUNTERS or (stub is None and _counts_up(col)):
            ignored.append(label or f"#{j + 1}")
            continue
        labels_here = _share(col, lambda c: period_header(c) is not None or not is_figure(c))
        if stub is None and labels_here >= _MOSTLY:
            stub = j
        elif labels_here >= _MOSTLY and not _share(col, _rank_score) >= _MOSTLY:
            ignored.append(label or f"#{j + 1}")
        elif stub is not None:
            values.append(j)
    return stub, values


def _counts_up(col: list[str]) -> bool:
    """1, 2, 3, …: a running number printed without a header."""
    nums = [c for c in col if c]
    return (
        len(nums) >= 3
        and all(c.isdigit() for c in nums)
        and [int(c) for c in nums] == list(range(int(nums[0]), int(nums[0]) + len(nums)))
    )


def _rank_score(text: str) -> bool:
    return bool(_RANK_SCORE.match(text.replace("\n", " ")))


def _column_periods(
    parts: Parts, cols: list[int], read_as: list[tuple[str, str]]
) -> dict[int, tuple[str, str | None]]:
    """{column: (period code, status)} for the columns headed by a period ('2016', 'Sơ bộ -
    Prel. 2020', 'Dec-06' as Excel turned 2006 into a date)."""
    found: dict[int, tuple[str, str | None]] = {}
    accidents: dict[int, str] = {}
    for j in cols:
        levels = parts.labels[j].split(LEVEL_SEP) if j < len(parts.labels) else []
        marks = [status_marker(level) for level in levels]
        for level in reversed(levels):
            if (ph := period_header(level)) is not None:
                status = ph[1] or next((m for m in marks if m), None)
                found[j] = (ph[0], status)
                break
            if m := _MONTH_YY.match(fold(level)):
                accidents[j] = level
                found[j] = (_year_of(m.group(2)), None)
                break
    if _years_meant(found):  # Excel turned a typed year into a date ('Dec-06', '12/2006')
        for j, (code, status) in list(found.items()):
            if re.fullmatch(r"\d{4}-\d{2}", code) and j not in accidents:
                accidents[j] = parts.labels[j]
                found[j] = (code[:4], status)
    read_as += [(label, found[j][0]) for j, label in accidents.items()]
    return found


def _years_meant(found: dict[int, tuple[str, str | None]]) -> bool:
    """Months among year columns, or one month of consecutive years ('12/2016' … '12/2020'):
    the dates Excel made of typed years, not a monthly table."""
    codes = [code for code, _ in found.values()]
    months = [c for c in codes if re.fullmatch(r"\d{4}-\d{2}", c)]
    years = [c for c in codes if re.fullmatch(r"\d{4}", c)]
    if len(years) >= 2 and months:
        return True
    one_month = len({m[5:] for m in months}) == 1 and len({m[:4] for m in months}) == len(months)
    return len(months) >= 2 and len(months) == len(codes) and one_month


def _year_of(yy: str) -> str:
    n = int(yy)
    return str(2000 + n if n < 70 else 1900 + n)


class _Reader:
    """Turns the body's cells into one row per value, building the series as it goes."""

    def __init__(self, cells, typed, parts, stub, axis, rows_are, col_periods):
        self.cells, self.typed, self.parts = cells, typed, parts
        self.stub, self.axis, self.rows_are = stub, axis, rows_are
        self.col_periods = col_periods
        self.series: dict[str, Series] = {}
        self.one_block = len(parts.blocks) <= 1
        self.one_column = True

    def read(self, value_cols: list[int]) -> tuple[pd.DataFrame, list[Series]]:
        split = {j for j in value_cols if self._splits(j)}
        self.one_column = len(value_cols) == 1
        out = []
        for r, block in self.parts.body:
            label = self.cells[r, self.stub].strip()
            for j in value_cols:
                text = self.cells[r, j].strip()
                if not text or fold(text) in NO_FIGURE:
                    continue
                typed = bool(self.typed[r, j]) if self._has_typed(r, j) else False
                period, status = self._period(label, j)
                area = label if self.rows_are == UNITS else ""
                if j in split and (m := _RANK_SCORE.match(text.replace("\n", " "))):
                    for part, piece in ((RANK, m.group(1)), (SCORE, m.group(2))):
                        key = self._series(block, label, j, part)
                        out.append((key, period, status, area, piece, r + 1, j, False))
                    continue
                key = self._series(block, label, j, "")
                out.append((key, period, status, area, text, r + 1, j, typed))
        cols = ["series", "period", "status", "area", "text", "row", "column", "typed"]
        return pd.DataFrame(out, columns=cols), list(self.series.values())

    def _has_typed(self, r: int, j: int) -> bool:
        return self.typed is not None and r < self.typed.shape[0] and j < self.typed.shape[1]

    def _splits(self, j: int) -> bool:
        col = [self.cells[r, j].strip() for r, _ in self.parts.body]
        return _share(col, _rank_score) >= _MOSTLY

    def _period(self, label: str, j: int) -> tuple[str, str | None]:
        if self.axis == ROWS:
            ph = period_header(label)
            return (ph[0], ph[1]) if ph else ("", None)
        if self.axis == COLUMNS:
            return self.col_periods[j]
        return "", None

    def _series(self, block: str, row_label: str, j: int, part: str) -> str:
        """The series a cell belongs to (created on first sight), by its key."""
        column = self.parts.labels[j] or f"#{j + 1}"
        if self.axis == COLUMNS and self.rows_are == SERIES:
            label = row_label
        elif self.axis == COLUMNS:
            label = self.parts.title or "—"
        elif self.axis == NONE and self.rows_are == SERIES:  # one period: a row a series
            label = row_label if self.one_column else f"{row_label}{LEVEL_SEP}{column}"
        else:
            label = column
        head = [] if self.one_block or not block else [block]
        key = LEVEL_SEP.join([*head, label, *([part] if part else [])])
        if key not in self.series:
            growth = is_growth(block) or is_growth(label)
            self.series[key] = Series(key, label, block, growth, part)
        return key
