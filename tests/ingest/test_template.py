"""The upload template lists what an analyst may enter, and comes back through the upload check."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from indicators.core.settings import DEFAULT_DATA_DIR
from indicators.geography.units import LEGACY, NEW
from indicators.ingest.check import check_upload
from indicators.ingest.template import template_csv, template_xlsx

FIGURES = {"value", "numerator", "denominator"}


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def sheet_frame(ws) -> pd.DataFrame:
    rows = list(ws.iter_rows(values_only=True))
    return pd.DataFrame(rows[1:], columns=rows[0])


def column(ws, english: str) -> int:
    """1-based column whose bilingual header ends with '/ English'."""
    heads = [c.value for c in ws[1]]
    return next(n for n, h in enumerate(heads, 1) if h.endswith(f"/ {english}"))


def fill(ws, catalog) -> dict[tuple[str, str], float]:
    """Type figures into the example rows as an analyst would; returns the expected values."""
    expected = {}
    ind_col, reg_col = column(ws, "Indicator code"), column(ws, "Unit code")
    for n, row in enumerate(ws.iter_rows(min_row=2), start=2):
        ind = catalog[row[ind_col - 1].value]
        region = row[reg_col - 1].value
        if ind.kind == "ratio":
            num, den = (47, 65) if region == "56" else (1, 1)
            ws.cell(n, column(ws, "Numerator"), num)
            ws.cell(n, column(ws, "Denominator"), den)
            value = round(num / den * ind.scale, 1)
        else:
            value = 120 + n
        ws.cell(n, column(ws, "Value"), value)
        ws.cell(n, column(ws, "Source"), "Bưu điện tỉnh")
        expected[(ind.code, region)] = value
    return expected


def test_xlsx_lists_the_catalog_and_the_current_units(catalog, regions):
    wb = workbook(template_xlsx(catalog, regions))
    data, inds, units = wb.worksheets
    assert wb.active.title == data.title  # the sheet that is uploaded back comes first
    headers = [c.value for c in data[1]]
    assert headers[0] == "Mã chỉ tiêu / Indicator code" and "Giá trị / Value" in headers
    assert all("/" in h and data.cell(1, n).comment for n, h in enumerate(headers, 1))
    shown = sheet_frame(inds)
    assert shown.iloc[:, 0].tolist() == [i.code for i in catalog]
    ratio = shown[shown.iloc[:, 0] == "post_commune_pct"].iloc[0].tolist()
    assert "communes_with_post" in ratio and "communes_total" in ratio
    listed = sheet_frame(units)
    current = regions[regions["unit_list"] == NEW]
    assert sorted(listed.iloc[:, 1]) == sorted(current["code"])  # 1 province + 65 communes
    bac = listed[listed.iloc[:, 1] == "22333"].iloc[0].tolist()
    assert "Phường Bắc Nha Trang" in bac and "56" in bac
    examples = sheet_frame(data)
    assert len(examples) >= 2 and set(examples.iloc[:, 1]) == {NEW}
    assert examples[[h for h in headers if h.split(" /")[0] in ("Giá trị",)]].isna().all().all()


def test_an_unfilled_template_is_rejected_not_stored(catalog, regions):
    checked = check_upload(template_xlsx(catalog, regions), "mau.xlsx", catalog, regions)
    assert not checked.ok and checked.frame.empty
    # Because the figures are missing, and nothing else: the rest of each row is right.
    assert {(p.column, p.rule) for p in checked.errors} == {("Giá trị / Value", "missing_value")}
    assert sorted(p.row for p in checked.errors) == list(range(2, 2 + checked.rows_read))


def test_a_filled_xlsx_template_passes_the_upload_check(catalog, regions, empty_store):
    wb = workbook(template_xlsx(catalog, regions))
    expected = fill(wb.worksheets[0], catalog)
    out = io.BytesIO()
    wb.save(out)
    checked = check_upload(out.getvalue(), "mau-da-dien.xlsx", catalog, regions)
    assert checked.ok, checked.report().to_string()
    got = {(r.indicator, r.region): r.value for r in checked.frame.itertuples()}
    assert got == pytest.approx(expected)
    assert set(checked.frame["status"]) == {"preliminary"}  # 'Sơ bộ' in the example rows
    rev = empty_store.commit({"observations": checked.frame}, file_name="mau-da-dien.xlsx")
    assert rev.rows_new == len(expected)


def test_a_filled_csv_template_passes_the_upload_check(catalog, regions):
    data = template_csv(catalog, regions)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel shows the diacritics
    frame = pd.read_csv(io.BytesIO(data), dtype=str, encoding="utf-8-sig", keep_default_na=False)
    value, source = "Giá trị / Value", "Nguồn / Source"
    for n, row in frame.iterrows():
        ind = catalog[row.iloc[0]]
        if ind.kind == "ratio":
            frame.loc[n, ["Tử số / Numerator", "Mẫu số / Denominator"]] = ["3", "4"]
            frame.loc[n, value] = "75"
        else:
            frame.loc[n, value] = "1.234"  # Vietnamese thousands dot, as Excel writes it
    frame[source] = "Sở KH&CN"
    filled = frame.to_csv(index=False, sep=";").encode("utf-8-sig")
    checked = check_upload(filled, "mau.csv", catalog, regions)
    assert checked.ok, checked.report().to_string()
    assert sorted(checked.frame["value"]) == sorted(
        75.0 if catalog[c].kind == "ratio" else 1234.0 for c in frame.iloc[:, 0]
    )


def test_a_template_for_the_old_units_lists_them(catalog, regions):
    wb = workbook(template_xlsx(catalog, regions, unit_list=LEGACY))
    listed = sheet_frame(wb.worksheets[2])
    assert len(listed) == (regions["unit_list"] == LEGACY).sum()
    assert set(sheet_frame(wb.worksheets[0]).iloc[:, 1]) == {LEGACY}


def test_bundled_catalog_file_is_what_the_template_lists(catalog, regions):
    raw = pd.read_csv(DEFAULT_DATA_DIR / "catalog.csv", dtype=str)
    listed = sheet_frame(workbook(template_xlsx(catalog, regions)).worksheets[1])
    assert listed.iloc[:, 0].tolist() == raw["code"].tolist()
