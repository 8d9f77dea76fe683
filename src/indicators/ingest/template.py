"""The upload template: a table in the long format an analyst fills in and uploads back.

XLSX: the data sheet first (bilingual headers, an English note on each header, example rows with
the figures left empty so an unfilled template is rejected rather than stored), then the
catalog's indicators and the current unit list, from which the data sheet's drop-downs draw.
CSV: the same data sheet, UTF-8 with a BOM so Excel shows the diacritics.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from indicators.core.catalog import Catalog, Indicator
from indicators.core.i18n import both, joined, t
from indicators.core.schema import OBS_COLUMNS
from indicators.core.spreadsheet import to_csv_bytes, xlsx_row
from indicators.geography.units import NEW, own_units

# The long format the reader takes back, with the unit's name beside its code for people.
DATA_COLUMNS = (*OBS_COLUMNS[:3], "region_name", *OBS_COLUMNS[3:])
STATUS_WORDS = ("Chính thức", "Sơ bộ", "Ước tính", "Minh họa")  # the reader's Vietnamese names
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def header(column: str) -> str:
    """'Giá trị / Value': the reader matches either half."""
    return both(f"template.col.{column}")


def _units(regions: pd.DataFrame, unit_list: str) -> pd.DataFrame:
    return regions[regions["unit_list"] == unit_list]


def _example_indicators(catalog: Catalog) -> list[Indicator]:
    """A count and a ratio with parts: the two shapes of row an analyst meets."""
    shown = [i for i in catalog if i.role != "component"] or list(catalog)
    count = next((i for i in shown if i.kind == "count"), None)
    ratio = next((i for i in shown if i.kind == "ratio" and i.numerator and i.denominator), None)
    return [i for i in (count, ratio) if i is not None] or shown[:1]


def example_rows(catalog: Catalog, regions: pd.DataFrame, unit_list: str = NEW) -> pd.DataFrame:
    """Rows with indicator, unit and period filled in and the figures left empty.

    For each example indicator: the province and its first commune, for the latest full year
    the unit list covers.
    """
    units = _units(regions, unit_list)
    province = units[units["level"].eq("province") & own_units(units)].head(1)
    commune = units[units["level"] == "commune"].head(1)
    period = "2025" if unit_list == NEW else "2024"
    rows = []
    for ind in _example_indicators(catalog):
        for unit in pd.concat([province, commune]).itertuples(index=False):
            rows.append(
                {
                    "indicator": ind.code,
                    "unit_list": unit_list,
                    "region": unit.code,
                    "region_name": unit.name,
                    "period": period,
                    "value": None,
                    "numerator": None,
                    "denominator": None,
                    "status": t("template.status.example", "vi"),
                    "source": "",
                    "note": "",
                }
            )
    return pd.DataFrame(rows, columns=list(DATA_COLUMNS))


def indicators_table(catalog: Catalog) -> pd.DataFrame:
    """The catalog as analysts read it: code, names, unit, kind, numerator and denominator."""
    rows = [
        {
            "code": i.code,
            "name_vi": i.name_vi,
            "name_en": i.name_en,
            "unit": joined(i.unit_vi, i.unit_en) if i.unit_vi != i.unit_en else i.unit_vi,
            "kind": both(f"template.kind.{i.kind}"),
            "numerator": i.numerator or "",
            "denominator": i.denominator or "",
            "definition": i.definition_vi,
        }
        for i in catalog
    ]
    return pd.DataFrame(rows)


def units_table(regions: pd.DataFrame, unit_list: str = NEW) -> pd.DataFrame:
    """The units of one list: code, name, level, parent."""
    units = _units(regions, unit_list)
    return pd.DataFrame(
        {
            "unit_list": units["unit_list"],
            "code": units["code"],
            "name": units["name"],
            "level": [both(f"template.level.{v}") for v in units["level"]],
            "parent": units["parent_code"].fillna(""),
        }
    )


def _bilingual(prefix: str, columns) -> list[str]:
    return [both(f"{prefix}.{c}") for c in columns]


def template_csv(catalog: Catalog, regions: pd.DataFrame, unit_list: str = NEW) -> bytes:
    """The data sheet as CSV, UTF-8 with a BOM (Excel then reads the diacritics right)."""
    frame = example_rows(catalog, regions, unit_list)
    frame.columns = [header(c) for c in DATA_COLUMNS]
    return to_csv_bytes(frame, lineterminator="\r\n")


def template_xlsx(catalog: Catalog, regions: pd.DataFrame, unit_list: str = NEW) -> bytes:
    """The workbook: data sheet (first, the one uploaded back), indicators, units."""
    wb = Workbook()
    data = wb.active
    data.title = _sheet("data")
    ind_sheet = wb.create_sheet(_sheet("indicators"))
    unit_sheet = wb.create_sheet(_sheet("units"))

    _write(data, [header(c) for c in DATA_COLUMNS], example_rows(catalog, regions, unit_list))
    for n, col in enumerate(DATA_COLUMNS, start=1):
        data.cell(1, n).comment = Comment(
            f"{t(f'template.col.{col}', 'en')}: {t(f'template.help.{col}', 'en')}\n"
            f"{t(f'template.help.{col}', 'vi')}",
            "indicators",
        )
    inds = indicators_table(catalog)
    _write(ind_sheet, _bilingual("template.ind", inds.columns), inds)
    units = units_table(regions, unit_list)
    _write(
        unit_sheet,
        _bilingual("template.unit", ["unit_list", "code", "name", "level", "parent"]),
        units,
    )

    # Drop-downs: indicator codes, unit codes and statuses, for rows the analyst adds.
    last = 5000
    choices = [
        ("indicator", f"='{ind_sheet.title}'!$A$2:$A${len(inds) + 1}"),
        ("region", f"='{unit_sheet.title}'!$B$2:$B${len(units) + 1}"),
        ("status", '"' + ",".join(STATUS_WORDS) + '"'),
    ]
    for col, formula in choices:
        letter = get_column_letter(DATA_COLUMNS.index(col) + 1)
        dv = DataValidation(type="list", formula1=formula, allow_blank=True)
        dv.showErrorMessage = False  # a code from a newer catalog is checked on upload
        dv.add(f"{letter}2:{letter}{last}")
        data.add_data_validation(dv)

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _sheet(name: str) -> str:
    # Excel forbids '/' in sheet names and allows 31 characters.
    return both(f"template.sheet.{name}", sep=" - ")[:31]


def _write(ws, headers: list[str], frame: pd.DataFrame) -> None:
    ws.append(xlsx_row(ws, headers))
    for row in frame.itertuples(index=False):
        ws.append(xlsx_row(ws, row))  # names from the catalog are text, never formulas
    for n, text in enumerate(headers, start=1):
        cell = ws.cell(1, n)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        width = max([len(text), *(len(str(v)) for v in frame.iloc[:200, n - 1])]) + 2
        ws.column_dimensions[get_column_letter(n)].width = min(width, 60)
    ws.freeze_panes = "A2"
