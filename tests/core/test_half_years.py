"""Half-year periods as Vietnamese reports title them ("Báo cáo 6 tháng đầu năm 2024") are one
period kind, `half`, stored as 2024-H1 / 2024-H2 and read back as people write them."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from indicators.core.periods import PeriodError, parse_period, sort_key

FIRST = [
    "6 tháng đầu năm 2024",
    "6 Tháng Đầu Năm 2024",
    "6 tháng năm 2024",  # a report "6 tháng năm 2024" covers January to June
    "6T/2024",
    "6t-2024",
    "6T đầu năm 2024",
    "Nửa đầu năm 2024",
    "H1 2024",
    "H1/2024",
    "h1-2024",
    "2024-H1",
    "2024 H1",
    "1H 2024",
    "first half 2024",
    "1st half of 2024",
    "First half of 2024",
    unicodedata.normalize("NFD", "6 tháng đầu năm 2024"),  # as Windows-1258 files deliver it
]
SECOND = [
    "6 tháng cuối năm 2024",
    "6T cuối năm 2024",
    "nửa cuối năm 2024",
    "Nửa cuối 2024",
    "H2/2024",
    "2024-H2",
    "second half of 2024",
    "2nd half 2024",
]


@pytest.mark.parametrize("text", FIRST)
def test_first_half_spellings(text):
    p = parse_period(text)
    assert (p.kind, p.code, p.start, p.end) == (
        "half",
        "2024-H1",
        date(2024, 1, 1),
        date(2024, 6, 30),
    )


@pytest.mark.parametrize("text", SECOND)
def test_second_half_spellings(text):
    p = parse_period(text)
    assert (p.kind, p.code, p.start, p.end) == (
        "half",
        "2024-H2",
        date(2024, 7, 1),
        date(2024, 12, 31),
    )


def test_labels_read_as_reports_title_them():
    h1, h2 = parse_period("2024-H1"), parse_period("2024-H2")
    assert (h1.label("vi"), h1.label("en")) == ("6 tháng đầu năm 2024", "H1 2024")
    assert (h2.label("vi"), h2.label("en")) == ("6 tháng cuối năm 2024", "H2 2024")
    assert parse_period(h1.label("vi")) == h1  # a label reads back as its period


def test_previous_half_is_adjacent():
    assert parse_period("2024-H1").previous().code == "2023-H2"
    assert parse_period("2024-H2").previous().code == "2024-H1"
    for code in ("2024-H1", "2024-H2"):
        p = parse_period(code)
        assert (p.start - p.previous().end).days == 1


def test_a_year_contains_its_halves_and_a_half_its_quarters():
    year, h1, h2 = (parse_period(c) for c in ("2024", "2024-H1", "2024-H2"))
    assert year.contains(h1) and year.contains(h2)
    assert h1.contains(parse_period("Q2/2024")) and not h1.contains(parse_period("Q3/2024"))
    assert h2.contains(parse_period("12/2024")) and not h2.contains(year)


def test_halves_sort_among_quarters_by_end_then_start():
    codes = ["2024", "2024-Q2", "2024-H2", "2024-H1", "2024-Q3"]
    # by end date, then start date: of periods ending together the longest comes first
    assert sorted(codes, key=sort_key) == ["2024-H1", "2024-Q2", "2024-Q3", "2024", "2024-H2"]


def test_months_and_quarters_written_with_six_keep_their_meaning():
    assert parse_period("T6/2024").code == "2024-06"  # June, not the first half
    assert parse_period("Tháng 6 năm 2024").code == "2024-06"
    assert parse_period("6/2024").code == "2024-06"


def test_a_half_year_outside_the_years_is_refused_with_its_reason():
    with pytest.raises(PeriodError) as info:
        parse_period("H1 1800")
    assert info.value.rule == "period.error.year_range"
