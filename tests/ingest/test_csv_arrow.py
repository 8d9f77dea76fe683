"""indicators.ingest.csv_arrow: a CSV with no quotes whose totals are within the limits is read
by pyarrow into exactly the cells the record-by-record way gives (the csv module's scan, then
pandas); anything it cannot vouch for is left to that way, which words every refusal."""

from __future__ import annotations

import codecs
import random
import unicodedata

import pandas as pd
import pytest

from indicators.core.limits import DEFAULT_LIMITS, UploadLimits
from indicators.ingest.arrow_text import TEXT, may_have_spaces
from indicators.ingest.csv_arrow import read_plain
from indicators.ingest.limit_checks import Refused
from indicators.ingest.reading import read_records, read_table

HEAD = "Mã chỉ tiêu,Mã xã,Năm,Giá trị"
ROW = "bts_count,22327,2021,12"


def same_cells(text: str, delimiter: str = ",", limits: UploadLimits = DEFAULT_LIMITS):
    """pyarrow's cells, checked against the record-by-record way; None where it declined."""
    fast = read_plain(text.encode(), 0, delimiter, limits)
    if fast is not None:
        expected = read_records(text, delimiter, limits)
        pd.testing.assert_frame_equal(fast, expected, check_exact=True)
        assert list(fast.dtypes) == list(expected.dtypes)
        assert fast.columns.equals(expected.columns)
    return fast


@pytest.mark.parametrize(
    "text",
    [
        "a,b\nc,d\n",
        "a,b\r\nc,d\r\n",
        "a,b\rc,d\r",
        "a,b\r\nc,d",  # no line end after the last record
        "a,b\n\nc,d\n",  # a blank line is a row of empty cells
        "\n\na,b\nc,d",  # blank lines above the first record
        "a,b\nc,d\n\n\n",  # and below the last
        "a,b\r\r\nc,d\n",
        ",,\n,,\n",
        "a\nb\n\nc",  # one column
        "  a , b \n\tc\t,d  \n",  # spaces kept: `split_table` strips them
        "Xã Vĩnh Lương,Phường Vĩnh Hòa\nThành phố Nha Trang,Đặc khu Trường Sa\n",
        "a,b\x0bx\ny\x0c,z\x1c\n",  # a line ends only at \r or \n
        "a,b\x85c\nd\u2028,e\u2029\n",
        "nan,NULL\nN/A,#N/A\n,NaN\n",  # never read as missing
        "1e5,-0\n0x10,+3\n",
    ],
)
def test_plain_texts_read_as_the_record_by_record_way(text):
    assert same_cells(text) is not None


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_other_delimiters(delimiter):
    text = "\n".join(delimiter.join(r) for r in [HEAD.split(","), ROW.split(","), ["", "", "", ""]])
    assert same_cells(text, delimiter) is not None


@pytest.mark.parametrize(
    "text",
    [
        'a,b\n"c,d",e\n',  # quotes: the csv module's rules decide
        "a,b\nc\n",  # a short row
        "a,b\nc,d,e\n",  # a long row
        "a,b\n  \nc,d\n",  # a line of spaces is one cell, not a blank row
    ],
)
def test_texts_it_cannot_vouch_for_are_left_to_the_scan(text):
    assert read_plain(text.encode(), 0, ",", DEFAULT_LIMITS) is None
    assert not read_records(text, ",", DEFAULT_LIMITS).empty


def test_random_quote_free_texts_agree():
    """Texts of delimiters, line ends, spaces, controls and Vietnamese letters: wherever pyarrow
    reads one, its cells are the record-by-record way's."""
    rng = random.Random(15)
    alphabet = [",", ",", ";", "\n", "\n", "\r\n", "\r", " ", "\t", "a", "7", "ễ", "Đ", "\x0b", "#"]
    read = 0
    for _ in range(400):
        width = rng.randint(1, 4)
        lines = []
        for _ in range(rng.randint(1, 8)):
            cells = ["".join(rng.choices(alphabet[5:], k=rng.randint(0, 3))) for _ in range(width)]
            lines.append(",".join(c.replace("\r", "").replace("\n", "") for c in cells))
        text = rng.choice(["\n", "\r\n", "\r"]).join(lines) + rng.choice(["", "\n", "\r\n"])
        if rng.random() < 0.3:  # some ragged, blank or odd lines among them
            text = "".join(rng.choices(alphabet, k=rng.randint(1, 40)))
        read += same_cells(text) is not None
    assert read > 200  # most of them took the quick way


