"""indicators.ingest.number_columns: whole columns read as numbers, as parse_number reads a cell."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.core.numbers import NumberError, parse_number
from indicators.ingest.number_columns import parse_numbers


@pytest.mark.parametrize(
    "text",
    ["5", "-5", "+5", ".5", "5.", "1e5", "99.2", "99,2", "1.234,5", "1,234.5", "30.000", "30,000",
     "1.234.567", "1,234,567", "1 234 567", "99,2%", " 7 ", "−5", "1e400", "abc", "", "nan",
     "1,2,3", "0,5%", "12.5.6", "inf"],
)  # fmt: skip
@pytest.mark.parametrize("decimal", [None, ",", "."])
def test_vectorised_numbers_agree_with_parse_number(text, decimal):
    values, bad = parse_numbers(pd.Series([text], dtype=str), decimal)
    try:
        expected = parse_number(text, decimal)
    except NumberError:
        assert bad[0], text
        return
    assert not bad[0], text
    if expected is None:
        assert values[0] != values[0]  # NaN: an empty cell
    else:
        assert values[0] == expected
