"""The Data page: filters, the table and its downloads."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "data.heading": ("Dữ liệu", "Data"),
    "data.intro": (
        "Mọi giá trị trong kho: số được báo cáo và số tổng hợp từ cấp dưới, kèm trạng thái và "
        "nguồn. Tải xuống để dùng trong Excel.",
        "Every value in the store: reported figures and those aggregated from lower levels, "
        "with status and source. Download them for Excel.",
    ),
    "data.indicators": ("Chỉ tiêu", "Indicators"),
    "data.all_indicators": ("Tất cả chỉ tiêu", "All indicators"),
    "data.level": ("Cấp", "Level"),
    "data.regions": ("Địa bàn", "Areas"),
    "data.all_regions": ("Tất cả địa bàn của cấp này", "All areas of this level"),
    "data.period": ("Khoảng thời gian", "Period range"),
    "data.status": ("Trạng thái", "Status"),
    "data.all_statuses": ("Mọi trạng thái", "Any status"),
    "data.rows": ("{n} dòng", "{n} rows"),
    "data.download_csv": ("Tải CSV (UTF-8, mở bằng Excel)", "Download CSV (UTF-8, opens in Excel)"),
    "data.download_xlsx": ("Tải Excel (XLSX)", "Download Excel (XLSX)"),
    "data.empty": ("Không có giá trị nào khớp với bộ lọc.", "No values match the filters."),
    "data.sheet": ("Dữ liệu", "Data"),
    "data.converted.2025": (
        "Gồm số liệu quy đổi từ đơn vị cũ",
        "Include figures converted from the old units",
    ),
    "data.converted.legacy": (
        "Gồm số liệu quy đổi từ đơn vị mới",
        "Include figures converted from the new units",
    ),
    "data.converted_help": (
        "Số liệu trước 1/7/2025 quy đổi sang đơn vị mới (hoặc số liệu mới trên đơn vị cũ trùng "
        "đúng một đơn vị mới). Cột «Cách có số liệu», «Ước tính (thay đổi địa giới)», «Cách quy "
        "đổi» và «Số liệu gốc theo» cho biết giá trị nào được quy đổi.",
        "Figures before 1 July 2025 converted to the new units (or new figures on old units "
        "that are exactly one new unit). The columns 'How obtained', 'Estimate (boundary "
        "change)', 'Conversion basis' and 'Reported on' say which values were converted.",
    ),
    "data.converted_count": (
        "{n} giá trị quy đổi qua thay đổi địa giới, trong đó {est} là ước tính.",
        "{n} values converted across the boundary change, {est} of them estimates.",
    ),
}
