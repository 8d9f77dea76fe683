"""The command line's own messages (`cli.*`); it prints them in both languages."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.export_format": (
        "Định dạng '{fmt}' không xuất được; dùng png, svg, pptx hoặc pdf",
        "Cannot export to '{fmt}'; use png, svg, pptx or pdf",
    ),
    "cli.export_one": (
        "Ảnh PNG/SVG chỉ chứa một biểu đồ: chọn một chỉ tiêu, hoặc xuất pptx/pdf",
        "A PNG/SVG image holds one chart: give one indicator, or export pptx/pdf",
    ),
    "cli.export_failed": (
        "Không vẽ được ảnh (cần Chromium: apt-get install chromium): {error}",
        "Could not draw the image (needs Chromium: apt-get install chromium): {error}",
    ),
    "cli.init_exists": ("Kho dữ liệu đã có sẵn", "store already initialised"),
    "cli.init_created": (
        "Đã tạo kho dữ liệu {where}: phiên bản {rev}, {rows} dòng",
        "Created {where}: revision {rev}, {rows} rows",
    ),
    "cli.imported": (
        "Phiên bản {rev}: {new} mới, {changed} thay đổi, {unchanged} không đổi",
        "Revision {rev}: {new} new, {changed} changed, {unchanged} unchanged",
    ),
    "cli.no_data": ("Không có số liệu", "no data"),
    "cli.password": ("Mật khẩu: ", "Password: "),
    "cli.password_again": ("Nhập lại mật khẩu: ", "Password again: "),
    "cli.user_added": (
        "Đã tạo tài khoản {name} (vai trò {role})",
        "Account {name} created (role {role})",
    ),
    "cli.no_accounts": (
        "Chưa có tài khoản nào: tạo quản trị viên đầu tiên bằng "
        "`indicators users add TEN --role admin` (hỏi mật khẩu hai lần)",
        "No accounts yet: create the first admin with `indicators users add NAME --role admin` "
        "(asks for the password twice)",
    ),
    "cli.bad_count": (
        "“{value}” không phải số nguyên dương",
        "“{value}” is not a positive whole number",
    ),
    "cli.user_changed": ("Đã cập nhật tài khoản {name}", "Account {name} updated"),
}
