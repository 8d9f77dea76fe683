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
}
