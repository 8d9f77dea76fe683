"""Row-level problems found in a file, reported in Vietnamese with English."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import pandas as pd


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file. `row` is the row number Excel shows (the header is row 1)."""

    row: int | None
    column: str | None
    value: str | None
    reason_vi: str
    reason_en: str
    severity: str = "error"

    def message(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"dòng {self.row} / row {self.row}")
        if self.column:
            where.append(f"cột '{self.column}' / column '{self.column}'")
        shown = "" if self.value is None else f" — giá trị / value '{self.value}'"
        head = ", ".join(where)
        return f"{head}{shown}: {self.reason_vi} / {self.reason_en}".lstrip(": ")


class DataError(ValueError):
    """A file was rejected; nothing from it was stored."""

    def __init__(self, problems: Iterable[Problem], source: str = ""):
        self.problems = list(problems)
        self.source = source
        first = "\n".join(p.message() for p in self.problems[:20])
        more = len(self.problems) - 20
        tail = f"\n… và {more} lỗi khác / and {more} more" if more > 0 else ""
        super().__init__(
            f"{source}: {len(self.problems)} lỗi / problem(s)\n{first}{tail}"
            if source
            else f"{first}{tail}"
        )

    def frame(self) -> pd.DataFrame:
        return problems_frame(self.problems)


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    cols = ["row", "column", "value", "reason_vi", "reason_en", "severity"]
    return pd.DataFrame([asdict(p) for p in problems], columns=cols)
