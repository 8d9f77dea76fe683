"""A CSV is read with bounded memory: rows, columns, cells and a cell's length are counted as
the csv module parses it, the first limit passed refuses the file, and every csv error is a
Problem, never an exception."""

from __future__ import annotations

import csv
import tracemalloc

import pytest

from indicators.core.limits import DEFAULT_LIMITS, UploadLimits
from indicators.ingest.check import check_upload
from indicators.ingest.reading import read_table

HEAD = "Mã chỉ tiêu,Mã xã,Năm,Giá trị"
ROW = "bts_count,22327,2021,12"


def _refusal(data: str | bytes, limits: UploadLimits = DEFAULT_LIMITS):
    raw = read_table(data.encode() if isinstance(data, str) else data, "f.csv", limits=limits)
    assert not raw.readable and raw.cells.empty
    [p] = raw.problems
    assert p.reason_vi and p.reason_en and p.hint_vi and p.hint_en
    return p


def test_rows_are_counted_with_the_header_and_blank_lines():
    limits = UploadLimits(max_rows=5)
    ok = read_table("\n".join([HEAD, ROW, "", ROW, ROW]).encode(), "f.csv", limits=limits)
    assert ok.readable and len(ok.cells) == 3
    p = _refusal("\n".join([HEAD, ROW, "", ROW, ROW, ROW]), limits)
    assert (p.rule, p.row) == ("too_many_rows", 6)
    assert "more than 5 rows" in p.reason_en and "max_rows" in p.hint_en


@pytest.mark.parametrize("wide", ["a,b,c,d,e,f", '"a","b","c","d","e","f"'])
def test_a_row_wider_than_the_limit_is_refused_with_its_row(wide):
    """Unquoted, the line is measured before it is split; quoted, the csv module splits it."""
    p = _refusal("\n".join([HEAD, ROW, "", wide, ROW]), UploadLimits(max_columns=5))
    assert (p.rule, p.row) == ("too_many_columns", 4)
    assert "column 6, beyond the limit of 5 columns" in p.reason_en
    assert "max_columns" in p.hint_vi


def test_a_quoted_cell_may_hold_delimiters_and_line_breaks():
    """Measuring unquoted lines never miscounts a cell that spans lines."""
    note = '"dòng 1,\n,,,,,,,,,,,, dòng 2"'
    raw = read_table(
        f"{HEAD},Ghi chú\n{ROW},{note}\n".encode(), "f.csv", limits=UploadLimits(max_columns=5)
    )
    assert raw.readable and raw.cells.iloc[0, 4] == "dòng 1,\n,,,,,,,,,,,, dòng 2"


def test_rows_times_columns_above_the_cell_limit_is_refused():
    p = _refusal("\n".join([HEAD, ROW, ROW, ROW]), UploadLimits(max_cells=12))
    assert (p.rule, p.row) == ("too_many_cells", 4)
    assert "4 rows × 4 columns is above the limit of 12 cells" in p.reason_en


def test_a_cell_longer_than_the_field_limit_is_refused_with_its_row():
    limits = UploadLimits(max_field_chars=15)  # the header's cells are shorter
    assert read_table(
        f"{HEAD}\nbts_count,22327,2021,{'1' * 15}\n".encode(), "f.csv", limits=limits
    ).readable
    p = _refusal(f"{HEAD}\n{ROW}\nbts_count,22327,2021,{'1' * 16}\n", limits)
    assert (p.rule, p.row) == ("field_too_long", 3)
    assert "longer than 15 characters" in p.reason_en and "max_field_chars" in p.hint_en


def test_a_140_kb_cell_near_the_top_is_a_problem_not_a_traceback():
    """Python's csv module refuses fields over 128 KB: the Upload page showed its traceback."""
    p = _refusal(f"{HEAD},Ghi chú\n{ROW},{'ghi chú dài ' * 12_000}\n")
    assert (p.rule, p.row) == ("field_too_long", 2)
    assert "32767" in p.reason_vi


def test_the_process_wide_csv_field_limit_is_given_back():
    before = csv.field_size_limit()
    _refusal(f"{HEAD}\n{ROW}\nbts_count,22327,2021,{'1' * 11}\n", UploadLimits(max_field_chars=10))
    read_table(f"{HEAD}\n{ROW}\n".encode(), "f.csv")
    assert csv.field_size_limit() == before


def test_an_unclosed_quote_names_the_row_where_it_opens():
    p = _refusal(f'{HEAD}\n{ROW}\n{ROW}\nbts_count,"22327,2021,5\n{ROW}\n')
    assert (p.rule, p.row) == ("file_unreadable", 4)
    assert p.reason_vi == "dấu ngoặc kép mở ở dòng 4 không được đóng"
    assert p.reason_en == "a quote opened on row 4 is never closed"


def test_an_unclosed_quote_that_swallows_the_file_is_a_too_long_cell():
    rest = "\n".join([ROW] * 5_000)
    p = _refusal(f'{HEAD}\n{ROW}\nbts_count,"22327,2021,5\n{rest}\n')
    assert (p.rule, p.row) == ("field_too_long", 3)
    assert "never closed" in p.hint_en


def test_a_two_million_cell_row_is_refused_without_splitting_it():
    """4 MB of 'x,': the csv module would build two million strings (6.5 GB before)."""
    data = (HEAD + "\n" * 200 + ",".join(["x"] * 2_000_000) + "\n").encode()
    tracemalloc.start()
    try:
        p = _refusal(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (p.rule, p.row) == ("too_many_columns", 201)
    assert "column 2000000" in p.reason_en
    assert peak < 40 * 1024 * 1024  # the text itself (4 MB, decoded) and little else


def test_check_upload_returns_the_refusal_as_its_only_error(catalog, regions):
    data = "\n".join([HEAD, *[ROW] * 30]).encode()
    assert check_upload(data, "f.csv", catalog, regions).rows_read == 30
    checked = check_upload(data, "f.csv", catalog, regions, limits=UploadLimits(max_rows=10))
    assert [p.rule for p in checked.errors] == ["too_many_rows"]
    assert checked.frame.empty and checked.rows_read == 0 and not checked.ok
    assert "max_rows" in checked.report_csv().decode("utf-8-sig")
