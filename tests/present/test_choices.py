"""The current choice in words: the bar a phone shows instead of the Trends filters."""

from indicators.present.choices import choice_line, period_span


def test_the_choice_reads_as_one_line():
    line = choice_line(
        ["Tỷ lệ hộ gia đình có kết nối Internet"], period_span("2016", "2026"),
        ["Tỉnh Khánh Hòa"], "vi",
    )  # fmt: skip
    assert line == "Tỷ lệ hộ gia đình có kết nối Internet · 2016–2026 · Tỉnh Khánh Hòa"


def test_several_areas_one_year_and_what_is_not_chosen():
    line = choice_line(["A"], period_span("2024", "2024"), ["X", "Y"], "en", more=["Quarter", ""])
    assert line == "A · 2024 · X, Y · Quarter"
    assert choice_line([], "2024", [], "vi") == "2024"


def test_names_stay_as_written():
    assert choice_line(["**a**"], "2024", ["<b>x</b>"], "vi") == "**a** · 2024 · <b>x</b>"
