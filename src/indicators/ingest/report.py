"""The problems of one file, collected a column at a time, and which rows have errors.

Every problem names the file row, the column as headed in the file, the cell's text and the
rule; the message catalog words the rule and its hint (`core.problems.rule_problem`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.core.i18n import LANGS, t
from indicators.core.problems import Problem, rule_problem


class Report:
    """Problems of one file, and which rows have errors, built a column at a time."""

    def __init__(self, d: pd.DataFrame, labels: dict[str, str]):
        self.rows = d["_row"].to_numpy(dtype=int)
        # the header of each row's value cell: a few distinct texts, spread without converting
        # a million Arrow strings to Python ones
        codes, headers = pd.factorize(d["_value_col"])
        self.value_cols = np.array([*headers, None], dtype=object)[codes]
        self.labels = labels
        self.bad = np.zeros(len(d), dtype=bool)
        self.problems: list[Problem] = []

    def label(self, col: str) -> str:
        """The column as the file heads it (the canonical name when the file has none)."""
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

    def unique_problems(self) -> list[Problem]:
        """A yearbook row repeats its unit name for every year column: one problem per cell."""
        seen: dict[tuple, Problem] = {}
        for p in self.problems:
            seen.setdefault((p.row, p.column, p.rule, p.value, p.reason_en), p)
        return list(seen.values())

    def rejected_rows(self) -> list[int]:
        """File rows with at least one error."""
        return sorted({int(r) for r in self.rows[self.bad]})


def hint_tail(field: str, key: str, names: list[str]) -> dict[str, str]:
    """An optional ending of a hint in both languages (`<field>_vi`, `<field>_en`): the message
    `key` naming `names`, or nothing when there are none."""
    shown = "; ".join(names)
    return {f"{field}_{lang}": t(key, lang, names=shown) if names else "" for lang in LANGS}


def suggest(names: list[str]) -> dict[str, str]:
    """The '— did you mean: …?' tail of a hint ('' with nothing to offer)."""
    return hint_tail("suggest", "upload.suggest", names)
