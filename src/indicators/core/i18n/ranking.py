"""Rankings of units (`ranking.*`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "ranking.sub_parent": (
        "{unit} · {n} đơn vị {level} · màu cam: thấp hơn {parent} ({value})",
        "{unit} · {n} {level} units · orange: below {parent} ({value})",
    ),
}
