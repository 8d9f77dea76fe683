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
}
