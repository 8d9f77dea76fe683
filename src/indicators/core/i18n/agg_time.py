"""How an indicator rolls up over time (the catalog's `agg_time`), as the Methodology page
explains it."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "agg_time.sum": (
        "Cộng các kỳ ngắn hơn, chỉ khi có đủ mọi kỳ",
        "Sum of the shorter periods, only when all of them are there",
    ),
    "agg_time.last": ("Giá trị của kỳ cuối cùng", "The value of the last period"),
    "agg_time.ratio": (
        "Σ tử số ÷ Σ mẫu số của các kỳ ngắn hơn, chỉ khi có đủ mọi kỳ",
        "Σ numerators ÷ Σ denominators of the shorter periods, only when all are there",
    ),
    "agg_time.none": ("Không cộng dồn theo thời gian", "Not rolled up over time"),
}
