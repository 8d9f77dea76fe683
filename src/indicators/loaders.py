"""Read observation and target tables into the canonical long frame, or say exactly what is wrong.

Canonical observation columns (one row per indicator × unit × period):
    indicator, unit_list, region, period, value, numerator, denominator, status, source, note
Every rejected cell is reported with its Excel row number, column, value and reason; a file with
any error is rejected whole, so the store never receives half of it.
"""

from __future__ import annotations

import io
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .catalog import Catalog
from .numbers import NumberError, parse_number
from .periods import PeriodError, parse_period
from .problems import DataError, Problem
from .regions import UNIT_LISTS, unit_list_for

STATUSES = ("published", "preliminary", "estimate", "illustrative")
OBS_COLUMNS = [
    "indicator",
    "unit_list",
    "region",
    "period",
    "value",
    "numerator",
    "denominator",
    "status",
    "source",
    "note",
]
TARGET_COLUMNS = [
    "indicator",
    "unit_list",
    "region",
    "period",
    "value",
    "status",
    "source",
    "note",
]
KEY = ["indicator", "unit_list", "region", "period"]
PERIOD_COLUMNS = ["period_kind", "period_start", "period_end"]

# Header spellings analysts use, folded (no tone marks, lower case) -> canonical column.
ALIASES = {
    "indicator": ("indicator", "ma chi tieu", "ma chi so", "chi tieu", "indicator code"),
    "unit_list": ("unit_list", "danh muc don vi", "unit list"),
    "region": ("region", "ma don vi", "ma dia ban", "ma xa", "ma dvhc", "region code"),
    "period": ("period", "ky", "ky bao cao", "nam", "year"),
    "value": ("value", "gia tri", "so lieu"),
    "numerator": ("numerator", "tu so"),
    "denominator": ("denominator", "mau so"),
    "status": ("status", "trang thai"),
    "source": ("source", "nguon", "nguon so lieu"),
    "region_name": ("region_name", "ten don vi", "ten dia ban", "ten xa", "region name"),
    "note": ("note", "ghi chu"),
}
STATUS_ALIASES = {
    "published": "published",
    "chinh thuc": "published",
    "preliminary": "preliminary",
    "so bo": "preliminary",
    "prel.": "preliminary",
    "so bo / prel.": "preliminary",
    "estimate": "estimate",
    "uoc tinh": "estimate",
    "illustrative": "illustrative",
    "minh hoa": "illustrative",
}


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """NFC, lower case, no tone marks: for matching names people type."""
    text = unicodedata.normalize("NFC", str(text)).strip().lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return " ".join(text.replace("_", " ").split())


def _rename(df: pd.DataFrame) -> pd.DataFrame:
    lookup = {fold(a): canon for canon, names in ALIASES.items() for a in names}
    return df.rename(columns={c: lookup.get(fold(c), c) for c in df.columns})


