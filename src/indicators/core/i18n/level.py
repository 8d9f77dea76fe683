"""Administrative levels: the country (a national install only), province, district, commune."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "level.country": ("Cả nước", "Country"),
    "level.province": ("Cấp tỉnh", "Province"),
    "level.district": ("Cấp huyện", "District"),
    "level.commune": ("Cấp xã", "Commune"),
}
