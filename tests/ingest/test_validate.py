"""indicators.ingest.bundled.load_observations: the canonical frame or a precise DataError."""

from __future__ import annotations

import io
import unicodedata
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from indicators.core.catalog import Catalog, load_catalog
from indicators.core.problems import DataError, Problem
from indicators.core.schema import OBS_COLUMNS
from indicators.core.settings import load_settings
from indicators.geography.units import build_regions
from indicators.ingest.bundled import load_observations
from indicators.ingest.check import check_upload

CATALOG_CSV = Path(__file__).resolve().parents[2] / "data" / "catalog.csv"
HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(CATALOG_CSV)


@pytest.fixture(scope="module")
def regions() -> pd.DataFrame:
    return build_regions(load_settings().region_sources)


@pytest.fixture(scope="module")
def legacy_only_code(regions) -> str:
    """A commune code that exists in the legacy list but not in the 2025 list."""
    legacy = set(regions.loc[regions["unit_list"] == "legacy", "code"])
    new = set(regions.loc[regions["unit_list"] == "2025", "code"])
    only = sorted(legacy - new)
    assert only
    return only[0]


def load(text: str | bytes, catalog, regions, **kw) -> pd.DataFrame:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return load_observations(data, catalog, regions, name="obs.csv", **kw)


def problems(text: str | bytes, catalog, regions, **kw) -> list[Problem]:
    with pytest.raises(DataError) as info:
        load(text, catalog, regions, **kw)
    assert info.value.source == "obs.csv"
    return info.value.problems


def assert_bilingual(p: Problem, en_word: str) -> None:
    assert p.reason_vi and p.reason_en
    assert p.reason_vi != p.reason_en
    assert en_word in p.reason_en.lower()
    msg = p.message()
    assert f"dòng {p.row} / row {p.row}" in msg
    assert f"column '{p.column}'" in msg


# --- valid files ---------------------------------------------------------------------------------


def test_valid_file_gives_canonical_frame(catalog, regions):
    df = load(
        HEADER
        + "post_commune_pct,legacy,56,Quý 2/2020,99.2,,,,Sở TT&TT,ghi chú\n"
        + "bts_count,2025,56,2025,120,,,Sơ bộ,,\n"
        + "dti_rank,legacy,56,GĐ 2016–2020,41,,,published,,\n"
        + "bts_count,legacy,56,06/2020,7,,,,,\n",
        catalog,
        regions,
    )
    assert list(df.columns[: len(OBS_COLUMNS)]) == OBS_COLUMNS
    assert list(df["period"]) == ["2020-Q2", "2025", "2016-2020", "2020-06"]
    assert list(df["period_kind"]) == ["quarter", "year", "phase", "month"]
    assert df.loc[0, "period_start"] == date(2020, 4, 1)
    assert df.loc[0, "period_end"] == date(2020, 6, 30)
    for col in ("value", "numerator", "denominator"):
        assert df[col].dtype == "float64", col
    assert list(df["value"]) == [99.2, 120.0, 41.0, 7.0]
    assert df["numerator"].isna().all()
    assert list(df["status"]) == ["published", "preliminary", "published", "published"]
    assert list(df["unit_list"]) == ["legacy", "2025", "legacy", "legacy"]
    assert list(df["region"]) == ["56", "56", "56", "56"]
    assert df.loc[0, "source"] == "Sở TT&TT"
    assert df.loc[0, "note"] == "ghi chú"


def test_ratio_value_computed_from_parts(catalog, regions):
    df = load(
        HEADER
        + "post_commune_pct,legacy,56,2020,,120,132,,,\n"
        + "mobile_subs_per100,legacy,56,2020,,1500000,1200000,,,\n",
        catalog,
        regions,
    )
    assert df.loc[0, "value"] == pytest.approx(120 / 132 * 100)
    assert df.loc[0, "numerator"] == 120.0
    assert df.loc[0, "denominator"] == 132.0
    assert df.loc[1, "value"] == pytest.approx(125.0)


