"""Backups of the store and restoring one (`backup.*`): what was written and checked, and each
refusal, which leaves the store and any existing file as they were."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "backup.done": (
        "Đã sao lưu kho dữ liệu vào {path}: phiên bản {rev}, {tables} bảng, {rows} dòng; bản "
        "sao đã được mở lại và khớp với kho.",
        "Backed up the store to {path}: revision {rev}, {tables} tables, {rows} rows; the copy "
        "was reopened and matches the store.",
    ),
    "backup.restored": (
        "Đã khôi phục kho dữ liệu {store} từ {path}: phiên bản {rev}, {rows} dòng. Kho cũ được "
        "giữ ở {kept}. Hãy khởi động lại bảng điều khiển để hiện số liệu đã khôi phục.",
        "Restored the store {store} from {path}: revision {rev}, {rows} rows. The previous "
        "store is kept as {kept}. Restart the dashboard to show the restored data.",
    ),
    "backup.restored_new": (
        "Đã tạo kho dữ liệu {store} từ bản sao lưu {path}: phiên bản {rev}, {rows} dòng.",
        "Created the store {store} from the backup {path}: revision {rev}, {rows} rows.",
    ),
    "backup.exists": (
        "Tệp {path} đã có; không ghi đè (thêm --force để ghi đè)",
        "{path} already exists; it was not overwritten (add --force to overwrite it)",
    ),
    "backup.no_folder": ("Không có thư mục {folder}", "There is no folder {folder}"),
    "backup.same_file": (
        "Tệp {path} chính là kho dữ liệu; hãy chọn tệp khác",
        "{path} is the store itself; choose another file",
    ),
    "backup.no_store": (
        "Chưa có kho dữ liệu {path} để sao lưu (chạy indicators init trước)",
        "There is no store {path} to back up (run indicators init first)",
    ),
    "backup.mismatch": (
        "Bản sao không khớp với kho dữ liệu ({what}); đã xoá bản sao, không có gì thay đổi. "
        "Hãy thử lại.",
        "The copy did not match the store ({what}); it was deleted and nothing changed. Try again.",
    ),
    "backup.missing": ("Không có tệp sao lưu {path}", "There is no backup file {path}"),
    "backup.damaged": (
        "Tệp sao lưu {path} bị hỏng hoặc không phải kho của ứng dụng này ({reason}); kho dữ "
        "liệu không bị thay đổi.",
        "The backup {path} is damaged or is not a store of this app ({reason}); the store "
        "was not changed.",
    ),
    "backup.no_revisions": (
        "Tệp sao lưu {path} không có phiên bản số liệu nào; kho dữ liệu không bị thay đổi.",
        "The backup {path} holds no data revision; the store was not changed.",
    ),
    "backup.disk_full": (
        "Hết dung lượng trên ổ đĩa chứa {folder}: không ghi được bản sao, không để lại tệp dở "
        "dang; kho dữ liệu không bị thay đổi.",
        "The disk holding {folder} is full: the copy was not written and no partial file was "
        "left; the store was not changed.",
    ),
    "backup.cannot_write": (
        "Không ghi được {path} ({reason}); kho dữ liệu không bị thay đổi.",
        "Cannot write {path} ({reason}); the store was not changed.",
    ),
}
