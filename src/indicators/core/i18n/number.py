"""Numbers (`core.numbers`): why a text is not a number (`number.error.*`, the rules of
`NumberError`) and the unit of a change in percentage points."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "number.error.ambiguous": (
        "'{text}' không rõ dấu chấm/phẩy là phân cách hàng nghìn hay thập phân",
        "'{text}' is ambiguous: thousands or decimal separator",
    ),
    "number.error.not_a_number": ("'{text}' không phải là số", "'{text}' is not a number"),
    "number.error.not_finite": (
        "'{text}' không phải số hữu hạn",
        "'{text}' is not a finite number",
    ),
    # Written right after the number, hence the leading space: "+4,3 điểm %", "+4.3 pp".
    "number.points": (" điểm %", " pp"),
}
