"""Problems found in a file, reported in Vietnamese with English, each with a hint to fix it.

A problem's reason and hint are worded by the message catalog from its rule
(`<area>.rule.<rule>`, `<area>.hint.<rule>`: see `rule_problem`) and kept in both languages,
because the downloadable report shows them side by side.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

import pandas as pd

from indicators.core.i18n import LANGS, MESSAGES, both, joined, t
from indicators.core.spreadsheet import to_csv_bytes

SEVERITIES = ("error", "warning", "note")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file. `row` is the row number Excel shows (the header is row 1).

    `column` is the column's header as written in the file; `rule` is a stable code (e.g.
    `not_a_number`) that pages and tests can rely on; `severity` is error (the row cannot be
    stored), warning (stored, but worth a look) or note (something was ignored on purpose).
    """

    row: int | None
    column: str | None
    value: str | None
    reason_vi: str
    reason_en: str
    severity: str = "error"
    rule: str = ""
    hint_vi: str = ""
    hint_en: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self) -> str:
        """One line in both languages, for the command line and exceptions:
        "dòng 3 / row 3, cột 'Năm' / column 'Năm' — giá trị / value 'x': … / … → … / …"."""
        where = []
        if self.row is not None:
            where.append(both("problem.row", row=self.row))
        if self.column:
            where.append(both("problem.column", column=self.column))
        shown = "" if self.value is None else f" — {both('problem.value')} '{self.value}'"
        head = ", ".join(where)
        text = f"{head}{shown}: {joined(self.reason_vi, self.reason_en)}".lstrip(": ")
        if self.severity != "error":
            text = f"[{self.severity}] {text}"
        if self.hint_vi or self.hint_en:
            text += f" → {joined(self.hint_vi, self.hint_en)}"
        return text


class DataError(ValueError):
    """A file was rejected; nothing from it was stored."""

    def __init__(self, problems: Iterable[Problem], source: str = ""):
        self.problems = list(problems)
        self.source = source
        first = "\n".join(p.message() for p in self.problems[:20])
        more = len(self.problems) - 20
        tail = "\n" + both("problem.more", n=more) if more > 0 else ""
        head = f"{source}: {both('problem.count', n=len(self.problems))}\n" if source else ""
        super().__init__(f"{head}{first}{tail}")

    def frame(self) -> pd.DataFrame:
        return problems_frame(self.problems)


REPORT_COLUMNS = [
    "row",
    "column",
    "value",
    "severity",
    "rule",
    "reason_vi",
    "reason_en",
    "hint_vi",
    "hint_en",
]
# Headers of the downloadable report, a person opens it in Excel: "Dòng / Row" … and a column
# per language of the reason and the hint ("Lý do", "Reason").
REPORT_HEADERS = {
    **{c: both(f"problem.col.{c}") for c in ("row", "column", "value", "severity", "rule")},
    **{f"{c}_{lang}": t(f"problem.col.{c}", lang) for c in ("reason", "hint") for lang in LANGS},
}
_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Errors first, then by row as the file reads."""
    return sorted(
        problems, key=lambda p: (_ORDER.get(p.severity, 9), p.row or 0, p.column or "", p.rule)
    )


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """One problem per row, both languages side by side (columns REPORT_COLUMNS)."""
    df = pd.DataFrame([asdict(p) for p in problems], columns=REPORT_COLUMNS)
    df["row"] = df["row"].astype("Int64")
    return df


def report_csv(problems: Iterable[Problem]) -> bytes:
    """The report as a CSV file Excel opens with its Vietnamese intact (UTF-8 with BOM).

    The report repeats the file's own cells: one such as '=HYPERLINK(…)' gets a leading quote
    (`core.spreadsheet`) instead of running when the analyst opens the report."""
    df = problems_frame(sort_problems(problems)).rename(columns=REPORT_HEADERS)
    return to_csv_bytes(df)


def rule_problem(
    rule: str,
    row: int | None = None,
    column: str | None = None,
    value: object = None,
    *,
    severity: str = "error",
    reason: tuple[str, str] | None = None,
    area: str = "upload",
    **kw: object,
) -> Problem:
    """A Problem whose reason and hint the message catalog words from its rule and `kw`:
    `<area>.rule.<rule>` and, where there is one, `<area>.hint.<rule>`. The areas: `upload`
    (an uploaded file), `catalog` (catalog.csv), `boundaries` (a boundary file), `numcol` (how
    a column's numbers were read, e.g. a whole number's thousands), `published` (a published
    table's rules, `ingest.published.problem`)."""
    vi, en = (t(f"{area}.rule.{rule}", lang, **kw) for lang in LANGS)
    hint = f"{area}.hint.{rule}"
    hint_vi, hint_en = (t(hint, lang, **kw) for lang in LANGS) if hint in MESSAGES else ("", "")
    if reason:  # a precise reason from a parser (never formatted: it may quote the cell)
        vi, en = reason
    return Problem(
        row,
        column,
        None if value is None else str(value),
        vi,
        en,
        severity,
        rule,
        hint_vi,
        hint_en,
    )
