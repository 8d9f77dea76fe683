"""The upload template and the problem report are files people open in Excel: no text in them
(a catalog name, a unit name, a rejected cell) runs as a formula (core.spreadsheet)."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pandas as pd

from indicators.core.catalog import load_catalog
from indicators.core.settings import DEFAULT_DATA_DIR
from indicators.core.spreadsheet import TRIGGERS, csv_cell, is_negative_number
from indicators.geography.units import NEW
from indicators.ingest.check import check_upload
from indicators.ingest.template import example_rows, template_csv, template_xlsx
from tests.export.payloads import PAYLOADS


def _records(data: bytes) -> list[list[str]]:
    """The CSV's rows as a spreadsheet splits them (a bare CR or LF ends a row)."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _formula_like(records: list[list[str]]) -> list[str]:
    return [c for r in records for c in r if c[:1] in TRIGGERS and not is_negative_number(c)]


def _hostile_catalog_and_units(tmp_path, regions):
    """A province's own catalog.csv and unit list with formula payloads in names."""
    raw = pd.read_csv(DEFAULT_DATA_DIR / "catalog.csv", dtype=str, keep_default_na=False)
    raw.loc[0, "name_vi"], raw.loc[0, "definition_vi"] = PAYLOADS[0], PAYLOADS[3]
    raw.loc[1, "name_en"], raw.loc[2, "name_vi"] = PAYLOADS[1], PAYLOADS[2]
    raw.to_csv(tmp_path / "catalog.csv", index=False)
    units = regions.copy()
    first = example_rows(load_catalog(DEFAULT_DATA_DIR / "catalog.csv"), regions).iloc[1]
    units.loc[(units["unit_list"] == NEW) & (units["code"] == first["region"]), "name"] = "@SUM(A1)"
    return load_catalog(tmp_path / "catalog.csv"), units


def test_csv_template_neutralises_a_unit_name_that_is_a_formula(tmp_path, regions):
    catalog, units = _hostile_catalog_and_units(tmp_path, regions)
    records = _records(template_csv(catalog, units))
    names = {r[3] for r in records[1:]}  # the unit-name column, beside the code for people
    assert "'@SUM(A1)" in names and not _formula_like(records)
    assert len(records) == len(example_rows(catalog, units)) + 1


def test_xlsx_template_holds_names_as_text_never_formulas(tmp_path, regions):
    catalog, units = _hostile_catalog_and_units(tmp_path, regions)
    data = template_xlsx(catalog, units)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert {c.data_type for c in cells} <= {"s", "n"}
    by_text = {c.value: c for c in cells}
    for text in (PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], PAYLOADS[3], "@SUM(A1)"):
        assert by_text[text].data_type == "s" and by_text[text].quotePrefix
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not [s for s in sheets if "<f>" in s or "<f " in s]
    # the drop-downs still draw on the other sheets: a data validation, not a cell formula
    assert "dataValidation" in sheets[0]


def test_problem_report_repeats_rejected_cells_without_running_them(catalog, regions):
    text = (
        "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\r\n"
        'bts_count,legacy,22327,2021,"=HYPERLINK(""https://evil.example"")",,,published,A,\r\n'
        "bts_count,legacy,22327,+1+1,5,,,published,A,\r\n"
        "bts_count,legacy,@SUM(A1),2021,5,,,published,A,\r\n"
        "-2+3,legacy,22327,2021,5,,,published,A,\r\n"
        "bts_count,legacy,22327,2022,-12,,,published,A,\r\n"  # a real negative number
    )
    checked = check_upload(text.encode(), "xau.csv", catalog, regions)
    quoted = {p.value for p in checked.problems if p.value}
    assert {"+1+1", "@SUM(A1)", "-2+3", "-12"} <= quoted
    records = _records(checked.report_csv())
    head, rows = records[0], records[1:]
    assert len(rows) == len(checked.problems)
    shown = {r[head.index("Giá trị / Value")] for r in rows}
    assert shown == {csv_cell(v) if v else "" for v in (p.value for p in checked.problems)}
    assert {"'+1+1", "'@SUM(A1)", "'-2+3", "-12"} <= shown  # -12 stays a number
    assert not _formula_like(records)
