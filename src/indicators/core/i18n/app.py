"""The app frame: title, heading, data revision and the language picker (`app.*`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "app.title": ("Chỉ số CNTT-TT", "ICT Indicators"),
    "app.heading": ("Chỉ số CNTT-TT tỉnh {province}", "{province} ICT indicators"),
    "app.language": ("Ngôn ngữ / Language", "Ngôn ngữ / Language"),
    "app.revision": (
        "Dữ liệu: phiên bản {rev} ({date})",
        "Data: revision {rev} ({date})",
    ),
    "app.incident": (
        "Đã xảy ra lỗi ngoài dự kiến. Mã sự cố: {incident}. Hãy thử tải lại trang; nếu lỗi còn, "
        "gửi mã này cho bộ phận quản trị hệ thống.",
        "Something unexpected went wrong. Incident id: {incident}. Try reloading the page; if it "
        "happens again, send this id to the system administrators.",
    ),
}