def test_given_value_is_kept_next_to_parts_when_they_agree(catalog, regions):
    df = load(HEADER + "post_commune_pct,legacy,56,2020,90.9,120,132,,,\n", catalog, regions)
    assert df.loc[0, "value"] == 90.9  # 120/132 = 90.909…, within the indicator's 1 decimal


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        ("post_commune_pct,legacy,56,2020,90,120,132", "value", "differs from numerator"),
        ("post_commune_pct,legacy,56,2020,150,,", "value", "must be 0–100"),
        ("bts_count,legacy,56,2020,-3,,", "value", "cannot be negative"),
        ("post_commune_pct,legacy,56,2020,,140,132", "numerator", "above the denominator"),
    ],
)
def test_values_that_break_the_rules_are_rejected(catalog, regions, row, column, reason):
    probs = problems(HEADER + row + ",,,\n", catalog, regions)
    assert [(p.row, p.column) for p in probs] == [(2, column)]
    assert reason in probs[0].reason_en


def test_a_name_that_does_not_match_the_code_is_rejected(catalog, regions):
    """22333 was Phường Vĩnh Phước; in the 2025 list it is Phường Bắc Nha Trang."""
    head = "indicator,region,region_name,period,value\n"
    ok = load(head + "bts_count,22333,Phường Vĩnh Phước,2024,5\n", catalog, regions)
    assert ok.loc[0, "unit_list"] == "legacy"
    probs = problems(head + "bts_count,22333,Phường Vĩnh Phước,2025,5\n", catalog, regions)
    assert [(p.row, p.column) for p in probs] == [(2, "region_name")]
    assert "Phường Bắc Nha Trang" in probs[0].reason_vi
    fine = load(head + "bts_count,22333,bac nha trang,2025,5\n", catalog, regions)
    assert fine.loc[0, "unit_list"] == "2025"


def test_vietnamese_headers(catalog, regions):
    text = (
        "Mã chỉ tiêu,Danh mục đơn vị,Mã đơn vị,Kỳ,Giá trị,Tử số,Mẫu số,Trạng thái,Nguồn,Ghi chú\n"
        "post_commune_pct,legacy,56,Quý 2/2020,,3,4,Sơ bộ,Bưu điện,x\n"
    )
    df = load(text, catalog, regions)
    row = df.iloc[0]
    assert (row["indicator"], row["region"], row["period"]) == ("post_commune_pct", "56", "2020-Q2")
    assert row["value"] == pytest.approx(75.0)
    assert (row["numerator"], row["denominator"]) == (3.0, 4.0)
    assert row["status"] == "preliminary"
    assert (row["source"], row["note"]) == ("Bưu điện", "x")


def test_vietnamese_headers_in_nfd(catalog, regions):
    head = unicodedata.normalize("NFD", "Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị\n")
    df = load(head + "bts_count,56,2020,5\n", catalog, regions)
    assert df.loc[0, "value"] == 5.0


@pytest.mark.parametrize(
    ("period", "unit_list", "region"),
    [
        ("2020", "legacy", "56"),
        ("2025", "2025", "56"),
        ("Q2/2025", "legacy", "56"),
        ("Q3/2025", "2025", "56"),
        ("06/2025", "legacy", "22333"),
        ("07/2025", "2025", "22333"),
    ],
)
def test_unit_list_inferred_from_period(catalog, regions, period, unit_list, region):
    df = load(f"indicator,region,period,value\nbts_count,{region},{period},5\n", catalog, regions)
    assert df.loc[0, "unit_list"] == unit_list


def test_empty_unit_list_cell_is_inferred(catalog, regions):
    df = load(HEADER + "bts_count,,56,Q3/2025,1,,,,,\n", catalog, regions)
    assert df.loc[0, "unit_list"] == "2025"


def test_utf8_bom(catalog, regions):
    data = ("\ufeff" + HEADER + "bts_count,legacy,56,2020,5,,,,Khánh Hòa,\n").encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    df = load(data, catalog, regions)
    assert df.columns[0] == "indicator"
    assert df.loc[0, "source"] == "Khánh Hòa"


