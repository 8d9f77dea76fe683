"""Granularities of a trend (year, quarter, month, plan phase) and what a period is made of."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "gran.year": ("Năm", "Year"),
    "gran.quarter": ("Quý", "Quarter"),
    "gran.month": ("Tháng", "Month"),
    "gran.phase": ("Giai đoạn kế hoạch", "Plan phase"),
    "gran.of.year": ("theo năm", "yearly"),
    "gran.of.quarter": ("theo quý", "quarterly"),
    "gran.of.month": ("theo tháng", "monthly"),
    "gran.of.phase": ("theo giai đoạn", "per plan phase"),
    "gran.part.year": ("năm", "years"),
    "gran.part.quarter": ("quý", "quarters"),
    "gran.part.month": ("tháng", "months"),
}
