"""What a column header means: the spellings analysts use, in Vietnamese or English.

A header is folded (no tone marks, lower case) before matching, so 'Mã chỉ tiêu', 'MÃ CHỈ TIÊU'
and 'Ma chi tieu' are one. Bilingual headers ('Giá trị / Value', 'Năm (Year)') match by either
half. Yearbook tables put periods in the header ('2023', 'Sơ bộ 2024', 'Prel. 2024').
"""

from __future__ import annotations

import re
from functools import lru_cache

from indicators.core.folding import fold
from indicators.core.periods import PeriodError, parse_period

# canonical column -> spellings seen in files (matched folded)
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "indicator": (
        "indicator", "indicator code", "indicator_code", "mã chỉ tiêu", "mã chỉ số",
        "chỉ tiêu",
    ),
    "indicator_name": ("tên chỉ tiêu", "indicator name", "tên chỉ số"),
    "unit_list": ("unit_list", "unit list", "danh mục đơn vị"),
    "region": (
        "region", "region code", "mã đơn vị", "mã địa bàn", "mã xã", "mã xã/phường",
        "mã dvhc", "mã đvhc", "mã huyện", "mã tỉnh", "unit code", "commune code", "area code",
    ),
    "region_name": (
        "region_name", "region name", "tên đơn vị", "tên địa bàn", "tên xã", "tên xã/phường",
        "tên đvhc", "đơn vị hành chính", "địa bàn", "xã/phường", "unit name", "commune",
        "area", "administrative unit",
    ),
    "period": ("period", "kỳ", "kỳ báo cáo", "thời gian", "thời kỳ", "reporting period"),
    "year": ("year", "năm", "năm báo cáo"),
    "value": ("value", "giá trị", "số liệu", "trị số"),
    "numerator": ("numerator", "tử số"),
    "denominator": ("denominator", "mẫu số"),
    "status": ("status", "trạng thái", "tình trạng"),
    "source": ("source", "nguồn", "nguồn số liệu", "data source"),
    "note": ("note", "notes", "ghi chú", "remarks", "remark"),
}  # fmt: skip
_LOOKUP = {fold(a): canon for canon, names in HEADER_ALIASES.items() for a in names}

# Status markers in a yearbook header, folded -> status
_MARKERS = {
    "so bo": "preliminary",
    "prel": "preliminary",
    "preliminary": "preliminary",
    "uoc tinh": "estimate",
    "uoc": "estimate",
    "est": "estimate",
    "estimate": "estimate",
}
_MARKER_RE = re.compile(r"\b(" + "|".join(sorted(_MARKERS, key=len, reverse=True)) + r")\b\.?")
_GROWTH = ("nam truoc = 100", "nam truoc=100", "previous year = 100", "previous year=100",
           "chi so phat trien", "growth")  # fmt: skip


@lru_cache(maxsize=4096)
def header_key(text: str) -> str | None:
    """The canonical column a header means, or None."""
    f = fold(text).rstrip(":*").strip()
    if f in _LOOKUP:
        return _LOOKUP[f]
    for part in re.split(r"\s*[/()\[\]\n|]\s*", f):
        if part.strip() in _LOOKUP:
            return _LOOKUP[part.strip()]
    return None


@lru_cache(maxsize=4096)
def period_header(text: str) -> tuple[str, str | None] | None:
    """A yearbook period header: ('2024', 'preliminary') for 'Sơ bộ 2024', None otherwise."""
    f = fold(text)
    if not f or not re.search(r"\d{4}", f):
        return None
    status = None
    m = _MARKER_RE.search(f)
    if m:
        status = _MARKERS[m.group(1)]
        f = _MARKER_RE.sub(" ", f)
    f = re.sub(r"[()\[\]*:,]|(?<!\d)/|/(?!\d)", " ", f)
    f = " ".join(f.replace(" - ", " ").split()).strip(" -")
    try:
        return parse_period(f).code, status
    except PeriodError:
        return None


def status_marker(text: str) -> str | None:
    """'Sơ bộ' / 'Prel.' alone (a second header line) -> its status."""
    f = fold(text).strip(" ()/.-")
    parts = [p.strip(" .()") for p in re.split(r"[/\-]", f)] if f else []
    found = {_MARKERS.get(p) for p in parts}
    return found.pop() if len(found) == 1 and None not in found else None


def is_growth(text: str) -> bool:
    """'Chỉ số phát triển (Năm trước = 100) %': derived, never loaded."""
    f = fold(text)
    return any(g in f for g in _GROWTH)


def header_score(cells: list[str]) -> int:
    """How much a row looks like a header: known names and period headers it holds."""
    keys = {header_key(c) for c in cells if c}
    keys.discard(None)
    periods = sum(1 for c in cells if c and period_header(c))
    if not keys:
        return 0
    return len(keys) + min(periods, 3)


def accepted_names(canonical: str) -> str:
    return ", ".join(f"'{a}'" for a in HEADER_ALIASES[canonical][:4])
