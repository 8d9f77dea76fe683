"""The upload template: the data sheet's headers (Vietnamese / English, as the reader accepts
them), the notes on them, and what the other sheets hold."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "template.col.indicator": ("Mã chỉ tiêu", "Indicator code"),
    "template.col.unit_list": ("Danh mục đơn vị", "Unit list"),
    "template.col.region": ("Mã đơn vị", "Unit code"),
    "template.col.region_name": ("Tên đơn vị", "Unit name"),
    "template.col.period": ("Kỳ báo cáo", "Period"),
    "template.col.value": ("Giá trị", "Value"),
    "template.col.numerator": ("Tử số", "Numerator"),
    "template.col.denominator": ("Mẫu số", "Denominator"),
    "template.col.status": ("Trạng thái", "Status"),
    "template.col.source": ("Nguồn", "Source"),
    "template.col.note": ("Ghi chú", "Note"),
    "template.help.indicator": (
        "Mã trong trang «Chỉ tiêu».",
        "A code from the 'Indicators' sheet.",
    ),
    "template.help.unit_list": (
        "«2025» cho đơn vị từ 01/07/2025, «legacy» cho đơn vị trước đó.",
        "'2025' for units from 1 July 2025, 'legacy' for the units before.",
    ),
    "template.help.region": ("Mã trong trang «Đơn vị».", "A code from the 'Units' sheet."),
    "template.help.region_name": (
        "Để đối chiếu; phải khớp với mã.",
        "For people to check; must match the code.",
    ),
    "template.help.period": (
        "Năm (2024), 6 tháng (6 tháng đầu năm 2024), quý (Quý 2/2024), tháng (06/2024) hoặc giai "
        "đoạn (GĐ 2021–2025).",
        "Year (2024), half-year (H1 2024), quarter (Q2/2024), month (06/2024) or plan phase "
        "(2021–2025).",
    ),
    "template.help.value": (
        "Số, dấu phẩy thập phân (99,2) hoặc dấu chấm (99.2).",
        "A number, decimal comma (99,2) or point (99.2).",
    ),
    "template.help.numerator": (
        "Với chỉ tiêu tỷ lệ: số đếm của tử số (ví dụ số xã có bưu cục).",
        "For ratios: the numerator count (e.g. communes with a post office).",
    ),
    "template.help.denominator": (
        "Với chỉ tiêu tỷ lệ: số đếm của mẫu số (ví dụ tổng số xã).",
        "For ratios: the denominator count (e.g. all communes).",
    ),
    "template.help.status": (
        "Chính thức, Sơ bộ, Ước tính hoặc Minh họa.",
        "Published, preliminary, estimate or illustrative.",
    ),
    "template.help.source": ("Cơ quan cung cấp số liệu.", "Who supplied the figure."),
    "template.help.note": ("Không bắt buộc.", "Optional."),
    "template.sheet.data": ("Số liệu", "Data"),
    "template.sheet.indicators": ("Chỉ tiêu", "Indicators"),
    "template.sheet.units": ("Đơn vị", "Units"),
    "template.status.example": ("Sơ bộ", "Preliminary"),
    "template.ind.code": ("Mã chỉ tiêu", "Code"),
    "template.ind.name_vi": ("Tên chỉ tiêu", "Name (Vietnamese)"),
    "template.ind.name_en": ("Tên tiếng Anh", "Name (English)"),
    "template.ind.unit": ("Đơn vị tính", "Unit of measure"),
    "template.ind.kind": ("Loại", "Kind"),
    "template.ind.numerator": ("Tử số (mã)", "Numerator (code)"),
    "template.ind.denominator": ("Mẫu số (mã)", "Denominator (code)"),
    "template.ind.definition": ("Định nghĩa", "Definition"),
    "template.unit.unit_list": ("Danh mục đơn vị", "Unit list"),
    "template.unit.code": ("Mã đơn vị", "Unit code"),
    "template.unit.name": ("Tên đơn vị", "Unit name"),
    "template.unit.level": ("Cấp", "Level"),
    "template.unit.parent": ("Mã đơn vị cấp trên", "Parent unit code"),
    "template.kind.ratio": ("tỷ lệ", "ratio"),
    "template.kind.count": ("số đếm", "count"),
    "template.kind.amount": ("số đo", "amount"),
    "template.kind.index": ("chỉ số", "index"),
    "template.kind.rank": ("xếp hạng", "rank"),
    "template.level.country": ("cả nước", "country"),
    "template.level.province": ("tỉnh", "province"),
    "template.level.district": ("huyện", "district"),
    "template.level.commune": ("xã", "commune"),
}
