"""Series across the 1 July 2025 administrative reform: the marker, conversion notes, bases."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "reform.marker": (
        "1/7/2025: sắp xếp đơn vị hành chính",
        "1 Jul 2025: administrative reform",
    ),
    "reform.estimate": ("Ước tính (thay đổi địa giới)", "Estimate (boundary change)"),
    "reform.basis.whole": (
        "Cộng các đơn vị cũ được nhập nguyên vẹn",
        "Sum of old units merged whole",
    ),
    "reform.basis.equal_split": (
        "Có đơn vị cũ bị chia: phần của nó được chia đều cho các đơn vị mới",
        "Includes a divided old unit, split equally between its new units",
    ),
    "reform.basis.one_to_one": (
        "Đơn vị mới trùng đúng với một đơn vị cũ",
        "The new unit is exactly one old unit",
    ),
    "reform.note_2025": (
        "Số liệu trước 1/7/2025 được quy đổi sang đơn vị hành chính mới: cộng các đơn vị cũ "
        "hợp thành (tỷ lệ tính lại từ tử số và mẫu số). Đơn vị cũ bị chia được chia đều và "
        "đánh dấu ước tính.",
        "Figures before 1 July 2025 are converted to the new units: the old units that form "
        "each one are added up (ratios recomputed from numerators and denominators). Divided "
        "old units are split equally and marked as estimates.",
    ),
    "reform.note_legacy": (
        "Số liệu từ 1/7/2025 chỉ hiển thị cho đơn vị cũ trùng đúng với một đơn vị mới.",
        "Figures from 1 July 2025 are shown only for old units that are exactly one new unit.",
    ),
    "reform.note_estimates": (
        "{n} giá trị là ước tính (thay đổi địa giới).",
        "{n} values are estimates (boundary change).",
    ),
    "reform.not_converted": (
        "Chỉ số và thứ hạng không quy đổi qua thay đổi địa giới; chỉ hiển thị theo đơn vị của "
        "thời kỳ được công bố.",
        "Indexes and ranks are not converted across the boundary change; they are shown only "
        "on the units they were published for.",
    ),
    "reform.converted_from.legacy": ("Quy đổi từ đơn vị cũ", "Converted from the old units"),
    "reform.converted_from.2025": ("Quy đổi từ đơn vị mới", "Converted from the new units"),
    "reform.chart_note.2025": (
        "trước 1/7/2025: quy đổi từ đơn vị cũ",
        "before 1 Jul 2025: converted from the old units",
    ),
    "reform.chart_note.legacy": (
        "từ 1/7/2025: đơn vị mới trùng đúng đơn vị cũ",
        "from 1 Jul 2025: new units that are exactly an old one",
    ),
    "reform.chart_note.none": (
        "không quy đổi qua thay đổi địa giới",
        "not converted across the boundary change",
    ),
    "reform.note_two_lists": (
        "Trước vạch: theo đơn vị hành chính cũ; sau vạch: theo đơn vị mới, địa giới có thể "
        "khác (tỉnh mới có thể gồm nhiều tỉnh cũ). Trang Xu hướng nối hai chuỗi bằng số liệu "
        "quy đổi.",
        "Before the line: the old units; after it: the new ones, whose boundaries may differ "
        "(a new province can join old ones). The Trends page joins the two with converted "
        "figures.",
    ),
    "reform.not_converted_amount": (
        "Chỉ tiêu này không cộng được theo địa bàn nên không quy đổi qua thay đổi địa giới; chỉ "
        "hiển thị theo đơn vị của thời kỳ có số liệu.",
        "This indicator does not add up over areas, so it is not converted across the boundary "
        "change; it is shown only on the units its figures were reported for.",
    ),
    "reform.yes": ("Có", "Yes"),
    "reform.no": ("Không", "No"),
}
