"""Downloads: CSV that Excel opens with its diacritics, XLSX with numbers as numbers, the
Data page's table in the reader's language, and no cell from the data that runs as a formula."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import openpyxl
import pandas as pd
import pytest

from indicators.core.spreadsheet import TRIGGERS, csv_cell, is_negative_number
from indicators.export.files import csv_bytes, xlsx_bytes
from indicators.geography.units import LEGACY
from indicators.present import tables
from indicators.query import read
from tests.export.payloads import INDICATOR, NEGATIVE, PAYLOADS, REGION, YEARS, store_payloads

FRAME = pd.DataFrame(
    {
        "Địa bàn": ["Phường Vĩnh Phước", "Xã Ninh Ích", "Đặc khu Trường Sa"],
        "Giá trị": [99.2, 30000.0, None],
        "Trạng thái": ["Đã công bố", "Sơ bộ", "Minh họa"],
    }
)


def test_csv_is_utf8_with_a_bom_and_reads_back_intact():
    data = csv_bytes(FRAME)
    assert data.startswith(b"\xef\xbb\xbf")  # what makes Excel read UTF-8
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(back.columns) == list(FRAME.columns)
    assert back["Địa bàn"].tolist() == FRAME["Địa bàn"].tolist()
    assert back["Giá trị"].iloc[1] == 30000.0 and pd.isna(back["Giá trị"].iloc[2])


def test_xlsx_keeps_numbers_and_text_with_a_frozen_bold_header():
    data = xlsx_bytes(FRAME, "Dữ liệu")
    back = pd.read_excel(io.BytesIO(data))
    assert back["Địa bàn"].tolist() == FRAME["Địa bàn"].tolist()
    assert back["Giá trị"].iloc[0] == pytest.approx(99.2)
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws.title == "Dữ liệu"
    assert ws.freeze_panes == "A2" and ws["A1"].font.b
    assert isinstance(ws["B3"].value, int | float) and ws["B4"].value is None
    assert ws.auto_filter.ref == "A1:C4"


def test_xlsx_sheet_names_that_excel_refuses_are_cleaned():
    data = xlsx_bytes(FRAME.head(1), "Số liệu [2020/2025]: tỉnh Khánh Hòa mới")
    name = openpyxl.load_workbook(io.BytesIO(data)).active.title
    assert len(name) <= 31 and not set(name) & set("[]:*?/\\")


def test_data_table_speaks_the_readers_language_and_keeps_store_numbers(seeded_store, catalog):
    with seeded_store.connect(read_only=True) as con:
        units = read.units(con, LEGACY)
        values = read.range_series(
            con, seeded_store.current_revision(), indicators=["post_commune_pct"],
            unit_list=LEGACY, regions=["56", "22333"], start=date(2020, 1, 1),
            end=date(2020, 12, 31),
        )  # fmt: skip
    raw = seeded_store.read("observations")
    commune = raw[(raw.region == "22333") & (raw.period == "2020") & (raw.unit_list == LEGACY)
                  & (raw.indicator == "post_commune_pct")].iloc[0]  # fmt: skip
    vi = tables.data_table(values, catalog, units, "vi").set_index("Mã địa bàn")
    assert vi.loc["22333", "Địa bàn"] == "Phường Vĩnh Phước"
    assert vi.loc["22333", "Giá trị"] == commune["value"]
    assert vi.loc["56", "Trạng thái"] == "Đã công bố" and vi.loc["56", "Giá trị"] == 99
    assert vi.loc["22333", "Cách có số liệu"] == "Báo cáo"
    assert vi.loc["22333", "Kỳ"] == "2020" and vi.loc["22333", "Cấp"] == "Cấp xã"
    en = tables.data_table(values, catalog, units, "en")
    assert {"Area", "Value", "Status", "Source"} <= set(en.columns)
    assert set(en["Status"]) == {"Published", "Illustrative"}
    back = pd.read_csv(io.BytesIO(csv_bytes(en)), encoding="utf-8-sig", dtype={"Area code": str})
    assert back.set_index("Area code").loc["22333", "Area"] == "Phường Vĩnh Phước"


def test_screen_formatting_follows_the_language():
    frame = pd.DataFrame({"v": [30000.0, 99.24, None]})
    vi = tables.styled(frame, 1, ["v"], "vi").to_html()
    en = tables.styled(frame, 1, ["v"], "en").to_html()
    assert "30.000" in vi and "99,2" in vi
    assert "30,000" in en and "99.2" in en


def test_short_tables_as_text_write_missing_numbers_as_a_dash():
    frame = pd.DataFrame({"v": [30000.0, None]})
    assert tables.as_text(frame, 0, ["v"], "vi")["v"].tolist() == ["30.000", "—"]
    assert tables.as_text(frame, 0, ["v"], "en")["v"].tolist() == ["30,000", "—"]


# -- no cell from the data runs as a formula (issue 12; the rule is core.spreadsheet) ----------


def _payload_table(store, catalog, regions, lang="vi"):
    """The Data page's table of a commune whose sources and notes are formula payloads."""
    store_payloads(store, catalog, regions)
    with store.connect(read_only=True) as con:
        units = read.units(con, LEGACY)
        values = read.range_series(
            con,
            store.current_revision(),
            indicators=[INDICATOR],
            unit_list=LEGACY,
            regions=[REGION],
            start=date(2016, 1, 1),
            end=date(2022, 12, 31),
        )
    return tables.data_table(values, catalog, units, lang)


