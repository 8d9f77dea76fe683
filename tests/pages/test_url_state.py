"""How each kind of URL-bound widget reads, checks and writes its `?key=` (ui.url_state).

The pages' links depend on these texts: codes, comma-separated lists, `first-last` ranges and
`1`/`0` switches, with anything unknown dropped rather than shown as an error.
"""

from __future__ import annotations

from ui.url_state import CHOICE, CHOICES, RANGE, SWITCH

YEARS = ["2016", "2020", "2024"]


def test_a_choice_is_its_code_and_an_unknown_one_falls_back_to_the_default():
    assert CHOICE.default(None, YEARS) == "2016" and CHOICE.default("2020", YEARS) == "2020"
    assert CHOICE.read("2024", YEARS, "2016") == "2024"
    assert CHOICE.read("1999", YEARS, "2016") == "2016"
    assert CHOICE.keep("gone", YEARS, "2020") == "2020"
    assert CHOICE.write("2024") == "2024"


def test_choices_are_comma_separated_and_unknown_codes_are_dropped():
    assert CHOICES.default(("56", "x"), ["56", "568"]) == ["56"]
    assert CHOICES.read("568,zzz,56", ["56", "568"], []) == ["568", "56"]
    assert CHOICES.read("", ["56"], ["56"]) == []  # `?ind=` chooses nothing
    assert CHOICES.keep(["56", "gone"], ["56"], []) == ["56"]
    assert CHOICES.write(["56", "568"]) == "56,568"


def test_a_range_is_first_dash_last_or_one_code_and_must_run_forward():
    full = RANGE.default(None, YEARS)
    assert full == ("2016", "2024")
    assert RANGE.read("2016-2020", YEARS, full) == ("2016", "2020")
    assert RANGE.read("2020", YEARS, full) == ("2020", "2020")
    assert RANGE.read("2024-2016", YEARS, full) == full  # reversed
    assert RANGE.read("2016-2030", YEARS, full) == full  # unknown end
    assert RANGE.read("", YEARS, full) == full
    assert RANGE.keep(("2020",), YEARS, full) == ("2020", "2020")
    assert RANGE.write(("2016", "2020")) == "2016-2020" and RANGE.write(("2020", "2020")) == "2020"


def test_a_switch_is_one_or_zero_and_anything_else_is_the_default():
    assert SWITCH.read("0", [], True) is False and SWITCH.read("1", [], False) is True
    assert SWITCH.read("yes", [], True) is True
    assert SWITCH.write(True) == "1" and SWITCH.write(False) == "0"
