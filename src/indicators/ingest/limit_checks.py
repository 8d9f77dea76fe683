"""Counting a table while it is parsed, and stopping at the first limit it passes.

The CSV scan (`csv_guard`) and the XLSX sheet scan (`xlsx_guard`) both feed a `TableCount`:
each row's number and width, each cell's length. The count raises `Refused` the moment a
limit of `core.limits.UploadLimits` is passed, so a hostile file costs what the limit allows
and no more; the reader turns `Refused` into the file's one Problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from indicators.core.limits import UploadLimits
from indicators.core.problems import Problem, rule_problem


class Refused(Exception):
    """A file passed a limit (or is unsafe): `problem` says which, in both languages."""

    def __init__(self, problem: Problem):
        super().__init__(problem.reason_en)
        self.problem = problem


@dataclass
class TableCount:
    """Rows, widest row and cell lengths of one table (a CSV, or one sheet) as it is parsed.

    Rows are numbered as Excel shows them, from 1, blank rows included: the table kept in
    memory has them too. `column` names a column as the refusal shows it (a letter in a sheet).
    """

    limits: UploadLimits
    rows: int = 0
    width: int = 0

    def cell(self, row: int, column: int, name: Callable[[int], str] | None = None) -> None:
        """A cell at `row`, `column` (1-based; 0 for a row alone): refused beyond the rows,
        columns or cells. `name` words a column for the refusal (a sheet's letters)."""
        lim = self.limits
        if row > lim.max_rows:
            raise Refused(rule_problem("too_many_rows", row, limit=lim.max_rows))
        if column > lim.max_columns:
            shown = name(column) if name else None
            limit = lim.max_columns
            raise Refused(rule_problem("too_many_columns", row, shown, columns=column, limit=limit))
        self.rows = max(self.rows, row)
        self.width = max(self.width, column)
        if self.rows * self.width > lim.max_cells:
            cells = {"rows": self.rows, "columns": self.width, "limit": lim.max_cells}
            raise Refused(rule_problem("too_many_cells", row, **cells))

    def text(
        self, length: int, row: int | None, column: str | None = None, where: str = ""
    ) -> None:
        """A cell's text of `length` characters (`where` names it when no row can)."""
        limit = self.limits.max_field_chars
        if length > limit:
            raise Refused(rule_problem("field_too_long", row, column, where or None, limit=limit))
