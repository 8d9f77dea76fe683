"""Units by code or by name, without tone marks or type words, in the right unit list."""

from __future__ import annotations

import pytest

from indicators.ingest.unitmatch import UnitMatcher


@pytest.fixture(scope="module")
def m(regions) -> UnitMatcher:
    return UnitMatcher(regions)


@pytest.mark.parametrize(
    "text", ["Phường Vĩnh Hòa", "phuong vinh hoa", "Vĩnh Hòa", "VINH HOA", "P. Vĩnh Hòa"]
)
def test_names_as_people_write_them(m, text):
    assert m.by_name("legacy", text).code == "22327"


def test_the_type_word_settles_a_shared_name(m):
    both = m.by_name("legacy", "Vạn Thạnh")
    assert both.code is None and both.rule == "ambiguous_unit_name"
    assert both.suggestions == (
        "Phường Vạn Thạnh (Thành phố Nha Trang, 22348)",
        "Xã Vạn Thạnh (Huyện Vạn Ninh, 22519)",
    )
    assert m.by_name("legacy", "Xã Vạn Thạnh").code == "22519"
    assert m.by_name("legacy", "Phường Vạn Thạnh").code == "22348"


def test_names_are_matched_in_the_list_of_the_period(m):
    assert m.by_name("legacy", "TP. Nha Trang").code == "568"  # the old city (a district)
    assert m.by_name("2025", "Phường Nha Trang").code == "22366"  # the new ward
    assert m.by_name("2025", "Đặc khu Trường Sa").code == "22736"
    assert m.by_name("2025", "Vĩnh Hòa").rule == "unknown_unit_name"  # merged away in 2025


def test_unknown_names_get_close_suggestions(m):
    miss = m.by_name("legacy", "Vinh Hoaa")
    assert miss.code is None and miss.rule == "unknown_unit_name"
    assert miss.suggestions[0] == "Phường Vĩnh Hòa (Thành phố Nha Trang, 22327)"
    assert len(miss.suggestions) == 3


def test_codes_and_leading_zeros(m):
    assert m.by_code("legacy", "22333") == "22333"
    assert m.by_code("legacy", "99999") is None
    assert m.by_code("legacy", "056") is None  # padding only adds zeros, never strips them


def test_name_next_to_a_code_must_be_that_units(m):
    assert m.name_fits("2025", "22333", "Bắc Nha Trang")
    assert not m.name_fits("2025", "22333", "Phường Vĩnh Phước")  # the old unit of that code


@pytest.mark.parametrize(
    "text",
    [
        "TP. Phan Rang-Tháp Chàm",
        "Phan Rang – Tháp Chàm",
        "Thành phố Phan Rang—Tháp Chàm",
        "Phan Rang -Tháp Chàm",
        "Phan Rang - Tháp Chàm",
    ],
)
def test_names_with_a_dash_match_whatever_the_dash_and_spaces(m, text):
    """The list says 'Thành phố Phan Rang - Tháp Chàm'; people write it with any dash."""
    assert m.by_name("legacy", text).code == "582"


def test_names_that_differ_only_in_tone_marks_are_told_apart_by_them(m):
    """Old Ninh Thuận had Xã Thành Hải (Phan Rang - Tháp Chàm) and Xã Thanh Hải (Ninh Hải):
    folded they are one name; written with their tone marks they are two units."""
    assert m.by_name("legacy", "Xã Thành Hải").code == "22774"
    assert m.by_name("legacy", "Xã Thanh Hải").code == "22868"
    unmarked = m.by_name("legacy", "Xa Thanh Hai")  # no tone marks at all: still ambiguous
    assert unmarked.code is None and unmarked.rule == "ambiguous_unit_name"
