"""The store's side of an update: the steps of a long commit or rollback, rollback messages and
a preview gone stale."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "history.seeded": ("Khởi tạo từ dữ liệu kèm theo ({folder}/)", "seeded from bundled data"),
    # Steps of a long commit or rollback (Store.commit(progress=...) passes these keys).
    "history.progress.waiting": (
        "Đang chờ đến lượt ghi vào kho dữ liệu…",
        "Waiting for the store to be free…",
    ),
    "history.progress.reading": ("Đang đọc các dòng…", "Reading the rows…"),
    "history.progress.comparing": (
        "Đang so sánh với phiên bản hiện tại…",
        "Comparing with the current revision…",
    ),
    "history.progress.writing": (
        "Đang ghi các dòng mới và thay đổi…",
        "Writing new and changed rows…",
    ),
    "history.progress.saving": ("Đang lưu phiên bản…", "Saving the revision…"),
    "history.progress.done": ("Đã lưu.", "Saved."),
    "history.rollback.default_message": (
        "Khôi phục dữ liệu của phiên bản {rev}",
        "Restore the data of revision {rev}",
    ),
    "history.rollback.done": (
        "Phiên bản {rev}: đã khôi phục dữ liệu của phiên bản {to} ({changed} thay đổi, "
        "{new} thêm lại, {removed} bỏ đi)",
        "Revision {rev}: restored the data of revision {to} ({changed} changed, "
        "{new} added back, {removed} removed)",
    ),
    "history.rollback.unknown": (
        "Không có phiên bản {rev}; các phiên bản: {known}",
        "There is no revision {rev}; revisions: {known}",
    ),
    "history.stale": (
        "Kho dữ liệu vừa có phiên bản mới ({current}) sau khi xem trước (phiên bản {base}); "
        "hãy xem trước lại.",
        "The store has a newer revision ({current}) than the preview ({base}); preview again.",
    ),
}
