"""Reading files as Excel saves them: encodings, delimiters, title lines, sheets, limits."""

from __future__ import annotations

import io
import unicodedata
from datetime import datetime

import pytest
from openpyxl import Workbook

from indicators.ingest.reading import decode, read_table

HEAD = "Mã chỉ tiêu,Mã xã,Năm,Giá trị"


def xlsx(*sheets: tuple[str, list[list[object]]], formats: dict | None = None) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
        for ref, fmt in (formats or {}).items():
            ws[ref].number_format = fmt
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Mã;Tên\n".encode("utf-8-sig"), "utf-8-sig"),
        ("Mã;Tên\n".encode(), "utf-8"),
        ("Mã;Tên\n".encode("utf-16"), "utf-16"),
        ("Mã;Tên\n".encode("utf-16-le"), "utf-16-le"),  # no BOM: found by its NUL bytes
    ],
)
def test_encodings_by_bom_or_shape(data, encoding):
    text, enc = decode(data)
    assert (text, enc) == ("Mã;Tên\n", encoding)


def test_windows_1258_combining_tone_marks_become_nfc():
    # 'Hòa' in cp1258 is 'o' followed by the combining grave accent 0xCC
    data = b"T\xean \xf0\xf5n vi\xf2;Gia\xec tri\xf2\nPh\xfd\xf5\xccng Vi\xdenh Ho\xcca;5\n"
    text, enc = decode(data)
    assert enc == "cp1258"
    assert text.splitlines()[1] == "Phường Vĩnh Hòa;5"
    assert unicodedata.is_normalized("NFC", text)


def test_title_lines_above_the_header_are_skipped_and_rows_keep_excel_numbers():
    data = (
        "BÁO CÁO SỐ LIỆU NĂM 2021\r\n"
        "Đơn vị: Sở KH&CN\r\n"
        "\r\n"
        f"{HEAD}\r\n"
        "bts_count,22327,2021,5\r\n"
        "\r\n"
        "bts_count,22330,2021,6\r\n"
    ).encode("utf-8-sig")
    raw = read_table(data, "f.csv")
    assert raw.readable and raw.detected.header_row == 4
    assert raw.header == ["Mã chỉ tiêu", "Mã xã", "Năm", "Giá trị"]
    assert list(raw.rows) == [5, 7]  # the blank row 6 is skipped but still counted
    assert raw.cells.values.tolist() == [
        ["bts_count", "22327", "2021", "5"],
        ["bts_count", "22330", "2021", "6"],
    ]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_found_from_the_header(delimiter):
    text = HEAD.replace(",", delimiter) + "\n" + delimiter.join(["a", "b", "c", "1,5"]) + "\n"
    raw = read_table(text.encode(), "f.csv")
    assert raw.detected.delimiter == delimiter
    assert raw.cells.iloc[0, 3] == ("1,5" if delimiter != "," else "1")


def test_excel_sep_line_sets_the_delimiter_and_is_not_a_row():
    raw = read_table(f"sep=;\n{HEAD.replace(',', ';')}\na;b;c;d\n".encode(), "f.csv")
    assert raw.detected.delimiter == ";" and raw.detected.header_row == 1
    assert list(raw.rows) == [2]


def test_ragged_rows_are_kept_not_refused():
    raw = read_table(f"{HEAD}\na,b\na,b,c,d,e,f\n".encode(), "f.csv")
    assert raw.readable
    assert raw.cells.values.tolist() == [["a", "b", "", "", "", ""], ["a", "b", "c", "d", "e", "f"]]


def test_xlsx_header_on_a_later_sheet_values_not_formulas():
    data = xlsx(
        ("Hướng dẫn", [["Điền số liệu vào trang sau"]]),
        ("Số liệu", [["Báo cáo"], ["Mã chỉ tiêu", "Mã xã", "Năm", "Giá trị", "Tỷ lệ"],
                     ["bts_count", 22327, 2021, 1234.5, 0.992], ["x", "=A3", None, 30000.0, None]]),
        formats={"E3": "0.0%"},
    )  # fmt: skip
    raw = read_table(data, "f.xlsx")
    assert raw.detected.sheet == "Số liệu" and raw.detected.header_row == 2
    assert list(raw.rows) == [3, 4]
    assert raw.cells.values.tolist() == [
        ["bts_count", "22327", "2021", "1234.5", "99.2%"],  # a % cell as the analyst sees it
        ["x", "", "", "30000", ""],  # a formula without a saved value is an empty cell
    ]


def test_xlsx_month_typed_as_date_reads_as_month():
    rows = [["Mã chỉ tiêu", "Kỳ", "Giá trị"], ["a", datetime(2020, 6, 1), 1]]
    raw = read_table(xlsx(("S", rows)), "f.xlsx")
    assert raw.cells.iloc[0, 1] == "06/2020"


@pytest.mark.parametrize(
    ("data", "name", "rule"),
    [
        (b"", "f.csv", "file_empty"),
        (b"\x00\x01\x02\x03" * 200, "f.csv", "file_binary"),
        (b"abc", "f.pdf", "file_type"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "f.xls", "file_xls"),
        (b"PK\x03\x04broken", "f.xlsx", "file_unreadable"),
        (b"not an excel file", "f.xlsx", "file_unreadable"),
        ("Báo cáo\nkhông có bảng\n".encode(), "f.csv", "no_header"),
        (b'Ma chi tieu,Gia tri\n"unclosed,1\n', "f.csv", "file_unreadable"),
    ],
)
def test_unreadable_files_are_problems_not_exceptions(data, name, rule):
    raw = read_table(data, name)
    assert not raw.readable
    assert [p.rule for p in raw.problems] == [rule]
    p = raw.problems[0]
    assert p.reason_vi and p.reason_en and p.hint_vi and p.hint_en


def test_size_limit():
    raw = read_table(b"x" * 2_000_000, "f.csv", max_bytes=1_048_576)
    assert [p.rule for p in raw.problems] == ["file_too_big"]
    assert "1.9 MB" in raw.problems[0].reason_en and "1 MB" in raw.problems[0].reason_en
