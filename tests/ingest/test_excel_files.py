"""Files as Excel on Vietnamese Windows writes them all yield the same canonical values.

Each file is encoded here the way Excel saves it (Python codecs and openpyxl), then goes
through `check_upload`, the one path the Upload page and the command line use.
"""

from __future__ import annotations

import io
import unicodedata

import pytest
from openpyxl import Workbook

from indicators.ingest.check import check_upload

# (indicator, region code, period, value, status) — what every file below says.
EXPECTED = [
    ("population", "22327", "2021", 30250.0, "published"),
    ("population", "22327", "2022", 30712.0, "published"),
    ("population", "22327", "2023", 31004.0, "preliminary"),
    ("population", "22519", "2021", 12345.0, "published"),
    ("population", "22519", "2022", 12401.0, "published"),
    ("population", "22519", "2023", 12480.0, "preliminary"),
    ("post_radius_km", "22327", "2021", 1.25, "published"),
    ("post_radius_km", "22327", "2022", 1.2, "published"),
    ("post_radius_km", "22327", "2023", 1.15, "preliminary"),
    ("post_radius_km", "22519", "2021", 3.5, "published"),
    ("post_radius_km", "22519", "2022", 3.45, "published"),
    ("post_radius_km", "22519", "2023", 3.4, "preliminary"),
]
NAMES = {"22327": "Phường Vĩnh Hòa", "22519": "Xã Vạn Thạnh"}
VI_NUMBERS = {  # as a Vietnamese Excel shows them: thousands dot, decimal comma
    30250.0: "30.250", 30712.0: "30.712", 31004.0: "31.004", 12345.0: "12.345",
    12401.0: "12.401", 12480.0: "12.480", 1.25: "1,25", 1.2: "1,2", 1.15: "1,15",
    3.5: "3,5", 3.45: "3,45", 3.4: "3,4",
}  # fmt: skip
STATUS_VI = {"published": "Chính thức", "preliminary": "Sơ bộ"}
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """Encode as Windows does: precomposed letters where cp1258 has them, else base letter
    plus a combining tone mark (cp1258 has no 'ạ' or 'ờ', only 'a'/'ơ' and the marks)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            marks = "".join(c for c in parts if c in TONE_MARKS)
            out.append(base.encode("cp1258") + marks.encode("cp1258"))
    return b"".join(out)


def utf8_bom_comma_csv() -> bytes:
    """'CSV UTF-8 (Comma delimited)': BOM, CRLF, codes, decimal points."""
    lines = ["Mã chỉ tiêu,Mã xã,Năm,Giá trị,Trạng thái,Nguồn"]
    for ind, code, period, value, status in EXPECTED:
        lines.append(f"{ind},{code},{period},{value:g},{STATUS_VI[status]},Sở KH&CN")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def cp1258_semicolon_csv() -> bytes:
    """'CSV (Comma delimited)' on Vietnamese Windows: cp1258, ';', decimal commas, names."""
    lines = ["Chỉ tiêu;Tên đơn vị;Kỳ;Giá trị;Trạng thái;Ghi chú"]
    for ind, code, period, value, status in EXPECTED:
        lines.append(
            f"{ind};{NAMES[code]};{period};{VI_NUMBERS[value]};{STATUS_VI[status]};Đã kiểm tra"
        )
    data = cp1258("\r\n".join(lines) + "\r\n")
    assert b"\xcc" in data or b"\xde" in data  # combining tone marks really are there
    return data


def utf16_tab_csv() -> bytes:
    """'Unicode Text': UTF-16 LE with BOM, tab-separated, English headers, 30,250 style."""
    lines = ["Indicator code\tUnit name\tYear\tValue\tStatus"]
    for ind, code, period, value, status in EXPECTED:
        shown = f"{value:,.0f}" if value >= 1000 else f"{value:g}"
        lines.append(f'{ind}\t{NAMES[code]}\t{period}\t"{shown}"\t{status}')
    return ("\r\n".join(lines) + "\r\n").encode("utf-16")


def xlsx_with_title_lines() -> bytes:
    """A workbook with two title lines above the header; numbers are numbers."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Số liệu"
    ws.append(["BÁO CÁO SỐ LIỆU BƯU CHÍNH, VIỄN THÔNG"])
    ws.append(["Đơn vị báo cáo: Sở Khoa học và Công nghệ tỉnh Khánh Hòa"])
    ws.append(["Mã chỉ tiêu", "Mã đơn vị", "Tên đơn vị", "Năm", "Giá trị", "Trạng thái"])
    for ind, code, period, value, status in EXPECTED:
        ws.append([ind, int(code), NAMES[code], int(period), value, STATUS_VI[status]])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def wide_yearbook_xlsx() -> bytes:
    """A yearbook table: years as columns, the latest 'Sơ bộ', a growth column at the end."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Dân số và bán kính phục vụ bưu chính theo xã"])
    ws.append(["Mã chỉ tiêu", "Tên đơn vị", "2021", "2022", "Sơ bộ 2023",
               "Chỉ số phát triển (Năm trước = 100) %"])  # fmt: skip
    rows: dict[tuple[str, str], dict[str, float]] = {}
    for ind, code, period, value, _ in EXPECTED:
        rows.setdefault((ind, code), {})[period] = value
    for (ind, code), by_year in rows.items():
        growth = by_year["2023"] / by_year["2022"] * 100
        ws.append([ind, NAMES[code], by_year["2021"], by_year["2022"], by_year["2023"], growth])
    ws.append(["Nguồn: Cục Thống kê tỉnh Khánh Hòa"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


FILES = {
    "utf8-bom-comma.csv": utf8_bom_comma_csv,
    "cp1258-semicolon.csv": cp1258_semicolon_csv,
    "utf16-tab.txt": utf16_tab_csv,
    "title-lines.xlsx": xlsx_with_title_lines,
    "yearbook-wide.xlsx": wide_yearbook_xlsx,
}


@pytest.mark.parametrize("name", list(FILES))
def test_each_file_yields_the_same_canonical_values(name, catalog, regions):
    checked = check_upload(FILES[name](), name, catalog, regions)
    assert checked.ok, [p.message() for p in checked.errors]
    got = sorted(
        (r.indicator, r.region, r.period, round(r.value, 6), r.status)
        for r in checked.frame.itertuples()
    )
    assert got == sorted(EXPECTED)
    assert set(checked.frame["unit_list"]) == {"legacy"}
    assert checked.frame["numerator"].isna().all()


def test_what_was_detected_is_reported(catalog, regions):
    found = {
        name: check_upload(make(), name, catalog, regions).detected for name, make in FILES.items()
    }
    assert found["utf8-bom-comma.csv"].encoding == "utf-8-sig"
    assert found["utf8-bom-comma.csv"].delimiter == ","
    assert found["cp1258-semicolon.csv"].encoding == "cp1258"
    assert found["cp1258-semicolon.csv"].delimiter == ";"
    assert found["cp1258-semicolon.csv"].decimal == ","
    assert found["utf16-tab.txt"].encoding == "utf-16"
    assert found["utf16-tab.txt"].delimiter == "\t"
    assert found["utf16-tab.txt"].decimal == "."
    assert found["title-lines.xlsx"].header_row == 3
    assert found["title-lines.xlsx"].sheet == "Số liệu"
    assert found["yearbook-wide.xlsx"].shape == "wide"
    assert found["title-lines.xlsx"].shape == "long"


def test_cp1258_text_cells_come_back_in_nfc(catalog, regions):
    checked = check_upload(cp1258_semicolon_csv(), "x.csv", catalog, regions)
    note = checked.frame["note"].iloc[0]
    assert note == "Đã kiểm tra"
    assert unicodedata.is_normalized("NFC", note)


def test_yearbook_growth_column_and_footnote_are_skipped_with_a_note(catalog, regions):
    checked = check_upload(wide_yearbook_xlsx(), "wide.xlsx", catalog, regions)
    notes = [p for p in checked.problems if p.severity == "note"]
    assert [(p.rule, p.row, p.column) for p in notes] == [
        ("growth_column", 2, "Chỉ số phát triển (Năm trước = 100) %")
    ]
    assert checked.rows_read == 5  # four unit rows and the source line under the table


def test_an_error_in_a_wide_table_names_the_year_column(catalog, regions):
    wb = Workbook()
    ws = wb.active
    ws.append(["Mã chỉ tiêu", "Mã xã", "2022", "Sơ bộ / Prel. 2023"])
    ws.append(["bts_count", 22327, 5, "năm"])
    buf = io.BytesIO()
    wb.save(buf)
    checked = check_upload(buf.getvalue(), "w.xlsx", catalog, regions)
    assert [(p.row, p.column, p.value, p.rule) for p in checked.errors] == [
        (2, "Sơ bộ / Prel. 2023", "năm", "not_a_number")
    ]
    assert checked.rejected_rows == [2]
    assert list(checked.frame["period"]) == ["2022"]  # the good cell of the row is valid


def _xlsx(rows: list[list], formats: dict[str, str] | None = None) -> bytes:
    """A one-sheet workbook; `formats` maps a cell ('D2') to its Excel number format."""
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _values(checked) -> list[tuple[str, str, float]]:
    return [(r.indicator, r.period, r.value) for r in checked.frame.itertuples()]


def test_a_percent_cell_holding_100_percent_is_stored_as_100(catalog, regions):
    """Excel saves 100% as the integer 1 and 99,2% as 0.992."""
    data = _xlsx(
        [
            ["Mã chỉ tiêu", "Mã đơn vị", "Năm", "Giá trị"],
            ["post_commune_pct", 56, 2020, 1],
            ["post_commune_pct", 56, 2019, 0.992],
        ],
        {"D2": "0%", "D3": "0.0%"},
    )
    checked = check_upload(data, "pct.xlsx", catalog, regions)
    assert checked.ok, [p.message() for p in checked.errors]
    assert _values(checked) == [
        ("post_commune_pct", "2020", 100.0),
        ("post_commune_pct", "2019", 99.2),
    ]


def test_a_literal_percent_sign_in_the_format_does_not_scale(catalog, regions):
    """'0.0"%"' and '0.0\\%' show a % sign after the number as typed: 99.2 stays 99.2."""
    data = _xlsx(
        [
            ["Mã chỉ tiêu", "Mã đơn vị", "Năm", "Giá trị"],
            ["hh_internet_pct", 56, 2020, 99.2],
            ["hh_internet_pct", 56, 2021, 98.5],
            ["hh_internet_pct", 56, 2022, 0.97],
        ],
        {"D2": '0.0"%"', "D3": "0.0\\%", "D4": "[Red]0.0%"},
    )
    checked = check_upload(data, "litpct.xlsx", catalog, regions)
    assert checked.ok, [p.message() for p in checked.errors]
    assert [v for *_, v in _values(checked)] == [99.2, 98.5, 97.0]


@pytest.mark.parametrize("other", [None, "2,5", "30.250"])
def test_numeric_xlsx_cells_are_read_exactly_whatever_the_text_cells_say(other, catalog, regions):
    """A number cell 1.125 is 1.125: not 1125 because a text cell says '2,5', not ambiguous."""
    rows = [["Mã chỉ tiêu", "Mã đơn vị", "Năm", "Giá trị"], ["post_radius_km", 22327, 2020, 1.125]]
    if other:  # a radius has decimals: '30.250' could be thirty km (a count could not)
        rows.append(["post_radius_km", 22330, 2020, other])
    checked = check_upload(_xlsx(rows), "x.xlsx", catalog, regions)
    assert ("post_radius_km", "2020", 1.125) in _values(checked)
    assert 2 not in checked.rejected_rows
    if other == "2,5":
        assert ("post_radius_km", "2020", 2.5) in _values(checked)
    if other == "30.250":  # a lone text '30.250' stays ambiguous: nothing else decides it
        assert [(p.row, p.rule) for p in checked.errors] == [(3, "ambiguous_number")]


@pytest.mark.parametrize(
    "names", [["Khánh Sơn", "Vạn Ninh"], ["Huyện Khánh Sơn"], ["Cam Lâm", "Khánh Sơn"]]
)
def test_windows_1258_names_are_not_read_as_windows_1252(names, catalog, regions):
    """cp1258 'ơ' is byte 0xF5, which cp1252 reads as 'õ': 'Khánh Sơn' must not become 'Sõn'."""
    lines = ["indicator;region_name;year;value"] + [f"bts_count;{n};2020;12" for n in names]
    checked = check_upload(cp1258("\r\n".join(lines) + "\r\n"), "x.csv", catalog, regions)
    assert checked.detected.encoding == "cp1258"
    assert checked.ok, [p.message() for p in checked.errors]
    assert len(checked.frame) == len(names)


@pytest.mark.parametrize("total", ["TỔNG SỐ", "Toàn tỉnh", "Cả tỉnh", "Tổng cộng"])
def test_a_yearbook_total_row_is_the_province(total, catalog, regions):
    """The old list holds Khánh Hòa and Ninh Thuận: the districts below say which it is."""
    data = _xlsx(
        [
            ["Số trạm BTS phân theo huyện"],
            ["Chỉ tiêu", "Đơn vị hành chính", "2021", "2022"],
            ["bts_count", total, 900, 950],
            ["bts_count", "TP. Nha Trang", 300, 310],
            ["bts_count", "H. Cam Lâm", 50, 55],
        ]
    )
    checked = check_upload(data, "yb.xlsx", catalog, regions)
    assert checked.ok, [p.message() for p in checked.errors]
    totals = checked.frame[checked.frame["region"] == "56"]
    assert list(totals["period"]) == ["2021", "2022"] and list(totals["value"]) == [900, 950]


def test_one_bad_unit_name_in_a_yearbook_row_is_reported_once(catalog, regions):
    data = _xlsx(
        [
            ["Chỉ tiêu", "Đơn vị hành chính", "2021", "2022", "2023"],
            ["bts_count", "Huyện Không Có", 1, 2, 3],
        ]
    )
    checked = check_upload(data, "yb.xlsx", catalog, regions)
    assert [(p.row, p.column, p.rule) for p in checked.errors] == [
        (2, "Đơn vị hành chính", "unknown_unit_name")
    ]


def test_a_total_row_alone_asks_which_province_when_the_list_has_two(catalog, regions):
    rows = [["Chỉ tiêu", "Đơn vị hành chính", "2021", "2026"], ["bts_count", "Toàn tỉnh", 9, 10]]
    data = _xlsx(rows)
    checked = check_upload(data, "yb.xlsx", catalog, regions)
    assert [(p.row, p.rule) for p in checked.errors] == [(2, "ambiguous_unit_name")]
    assert "Tỉnh Ninh Thuận" in checked.errors[0].hint_vi  # the old list: which one is meant
    # 2026 is on the new list, which has one province: that cell is the new Khánh Hòa
    got = checked.frame[["region", "period"]].to_numpy().tolist()
    assert got == [["56", "2026"]]


def test_other_sheets_with_data_are_named_in_a_note(catalog, regions):
    """One sheet is read; a second year's sheet must not vanish without a word."""
    wb = Workbook()
    wb.active.title = "Hướng dẫn"
    wb.active.append(["Điền số liệu vào trang 2023"])  # no header: skipped, but it has text
    ws = wb.create_sheet("2023")
    ws.append(["Mã chỉ tiêu", "Mã đơn vị", "Năm", "Giá trị"])
    ws.append(["bts_count", 22327, 2023, 5])
    wb.create_sheet("Trống")  # empty: nothing to say
    other = wb.create_sheet("2024")
    other.append(["Mã chỉ tiêu", "Mã đơn vị", "Năm", "Giá trị"])
    other.append(["bts_count", 22327, 2024, 6])
    buf = io.BytesIO()
    wb.save(buf)
    checked = check_upload(buf.getvalue(), "multi.xlsx", catalog, regions)
    assert checked.ok and list(checked.frame["period"]) == ["2023"]
    notes = [(p.rule, p.value) for p in checked.problems if p.severity == "note"]
    assert notes == [("sheet_ignored", "Hướng dẫn"), ("sheet_ignored", "2024")]
    assert "'2024'" in checked.problems[-1].reason_vi
    assert "'2023'" in checked.describe("vi") and "sheet '2023'" in checked.describe("en")