def test_nfd_cells_are_normalised(catalog, regions):
    src = unicodedata.normalize("NFD", "Khánh Hòa")
    df = load(HEADER + f"bts_count,legacy,56,2020,5,,,,{src},\n", catalog, regions)
    assert df.loc[0, "source"] == "Khánh Hòa"


def test_decimal_hint(catalog, regions):
    df = load(HEADER + 'bts_count,legacy,56,2020,"30,000",,,,,\n', catalog, regions, decimal=".")
    assert df.loc[0, "value"] == 30000.0
    df = load(HEADER + "bts_count,legacy,56,2020,30.000,,,,,\n", catalog, regions, decimal=",")
    assert df.loc[0, "value"] == 30000.0


# --- rejected files ------------------------------------------------------------------------------


def test_unknown_indicator(catalog, regions):
    probs = problems(HEADER + "no_such,legacy,56,2020,1,,,,,\n", catalog, regions)
    assert [(p.row, p.column, p.value) for p in probs] == [(2, "indicator", "no_such")]
    assert_bilingual(probs[0], "indicator")


def test_unknown_region_in_unit_list(catalog, regions, legacy_only_code):
    # valid in the legacy list ...
    load(HEADER + f"bts_count,legacy,{legacy_only_code},2020,1,,,,,\n", catalog, regions)
    # ... but not in the 2025 list
    probs = problems(
        HEADER + "bts_count,legacy,56,2020,1,,,,,\n"
        f"bts_count,2025,{legacy_only_code},2025,1,,,,,\n",
        catalog,
        regions,
    )
    assert [(p.row, p.column, p.value) for p in probs] == [(3, "region", legacy_only_code)]
    assert_bilingual(probs[0], "unit")
    assert "2025" in probs[0].reason_en


def test_inferred_unit_list_checks_region(catalog, regions, legacy_only_code):
    probs = problems(
        f"indicator,region,period,value\nbts_count,{legacy_only_code},Q3/2025,1\n",
        catalog,
        regions,
    )
    assert [(p.row, p.column) for p in probs] == [(2, "region")]


def test_bad_unit_list(catalog, regions):
    probs = problems(HEADER + "bts_count,2024,56,2020,1,,,,,\n", catalog, regions)
    assert [(p.row, p.column, p.value) for p in probs] == [(2, "unit_list", "2024")]


def test_bad_period(catalog, regions):
    probs = problems(HEADER + "bts_count,legacy,56,Q5/2020,1,,,,,\n", catalog, regions)
    assert [(p.row, p.column, p.value) for p in probs] == [(2, "period", "Q5/2020")]
    assert_bilingual(probs[0], "period")


def test_non_number_value(catalog, regions):
    probs = problems(HEADER + "bts_count,legacy,56,2020,abc,,,,,\n", catalog, regions)
    assert [(p.row, p.column, p.value) for p in probs] == [(2, "value", "abc")]
    assert_bilingual(probs[0], "not a number")


def test_non_number_numerator(catalog, regions):
    probs = problems(HEADER + "post_commune_pct,legacy,56,2020,,x,4,,,\n", catalog, regions)
    assert [(p.row, p.column, p.value) for p in probs] == [(2, "numerator", "x")]


def test_ambiguous_number(catalog, regions):
    # a radius in km may have decimals: '30,000' is thirty or thirty thousand (a count is not)
    probs = problems(HEADER + 'post_radius_km,legacy,56,2020,"30,000",,,,,\n', catalog, regions)
    assert [(p.row, p.column, p.value) for p in probs] == [(2, "value", "30,000")]
    assert_bilingual(probs[0], "ambiguous")


def test_missing_value(catalog, regions):
    probs = problems(HEADER + "bts_count,legacy,56,2020,,,,,,\n", catalog, regions)
    assert [(p.row, p.column) for p in probs] == [(2, "value")]
    assert_bilingual(probs[0], "missing")


