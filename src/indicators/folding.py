"""Folding text for matching what people type: NFC, lower case, no tone marks, one space."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """'  Phường  Vĩnh_Hòa ' -> 'phuong vinh hoa' (đ becomes d)."""
    text = unicodedata.normalize("NFC", str(text)).strip().lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return " ".join(text.replace("_", " ").split())
