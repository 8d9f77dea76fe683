"""Topics of the indicator catalog."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "topic.postal": ("Bưu chính", "Postal services"),
    "topic.telecom": ("Viễn thông và Internet", "Telecommunications and internet"),
    "topic.press": ("Báo chí", "Press"),
    "topic.digital_gov": ("Chính quyền số", "Digital government"),
}