def test_duplicate_key_reports_both_rows(catalog, regions):
    probs = problems(
        HEADER
        + "bts_count,legacy,56,2020,1,,,,,\n"
        + "bts_count,legacy,56,2021,1,,,,,\n"
        + "bts_count,legacy,56,Năm 2020,2,,,,,\n",  # same period, other spelling
        catalog,
        regions,
    )
    assert [p.row for p in probs] == [2, 4]
    assert all(p.column == "indicator/region/period" for p in probs)
    assert all("bts_count" in p.value and "2020" in p.value for p in probs)
    assert_bilingual(probs[0], "duplicate")


def test_same_code_in_two_unit_lists_is_not_duplicate(catalog, regions):
    df = load(
        HEADER + "bts_count,legacy,22333,2024,1,,,,,\nbts_count,2025,22333,2025,1,,,,,\n",
        catalog,
        regions,
    )
    assert len(df) == 2


def test_missing_required_column(catalog, regions):
    probs = problems("indicator,region,period\nbts_count,56,2020\n", catalog, regions)
    assert [(p.row, p.column) for p in probs] == [(1, "value")]
    assert_bilingual(probs[0], "missing")


def test_bad_status(catalog, regions):
    probs = problems(HEADER + "bts_count,legacy,56,2020,1,,,final,,\n", catalog, regions)
    assert [(p.row, p.column, p.value) for p in probs] == [(2, "status", "final")]
    assert_bilingual(probs[0], "status")


def test_all_rows_with_errors_are_reported(catalog, regions):
    probs = problems(
        HEADER
        + "bts_count,legacy,56,2019,1,,,,,\n"
        + "no_such,legacy,56,2020,1,,,,,\n"
        + "bts_count,legacy,56,abc,1,,,,,\n"
        + "bts_count,legacy,56,2021,x,,,,,\n"
        + "bts_count,legacy,56,2022,1,,,final,,\n"
        + "bts_count,legacy,99999,2023,1,,,,,\n",
        catalog,
        regions,
    )
    assert [(p.row, p.column) for p in probs] == [
        (3, "indicator"),
        (4, "period"),
        (5, "value"),
        (6, "status"),
        (7, "region"),
    ]


def test_error_message_lists_problems(catalog, regions):
    with pytest.raises(DataError) as info:
        load(HEADER + "no_such,legacy,56,2020,1,,,,,\n", catalog, regions)
    msg = str(info.value)
    assert msg.startswith("obs.csv")
    assert "dòng 2 / row 2" in msg
    assert "unknown indicator code" in msg
    assert info.value.frame().loc[0, "row"] == 2


def test_windows_1258_bytes_are_read_and_normalised(catalog, regions):
    # Windows-1258 stores tone marks as combining characters, hence NFD before encoding.
    cell = unicodedata.normalize("NFD", "Khánh Hòa").encode("cp1258")
    with pytest.raises(UnicodeDecodeError):
        cell.decode("utf-8")
    data = HEADER.encode() + b"bts_count,legacy,56,2020,1,,,," + cell + b",\n"
    df = load(data, catalog, regions)
    assert df.loc[0, "source"] == "Khánh Hòa"  # NFC, as typed


def test_empty_file_gives_data_error(catalog, regions):
    with pytest.raises(DataError):
        load(b"", catalog, regions)


def test_row_numbers_count_blank_lines(catalog, regions):
    probs = problems(
        HEADER + "bts_count,legacy,56,2020,1,,,,,\n\nbts_count,legacy,56,2021,abc,,,,,\n",
        catalog,
        regions,
    )
    assert [(p.row, p.column) for p in probs] == [(4, "value")]


def test_zero_denominator_is_named(catalog, regions):
    probs = problems(HEADER + "hh_internet_pct,legacy,22327,2020,,5,0,,,\n", catalog, regions)
    assert [(p.row, p.column) for p in probs] == [(2, "denominator")]


