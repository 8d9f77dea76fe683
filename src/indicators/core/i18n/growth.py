"""Growth indexes: what 100 stands for at each granularity."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "growth.base.year": ("Năm trước = 100", "Previous year = 100"),
    "growth.base.half": ("6 tháng trước = 100", "Previous half-year = 100"),
    "growth.base.quarter": ("Quý trước = 100", "Previous quarter = 100"),
    "growth.base.month": ("Tháng trước = 100", "Previous month = 100"),
    "growth.base.phase": ("Giai đoạn trước = 100", "Previous phase = 100"),
}
