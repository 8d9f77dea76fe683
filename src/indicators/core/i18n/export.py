"""Exported images and files (`export.*`: the provenance line of every image)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "export.footer": ("Xuất ngày {date} · {org}", "Exported {date} · {org}"),
}
