"""Messages of the Series across the 2025 administrative reform (issue 6)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
