"""Granularities of a trend (year, half-year, quarter, month, plan phase) and what a period is
made of."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "gran.year": ("Năm", "Year"),
    "gran.half": ("6 tháng", "Half-year"),
    "gran.quarter": ("Quý", "Quarter"),
    "gran.month": ("Tháng", "Month"),
    "gran.phase": ("Giai đoạn kế hoạch", "Plan phase"),
    "gran.of.year": ("theo năm", "yearly"),
    "gran.of.half": ("theo 6 tháng", "half-yearly"),
    "gran.of.quarter": ("theo quý", "quarterly"),
    "gran.of.month": ("theo tháng", "monthly"),
    "gran.of.phase": ("theo giai đoạn", "per plan phase"),
    "gran.part.year": ("năm", "years"),
    "gran.part.half": ("kỳ 6 tháng", "half-years"),
    "gran.part.quarter": ("quý", "quarters"),
    "gran.part.month": ("tháng", "months"),
}
