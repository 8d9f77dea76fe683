"""Messages of the Trends, Data and Methodology pages (issue 3)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
