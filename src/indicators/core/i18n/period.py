"""Reporting periods (`core.periods`): how a period reads (`period.<kind>`) and why a text is not
one (`period.error.*`, the rules of `PeriodError`). A year reads as its number, so has no key."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "period.half1": ("6 tháng đầu năm {year}", "H1 {year}"),
    "period.half2": ("6 tháng cuối năm {year}", "H2 {year}"),
    "period.quarter": ("Quý {quarter}/{year}", "Q{quarter} {year}"),
    # {month_abbr}: the English month's short name (Jan … Dec), from the `calendar` module.
    "period.month": ("Tháng {month}/{year}", "{month_abbr} {year}"),
    "period.phase": ("Giai đoạn {first}–{last}", "{first}–{last} phase"),
    "period.error.missing": ("Thiếu kỳ báo cáo", "the period is missing"),
    "period.error.year_range": (
        "Năm {year} nằm ngoài khoảng {min}–{max} ('{text}')",
        "year {year} is outside {min}–{max}",
    ),
    "period.error.month": (
        "Tháng {month} không hợp lệ trong '{text}'",
        "month {month} is not 1–12",
    ),
    "period.error.phase_order": (
        "Giai đoạn '{text}' phải có năm đầu nhỏ hơn năm cuối",
        "a phase must start before it ends",
    ),
    "period.error.unreadable": (
        "Không đọc được kỳ '{text}'; dùng 2020, 6 tháng đầu năm 2020, Quý 2/2020, 06/2020 "
        "hoặc 2016-2020",
        "cannot read period '{text}'; use 2020, H1 2020, Q2/2020, 06/2020 or 2016-2020",
    ),
}
