"""Downloads: CSV that Excel opens with its diacritics, XLSX with numbers as numbers, and the
Data page's table in the reader's language."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from indicators.export.files import csv_bytes, xlsx_bytes
from indicators.geography.units import LEGACY
from indicators.present import tables
from indicators.query import read

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
