"""The spreadsheet rule (OWASP "CSV Injection"): no text we write can start a formula, and no
real number is changed on the way."""

from __future__ import annotations

import csv
import io
import math

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.core.numbers import NumberError, format_number, parse_number
from indicators.core.spreadsheet import (
    NEGATIVE_NUMBER,
    PREFIX,
    TRIGGERS,
    csv_cell,
    csv_writer,
    is_negative_number,
    safe_cell,
    safe_frame,
    to_csv_bytes,
    write_csv,
    xlsx_row,
)

QUICK = settings(deadline=None, database=None, max_examples=300)
PAYLOADS = [
    '=HYPERLINK("https://evil.example")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "\n=1",
    "\0=1",
    "-1+1",
    "-2+3*cmd|' /C calc'!A0",
    "=cmd|' /C calc'!A0",
    "-",
    "+",
    "=",
    "@",
    "-12.5 ",  # a trailing space: not a plain number
    "- 12",
    "--12",
    "-1e5",
    "-12.5.3",
    "-٣",  # an Arabic-Indic digit: not one of 0-9
    "+12",  # only negative numbers are spared
]
NEGATIVES = ["-12", "-12.5", "-12,5", "-1.234,5", "-1,234.5", "-30.000", "-1.234.567", "-0",
             "-5%", "-0,5%", "-1,234,567.25"]  # fmt: skip
PLAIN_TEXT = ["Phường Vĩnh Phước", "", " =1", "'=1", "Sở KH&CN", "99,2", "#N/A", "a-b"]


@pytest.mark.parametrize("text", PAYLOADS)
def test_text_that_could_start_a_formula_gets_a_single_quote(text):
    assert safe_cell(text) == PREFIX + text


@pytest.mark.parametrize("text", NEGATIVES)
def test_a_real_negative_number_stays_as_it_is(text):
    assert is_negative_number(text) and safe_cell(text) == text


@pytest.mark.parametrize("value", [*PLAIN_TEXT, 1.5, -3, -2.5, None, math.nan, True, pd.NA])
def test_other_text_and_every_non_text_value_is_left_alone(value):
    assert safe_cell(value) is value


# Text with many formula starts, separators, quotes and line breaks, and any text at all.
TEXT = st.one_of(
    st.text(alphabet=st.sampled_from("=+-@\t\r\n\0'\";, 0123456789.,%aĐ")),
    st.text(),
)


@QUICK
@given(TEXT)
def test_any_text_is_left_as_is_or_gets_the_prefix(text):
    out = safe_cell(text)
    assert out in (text, PREFIX + text)
    if text[:1] not in TRIGGERS:
        assert out == text  # nothing that cannot start a formula is changed
    if out[:1] in TRIGGERS:  # left as is although it starts like a formula: a real number
        assert out.startswith("-") and _reads_as_number(out)
    assert safe_cell(out) == out  # the rule is idempotent


def _reads_as_number(text: str) -> bool:
    """What core.numbers reads as a number with some decimal mark (its own grammar)."""
    for decimal in (",", "."):
        try:
            return parse_number(text, decimal) is not None
        except NumberError:
            continue
    return False


@QUICK
@given(st.from_regex(NEGATIVE_NUMBER, fullmatch=True))
def test_every_string_called_a_real_negative_number_is_a_number_we_read(text):
    assert _reads_as_number(text) and safe_cell(text) == text


NEGATIVE_FLOATS = st.floats(max_value=-1e-6, min_value=-1e12, allow_nan=False)


@QUICK
@given(NEGATIVE_FLOATS, st.integers(0, 4), st.sampled_from(["vi", "en"]))
def test_negative_numbers_as_we_and_python_write_them_are_not_prefixed(x, decimals, lang):
    shown = format_number(x, lang, decimals)
    if shown != "-0":
        assert safe_cell(shown) == shown  # -1.234,5 and -1,234.5
    assert safe_cell(f"{x:.{decimals}f}") == f"{x:.{decimals}f}"  # -1234.50


