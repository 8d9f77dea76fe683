"""The status vocabulary (`core.schema.STATUSES`): each status's name, meaning and mark."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "status.published": ("Đã công bố", "Published"),
    "status.preliminary": ("Sơ bộ", "Preliminary"),
    "status.estimate": ("Ước tính", "Estimate"),
    "status.illustrative": ("Minh họa", "Illustrative"),
    "status.published.desc": (
        "Số liệu chính thức đã công bố, có văn bản nguồn.",
        "Official figure, published with its source.",
    ),
    "status.preliminary.desc": (
        "Số sơ bộ (niên giám ghi «Sơ bộ / Prel.»), có thể còn được điều chỉnh.",
        "Preliminary ('Sơ bộ / Prel.' in yearbooks); may still be revised.",
    ),
    "status.estimate.desc": (
        "Số ước tính của cơ quan báo cáo.",
        "An estimate by the reporting body.",
    ),
    "status.illustrative.desc": (
        "Số minh họa để thử phần mềm, không phải số liệu thống kê; không dùng trong văn bản.",
        "Illustrative, for trying the software; not statistics, do not quote.",
    ),
    "status.published.drawn": ("điểm đặc ●", "filled marker ●"),
    "status.preliminary.drawn": ("điểm đặc có viền trắng ◉", "filled marker, white ring ◉"),
    "status.estimate.drawn": ("điểm rỗng có chấm giữa ⊙", "hollow marker with a dot ⊙"),
    "status.illustrative.drawn": (
        "điểm rỗng ◇ ○, ghi chú «Minh họa» dưới biểu đồ",
        "hollow marker ◇ ○, 'Illustrative' note under the chart",
    ),
}
