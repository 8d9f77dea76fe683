"""Messages of the app frame, the Overview page, KPI cards and the shared chart frame."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "app.title": ("Chỉ số CNTT-TT", "ICT Indicators"),
    "app.heading": ("Chỉ số CNTT-TT tỉnh {province}", "{province} ICT indicators"),
    "app.language": ("Ngôn ngữ / Language", "Ngôn ngữ / Language"),
    "lang.vi": ("Tiếng Việt", "Tiếng Việt"),
    "lang.en": ("English", "English"),
    "app.revision": (
        "Dữ liệu: phiên bản {rev} ({date})",
        "Data: revision {rev} ({date})",
    ),
    "nav.overview": ("Tổng quan", "Overview"),
    "nav.trends": ("Xu hướng", "Trends"),
    "nav.regions": ("Địa bàn", "Regions"),
    "nav.data": ("Dữ liệu", "Data"),
    "nav.methodology": ("Phương pháp", "Methodology"),
    "nav.upload": ("Tải lên", "Upload"),
    "nav.history": ("Lịch sử", "History"),
    "nav.section_view": ("Xem số liệu", "View"),
    "nav.section_update": ("Cập nhật", "Update"),
    "overview.period": ("Năm báo cáo", "Reporting year"),
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
    "era.label": ("Địa giới hành chính", "Administrative boundaries"),
    "era.2025": ("Theo đơn vị hành chính mới", "By the new units"),
    "era.legacy": ("Theo đơn vị hành chính cũ", "By the old units"),
    "era.note": (
        "Từ 1/7/2025 cả nước bỏ cấp huyện và sắp xếp lại cấp xã; Khánh Hòa mới gồm Khánh Hòa và "
        "Ninh Thuận cũ. Đơn vị mới dùng lại một số mã cũ, nên số liệu của hai thời kỳ được xem "
        "theo một bộ đơn vị đã chọn.",
        "On 1 July 2025 districts were abolished and communes merged; the new Khánh Hòa joins the "
        "old Khánh Hòa and Ninh Thuận. New units reuse some old codes, so figures from the two "
        "periods are shown on one chosen set of units.",
    ),
    "level.province": ("Cấp tỉnh", "Province"),
    "level.district": ("Cấp huyện", "District"),
    "level.commune": ("Cấp xã", "Commune"),
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
    "status.published": ("Đã công bố", "Published"),
    "status.preliminary": ("Sơ bộ", "Preliminary"),
    "status.estimate": ("Ước tính", "Estimate"),
    "status.illustrative": ("Minh họa", "Illustrative"),
    "chart.source": ("Nguồn: {source}", "Source: {source}"),
    "chart.revision": ("Phiên bản dữ liệu {rev}", "Data revision {rev}"),
    "chart.illustrative": (
        "◇ Có số liệu minh họa, không phải số liệu chính thức",
        "◇ Contains illustrative figures, not official statistics",
    ),
    "chart.target": ("Mục tiêu", "Target"),
    "chart.target_legacy": ("Mục tiêu (địa giới cũ)", "Target (old boundaries)"),
    "chart.target_new": ("Mục tiêu (địa giới mới)", "Target (new boundaries)"),
    "chart.no_data": ("Không có số liệu", "No data"),
    "chart.era_legacy": (
        "{name} (địa giới trước 1/7/2025)",
        "{name} (boundaries before 1 Jul 2025)",
    ),
    "chart.era_new": ("{name} (địa giới từ 1/7/2025)", "{name} (boundaries from 1 Jul 2025)"),
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
    "chart.value": ("Giá trị", "Value"),
}