# --- every rule: row, column as headed, value, rule code, hint ---------------------------------

VI_HEAD = "Mã chỉ tiêu,Mã xã,Tên đơn vị,Năm,Giá trị,Tử số,Mẫu số,Trạng thái\n"


def check(text: str, catalog, regions, **kw):
    return check_upload(text.encode("utf-8"), "f.csv", catalog, regions, **kw)


@pytest.mark.parametrize(
    ("row", "column", "value", "rule"),
    [
        ("no_such,22327,,2020,1,,,", "Mã chỉ tiêu", "no_such", "unknown_indicator"),
        ("bts_count,22327,,Q5/2020,1,,,", "Năm", "Q5/2020", "bad_period"),
        ("bts_count,99999,,2020,1,,,", "Mã xã", "99999", "unknown_unit"),
        ("bts_count,,Vinh Hoaa,2020,1,,,", "Tên đơn vị", "Vinh Hoaa", "unknown_unit_name"),
        ("bts_count,,Vạn Thạnh,2020,1,,,", "Tên đơn vị", "Vạn Thạnh", "ambiguous_unit_name"),
        ("bts_count,22333,Vĩnh Phước,2025,1,,,", "Tên đơn vị", "Vĩnh Phước", "unit_name_mismatch"),
        ("bts_count,,,2020,1,,,", "Mã xã", "", "missing_unit"),
        ("bts_count,22327,,2020,mười,,,", "Giá trị", "mười", "not_a_number"),
        ('bts_count,22327,,2020,=HYPERLINK("x"),,,', "Giá trị", '=HYPERLINK("x")', "formula"),
        ("bts_count,22327,,2020,,,,", "Giá trị", "", "missing_value"),
        ("post_commune_pct,56,,2020,150,,,", "Giá trị", "150", "percent_range"),
        ("bts_count,22327,,2020,-3,,,", "Giá trị", "-3", "negative_count"),
        ("post_commune_pct,56,,2020,,140,132,", "Tử số", "140/132", "numerator_above_denominator"),
        ("post_commune_pct,56,,2020,,-1,132,", "Tử số", "-1/132", "negative_parts"),
        ("post_commune_pct,56,,2020,90,120,132,", "Giá trị", "90", "value_parts_mismatch"),
        ("hh_internet_pct,22327,,2020,,5,0,", "Mẫu số", "0", "zero_denominator"),
        ("bts_count,22327,,2020,1,,,final", "Trạng thái", "final", "bad_status"),
        ("bts_count,22327,,2026,1,,,", "Năm", "2026", "unit_not_in_period"),  # legacy in 2026
    ],
)
def test_each_rule_names_row_column_value_and_a_hint(catalog, regions, row, column, value, rule):
    checked = check(VI_HEAD + row + "\n", catalog, regions)
    errors = checked.errors
    if rule == "unit_not_in_period" and value == "2026":  # unit list inferred is '2025'
        assert [(p.row, p.column, p.value, p.rule) for p in errors] == [
            (2, "Mã xã", "22327", "unit_not_in_period")
        ]
        return
    assert [(p.row, p.column, p.value, p.rule) for p in errors] == [(2, column, value, rule)]
    p = errors[0]
    assert p.reason_vi and p.reason_en and p.hint_vi and p.hint_en
    assert p.reason_vi != p.reason_en and p.hint_vi != p.hint_en
    assert checked.rejected_rows == [2] and checked.frame.empty


def test_a_commune_ratio_without_parts_is_stored_with_a_warning(catalog, regions):
    """Stored as reported (drawn, ranked, downloaded); the warning says it is never added up."""
    checked = check(VI_HEAD + "hh_internet_pct,22327,,2020,55,,,\n", catalog, regions)
    assert checked.ok and checked.rejected_rows == []
    assert checked.frame[["region", "value"]].values.tolist() == [["22327", 55.0]]
    assert checked.frame[["numerator", "denominator"]].isna().all(axis=None)
    [p] = [p for p in checked.problems if p.rule == "ratio_needs_parts"]
    assert (p.severity, p.row, p.column) == ("warning", 2, "Tử số/Mẫu số")
    assert "lưu như báo cáo" in p.reason_vi and "never added up" in p.reason_en
    assert p.hint_vi and p.hint_en
    province = check(VI_HEAD + "hh_internet_pct,56,,2020,55,,,\n", catalog, regions)
    assert province.ok and not province.problems  # a province's own figure: nothing to add up


