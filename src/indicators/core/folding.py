"""Folding text for matching what people type: NFC, lower case, no tone marks, one space."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """'  Phường  Vĩnh_Hòa ' -> 'phuong vinh hoa' (đ becomes d); dashes as '-' with no spaces
    around them ('Phan Rang – Tháp Chàm' and 'Phan Rang-Tháp Chàm' are one name)."""
    text = unicodedata.normalize("NFC", str(text)).strip().lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    text = " ".join(_DASHES.sub("-", text).replace("_", " ").split())
    return _AROUND_DASH.sub("-", text)


_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_AROUND_DASH = re.compile(r" ?- ?")
