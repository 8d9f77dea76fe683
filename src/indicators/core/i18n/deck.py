"""Briefing decks: the title slide, the captions file and the preset decks' names."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "deck.title": (
        "Chỉ số CNTT-TT tỉnh {province}",
        "ICT indicators of {province} province",
    ),
    "deck.stamp": (
        "Xuất ngày {date} · Phiên bản dữ liệu {rev}",
        "Exported {date} · Data revision {rev}",
    ),
    "deck.captions_file": ("chu-thich.txt", "captions.txt"),
    "deck.preset.phase_2016_2020": ("Tổng kết giai đoạn 2016–2020", "2016–2020 phase review"),
    "deck.preset.current_year": ("Năm hiện tại", "Current year"),
}
