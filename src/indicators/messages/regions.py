"""Messages of the Regions page: rankings, heatmap, map (issue 3)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
