"""Image downloads under each chart (`img.*`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "img.menu": ("Tải ảnh", "Image"),
    "img.png_wide": ("PNG 16:9 (1920×1080)", "PNG 16:9 (1920×1080)"),
    "img.png_square": ("PNG vuông (1080×1080)", "PNG square (1080×1080)"),
    "img.svg": ("SVG (vẽ lại không vỡ nét)", "SVG (scales without blur)"),
    "img.note": (
        "Ảnh có tiêu đề, đơn vị, kỳ, địa bàn, nguồn, phiên bản dữ liệu, ngày xuất và tên cơ quan.",
        "Images carry the title, unit, period, areas, source, data revision, export date and "
        "organisation.",
    ),
}
