"""A file's table as text cells under its header row: what `reading` (CSV) and `xlsx_cells`
(XLSX) both hand on to `shapes`, and the header search they share."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from indicators.core.problems import Problem, rule_problem
from indicators.ingest.arrow_text import TEXT, may_have_spaces
from indicators.ingest.headers import header_score

HEADER_SCAN_ROWS = 30  # title lines above the header: yearbooks have up to a handful


@dataclass(frozen=True)
class Detected:
    """What was found out about a file, for the report ('UTF-16, tab, header on row 3')."""

    kind: str = ""  # "csv" or "xlsx"
    size: int = 0
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_row: int | None = None  # file row number of the header
    decimal: str | None = None  # "," or "." once the numbers were looked at
    shape: str | None = None  # "long" or "wide"


@dataclass
class RawTable:
    """Text cells below the header. `cells` has positional columns 0..n-1 (headers can repeat
    or be blank); `header` holds their texts; `rows` the file row number of each cell row."""

    cells: pd.DataFrame
    header: list[str]
    rows: np.ndarray
    detected: Detected
    problems: list[Problem] = field(default_factory=list)
    # XLSX: True where the cell held a number (its text is Python's, decimal point); None for CSV
    typed: pd.DataFrame | None = None

    @property
    def readable(self) -> bool:
        return not any(p.is_error for p in self.problems)


@dataclass
class Grid:
    """A whole sheet (or CSV) as text cells, every row from row 1, merged XLSX cells expanded.

    `cells` has positional columns; row i is file row i + 1. `typed` marks XLSX cells that held
    numbers. `merged` keeps the merged ranges (0-based, inclusive: r0, c0, r1, c1) so a layout
    can tell a title or a block label spanning the width from a row of equal cells. Published
    tables (yearbooks, rankings) are read from here; our own layouts go on to `split_table`.
    """

    cells: pd.DataFrame
    detected: Detected
    typed: pd.DataFrame | None = None
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def header_at(self) -> int | None:
        """Where our own layout's header row is (None: a published table, or none at all)."""
        head = [list(r) for r in self.cells.head(HEADER_SCAN_ROWS).itertuples(index=False)]
        return find_header(head)

    def table(self) -> RawTable:
        """Our own layout: the cells under the header row, or the no-header problem."""
        at = self.header_at() if self.readable else None
        if at is None:
            problems = self.problems or [rule_problem("no_header")]
            return RawTable(pd.DataFrame(), [], np.array([], dtype=int), self.detected, problems)
        raw = split_table(self.cells, at, self.detected, self.typed)
        raw.problems = [*self.problems, *raw.problems]
        return raw


def failed_grid(detected: Detected, problem: Problem) -> Grid:
    """A file that cannot be read at all: no cells, one problem."""
    return Grid(pd.DataFrame(), detected, problems=[problem])


def expand_merged(cells: pd.DataFrame, merged: list[tuple[int, int, int, int]]) -> pd.DataFrame:
    """Each merged range's text in every cell it covers, as a reader sees it on screen.

    Ranges are clipped to the table: a merge declared far beyond the last cell grows nothing.
    """
    if not merged or cells.empty:
        return cells
    values = cells.to_numpy(dtype=object, copy=True)
    n_rows, n_cols = values.shape
    for r0, c0, r1, c1 in merged:
        if r0 >= n_rows or c0 >= n_cols:
            continue
        values[r0 : min(r1, n_rows - 1) + 1, c0 : min(c1, n_cols - 1) + 1] = values[r0, c0]
    return pd.DataFrame(values, index=cells.index, columns=cells.columns, dtype=TEXT)


def failed(detected: Detected, problem: Problem) -> RawTable:
    """A file that cannot be read: no cells, one problem."""
    return RawTable(pd.DataFrame(), [], np.array([], dtype=int), detected, [problem])


def nfc(text: str) -> str:
    """Windows-1258 keeps tone marks as combining characters; names are matched in NFC."""
    return unicodedata.normalize("NFC", text)


def find_header(rows: list[list[str]]) -> int | None:
    """Index of the first row that reads as a header (title lines above it are skipped)."""
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        if header_score([str(c).strip() for c in row]) >= 2:
            return i
    return None


def split_table(
    table: pd.DataFrame, header_at: int, det: Detected, typed: pd.DataFrame | None = None
) -> RawTable:
    """Split a whole sheet into header and body, keeping file row numbers (1-based)."""
    header = [str(c).strip() for c in table.iloc[header_at]]
    body = table.iloc[header_at + 1 :]
    rows = np.arange(header_at + 2, header_at + 2 + len(body))
    stripped = pd.DataFrame(
        {c: body[c].str.strip() if may_have_spaces(body[c]) else body[c] for c in body.columns},
        index=body.index,
    )
    filled = np.zeros(len(body), dtype=bool)  # a row with some text (blank rows are dropped)
    for c in stripped.columns:
        filled |= stripped[c].ne("").to_numpy(dtype=bool)
    cells = (stripped if filled.all() else stripped[filled]).reset_index(drop=True)
    cells.columns = range(cells.shape[1])
    if typed is not None:
        typed = typed.iloc[header_at + 1 :][filled].reset_index(drop=True)
        typed.columns = range(typed.shape[1])
    det = Detected(**{**det.__dict__, "header_row": header_at + 1})
    return RawTable(cells, header, rows[filled], det, typed=typed)
