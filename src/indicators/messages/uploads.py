"""Messages of the Uploads, validation reports, History page, CLI messages (issue 4)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
