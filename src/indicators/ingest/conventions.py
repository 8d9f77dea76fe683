"""How each column of a published table prints its numbers, decided from its own evidence.

Sources differ even inside one ministry: yearbooks print "1.778.489" and "112,84" (dot
thousands, decimal comma), ranking tables "0.8002" (a decimal point, four places), some portals
"41,096" (comma thousands). A column decides by the cells that can be read only one way; a
column with only ambiguous cells ("30.000") follows the table's other columns, then a
whole-number indicator (a count is never 30.0), then the analyst's choice in the recipe. A
column that none of these decides is asked about, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.ingest.arrow_text import TEXT
from indicators.ingest.number_columns import parse_numbers

VI, EN = "vi", "en"  # '1.778.489 / 112,84' and '41,096 / 0.8002'
DECIMAL = {VI: ",", EN: "."}
# Cells that can be read only one way (after spaces, '%' and brackets are dropped)
_ONLY_VI = re.compile(r"^[+-]?(\d{1,3}(\.\d{3}){2,}|\d{1,3}(\.\d{3})+,\d+|\d+,\d{1,2}|\d+,\d{4,})$")
_ONLY_EN = re.compile(
    r"^[+-]?(\d{1,3}(,\d{3}){2,}|\d{1,3}(,\d{3})+\.\d+|\d+\.\d{1,2}|\d+\.\d{4,})$"
)
_AMBIGUOUS = re.compile(r"^[+-]?\d{1,3}[.,]\d{3}$")  # 30.000 or 30,000: thousands or decimals?
_CLEAN = re.compile(r"[\s\u00a0\u202f%()]")


@dataclass(frozen=True)
class Convention:
    """How one series' numbers were read: `numbers` VI, EN or '' (no mark needed: whole
    numbers only, or typed XLSX numbers); `by` evidence | table | whole | analyst | undecided;
    `example` a cell that shows it."""

    numbers: str
    by: str
    example: str = ""

    @property
    def decided(self) -> bool:
        return self.by != "undecided"


def clean(text: pd.Series) -> pd.Series:
    """'(0,6419)' -> '0,6419'; ' 99,2 % ' -> '99,2'; a Unicode minus as '-'."""
    return (
        text.astype(TEXT)
        .str.replace("\u2212", "-", regex=False)
        .str.replace(_CLEAN, "", regex=True)
    )


def evidence(texts: pd.Series) -> Convention | None:
    """The convention a column's own cells prove, or None (no proof, or proof both ways)."""
    t = clean(texts)
    vi, en = t[t.str.match(_ONLY_VI)], t[t.str.match(_ONLY_EN)]
    if len(vi) and not len(en):
        return Convention(VI, "evidence", vi.iat[0])
    if len(en) and not len(vi):
        return Convention(EN, "evidence", en.iat[0])
    return None


def decide(
    by_series: dict[str, pd.Series],
    whole: dict[str, bool],
    chosen: dict[str, str],
) -> dict[str, Convention]:
    """A convention for every series: its own evidence, the analyst's choice (`chosen`, from
    the recipe), the table's (when its other series agree), a whole-number indicator, or
    undecided. `whole` marks series mapped to an indicator with no decimals."""
    found: dict[str, Convention | None] = {k: evidence(v) for k, v in by_series.items()}
    proven = {c.numbers for c in found.values() if c is not None}
    table = proven.pop() if len(proven) == 1 else None
    out: dict[str, Convention] = {}
    for key, texts in by_series.items():
        t = clean(texts)
        ambiguous = t[t.str.match(_AMBIGUOUS)]
        if key in chosen:
            out[key] = Convention(
                chosen[key], "analyst", ambiguous.iat[0] if len(ambiguous) else ""
            )
        elif found[key] is not None:
            out[key] = found[key]  # type: ignore[assignment]
        elif not len(ambiguous):
            out[key] = Convention("", "evidence")
        elif table is not None:
            out[key] = Convention(table, "table", ambiguous.iat[0])
        elif whole.get(key):
            out[key] = Convention(
                VI if ambiguous.iat[0].count(".") else EN, "whole", ambiguous.iat[0]
            )
        else:
            out[key] = Convention("", "undecided", ambiguous.iat[0])
    return out


def read_numbers(texts: pd.Series, conv: Convention) -> tuple[np.ndarray, np.ndarray]:
    """(floats, mask of cells that are not numbers) under the series' convention."""
    mark = DECIMAL.get(conv.numbers)
    return parse_numbers(clean(texts), mark if conv.decided else None)