@QUICK
@given(st.lists(st.tuples(TEXT, st.floats(allow_nan=False, allow_infinity=False)), max_size=8))
def test_csv_round_trip_keeps_numbers_and_text_and_no_cell_starts_a_formula(rows):
    frame = pd.DataFrame(rows, columns=["note", "value"]).astype({"value": float})
    text = to_csv_bytes(frame).decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline="")))  # rows split as Excel splits them
    assert len(records) == len(rows) + 1
    notes = [note for note, _ in records]  # the numbers, '-1e+16' too, are numbers
    assert not [n for n in notes if n[:1] in TRIGGERS and not is_negative_number(n)]
    back = pd.read_csv(io.StringIO(text, newline=""), dtype={"note": str}, keep_default_na=False)
    assert back["value"].tolist() == frame["value"].tolist()  # numbers exactly, as numbers
    assert back["note"].tolist() == [csv_cell(t) for t in frame["note"]]
    for original, written in zip(frame["note"], back["note"], strict=True):
        if written != original.replace("\r\n", "\n").replace("\r", "\n"):
            assert written == PREFIX + original.replace("\r\n", "\n").replace("\r", "\n")


def test_owasp_examples_are_written_as_owasp_escapes_them():
    frame = pd.DataFrame({"a": ['=1+2";=1+2', "=1+2'\" ;,=1+2"]})
    lines = to_csv_bytes(frame).decode("utf-8-sig").splitlines()
    assert lines[1:] == ['"\'=1+2"";=1+2"', '"\'=1+2\'"" ;,=1+2"']


def test_a_carriage_return_inside_a_cell_cannot_start_a_row():
    """Python's writer leaves a lone CR bare with "\\n" line ends; Excel would start a row."""
    frame = pd.DataFrame({"note": ["a\r=1+1", "b\r\n@SUM(A1)"], "value": [1.0, 2.0]})
    text = to_csv_bytes(frame).decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert records == [["note", "value"], ["a\n=1+1", "1.0"], ["b\n@SUM(A1)", "2.0"]]


def test_a_frame_keeps_numeric_columns_numeric_and_its_input_untouched():
    frame = pd.DataFrame(
        {
            "=header": ["+1+1", "-12,5", None],
            "value": [-2.5, None, 3.0],
            "count": pd.array([-1, None, 2], dtype="Int64"),
            "kind": pd.Categorical(["@x", "y", "@x"]),
            "when": pd.to_datetime(["2024-01-01", None, "2025-07-01"]),
        }
    )
    safe = safe_frame(frame)
    assert list(safe.columns) == ["'=header", "value", "count", "kind", "when"]
    assert safe.iloc[:, 0].tolist()[:2] == ["'+1+1", "-12,5"] and pd.isna(safe.iloc[2, 0])
    assert safe["kind"].tolist() == ["'@x", "y", "'@x"]
    for col in ("value", "count", "when"):
        assert safe[col].dtype == frame[col].dtype
    assert frame.columns[0] == "=header" and frame.iloc[0, 0] == "+1+1"  # a copy
    lines = to_csv_bytes(frame).decode("utf-8-sig").splitlines()
    assert lines[1] == "'+1+1,-2.5,-1,'@x,2024-01-01"


def test_stdout_writers_follow_the_same_rule():
    out = io.StringIO()
    write_csv(pd.DataFrame({"a": ["-2+3", "-3"], "b": [1.5, -0.25]}), out, lineterminator="\n")
    assert out.getvalue() == "a,b\n'-2+3,1.5\n-3,-0.25\n"
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\n")
    writer.writerow([1, "@SUM(A1)", None, "a\r=1", -4.5])
    assert out.getvalue() == '1,\'@SUM(A1),,"a\n=1",-4.5\n'


def test_xlsx_cells_are_strings_or_numbers_never_formulas():
    wb = openpyxl.Workbook()
    ws = wb.active
    values = ['=HYPERLINK("https://evil.example")', "#N/A", "-12,5", "x\x01y", -3.5, None, "ok"]
    ws.append(xlsx_row(ws, values))
    buf = io.BytesIO()
    wb.save(buf)
    cells = openpyxl.load_workbook(buf).active[1]
    assert [c.data_type for c in cells] == ["s", "s", "s", "s", "n", "n", "s"]
    assert [c.value for c in cells] == [values[0], "#N/A", "-12,5", "x\ufffdy", -3.5, None, "ok"]
    assert [c.quotePrefix for c in cells][:3] == [True, False, False]  # Excel's own "'"