def test_data_csv_neutralises_formulas_and_keeps_numbers(empty_store, catalog, regions):
    table = _payload_table(empty_store, catalog, regions)
    text = csv_bytes(table).decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline="")))
    head, rows = records[0], records[1:]
    assert len(rows) == len(YEARS)  # a carriage return in a note did not start a row
    by_year = {r[head.index("Kỳ")]: dict(zip(head, r, strict=True)) for r in rows}
    for year, payload in zip(YEARS, PAYLOADS, strict=False):
        assert by_year[year]["Nguồn"] == by_year[year]["Ghi chú"] == csv_cell(payload)
        assert by_year[year]["Nguồn"].startswith("'")
    assert by_year[YEARS[-1]]["Ghi chú"] == NEGATIVE  # a real negative number is not touched
    for row in rows:
        assert not [c for c in row if c[:1] in TRIGGERS and not is_negative_number(c)]
    back = pd.read_csv(io.StringIO(text), dtype={"Mã địa bàn": str, "Kỳ": str})
    assert back["Giá trị"].dtype == float  # numbers are numbers, not quoted text
    assert dict(zip(back["Kỳ"], back["Giá trị"], strict=True)) == {y: int(y) - 2000 for y in YEARS}


def test_data_xlsx_holds_strings_and_numbers_never_formulas(empty_store, catalog, regions):
    table = _payload_table(empty_store, catalog, regions)
    data = xlsx_bytes(table, "Dữ liệu")
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert {c.data_type for c in cells} == {"s", "n"}
    head = [c.value for c in ws[1]]
    source, note, value = (head.index(h) for h in ("Nguồn", "Ghi chú", "Giá trị"))
    rows = list(ws.iter_rows(min_row=2))
    assert set(PAYLOADS) < {r[source].value for r in rows}  # the text as it was, no "'"
    flagged = {r[source].value: r[source].quotePrefix for r in rows}
    assert all(flagged[p] for p in PAYLOADS)  # Excel's own quote prefix keeps them text
    assert [r[note].value for r in rows if r[note].value == NEGATIVE] == [NEGATIVE]
    assert all(isinstance(r[value].value, int | float) for r in rows)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet and "evil.example" in sheet


def test_xlsx_text_that_xml_cannot_hold_does_not_break_the_file():
    frame = pd.DataFrame({"Ghi chú": ["a\x01b", "#N/A", "=1+1"], "Giá trị": [1.0, -2.5, None]})
    ws = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(frame))).active
    assert [c.value for c in ws["A"]] == ["Ghi chú", "a\ufffdb", "#N/A", "=1+1"]
    assert [c.data_type for c in ws["A"]] == ["s"] * 4 and ws["B3"].value == -2.5
