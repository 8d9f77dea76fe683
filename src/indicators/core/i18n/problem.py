"""A problem found in a file, as a line of text (`Problem.message`, `DataError`) and as the
headers of the downloadable report (`problem.col.*`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "problem.row": ("dòng {row}", "row {row}"),
    "problem.column": ("cột '{column}'", "column '{column}'"),
    "problem.value": ("giá trị", "value"),
    "problem.count": ("{n} lỗi", "problem(s)"),
    "problem.more": ("… và {n} lỗi khác", "and {n} more"),
    "problem.col.row": ("Dòng", "Row"),
    "problem.col.column": ("Cột", "Column"),
    "problem.col.value": ("Giá trị", "Value"),
    "problem.col.severity": ("Mức", "Severity"),
    "problem.col.rule": ("Quy tắc", "Rule"),
    "problem.col.reason": ("Lý do", "Reason"),
    "problem.col.hint": ("Cách sửa", "How to fix"),
}
