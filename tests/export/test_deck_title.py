"""A deck's title slide names the install's home: a province, or the whole country."""

from __future__ import annotations

from datetime import date

from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.export.deck import default_info


def test_a_provinces_deck_and_the_countrys_deck_are_titled_for_their_home():
    province = load_settings(DEFAULT_DATA_DIR)
    country = load_settings(DEFAULT_DATA_DIR / "national")
    day = date(2026, 11, 30)
    assert default_info(province, 1, "vi", "", day).title == "Chỉ số CNTT-TT tỉnh Khánh Hòa"
    vi = default_info(country, 1, "vi", "", day).title
    en = default_info(country, 1, "en", "", day).title
    assert vi == "Chỉ số CNTT-TT cả nước" and "tỉnh" not in vi
    assert en.endswith("ICT indicators") and "province" not in en.lower()
