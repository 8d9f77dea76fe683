"""Unit tests for indicators.core.periods: every accepted spelling maps to one canonical period."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from indicators.core.periods import Period, PeriodError, canonical, parse_period, sort_key

ACCEPTED = [
    # year
    ("2020", "year", "2020"),
    (2020, "year", "2020"),
    (2020.0, "year", "2020"),
    ("2020.0", "year", "2020"),
    ("Năm 2020", "year", "2020"),
    # quarter
    ("Q2/2020", "quarter", "2020-Q2"),
    ("Quý 2/2020", "quarter", "2020-Q2"),
    ("quý II/2020", "quarter", "2020-Q2"),
    ("Quý IV/2020", "quarter", "2020-Q4"),
    ("2020-Q2", "quarter", "2020-Q2"),
    ("Q2-2020", "quarter", "2020-Q2"),
    ("2020 Q2", "quarter", "2020-Q2"),
    # month
    ("06/2020", "month", "2020-06"),
    ("6/2020", "month", "2020-06"),
    ("2020-06", "month", "2020-06"),
    ("Tháng 6/2020", "month", "2020-06"),
    ("T6/2020", "month", "2020-06"),
    # phase
    ("2016-2020", "phase", "2016-2020"),
    ("2016–2020", "phase", "2016-2020"),  # en dash
    ("GĐ 2016–2020", "phase", "2016-2020"),
    ("Giai đoạn 2016 - 2020", "phase", "2016-2020"),
    # decomposed Unicode (as Windows-1258 files deliver it)
    (unicodedata.normalize("NFD", "Quý 2/2020"), "quarter", "2020-Q2"),
    (unicodedata.normalize("NFD", "quý II/2020"), "quarter", "2020-Q2"),
    (unicodedata.normalize("NFD", "Tháng 6/2020"), "month", "2020-06"),
    (unicodedata.normalize("NFD", "GĐ 2016–2020"), "phase", "2016-2020"),
    (unicodedata.normalize("NFD", "Giai đoạn 2016 - 2020"), "phase", "2016-2020"),
]


@pytest.mark.parametrize(("text", "kind", "code"), ACCEPTED, ids=[repr(a[0]) for a in ACCEPTED])
def test_accepted_forms_map_to_canonical_code(text, kind, code):
    p = parse_period(text)
    assert isinstance(p, Period)
    assert p.kind == kind
    assert p.code == code
    assert canonical(text) == code


def test_nfd_input_is_really_decomposed():
    # Guard: the NFD cases above must differ from their NFC spelling, or they test nothing.
    assert unicodedata.normalize("NFD", "Quý 2/2020") != "Quý 2/2020"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2020", date(2020, 1, 1), date(2020, 12, 31)),
        ("Q1/2020", date(2020, 1, 1), date(2020, 3, 31)),
        ("Q2/2020", date(2020, 4, 1), date(2020, 6, 30)),
        ("Q3/2020", date(2020, 7, 1), date(2020, 9, 30)),
        ("Q4/2020", date(2020, 10, 1), date(2020, 12, 31)),
        ("06/2020", date(2020, 6, 1), date(2020, 6, 30)),
        ("02/2024", date(2024, 2, 1), date(2024, 2, 29)),  # leap year
        ("02/2023", date(2023, 2, 1), date(2023, 2, 28)),
        ("12/2020", date(2020, 12, 1), date(2020, 12, 31)),
        ("2016-2020", date(2016, 1, 1), date(2020, 12, 31)),
    ],
)
def test_start_and_end_dates(text, start, end):
    p = parse_period(text)
    assert (p.start, p.end) == (start, end)


@pytest.mark.parametrize(
    ("code", "vi", "en"),
    [
        ("2020", "2020", "2020"),
        ("2020-Q2", "Quý 2/2020", "Q2 2020"),
        ("2020-06", "Tháng 6/2020", "Jun 2020"),
        ("2016-2020", "Giai đoạn 2016–2020", "2016–2020 phase"),
    ],
)
def test_labels(code, vi, en):
    p = parse_period(code)
    assert p.label("vi") == vi
    assert p.label("en") == en
    assert p.label() == vi  # Vietnamese is the default


@pytest.mark.parametrize(
    ("code", "prev"),
    [
        ("2020", "2019"),
        ("2020-Q3", "2020-Q2"),
        ("2020-Q1", "2019-Q4"),
        ("2020-06", "2020-05"),
        ("2020-01", "2019-12"),
        ("2016-2020", "2011-2015"),
        ("2021-2025", "2016-2020"),
    ],
)
def test_previous(code, prev):
    p = parse_period(code).previous()
    assert p.code == prev
    assert p.kind == parse_period(code).kind
    assert p.end < parse_period(code).start


def test_previous_is_adjacent():
    for code in ("2020", "2020-Q1", "2020-01", "2016-2020"):
        p = parse_period(code)
        assert (p.start - p.previous().end).days == 1


def test_contains_and_sort_key():
    year = parse_period("2020")
    assert year.contains(parse_period("Q2/2020"))
    assert year.contains(parse_period("06/2020"))
    assert not year.contains(parse_period("Q1/2021"))
    assert parse_period("2016-2020").contains(year)
    codes = ["2020", "2020-Q2", "2019", "2020-06", "2016-2020"]
    # by end date, then start date: of periods ending together the longest comes first
    assert sorted(codes, key=sort_key) == ["2019", "2020-Q2", "2020-06", "2016-2020", "2020"]


BAD = ["", None, "abc", "Q5/2020", "13/2020", "0/2020", "2020-2016", "2020-2020", "1800", "nan"]


@pytest.mark.parametrize("text", BAD, ids=[repr(b) for b in BAD])
def test_bad_periods_raise_bilingual_period_error(text):
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    msg = str(info.value)
    assert " / " in msg
    vi, _, en = msg.partition(" / ")
    assert vi.strip() and en.strip()
    assert vi != en


def test_period_error_is_value_error():
    assert issubclass(PeriodError, ValueError)


def test_period_error_carries_its_rule_and_the_catalog_words_it():
    with pytest.raises(PeriodError) as info:
        parse_period("13/2020")
    err = info.value
    assert (err.rule, err.params) == ("period.error.month", {"month": 13, "text": "13/2020"})
    assert err.text("vi") == "Tháng 13 không hợp lệ trong '13/2020'"
    assert err.text("en") == "month 13 is not 1–12"
    assert str(err) == f"{err.text('vi')} / {err.text('en')}"


@pytest.mark.parametrize(
    ("code", "vi", "en"),
    [
        ("2024", "2024", "2024"),
        ("2024-Q1", "Quý 1/2024", "Q1 2024"),
        ("2024-03", "Tháng 3/2024", "Mar 2024"),
        ("2016-2020", "Giai đoạn 2016–2020", "2016–2020 phase"),
    ],
)
def test_period_labels(code, vi, en):
    assert (parse_period(code).label("vi"), parse_period(code).label("en")) == (vi, en)


def test_year_out_of_range_message_names_year():
    with pytest.raises(PeriodError, match="1800"):
        parse_period("1800")
    with pytest.raises(PeriodError, match="year 1800"):
        parse_period("1800")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Quý IV năm 2024", "2024-Q4"),
        ("Quý 4 năm 2024", "2024-Q4"),
        ("quy ii nam 2023", "2023-Q2"),
        ("Tháng 6 năm 2024", "2024-06"),
        ("Tháng 06, năm 2024", "2024-06"),
    ],
)
def test_periods_written_out_with_nam_as_in_reports(text, code):
    assert parse_period(text).code == code


@pytest.mark.parametrize(
    "text", ["Quý 5 năm 2024", "Tháng 13 năm 2024", "H3 2024", "6 tháng giữa năm 2024"]
)
def test_impossible_quarters_months_or_halves_are_still_refused(text):
    with pytest.raises(PeriodError):
        parse_period(text)
