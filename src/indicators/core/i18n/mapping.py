"""The mapping step of the Upload page: a published table's parts as found, the editable table
of series → indicator, and the recipe's name, area and period."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "mapping.step": ("Cách đọc bảng như khi công bố", "How the published table is read"),
    "mapping.intro": (
        "Tệp này là bảng như khi công bố, không có cột mã chỉ tiêu. Kiểm tra cách đọc dưới đây, "
        "chọn chỉ tiêu cho từng dãy số rồi bấm **Áp dụng**. Cách đọc được lưu thành công thức: "
        "lần sau bảng cùng loại được đọc tự động.",
        "This file is a table as published, with no indicator-code column. Check how it was "
        "read below, choose the indicator of each series and press **Apply**. The mapping is "
        "saved as a recipe: the next edition of the same table is read by itself.",
    ),
    "mapping.recognised": (
        "Đã nhận ra bảng này: đọc theo công thức '{name}' đã lưu.",
        "This table was recognised: read with the saved recipe '{name}'.",
    ),
    "mapping.given": (
        "Đọc theo công thức '{name}' (chưa lưu: được lưu cùng phiên bản dữ liệu).",
        "Read with the recipe '{name}' (saved with the data revision).",
    ),
    "mapping.edit": ("Xem và sửa cách đọc", "Review and change how it is read"),
    "mapping.col.series": ("Dãy số (như in trong bảng)", "Series (as printed)"),
    "mapping.col.indicator": ("Chỉ tiêu", "Indicator"),
    "mapping.col.confidence": ("Độ tin cậy của đề xuất", "Proposal's confidence"),
    "mapping.col.numbers": ("Cách viết số", "How numbers are written"),
    "mapping.choose": ("Chỉ tiêu của dãy số «{series}»", "Indicator of the series «{series}»"),
    "mapping.numbers_of": (
        "Cách viết số của dãy số «{series}»",
        "How the series «{series}» writes numbers",
    ),
    "mapping.none": ("— không nhập —", "— not imported —"),
    "mapping.growth": ("đối chiếu (chỉ số phát triển)", "cross-check (growth index)"),
    "mapping.confirmed": ("đã xác nhận", "confirmed"),
    "mapping.numbers.auto": ("theo tệp", "as the file shows"),
    "mapping.numbers.vi": ("1.234,5 (chấm nghìn, phẩy thập phân)", "1.234,5 (dot thousands)"),
    "mapping.numbers.en": ("1,234.5 (phẩy nghìn, chấm thập phân)", "1,234.5 (comma thousands)"),
    "mapping.area": ("Địa bàn của bảng", "The table's area"),
    "mapping.area.home": ("{province} (tỉnh, mặc định)", "{province} (the province, default)"),
    "mapping.area_help": (
        "Bảng không có cột đơn vị: mọi số liệu thuộc một địa bàn.",
        "The table has no unit column: every value belongs to one area.",
    ),
    "mapping.axis": ("Kỳ số liệu nằm ở", "Where the periods are"),
    "mapping.axis_help": (
        "Sửa nếu cách đọc tự nhận sai; bấm Áp dụng để đọc lại bảng, rồi chọn chỉ tiêu.",
        "Correct it if it was read wrongly; press Apply to read the table again, then map it.",
    ),
    "mapping.axis.found": ("{found} (tự nhận)", "{found} (as found)"),
    "mapping.axis.rows": ("theo dòng (mỗi dòng một năm)", "down the rows (a year a row)"),
    "mapping.axis.columns": ("theo cột (mỗi cột một năm)", "across the columns (a year a column)"),
    "mapping.axis.none": ("bảng một kỳ (nhập năm bên dưới)", "one period (enter the year below)"),
    "mapping.period": ("Kỳ số liệu của bảng (năm)", "The table's period (year)"),
    "mapping.name": ("Tên công thức", "Recipe name"),
    "mapping.name_help": (
        "Chữ, số, dấu cách và . ( ) -; tối đa 80 ký tự.",
        "Letters, digits, spaces and . ( ) -; at most 80 characters.",
    ),
    "mapping.apply": ("Áp dụng", "Apply"),
    "mapping.bad_name": (
        "Tên công thức không hợp lệ: chỉ gồm chữ, số, dấu cách và . ( ) -, tối đa 80 ký tự.",
        "The recipe name is not valid: letters, digits, spaces and . ( ) - only, at most 80.",
    ),
    "mapping.nothing_mapped": (
        "Chưa chọn chỉ tiêu cho dãy số nào.",
        "No series has an indicator yet.",
    ),
    "mapping.numbers_read": ("Cách đọc số của từng cột", "How each column's numbers were read"),
    "mapping.found.title": ("Tiêu đề", "Title"),
    "mapping.found.unit": ("Đơn vị tính", "Unit"),
    "mapping.found.source": ("Nguồn", "Source"),
    "mapping.found.note": ("Ghi chú", "Note"),
    "mapping.found.layout": ("Bố cục", "Layout"),
    "mapping.found.blocks": ("Các khối", "Blocks"),
    "mapping.layout.periods_down": (
        "các năm theo dòng, các dãy số theo cột ({rows} dòng số liệu)",
        "periods down the rows, series across the columns ({rows} data rows)",
    ),
    "mapping.layout.units_down": (
        "các đơn vị theo dòng, các kỳ theo cột ({rows} dòng)",
        "units down the rows, periods across the columns ({rows} rows)",
    ),
    "mapping.layout.series_down": (
        "các chỉ tiêu theo dòng, các kỳ theo cột ({rows} dòng)",
        "series down the rows, periods across the columns ({rows} rows)",
    ),
    "mapping.layout.ranking": (
        "bảng xếp hạng: các tỉnh theo dòng, điểm và thứ hạng theo cột ({rows} dòng)",
        "a ranking: provinces down the rows, scores and ranks across ({rows} rows)",
    ),
    "mapping.layout.one_period": (
        "một kỳ số liệu, các dãy số theo cột ({rows} dòng)",
        "one period, series across the columns ({rows} rows)",
    ),
}
