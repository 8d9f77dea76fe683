"""The unit lists, before and from 1 July 2025 (`unitlist.*`): the picker kept in the URL as
`?era=`, its notes, the short names in chart subtitles and the names in table cells."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "unitlist.label": ("Địa giới hành chính", "Administrative boundaries"),
    "unitlist.by.2025": ("Theo đơn vị hành chính mới", "By the new units"),
    "unitlist.by.legacy": ("Theo đơn vị hành chính cũ", "By the old units"),
    "unitlist.note": (
        "Từ 1/7/2025 cả nước bỏ cấp huyện, sáp nhập nhiều tỉnh và sắp xếp lại cấp xã, nên đơn vị "
        "hành chính của {province} trước và sau ngày đó khác nhau. Đơn vị mới dùng lại một số mã "
        "cũ, nên số liệu của hai thời kỳ được xem theo một bộ đơn vị đã chọn.",
        "On 1 July 2025 districts were abolished, many provinces merged and communes were "
        "reorganised, so the units of {province} differ before and after that day. New units "
        "reuse some old codes, so figures from the two periods are shown on one chosen set of "
        "units.",
    ),
    "unitlist.short.legacy": ("đơn vị hành chính trước 1/7/2025", "units before 1 July 2025"),
    "unitlist.short.2025": ("đơn vị hành chính từ 1/7/2025", "units from 1 July 2025"),
    "unitlist.legacy": ("Trước 1/7/2025", "Before 1 July 2025"),
    "unitlist.2025": ("Từ 1/7/2025", "From 1 July 2025"),
}
