"""Words drawn on charts: the shared frame (source, revision, illustrative mark, targets),
titles, subtitles and legends."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "chart.source": ("Nguồn: {source}", "Source: {source}"),
    "chart.revision": ("Phiên bản dữ liệu {rev}", "Data revision {rev}"),
    "chart.illustrative": (
        "◇ Có số liệu minh họa, không phải số liệu chính thức",
        "◇ Contains illustrative figures, not official statistics",
    ),
    "chart.target_legacy": ("Mục tiêu (địa giới cũ)", "Target (old boundaries)"),
    "chart.target_new": ("Mục tiêu (địa giới mới)", "Target (new boundaries)"),
    "chart.no_data": ("Không có số liệu", "No data"),
    "chart.unit_list_legacy": (
        "{name} (địa giới trước 1/7/2025)",
        "{name} (boundaries before 1 Jul 2025)",
    ),
    "chart.unit_list_new": ("{name} (địa giới từ 1/7/2025)", "{name} (boundaries from 1 Jul 2025)"),
    "chart.ranking_title": ("{indicator}, {period}", "{indicator}, {period}"),
    "chart.ranking_sub_plain": ("{unit} · {n} đơn vị {level}", "{unit} · {n} {level} units"),
    "chart.ranking_sub": (
        "{unit} · {n} đơn vị {level} · màu cam: thấp hơn toàn tỉnh ({province})",
        "{unit} · {n} {level} units · orange: below the province ({province})",
    ),
    "chart.trend_sub": ("{unit} · {region} · {first}–{last}", "{unit} · {region} · {first}–{last}"),
    "chart.ranking_gap": ("⋯ {n} đơn vị ở giữa ⋯", "⋯ {n} units in between ⋯"),
    "chart.no_data_units": (
        "Không có số liệu: {names}",
        "No data: {names}",
    ),
    "chart.trends_sub": (
        "{unit} · {gran} · {span} · {unit_list}",
        "{unit} · {gran} · {span} · {unit_list}",
    ),
    "chart.growth_title": (
        "{indicator}: chỉ số phát triển",
        "{indicator}: growth index",
    ),
    "chart.growth_sub": ("%, {base} · {span} · {unit_list}", "%, {base} · {span} · {unit_list}"),
    "chart.trajectory": ("Lộ trình đến mục tiêu {period}", "Trajectory to the {period} target"),
    "chart.target_of": ("Mục tiêu {period}", "Target {period}"),
    "chart.legend_title": ("Cách vẽ theo trạng thái số liệu", "How each data status is drawn"),
    "chart.legend_sub": (
        "Mỗi trạng thái một kiểu điểm; màu và nét chỉ phân biệt địa bàn",
        "One marker style per status; colour and dash only tell areas apart",
    ),
    "chart.legend_source": ("chỉ số CNTT-TT", "ICT indicators"),
}
