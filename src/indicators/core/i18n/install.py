"""A new install (`install.*`): the unit lists settings.toml names, `indicators init` on a data
folder, and the Overview of a store that holds no figures yet."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "install.no_region_sources": (
        "settings.toml chưa có mục [[region_sources]] nào: hãy ghi danh sách đơn vị (legacy hoặc "
        "2025) và mã tỉnh cần nạp",
        "settings.toml has no [[region_sources]] section: name the unit list (legacy or 2025) "
        "and the province codes to load",
    ),
    "install.no_province_codes": (
        "settings.toml: mục [[region_sources]] của danh sách đơn vị {unit_list} không có mã tỉnh "
        "nào (province_codes)",
        "settings.toml: the [[region_sources]] section of the {unit_list} unit list names no "
        "province code (province_codes)",
    ),
    "install.unknown_province": (
        "settings.toml: danh sách đơn vị {unit_list} không có tỉnh mã {codes}; mã tỉnh gồm hai "
        "chữ số, như “01”",
        "settings.toml: the {unit_list} unit list has no province with code {codes}; a province "
        "code has two digits, such as “01”",
    ),
    "install.seeded_empty": (
        "Khởi tạo kho từ thư mục dữ liệu ({folder}/): chưa có số liệu",
        "store created from the data folder ({folder}/): no figures yet",
    ),
    "install.init_no_data": (
        "Chưa có số liệu: tải tệp lên ở trang Tải lên, hoặc chạy "
        '`indicators import TỆP -m "nội dung"`',
        "No figures yet: upload a file on the Upload page, or run "
        '`indicators import FILE -m "message"`',
    ),
    "install.init_refused": (
        "Chưa ghi phiên bản nào vào kho dữ liệu: sửa thư mục dữ liệu (INDICATORS_DATA_DIR) rồi "
        "chạy lại `indicators init`",
        "No revision was written to the store: fix the data folder (INDICATORS_DATA_DIR) and "
        "run `indicators init` again",
    ),
    "install.settings_unreadable": (
        "Không đọc được settings.toml: {error}",
        "settings.toml cannot be read: {error}",
    ),
    "install.settings_missing": (
        "settings.toml thiếu mục hoặc khóa {name}",
        "settings.toml lacks the section or key {name}",
    ),
    "install.file_missing": (
        "Thiếu tệp {path}: thư mục dữ liệu cần settings.toml và catalog.csv",
        "{path} is missing: the data folder needs settings.toml and catalog.csv",
    ),
    "install.no_data": (
        "Chưa có số liệu theo năm của {province}. Số liệu sẽ hiện ở đây khi chuyên viên tải "
        "lên (trang Tải lên, hoặc `indicators import`).",
        "No yearly figures for {province} yet. They will appear here once an analyst uploads "
        "them (the Upload page, or `indicators import`).",
    ),
}