def test_unit_list_that_did_not_exist_in_the_period(catalog, regions):
    head = "indicator,unit_list,region,period,value\n"
    checked = check(head + "bts_count,legacy,22327,2026,1\nbts_count,2025,22333,2020,1\n",
                    catalog, regions)  # fmt: skip
    assert [(p.row, p.column, p.value, p.rule) for p in checked.errors] == [
        (2, "unit_list", "2026", "unit_not_in_period"),
        (3, "unit_list", "2020", "unit_not_in_period"),
    ]
    # new provinces may carry figures published after the merger for earlier years
    fine = check(head + "dti_rank,2025,56,2024,16\n", catalog, regions)
    assert fine.ok


def test_duplicates_point_at_each_other(catalog, regions):
    checked = check(
        VI_HEAD + "bts_count,22327,,2020,1,,,\nbts_count,,Phường Vĩnh Hòa,Năm 2020,2,,,\n",
        catalog,
        regions,
    )
    assert [(p.row, p.rule, p.column) for p in checked.errors] == [
        (2, "duplicate_key", "Mã chỉ tiêu/Mã xã/Năm"),
        (3, "duplicate_key", "Mã chỉ tiêu/Mã xã/Năm"),
    ]
    assert "3" in checked.errors[0].hint_en and "2" in checked.errors[1].hint_en


def test_suggestions_for_unknown_indicator_and_indicator_by_name(catalog, regions):
    checked = check(VI_HEAD + "bts_cont,22327,,2020,1,,,\n", catalog, regions)
    assert "bts_count" in checked.errors[0].hint_en
    named = check(VI_HEAD + "Số trạm phát sóng di động (BTS),22327,,2020,1,,,\n", catalog, regions)
    assert named.ok and named.frame.loc[0, "indicator"] == "bts_count"


def test_valid_rows_are_kept_next_to_rejected_ones(catalog, regions):
    checked = check(VI_HEAD + "bts_count,22327,,2020,1,,,\nbts_count,22330,,2020,x,,,\n",
                    catalog, regions)  # fmt: skip
    assert not checked.ok
    assert checked.rejected_rows == [3] and checked.rows_read == 2
    assert checked.frame[["region", "value"]].values.tolist() == [["22327", 1.0]]


def test_jumps_against_the_store_and_the_file_are_warnings(catalog, regions):
    stored = pd.DataFrame(
        {"indicator": ["bts_count"], "unit_list": ["legacy"], "region": ["22327"],
         "period": ["2019"], "value": [10.0]}
    )  # fmt: skip
    asked = []

    def history(**wanted):
        asked.append(wanted)
        return stored

    checked = check(
        VI_HEAD
        + "bts_count,22327,,2020,40,,,\n"  # 4x the store's 2019
        + "bts_count,22327,,2021,45,,,\n"  # close to the file's 2020
        + "bts_count,22330,,2020,1,,,\n"  # no history: nothing to compare
        + "dti_rank,56,,2020,60,,,\n",  # ranks move freely
        catalog,
        regions,
        history=history,
    )
    assert checked.ok
    assert [(p.row, p.rule, p.severity, p.value) for p in checked.problems] == [
        (2, "jump", "warning", "40.0")
    ]
    assert "10" in checked.problems[0].reason_en and "2019" in checked.problems[0].reason_en
    assert len(checked.frame) == 4  # warnings do not reject
    # the store is asked only for the compared rows' indicators and units, never all of it
    assert asked == [{"indicators": ["bts_count"], "regions": ["22327", "22330"]}]


