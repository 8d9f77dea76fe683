"""The Trends page: choices, notes on the reform and on incomplete periods."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "trends.heading": ("Xu hướng chỉ tiêu", "Indicator trends"),
    "trends.indicators": ("Chỉ tiêu", "Indicators"),
    "trends.regions": ("Địa bàn", "Areas"),
    "trends.period": ("Khoảng thời gian", "Period range"),
    "trends.granularity": ("Chi tiết theo", "By"),
    "trends.pick_indicator": ("Chọn ít nhất một chỉ tiêu.", "Choose at least one indicator."),
    "trends.pick_region": ("Chọn ít nhất một địa bàn.", "Choose at least one area."),
    "trends.change_choice": ("Đổi chỉ tiêu, thời gian, địa bàn", "Change indicator, period, area"),
    "trends.unit_list_short": (
        "Số liệu trên hai bộ đơn vị hành chính (trước và sau 1/7/2025) · Xem thêm",
        "Figures on two sets of units (before and after 1 July 2025) · More",
    ),
    "trends.unit_list_spans": (
        "Khoảng thời gian đã chọn có số liệu cả trước và sau 1/7/2025, trên hai bộ đơn vị "
        "hành chính khác nhau.",
        "The chosen range has data both before and after 1 July 2025, on two different sets "
        "of units.",
    ),
    "trends.unit_list_joined_new": (
        "Đang xem theo đơn vị mới: số liệu trước 1/7/2025 được quy đổi từ đơn vị cũ (cộng các "
        "đơn vị cũ hợp thành; tỷ lệ tính lại từ tử số và mẫu số) thành một chuỗi liên tục; điểm "
        "quy đổi có vòng xám, điểm ước tính (đơn vị cũ bị chia) có ô vuông xám. Chỉ số và thứ "
        "hạng không quy đổi. Chọn «Theo đơn vị hành chính cũ» để xem số liệu như đã báo cáo.",
        "Showing the new units: figures before 1 July 2025 are converted from the old units "
        "(the old units forming each new one added up; ratios recomputed from numerators and "
        "denominators) into one continuous series; converted points have a grey ring, "
        "estimates (a divided old unit) a grey square. Indexes and ranks are not converted. "
        "Choose 'By the old units' to see the figures as reported.",
    ),
    "trends.unit_list_joined_legacy": (
        "Đang xem theo đơn vị cũ: số liệu từ 1/7/2025 chỉ có cho đơn vị cũ trùng đúng với một "
        "đơn vị mới (có vòng xám); các đơn vị cũ khác dừng ở trước 1/7/2025. Chọn «Theo đơn vị "
        "hành chính mới» để xem một chuỗi liên tục.",
        "Showing the old units: figures from 1 July 2025 exist only for old units that are "
        "exactly one new unit (grey ring); other old units stop before 1 July 2025. Choose 'By "
        "the new units' for one continuous series.",
    ),
    "trends.growth_reform_note": (
        "Chỉ số phát triển giữa số quy đổi nguyên vẹn và số báo cáo được tính (cùng một địa "
        "bàn); không tính giữa một số ước tính (thay đổi địa giới) và một số không ước tính.",
        "Growth between a value converted exactly and a reported one is computed (the same "
        "area); not between an estimate (boundary change) and a value that is not one.",
    ),
    "trends.unit_list_only": (
        "Khoảng thời gian này chỉ có số liệu theo {unit_list}.",
        "This range has data only on the {unit_list}.",
    ),
    "trends.no_data": (
        "Không có số liệu {gran} của chỉ tiêu này cho các địa bàn và khoảng thời gian đã chọn.",
        "No {gran} figures of this indicator for the chosen areas and range.",
    ),
    "trends.other_kinds": ("Có số liệu theo: {kinds}.", "Figures exist by: {kinds}."),
    "trends.incomplete": (
        "Không tính các kỳ chưa đủ kỳ thành phần: {items}.",
        "Left out, parts missing: {items}.",
    ),
    "trends.incomplete_item": (
        "{region} {period} ({have}/{need} {part})",
        "{region} {period} ({have} of {need} {part})",
    ),
    "trends.partial_areas": (
        "Không vẽ {n} giá trị chỉ tổng hợp được từ một phần đơn vị cấp xã.",
        "{n} values summed from only some commune-level units are not drawn.",
    ),
    "trends.on_track": (
        "{region}, {period}: {value}; theo lộ trình đến mục tiêu {target} cần {expected} — "
        "{verdict}.",
        "{region}, {period}: {value}; the trajectory to the {target} target needs {expected} — "
        "{verdict}.",
    ),
    "trends.ahead": ("đạt hoặc vượt lộ trình", "on or ahead of the trajectory"),
    "trends.behind": ("chậm hơn lộ trình", "behind the trajectory"),
    "trends.table": ("Bảng số liệu", "Table"),
    "trends.download_csv": ("Tải CSV", "Download CSV"),
    "trends.growth_note": (
        "Chỉ số phát triển không tính khi một trong hai kỳ là số liệu minh họa còn kỳ kia không.",
        "No growth index where one of the two periods is illustrative and the other is not.",
    ),
}
