"""The Overview page: headline cards, the trend and the ranking."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "overview.period": ("Năm báo cáo", "Reporting year"),
    "overview.illustrative_short": (
        "Có **số liệu minh họa** (◇) · Xem thêm",
        "Contains **illustrative figures** (◇) · More",
    ),
    "overview.illustrative_banner": (
        "Bản cài đặt mặc định chứa **số liệu minh họa** (đánh dấu ◇ và «Minh họa») bên cạnh các "
        "số liệu đã công bố. Không dùng số liệu minh họa trong văn bản chính thức.",
        "The default install contains **illustrative figures** (marked ◇ and 'Illustrative') "
        "next to published ones. Do not quote illustrative figures in official documents.",
    ),
    "overview.kpis": ("Chỉ tiêu chính năm {year}", "Headline indicators, {year}"),
    "overview.trend": ("Xu hướng", "Trend"),
    "overview.trend_indicator": ("Chỉ tiêu", "Indicator"),
    "overview.ranking": ("Xếp hạng địa bàn", "Ranking of areas"),
    "overview.ranking_indicator": ("Chỉ tiêu xếp hạng", "Indicator to rank"),
    "overview.ranking_level": ("Cấp", "Level"),
}
