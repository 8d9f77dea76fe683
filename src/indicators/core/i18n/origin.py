"""How a value was obtained: reported, aggregated, rolled up or converted."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "origin.reported": ("Báo cáo", "Reported"),
    "origin.aggregated": ("Tổng hợp từ cấp dưới", "Aggregated from lower levels"),
    "origin.rolled_up": ("Cộng dồn từ kỳ ngắn hơn", "Rolled up from shorter periods"),
    "origin.converted": ("Quy đổi qua thay đổi địa giới", "Converted across the boundary change"),
}
