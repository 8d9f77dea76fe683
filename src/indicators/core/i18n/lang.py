"""The languages, each named in itself (`lang.*`: the language switch)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "lang.vi": ("Tiếng Việt", "Tiếng Việt"),
    "lang.en": ("English", "English"),
}