@pytest.mark.parametrize(
    ("limits", "rule", "row"),
    [
        (UploadLimits(max_rows=3), "too_many_rows", 4),
        (UploadLimits(max_columns=3), "too_many_columns", 1),
        (UploadLimits(max_cells=11), "too_many_cells", 3),
        (UploadLimits(max_field_chars=12), "field_too_long", 3),
    ],
)
def test_a_limit_passed_is_left_to_the_scan_which_names_its_row(limits, rule, row):
    text = "\n".join([HEAD, ROW, "bts_count,22327,2021,1234567890123", ROW])
    assert read_plain(text.encode(), 0, ",", limits) is None
    with pytest.raises(Refused) as refused:
        read_records(text, ",", limits)
    assert (refused.value.problem.rule, refused.value.problem.row) == (rule, row)
    [p] = read_table(text.encode(), "f.csv", limits=limits).problems
    assert (p.rule, p.row) == (rule, row)


def test_a_wide_row_below_a_narrow_header_stops_pyarrow():
    """Only the first line's width is counted before pyarrow reads; a wider row later stops
    its parse, and the scan refuses that row."""
    wide = ",".join(["x"] * 600)
    text = "\n".join([HEAD, ROW, wide, ROW])
    assert read_plain(text.encode(), 0, ",", DEFAULT_LIMITS) is None
    [p] = read_table(text.encode(), "f.csv").problems
    assert (p.rule, p.row) == ("too_many_columns", 3)


def test_a_large_file_is_read_in_blocks_as_one_table():
    """Several of pyarrow's 1 MB blocks, CRLF line ends as Excel writes them, a BOM."""
    rows = [HEAD] + [f"bts_count,{22300 + i % 50},{2000 + i % 25},{i}" for i in range(60_000)]
    text = "\r\n".join(rows) + "\r\n"
    fast = same_cells(text)
    assert fast is not None and len(fast) == 60_001
    raw = read_table(("\ufeff" + text).encode(), "f.csv")
    assert raw.readable and len(raw.cells) == 60_000 and raw.cells.iloc[-1, 3] == "59999"


def test_utf8_read_as_written_or_in_nfc():
    """pyarrow reads a UTF-8 file's own bytes (after its BOM and 'sep=' line) when NFC changed
    nothing; tone marks typed as combining characters are read from the NFC text instead."""
    rows = ["Mã chỉ tiêu;Tên xã;Năm;Giá trị", "bts_count;Xã Vĩnh Lương;2021;12"]
    composed = "\r\n".join(rows) + "\r\n"
    for data in (
        codecs.BOM_UTF8 + b"sep=;\r\n" + composed.encode(),
        composed.encode(),
        unicodedata.normalize("NFD", composed).encode(),
    ):
        raw = read_table(data, "f.csv")
        assert raw.readable and raw.detected.delimiter == ";"
        assert raw.header == rows[0].split(";")
        assert raw.cells.iloc[0].tolist() == rows[1].split(";")


@pytest.mark.parametrize(
    ("cells", "may"),
    [
        (["bts_count", "22327", "2021-06", "12.5", ""], False),  # nothing to strip: not copied
        (["a b"], True),
        ([" 12"], True),
        (["12\t"], True),
        (["12\u00a0"], True),  # any byte outside printable ASCII: stripped as before
        (["Phường"], True),
    ],
)
def test_a_column_is_stripped_unless_no_cell_can_have_spaces(cells, may):
    assert may_have_spaces(pd.Series(cells, dtype=TEXT)) is may
    text = "Mã chỉ tiêu,Ghi chú\n" + "\n".join(f"x,{c}" for c in cells)
    raw = read_table(text.encode(), "f.csv")
    assert raw.cells[1].tolist() == [c.strip() for c in cells]


def test_only_the_bytes_of_a_slice_are_looked_at():
    column = pd.Series(["Mã chỉ tiêu", "22327", "22330"], dtype=TEXT)
    assert may_have_spaces(column) and not may_have_spaces(column.iloc[1:])
    assert may_have_spaces(pd.Series(["22327"], dtype=object))  # not Arrow: always stripped