def test_decimal_mark_is_detected_per_file(catalog, regions):
    semi = check("Mã chỉ tiêu;Mã xã;Năm;Giá trị\nbts_count;22327;2020;30.000\n", catalog, regions)
    assert semi.detected.decimal == "," and semi.frame.loc[0, "value"] == 30000.0
    comma = check(
        'Mã chỉ tiêu,Mã xã,Năm,Giá trị\npost_radius_km,22327,2020,"1,5"\n'
        'bts_count,22327,2020,"30.000"\n',
        catalog,
        regions,
    )
    assert comma.detected.decimal == ","
    assert comma.frame["value"].tolist() == [1.5, 30000.0]
    point = check("Mã chỉ tiêu,Mã xã,Năm,Giá trị\npost_radius_km,22327,2020,99.25\n"
                  'bts_count,22327,2020,"30,000"\n', catalog, regions)  # fmt: skip
    assert point.detected.decimal == "." and point.frame["value"].tolist() == [99.25, 30000.0]


def test_report_csv_opens_in_excel_with_both_languages(catalog, regions):
    checked = check(VI_HEAD + "no_such,22327,,2020,1,,,\n", catalog, regions)
    data = checked.report_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    report = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str)
    assert list(report.columns) == ["Dòng / Row", "Cột / Column", "Giá trị / Value",
                                    "Mức / Severity", "Quy tắc / Rule", "Lý do", "Reason",
                                    "Cách sửa", "How to fix"]  # fmt: skip
    first = report.iloc[0]
    assert (first["Dòng / Row"], first["Cột / Column"], first["Giá trị / Value"]) == (
        "2",
        "Mã chỉ tiêu",
        "no_such",
    )
    assert first["Reason"] == "unknown indicator code"
    assert "mã" in first["Cách sửa"].lower()


def test_an_old_unit_after_the_reform_is_not_called_unknown(catalog, regions, legacy_only_code):
    """Old units written for 2025 and later: 'not in this period', and which new unit it is."""
    head = "indicator,region,region_name,period,value\n"
    checked = check(
        head
        + "bts_count,,Phường Vĩnh Hòa,2025,5\n"
        + "bts_count,,Ninh Thuận,2026,5\n"
        + f"bts_count,{legacy_only_code},,2026,5\n"
        + "bts_count,,Phường Vĩnh Hòa,2024,5\n",
        catalog,
        regions,
    )
    assert [(p.row, p.column, p.rule) for p in checked.errors] == [
        (2, "region_name", "unit_not_in_period"),
        (3, "region_name", "unit_not_in_period"),
        (4, "region", "unit_not_in_period"),
    ]
    vinh_hoa, ninh_thuan = checked.errors[:2]
    assert "legacy" in vinh_hoa.reason_en and "30/06/2025" in vinh_hoa.reason_en
    assert "Phường Bắc Nha Trang" in vinh_hoa.hint_vi  # Vĩnh Hòa was merged into it
    assert "Phường Bắc Nha Trang" in vinh_hoa.hint_en
    assert "Tỉnh Khánh Hòa" in ninh_thuan.hint_en  # Ninh Thuận joined the new Khánh Hòa
    assert list(checked.frame["period"]) == ["2024"]


@pytest.mark.parametrize(
    ("written", "ok"),
    [("99", True), ("99,2", True), ("99,24", True), ("99,3", False), ("98", False), ("100", False)],
)
def test_a_value_is_checked_against_its_parts_as_precisely_as_it_is_written(
    written, ok, catalog, regions
):
    """131/132 = 99.24…: '99' is right to ±0.5, '99,2' to ±0.05, '99,3' is not 99.24."""
    head = "indicator;region;period;value;numerator;denominator\n"
    text = head + f'post_commune_pct;56;2020;"{written}";131;132\n'
    checked = check(text, catalog, regions)
    assert [p.rule for p in checked.errors] == ([] if ok else ["value_parts_mismatch"])