def read_csv_text(source: str | Path | bytes) -> pd.DataFrame:
    """All cells as text (UTF-8, with or without BOM); types are decided by validation."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    try:
        df = pd.read_csv(
            source,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8-sig",
            skipinitialspace=True,
            skip_blank_lines=False,  # keep the index equal to the Excel row number - 2
            index_col=False,
        )
    except UnicodeDecodeError as exc:
        raise DataError(
            [
                Problem(
                    None,
                    None,
                    None,
                    "tệp không phải UTF-8; hãy lưu dạng 'CSV UTF-8'",
                    f"the file is not UTF-8 ({exc.reason})",
                )
            ]
        ) from exc
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataError(
            [Problem(None, None, None, "không đọc được tệp CSV", f"unreadable CSV: {exc}")]
        ) from exc
    blank = df.apply(lambda col: col.str.strip().eq("")).all(axis=1) if len(df.columns) else []
    return df[~blank] if len(df.columns) else df


def _number(row: int, col: str, text: str, decimal: str | None, probs: list[Problem]):
    try:
        return parse_number(text, decimal)
    except NumberError as exc:
        vi, _, en = str(exc).partition(" / ")
        probs.append(Problem(row, col, text, vi, en or vi))
        return None


def validate_rows(
    raw: pd.DataFrame,
    catalog: Catalog,
    regions: pd.DataFrame,
    *,
    columns: list[str],
    decimal: str | None = None,
    default_status: str = "published",
) -> tuple[pd.DataFrame, list[Problem]]:
    """Check every cell; return the canonical frame (only if no errors) and the problems."""
    df = _rename(raw)
    probs: list[Problem] = []
    required = [c for c in ("indicator", "region", "period", "value") if c in columns]
    missing = [c for c in required if c not in df.columns]
    if missing:
        return pd.DataFrame(columns=columns), [
            Problem(1, c, None, "thiếu cột bắt buộc", "required column missing") for c in missing
        ]
    known_units = {
        (r.unit_list, r.code): r
        for r in regions[["unit_list", "code", "name", "short_name", "level"]].itertuples()
    }
    has_num = "numerator" in columns
    out: list[dict] = []
    for i, rec in zip(df.index, df.to_dict("records"), strict=True):
        n = int(i) + 2
        cell = {k: unicodedata.normalize("NFC", str(v)).strip() for k, v in rec.items()}
        before = len(probs)
        code = cell.get("indicator", "")
        if code not in catalog:
            probs.append(
                Problem(
                    n,
                    "indicator",
                    code,
                    "mã chỉ tiêu không có trong danh mục",
                    "unknown indicator code",
                )
            )
        try:
            period = parse_period(cell.get("period", ""))
        except PeriodError as exc:
            vi, _, en = str(exc).partition(" / ")
            probs.append(Problem(n, "period", cell.get("period", ""), vi, en or vi))
            period = None
        unit_list = cell.get("unit_list", "") or (unit_list_for(period.end) if period else "")
        if unit_list and unit_list not in UNIT_LISTS:
            probs.append(
                Problem(
                    n,
                    "unit_list",
                    unit_list,
                    f"danh mục đơn vị phải là {' hoặc '.join(UNIT_LISTS)}",
                    f"unit list must be {' or '.join(UNIT_LISTS)}",
                )
            )
        region = cell.get("region", "")
        if unit_list in UNIT_LISTS and (unit_list, region) not in known_units:
            probs.append(
                Problem(
                    n,
                    "region",
                    region,
                    f"mã đơn vị không có trong danh mục đơn vị '{unit_list}'",
                    f"unknown unit code in unit list '{unit_list}'",
                )
            )
        unit = known_units.get((unit_list, region))
        if unit is not None and cell.get("region_name"):
            _check_name(n, cell["region_name"], unit, probs)
        value = _number(n, "value", cell.get("value", ""), decimal, probs)
        num = (
            _number(n, "numerator", cell.get("numerator", ""), decimal, probs) if has_num else None
        )
        den = (
            _number(n, "denominator", cell.get("denominator", ""), decimal, probs)
            if has_num
            else None
        )
        ind = catalog.get(code)
        if ind and value is None and num is not None and den == 0:
            probs.append(Problem(n, "denominator", "0", "mẫu số bằng 0", "the denominator is zero"))
        if ind and value is None and num is not None and den:
            value = num / den * ind.scale
        if value is None and len(probs) == before:
            probs.append(Problem(n, "value", "", "thiếu giá trị", "the value is missing"))
        if ind and value is not None and len(probs) == before:
            _check_value(n, ind, unit.level if unit is not None else "", value, num, den, probs)
        row = {
            "indicator": code,
            "unit_list": unit_list,
            "region": region,
            "period": period.code if period else cell.get("period", ""),
            "value": value,
            "source": cell.get("source", ""),
            "note": cell.get("note", ""),
        }
        if "status" in columns:
            status = STATUS_ALIASES.get(fold(cell.get("status", "")) or default_status)
            if status is None:
                probs.append(
                    Problem(
                        n,
                        "status",
                        cell.get("status"),
                        f"trạng thái phải là {', '.join(STATUSES)}",
                        f"status must be one of {', '.join(STATUSES)}",
                    )
                )
            row["status"] = status
        if has_num:
            row |= {"numerator": num, "denominator": den}
        if period:
            row |= {
                "period_kind": period.kind,
                "period_start": period.start,
                "period_end": period.end,
            }
        row["_row"] = n
        out.append(row)
    frame = pd.DataFrame(out, columns=[*columns, *PERIOD_COLUMNS, "_row"])
    dup = frame.duplicated(KEY, keep=False) & frame["indicator"].ne("")
    for n, code, reg, per in frame.loc[dup, ["_row", "indicator", "region", "period"]].itertuples(
        index=False
    ):
        probs.append(
            Problem(
                n,
                "indicator/region/period",
                f"{code} / {reg} / {per}",
                "dòng trùng khóa (chỉ tiêu, đơn vị, kỳ) trong tệp",
                "duplicate key (indicator, unit, period) in the file",
            )
        )
    return frame.drop(columns="_row"), probs


def _check_name(n: int, given: str, unit, probs: list[Problem]) -> None:
    """A name next to the code must be that unit's: new units reuse old codes."""
    if fold(given) in (fold(unit.name), fold(unit.short_name)):
        return
    probs.append(
        Problem(
            n,
            "region_name",
            given,
            f"tên không khớp mã {unit.code} trong danh mục '{unit.unit_list}' "
            f"({unit.name}); mã có thể thuộc danh mục đơn vị khác — ghi rõ cột unit_list",
            f"the name does not match code {unit.code} in unit list '{unit.unit_list}' "
            f"({unit.name}); the code may belong to another unit list — fill in unit_list",
        )
    )


