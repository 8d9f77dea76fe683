"""Heatmaps of units over periods (`heatmap.*`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "heatmap.sub": (
        "{unit} · {place}: {n} đơn vị {level}, xếp theo {latest}",
        "{unit} · {place}: {n} {level} units, sorted by {latest}",
    ),
    "heatmap.gaps": ("✕: không có số liệu ({n} ô)", "✕: no data ({n} cells)"),
}
