"""The Upload page ("Tải lên"): choosing a file, the check, the preview and storing."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "upage.title": ("Tải lên số liệu", "Upload data"),
    "upage.intro": (
        "Tải lên tệp **CSV** hoặc **Excel (.xlsx)** đúng như Excel đã lưu: bảng dọc (mỗi dòng "
        "một giá trị) hoặc bảng ngang kiểu niên giám (mỗi năm một cột). Trước khi lưu, trang "
        "kiểm tra từng dòng và cho xem những gì sẽ thay đổi; mỗi lần lưu tạo một phiên bản mới "
        "có thể khôi phục ở trang Lịch sử.",
        "Upload a **CSV** or **Excel (.xlsx)** file exactly as Excel saved it: a long table (one "
        "value per row) or a yearbook-style wide table (one column per year). Every row is "
        "checked and you see what will change before anything is stored; each save makes a new "
        "revision that the History page can restore.",
    ),
    "upage.template": ("Mẫu nhập liệu", "Template"),
    "upage.template_help": (
        "Mẫu có danh mục chỉ tiêu và mã, tên các đơn vị hành chính hiện hành.",
        "The template lists the catalog's indicators and the current units' codes and names.",
    ),
    "upage.template_xlsx": ("Tải mẫu Excel (.xlsx)", "Download Excel template (.xlsx)"),
    "upage.template_csv": ("Tải mẫu CSV", "Download CSV template"),
    "upage.file": ("Chọn tệp số liệu", "Choose a data file"),
    "upage.file_help": ("CSV hoặc XLSX, tối đa {mb} MB", "CSV or XLSX, up to {mb} MB"),
    "upage.checking": ("Đang đọc và kiểm tra tệp…", "Reading and checking the file…"),
    "upage.step_check": ("1. Kiểm tra", "1. Check"),
    "upage.step_preview": ("2. Xem trước thay đổi", "2. Preview the changes"),
    "upage.step_commit": ("3. Lưu", "3. Save"),
    "upage.clean": (
        "Tệp hợp lệ: {n} dòng có thể lưu.",
        "The file is valid: {n} rows can be stored.",
    ),
    "upage.has_errors": (
        "Số lỗi: {errors}; số dòng có lỗi: {rows}. Sửa tệp rồi tải lên lại, hoặc chọn chỉ lưu "
        "các dòng hợp lệ.",
        "Errors: {errors}; rows with errors: {rows}. Fix the file and upload it again, or choose "
        "to store the valid rows only.",
    ),
    "upage.nothing_storable": (
        "Không có dòng nào trong tệp lưu được (xem báo cáo bên dưới); không có gì được lưu.",
        "No row of this file can be stored (see the report below); nothing was stored.",
    ),
    "upage.report": ("Báo cáo kiểm tra", "Validation report"),
    "upage.report_download": ("Tải báo cáo (CSV)", "Download the report (CSV)"),
    "upage.col.row": ("Dòng", "Row"),
    "upage.col.column": ("Cột", "Column"),
    "upage.col.value": ("Giá trị trong tệp", "Value in file"),
    "upage.col.severity": ("Mức", "Severity"),
    "upage.col.reason": ("Lý do", "Reason"),
    "upage.col.hint": ("Cách sửa", "How to fix"),
    "upage.severity.error": ("Lỗi", "Error"),
    "upage.severity.warning": ("Cảnh báo", "Warning"),
    "upage.severity.note": ("Ghi chú", "Note"),
    "upage.m.new": ("Dòng mới", "New rows"),
    "upage.m.changed": ("Thay đổi", "Changed"),
    "upage.m.unchanged": ("Không đổi", "Unchanged"),
    "upage.m.rejected": ("Bị loại", "Rejected"),
    "upage.changed_list": (
        "Các giá trị sẽ thay đổi (cũ → mới)",
        "Values that will change (old → new)",
    ),
    "upage.nothing_new": (
        "Tệp không có gì mới so với phiên bản hiện tại.",
        "The file holds nothing new compared with the current revision.",
    ),
    "upage.mode": ("Khi tệp có lỗi", "When the file has errors"),
    "upage.mode.all": (
        "Không lưu gì cho đến khi tệp hết lỗi (mặc định)",
        "Store nothing until the file has no errors (default)",
    ),
    "upage.mode.valid": (
        "Chỉ lưu {n} dòng hợp lệ, bỏ {rejected} dòng lỗi",
        "Store the {n} valid rows only, leave out the {rejected} rows with errors",
    ),
    "upage.author_is": (
        "Người cập nhật: {name} (tài khoản đang đăng nhập)",
        "Saved as: {name} (the signed-in account)",
    ),
    "upage.message": ("Nội dung cập nhật", "What this update is"),
    "upage.message_default": ("Cập nhật từ tệp {file}", "Update from {file}"),
    "upage.commit": ("Lưu thành phiên bản {rev}", "Save as revision {rev}"),
    "upage.blocked": (
        "Chưa lưu được: tệp còn lỗi. Sửa tệp, hoặc chọn chỉ lưu các dòng hợp lệ.",
        "Not saved: the file has errors. Fix it, or choose to store the valid rows only.",
    ),
    "upage.saved": (
        "Đã lưu phiên bản {rev}: {new} dòng mới, {changed} thay đổi, {unchanged} không đổi, "
        "{rejected} bị loại. Xem ở trang Tổng quan; hoàn tác ở trang Lịch sử.",
        "Saved revision {rev}: {new} new, {changed} changed, {unchanged} unchanged, {rejected} "
        "rejected rows. See it on the Overview; undo it on the History page.",
    ),
    "upage.failed": (
        "Không lưu được, số liệu không thay đổi: {error}",
        "Could not save; the data are unchanged: {error}",
    ),
}
