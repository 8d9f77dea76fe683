"""Why the store file cannot be used as asked (`store.*`): damaged, another program's database,
read-only, unreadable, busy, or a full disk. Each says what happened to the data (nothing) and
what to do; the pages and the command line show them instead of a traceback."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "store.damaged": (
        "Kho dữ liệu {path} bị hỏng hoặc không phải tệp kho của ứng dụng này ({reason}). "
        "Không có gì được ghi vào tệp. Hãy khôi phục từ bản sao lưu: "
        "indicators restore-backup TỆP",
        "The store {path} is damaged or is not a store file of this app ({reason}). "
        "Nothing was written to it. Restore it from a backup: indicators restore-backup FILE",
    ),
    "store.not_ours": (
        "Tệp {path} là một cơ sở dữ liệu DuckDB khác, không phải kho của ứng dụng này (có các "
        "bảng {tables}); không có gì được ghi vào tệp. Kiểm tra đường dẫn INDICATORS_DB.",
        "{path} is another DuckDB database, not a store of this app (it has the tables "
        "{tables}); nothing was written to it. Check the INDICATORS_DB path.",
    ),
    "store.read_only": (
        "Không ghi được vào kho dữ liệu {path} ({reason}): tệp hoặc thư mục chỉ cho phép đọc. "
        "Số liệu vẫn xem được; không có gì thay đổi.",
        "Cannot write to the store {path} ({reason}): the file or its folder is read-only. "
        "The data can still be viewed; nothing was changed.",
    ),
    "store.unreadable": (
        "Không đọc được kho dữ liệu {path} ({reason})",
        "Cannot read the store {path} ({reason})",
    ),
    "store.cannot_open": (
        "Không mở được kho dữ liệu {path} ({reason})",
        "Cannot open the store {path} ({reason})",
    ),
    "store.busy": (
        "Kho dữ liệu {path} vẫn đang bận sau {seconds} giây chờ (một lần ghi khác đang chạy); "
        "hãy thử lại sau.",
        "The store {path} was still busy after waiting {seconds} s (another write is "
        "running); try again later.",
    ),
    "store.disk_full": (
        "Hết dung lượng trên ổ đĩa chứa {path}: không lưu được gì, số liệu vẫn như trước. "
        "Hãy giải phóng chỗ trống rồi thử lại.",
        "The disk holding {path} is full: nothing was saved, the data is as it was. "
        "Free some space and try again.",
    ),
    "store.server_unreachable": (
        "Không kết nối được kho dữ liệu dùng chung {where} ({reason}). Không có gì thay đổi. "
        "Kiểm tra máy chủ PostgreSQL đang chạy và INDICATORS_DB (docs/deploy.md).",
        "Cannot reach the shared store {where} ({reason}). Nothing was changed. Check that the "
        "PostgreSQL server is running and INDICATORS_DB is right (docs/deploy.md).",
    ),
    "store.server_error": (
        "Kho dữ liệu dùng chung {where} báo lỗi ({reason}); không có gì thay đổi.",
        "The shared store {where} reported an error ({reason}); nothing was changed.",
    ),
    "store.not_ours_server": (
        "Cơ sở dữ liệu {where} đã có các bảng {tables} nhưng không phải kho của ứng dụng này; "
        "không có gì được ghi. Hãy dùng một cơ sở dữ liệu riêng (docs/deploy.md).",
        "The database {where} already has the tables {tables} but is not a store of this app; "
        "nothing was written. Use a database of its own (docs/deploy.md).",
    ),
    "store.newer_schema": (
        "Kho dữ liệu dùng chung {where} có lược đồ phiên bản {found}, mới hơn phiên bản "
        "{known} mà bản cài đặt này biết; hãy nâng cấp ứng dụng trên máy chủ này.",
        "The shared store {where} has schema version {found}, newer than the {known} this "
        "install knows; upgrade the app on this server.",
    ),
    "store.backup_by_pg_dump": (
        "Kho dữ liệu dùng chung trên PostgreSQL được sao lưu bằng pg_dump và phục hồi bằng "
        "pg_restore (docs/deploy.md), không bằng lệnh này.",
        "A shared store on PostgreSQL is backed up with pg_dump and restored with pg_restore "
        "(docs/deploy.md), not with this command.",
    ),
    "store.unknown_scheme": (
        "INDICATORS_DB bắt đầu bằng {scheme}://, không phải một kho dữ liệu ứng dụng biết "
        "({known}, hoặc đường dẫn một tệp DuckDB).",
        "INDICATORS_DB starts with {scheme}://, which is not a store this app knows ({known}, "
        "or the path of a DuckDB file).",
    ),
}