def _check_value(n, ind, level: str, value: float, num, den, probs: list[Problem]) -> None:
    """Rules every value must keep, whatever file it comes from."""

    def bad(col: str, shown: object, vi: str, en: str) -> None:
        probs.append(Problem(n, col, str(shown), vi, en))

    has_parts = ind.kind == "ratio" and num is not None and den is not None
    if has_parts and (num < 0 or den < 0 or (ind.is_percent and num > den)):
        bad("numerator", f"{num}/{den}", "tử số vượt mẫu số hoặc bị âm",
            "the numerator is negative or above the denominator")  # fmt: skip
        return
    if ind.is_percent and not 0 <= value <= 100:
        bad("value", value, "tỷ lệ phần trăm phải từ 0 đến 100", "a percentage must be 0–100")
    if ind.kind == "count" and value < 0:
        bad("value", value, "số đếm không được âm", "a count cannot be negative")
    if ind.kind != "ratio":
        return
    if num is None or den is None:
        if level not in ("", "province"):
            bad(
                "numerator/denominator",
                "",
                "tỷ lệ cấp huyện, cấp xã cần tử số và mẫu số để cộng lên cấp trên",
                "a district or commune ratio needs its numerator and denominator to add up",
            )
        return
    expected = num / den * ind.scale if den else None
    if expected is not None and abs(value - expected) > 0.5 * 10 ** (-ind.decimals) + 1e-9:
        bad(
            "value",
            value,
            f"giá trị khác tử số/mẫu số ({expected:.{ind.decimals + 2}f})",
            f"the value differs from numerator/denominator ({expected:.{ind.decimals + 2}f})",
        )


def _finish(frame: pd.DataFrame, probs: list[Problem], source: str) -> pd.DataFrame:
    errors = [p for p in probs if p.severity == "error"]
    if errors:
        raise DataError(sorted(errors, key=lambda p: (p.row or 0, p.column or "")), source)
    for col in ("value", "numerator", "denominator"):
        if col in frame:
            frame[col] = pd.to_numeric(frame[col]).astype("float64")
    return frame.reset_index(drop=True)


def load_observations(
    source: str | Path | bytes,
    catalog: Catalog,
    regions: pd.DataFrame,
    *,
    name: str = "",
    decimal: str | None = None,
    default_status: str = "published",
) -> pd.DataFrame:
    """A long-form observations CSV as the canonical frame; DataError lists every problem."""
    raw = read_csv_text(source)
    frame, probs = validate_rows(
        raw,
        catalog,
        regions,
        columns=OBS_COLUMNS,
        decimal=decimal,
        default_status=default_status,
    )
    return _finish(frame, probs, name or str(source)[:200])


def load_targets(
    source: str | Path | bytes, catalog: Catalog, regions: pd.DataFrame, *, name: str = ""
) -> pd.DataFrame:
    raw = read_csv_text(source)
    frame, probs = validate_rows(raw, catalog, regions, columns=TARGET_COLUMNS, decimal=".")
    return _finish(frame, probs, name or str(source)[:200])
