"""The indicator catalog file (`core.catalog.load_catalog`): why a row or the file is refused.

`catalog.rule.<rule>` is the reason; `<rule>` is the code in `Problem.rule`.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "catalog.rule.column_missing": (
        "thiếu cột bắt buộc trong danh mục",
        "required catalog column missing",
    ),
    "catalog.rule.not_one_of": ("phải là một trong {allowed}", "must be one of {allowed}"),
    "catalog.rule.code_missing": ("thiếu mã chỉ tiêu", "the code is missing"),
    "catalog.rule.duplicate_code": ("mã bị trùng", "duplicate code"),
    "catalog.rule.not_a_number": ("không phải số", "not a number"),
    "catalog.rule.not_a_flag": ("phải là 1 hoặc 0", "must be 1 or 0"),
    "catalog.rule.ratio_parts": (
        "chỉ tiêu tỷ lệ cần tử số và mẫu số",
        "a ratio needs a numerator and a denominator",
    ),
    "catalog.rule.unknown_part": (
        "không có chỉ tiêu này trong danh mục",
        "no such indicator in the catalog",
    ),
}
