"""Wide yearbook tables become long rows that remember their cell; long tables pass through."""

from __future__ import annotations

from indicators.ingest.headers import header_key, period_header
from indicators.ingest.reading import read_table
from indicators.ingest.shapes import to_long


def long_of(text: str):
    raw = read_table(text.encode(), "f.csv")
    assert raw.readable
    return to_long(raw)


def test_header_spellings():
    assert header_key("MÃ CHỈ TIÊU") == "indicator"
    assert header_key("Giá trị / Value") == "value"
    assert header_key("Năm (Year)") == "year"
    assert header_key("Tên đơn vị") == "region_name"
    assert header_key("Đơn vị tính") is None  # the unit of measure is not the unit
    assert period_header("Sơ bộ - Prel. 2023") == ("2023", "preliminary")
    assert period_header("2023 (Sơ bộ)") == ("2023", "preliminary")
    assert period_header("Năm 2021") == ("2021", None)
    assert period_header("Chỉ số phát triển (Năm trước = 100) %") is None


def test_wide_table_melts_with_rows_columns_and_preliminary_latest():
    lt = long_of(
        "Mã chỉ tiêu,Mã xã,2021,2022,Sơ bộ 2023,Chỉ số phát triển (Năm trước = 100) %\n"
        "bts_count,22327,5,6,7,116.7\n"
        "bts_count,22330,-,8,..,\n"
    )
    assert lt.shape == "wide"
    got = lt.frame[["_row", "region", "period", "value", "status", "_value_col"]]
    assert got.values.tolist() == [
        [2, "22327", "2021", "5", "", "2021"],
        [2, "22327", "2022", "6", "", "2022"],
        [2, "22327", "2023", "7", "preliminary", "Sơ bộ 2023"],
        [3, "22330", "2022", "8", "", "2022"],  # '-' and '..' mean no figure
    ]
    assert [(p.rule, p.severity) for p in lt.problems] == [("growth_column", "note")]


def test_marker_on_a_second_header_line():
    lt = long_of("Mã chỉ tiêu,Mã xã,2022,2023\n,,,Sơ bộ / Prel.\nbts_count,22327,6,7\n")
    assert lt.frame[["_row", "period", "status"]].values.tolist() == [
        [3, "2022", ""],
        [3, "2023", "preliminary"],
    ]


def test_year_and_period_columns_join():
    lt = long_of("Chỉ tiêu,Mã xã,Năm,Kỳ,Giá trị\na,1,2020,Quý 2,5\na,1,2021,,6\na,1,,2019,7\n")
    assert list(lt.frame["period"]) == ["Quý 2/2020", "2021", "2019"]


def test_unknown_columns_are_noted_and_repeated_ones_refused():
    lt = long_of("Mã chỉ tiêu,Mã xã,Năm,Giá trị,Người lập,Giá trị\na,1,2020,5,An,6\n")
    assert [(p.rule, p.severity, p.column) for p in lt.problems] == [
        ("column_ignored", "note", "Người lập"),
        ("duplicate_column", "error", "Giá trị"),
    ]


def test_cells_under_no_header_are_errors():
    lt = long_of("Mã chỉ tiêu,Mã xã,Năm,Giá trị,\na,1,2020,5,stray\n")
    assert [(p.rule, p.row, p.column, p.value) for p in lt.problems] == [
        ("extra_cells", 2, "#5", "stray")
    ]
