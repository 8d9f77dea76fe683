"""Headline cards (`present.kpi`): the figure, its change, its target and its coverage."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "kpi.no_data": ("Chưa có số liệu", "No data"),
    "kpi.as_of": ("số liệu năm {period}", "figure for {period}"),
    "kpi.vs_prev": ("so với {period}", "vs {period}"),
    "kpi.no_compare": (
        "Không so sánh với {period}: địa giới thay đổi từ 1/7/2025",
        "Not compared with {period}: boundaries changed on 1 July 2025",
    ),
    "kpi.no_compare_status": (
        "Không so sánh với {period}: một bên là số liệu minh họa",
        "Not compared with {period}: one of the two figures is illustrative",
    ),
    "kpi.incomplete": (
        "chưa đủ: mới có {n}/{total} đơn vị cấp xã",
        "incomplete: {n} of {total} commune-level units reported",
    ),
    "kpi.target": ("Mục tiêu {period}: {value}", "Target {period}: {value}"),
    "kpi.target_met": ("đã đạt", "met"),
    "kpi.progress": ("đạt {pct} mục tiêu", "{pct} of target"),
    "kpi.coverage": (
        "tổng hợp từ {n}/{total} đơn vị cấp xã",
        "aggregated from {n}/{total} commune-level units",
    ),
}
