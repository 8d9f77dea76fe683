"""Table columns: the tables on screen and the files people download (`present.tables`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "col.indicator": ("Mã chỉ tiêu", "Indicator code"),
    "col.indicator_name": ("Chỉ tiêu", "Indicator"),
    "col.unit": ("Đơn vị tính", "Unit"),
    "col.unit_list": ("Bộ đơn vị hành chính", "Unit list"),
    "col.region": ("Mã địa bàn", "Area code"),
    "col.region_name": ("Địa bàn", "Area"),
    "col.level": ("Cấp", "Level"),
    "col.period": ("Mã kỳ", "Period code"),
    "col.period_label": ("Kỳ", "Period"),
    "col.value": ("Giá trị", "Value"),
    "col.numerator": ("Tử số", "Numerator"),
    "col.denominator": ("Mẫu số", "Denominator"),
    "col.status": ("Trạng thái", "Status"),
    "col.origin": ("Cách có số liệu", "How obtained"),
    "col.estimate": ("Ước tính (thay đổi địa giới)", "Estimate (boundary change)"),
    "col.basis": ("Cách quy đổi", "Conversion basis"),
    "col.from_unit_list": ("Số liệu gốc theo", "Reported on"),
    "col.source": ("Nguồn", "Source"),
    "col.note": ("Ghi chú", "Note"),
}
