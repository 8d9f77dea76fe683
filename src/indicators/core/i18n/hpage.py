"""The History page ("Lịch sử"): revisions, their differences and rolling back."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "hpage.title": ("Lịch sử cập nhật dữ liệu", "Data update history"),
    "hpage.intro": (
        "Mỗi lần tải lên hoặc khôi phục tạo một phiên bản mới; không phiên bản nào bị xóa. "
        "Chọn một phiên bản để xem nó đã thay đổi gì, xem toàn bộ số liệu tại thời điểm đó, "
        "hoặc khôi phục số liệu về phiên bản đó.",
        "Every upload or restore makes a new revision; none is ever deleted. Pick a revision to "
        "see what it changed, view all data as of then, or restore the data to it.",
    ),
    "hpage.col.id": ("Phiên bản", "Revision"),
    "hpage.col.created_at": ("Thời gian (giờ Việt Nam)", "Time (Vietnam)"),
    "hpage.col.author": ("Người thực hiện", "Author"),
    "hpage.col.file_name": ("Tệp", "File"),
    "hpage.col.message": ("Nội dung", "Message"),
    "hpage.col.rows_new": ("Mới", "New"),
    "hpage.col.rows_changed": ("Thay đổi", "Changed"),
    "hpage.col.rows_unchanged": ("Không đổi", "Unchanged"),
    "hpage.col.rows_removed": ("Bỏ đi", "Removed"),
    "hpage.col.rows_rejected": ("Bị loại", "Rejected"),
    "hpage.col.restores": ("Khôi phục từ", "Restores"),
    "hpage.col.recipe": ("Công thức", "Recipe"),
    "hpage.pick": ("Phiên bản", "Revision"),
    "hpage.option": ("Phiên bản {rev} · {date} · {what}", "Revision {rev} · {date} · {what}"),
    "hpage.current": ("(hiện tại)", "(current)"),
    "hpage.changed_title": ("Phiên bản {rev} đã thay đổi gì", "What revision {rev} changed"),
    "hpage.changed_none": (
        "Phiên bản này không thay đổi số liệu nào.",
        "This revision changed no figures.",
    ),
    "hpage.changed_count": (
        "{n} dòng khác với phiên bản {prev} (hiển thị tối đa {shown}).",
        "{n} rows differ from revision {prev} (showing up to {shown}).",
    ),
    "hpage.asof_title": ("Số liệu tại phiên bản {rev}", "Data as of revision {rev}"),
    "hpage.asof_indicator": ("Chỉ tiêu", "Indicator"),
    "hpage.asof_rows": ("{n} dòng", "{n} rows"),
    "hpage.asof_periods": ("Kỳ số liệu", "Periods"),
    "hpage.asof_all_periods": ("Mọi kỳ", "All periods"),
    "hpage.download_csv": ("Tải CSV", "Download CSV"),
    "hpage.rollback_title": ("Khôi phục", "Restore"),
    "hpage.rollback_current": (
        "Đây là phiên bản hiện tại: không có gì để khôi phục.",
        "This is the current revision: nothing to restore.",
    ),
    "hpage.rollback_explain": (
        "Tạo phiên bản {next} có số liệu giống hệt phiên bản {rev}. Các phiên bản {after} vẫn "
        "được giữ trong lịch sử và có thể khôi phục lại.",
        "Makes revision {next} with exactly the data of revision {rev}. Revisions {after} stay "
        "in the history and can be restored again.",
    ),
    "hpage.rollback_author_is": (
        "Người thực hiện: {name} (tài khoản đang đăng nhập)",
        "Restored by: {name} (the signed-in account)",
    ),
    "hpage.audit_title": ("Nhật ký truy cập", "Audit trail"),
    "hpage.audit_intro": (
        "Mọi lần đăng nhập, kiểm tra tệp, lưu, khôi phục và thay đổi tài khoản: ai, khi nào "
        "(giờ Việt Nam), vai trò, phiên, địa chỉ máy, tệp và mã băm của tệp. Chỉ ghi thêm, "
        "không sửa xóa.",
        "Every sign-in, file check, save, restore and account change: who, when (Vietnam time), "
        "role, session, client address, file and its hash. Only ever appended to.",
    ),
    "hpage.audit.col.id": ("Số", "No."),
    "hpage.audit.col.occurred_at": ("Thời gian (giờ Việt Nam)", "Time (Vietnam)"),
    "hpage.audit.col.event": ("Việc", "Event"),
    "hpage.audit.col.outcome": ("Kết quả", "Outcome"),
    "hpage.audit.col.account": ("Tài khoản", "Account"),
    "hpage.audit.col.role": ("Vai trò", "Role"),
    "hpage.audit.col.session": ("Phiên", "Session"),
    "hpage.audit.col.client": ("Địa chỉ máy", "Client address"),
    "hpage.audit.col.file_name": ("Tệp", "File"),
    "hpage.audit.col.file_hash": ("Mã băm của tệp (SHA-256)", "File hash (SHA-256)"),
    "hpage.audit.col.revision": ("Phiên bản", "Revision"),
    "hpage.audit.col.detail": ("Chi tiết", "Detail"),
    "hpage.audit_download": ("Tải nhật ký (CSV)", "Download the trail (CSV)"),
    "hpage.rollback_message": ("Lý do khôi phục", "Reason for restoring"),
    "hpage.rollback_confirm": (
        "Tôi hiểu rằng số liệu hiện tại sẽ được thay bằng số liệu của phiên bản {rev}",
        "I understand the current data will be replaced by the data of revision {rev}",
    ),
    "hpage.rollback_button": ("Khôi phục về phiên bản {rev}", "Restore revision {rev}"),
    "hpage.rollback_need_confirm": (
        "Hãy đánh dấu ô xác nhận trước khi khôi phục.",
        "Tick the confirmation box before restoring.",
    ),
    "hpage.rollback_failed": (
        "Không khôi phục được, số liệu không thay đổi: {error}",
        "Could not restore; the data are unchanged: {error}",
    ),
}
