"""Unit tests for indicators.core.numbers: reading typed numbers and writing them per language."""

from __future__ import annotations

import math

import pytest

from indicators.core.numbers import (
    NumberError,
    format_change,
    format_number,
    format_value,
    parse_number,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("99.2", 99.2),
        ("99,2", 99.2),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("99,2%", 99.2),
        ("99.2%", 99.2),
        ("1.234,5%", 1234.5),
        ("1\u00a0234,5", 1234.5),  # non-breaking space as thousands separator
        ("30\u00a0000", 30000.0),
        (" 42 ", 42.0),
        ("-5", -5.0),
        ("0.125", 0.125),
        ("0,125", 0.125),
        ("100.000,00", 100000.0),
    ],
)
def test_parse_number_without_decimal_hint(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("empty", [None, "", "  ", float("nan"), "nan"])
def test_empty_cells_are_none(empty):
    assert parse_number(empty) is None


@pytest.mark.parametrize("value", [0, 7, -3, 2.5, 99.2])
def test_ints_and_floats_pass_through(value):
    out = parse_number(value)
    assert isinstance(out, float)
    assert out == value


def test_decimal_comma_file():
    assert parse_number("30.000", decimal=",") == 30000.0
    assert parse_number("99,2", decimal=",") == pytest.approx(99.2)
    assert parse_number("1.234,5", decimal=",") == pytest.approx(1234.5)


def test_decimal_point_file():
    assert parse_number("30,000", decimal=".") == 30000.0
    assert parse_number("99.2", decimal=".") == pytest.approx(99.2)
    assert parse_number("1,234.5", decimal=".") == pytest.approx(1234.5)


@pytest.mark.parametrize("text", ["30.000", "30,000"])
def test_lone_group_is_ambiguous_without_hint(text):
    with pytest.raises(NumberError, match="ambiguous"):
        parse_number(text, decimal=None)


@pytest.mark.parametrize(
    ("text", "decimal"),
    [("1,234.5", ","), ("1.234,5", "."), ("1,5", ".")],
)
def test_wrong_decimal_hint_is_refused(text, decimal):
    with pytest.raises(NumberError):
        parse_number(text, decimal=decimal)


@pytest.mark.parametrize(
    "text", ["abc", '=HYPERLINK("x")', "1.2.3", "1e999", "inf", "-inf", "-", "12abc"]
)
def test_non_numbers_raise(text):
    with pytest.raises(NumberError) as info:
        parse_number(text)
    msg = str(info.value)
    assert " / " in msg
    vi, _, en = msg.partition(" / ")
    assert vi and en and vi != en


def test_number_error_carries_its_rule_and_the_catalog_words_it():
    with pytest.raises(NumberError) as info:
        parse_number("30.000")
    err = info.value
    assert (err.rule, err.params) == ("number.error.ambiguous", {"text": "30.000"})
    assert "ambiguous" in err.text("en") and "hàng nghìn" in err.text("vi")
    assert str(err) == f"{err.text('vi')} / {err.text('en')}"


def test_infinite_float_is_refused():
    with pytest.raises(NumberError):
        parse_number(float("inf"))


def test_number_error_is_value_error():
    assert issubclass(NumberError, ValueError)


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (30000, "vi", 0, "30.000"),
        (30000, "en", 0, "30,000"),
        (99.2, "vi", 1, "99,2"),
        (99.2, "en", 1, "99.2"),
        (99.24, "vi", 1, "99,2"),
        (99.0, "vi", 1, "99"),  # trailing zeros dropped
        (1234567.891, "vi", 2, "1.234.567,89"),
        (1234567.891, "en", 2, "1,234,567.89"),
        (0.7071, "vi", 4, "0,7071"),
    ],
)
def test_format_number(value, lang, decimals, expected):
    assert format_number(value, lang, decimals) == expected


def test_format_number_default_is_vietnamese():
    assert format_number(30000) == "30.000"


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_format_missing_is_dash(missing):
    assert format_number(missing) == "—"
    assert format_value(missing, "%") == "—"
    assert format_value(missing, "km", "en", 2) == "—"


def test_format_value_units():
    assert format_value(99.0, "%", "vi", 1) == "99%"
    assert format_value(99.2, "%", "vi", 1) == "99,2%"
    assert format_value(99.2, "%", "en", 1) == "99.2%"
    assert format_value(30000, "trạm", "vi", 0) == "30.000"  # non-% units are not appended
    assert format_value(30000, "stations", "en", 0) == "30,000"


@pytest.mark.parametrize(
    ("delta", "lang", "decimals", "pp", "expected"),
    [
        (1.5, "vi", 1, True, "+1,5 điểm %"),
        (1.5, "en", 1, True, "+1.5 pp"),
        (-1.5, "vi", 1, True, "−1,5 điểm %"),
        (-1.5, "en", 1, True, "−1.5 pp"),
        (0, "vi", 1, False, "±0"),
        (0.0, "en", 1, True, "±0 pp"),
        (1234, "vi", 0, False, "+1.234"),
        (-1234, "en", 0, False, "−1,234"),
    ],
)
def test_format_change(delta, lang, decimals, pp, expected):
    out = format_change(delta, lang, decimals, pp)
    assert out == expected
    if delta < 0:
        assert out[0] == "\u2212"  # a real minus sign, not a hyphen


@pytest.mark.parametrize("delta", [0.04, -0.04])
def test_format_change_rounded_to_zero_has_no_direction(delta):
    assert format_change(delta, "vi", 1, True) == "±0 điểm %"


def test_parse_format_round_trip():
    for x in (0.0, 1.5, 99.2, 30000.0, 1234567.25):
        for lang, dec in (("vi", ","), ("en", ".")):
            text = format_number(x, lang, 2)
            assert math.isclose(parse_number(text, decimal=dec), x)


@pytest.mark.parametrize("text", ["1.234.567", "1,234,567"])
def test_several_thousands_groups_are_not_ambiguous(text):
    assert parse_number(text) == 1_234_567


@pytest.mark.parametrize(
    ("text", "expected"), [("−3", -3.0), ("1 234 567", 1_234_567), ("1\u00a0234,5", 1234.5)]
)
def test_unicode_minus_and_space_grouping(text, expected):
    assert parse_number(text) == expected


def test_digits_split_by_a_stray_space_are_not_a_number():
    with pytest.raises(NumberError):
        parse_number("1 2")
