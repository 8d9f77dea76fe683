"""One series across the 1 July 2025 reform on the Trends, Data, Overview and Methodology pages.

The expected numbers are worked out here from the stored rows (`Store.read`) and, for which
old communes make a new ward, from `vietnamadminunits.convert_address` (the package's address
converter, another path than the crosswalk table the code under test reads).
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from vietnamadminunits import convert_address

from indicators.core.settings import REPO_ROOT, RegionRef
from indicators.export.files import csv_bytes, xlsx_bytes
from indicators.geography import crosswalk
from indicators.geography.units import LEGACY, NEW
from indicators.present import tables
from indicators.query import across_reform, timeseries
from tests.conftest import app_store_at
from tests.pages.apptest import open_page, open_section
from tests.present.test_trends_figures import _plain

MARKER = "1/7/2025: sắp xếp đơn vị hành chính"


@pytest.fixture(scope="module", autouse=True)
def app_store(tmp_path_factory):
    with app_store_at(tmp_path_factory.mktemp("reform_pages")) as db:
        yield db


@pytest.fixture(scope="module")
def raw(seeded_store) -> pd.DataFrame:
    return seeded_store.read("observations")


def charts(at: AppTest) -> list[dict]:
    return [_plain(json.loads(e.proto.spec)) for e in at.get("plotly_chart")]


def trace(fig: dict, name: str) -> dict:
    return next(d for d in fig["data"] if d.get("name") == name)


def markers(fig: dict) -> list[float]:
    """Where the reform marker sits (shape x), and that its label is on the chart."""
    xs = [s["x0"] for s in fig["layout"].get("shapes", []) if s.get("name") == "reform_marker"]
    if xs:
        assert MARKER in [a.get("text") for a in fig["layout"]["annotations"]]
    return xs


def ratio(rows: pd.DataFrame, indicator: str, period: str) -> float:
    """Σ numerator ÷ Σ denominator × 100 of the commune rows of one period."""
    mine = rows[(rows.indicator == indicator) & (rows.period == period)]
    assert len(mine) and mine.numerator.notna().all()
    return mine.numerator.sum() / mine.denominator.sum() * 100


@pytest.fixture(scope="module")
def old_communes(regions) -> pd.DataFrame:
    """Old communes of old Khánh Hòa and Ninh Thuận with the new ward their address becomes."""
    old = regions[regions.unit_list == LEGACY]
    name = dict(zip(old.code, old.name, strict=True))
    communes = old[old.level == "commune"].copy()
    communes["new_ward"] = [
        convert_address(f"{n}, {name[d]}, {name[p]}").ward
        for n, d, p in zip(
            communes.name, communes.district_code, communes.province_code, strict=True
        )
    ]
    return communes


def test_trends_on_new_units_joins_the_old_province_series_with_the_marker(raw, regions):
    at = open_page("ui/pages/trends.py", ind="hh_internet_pct")
    assert not at.exception
    assert any("quy đổi từ đơn vị cũ" in i.value for i in at.info)
    fig = charts(at)[0]
    line = trace(fig, "Tỉnh Khánh Hòa")
    years = [str(y) for y in range(2016, 2027)]
    assert line["x"] == years  # one trace, no gap at 2024 → 2025
    # new Khánh Hòa before the reform = old Khánh Hòa + old Ninh Thuận, numerators and
    # denominators added over all their communes
    old = regions[(regions.unit_list == LEGACY) & (regions.level == "commune")]
    rows = raw[(raw.unit_list == LEGACY) & raw.region.isin(old.code)]
    for i, year in enumerate(years[:9]):
        expected = ratio(rows, "hh_internet_pct", year)
        assert line["y"][i] == pytest.approx(expected)
    new = regions[(regions.unit_list == NEW) & (regions.level == "commune")]
    rows = raw[(raw.unit_list == NEW) & raw.region.isin(new.code)]
    assert line["y"][9] == pytest.approx(ratio(rows, "hh_internet_pct", "2025"))
    # converted points are drawn differently and say so on hover
    ring = trace(fig, "Quy đổi từ đơn vị cũ")
    assert ring["x"] == years[:9]
    hover = [c[2] for c in line["customdata"]]
    assert all("Quy đổi từ đơn vị cũ" in h for h in hover[:9])
    assert all(h == "" for h in hover[9:])
    assert "Cộng các đơn vị cũ được nhập nguyên vẹn" in hover[0]
    # the marker between 2024 and 2025, also on the growth chart
    assert markers(fig) == [8.5]
    assert "quy đổi từ đơn vị cũ" in fig["layout"]["title"]["subtitle"]["text"].replace("<br>", " ")
    assert markers(charts(at)[1])


def test_a_new_ward_gets_the_sum_of_the_old_communes_that_became_it(raw, old_communes):
    at = open_page("ui/pages/trends.py", ind="hh_internet_pct,bts_count", reg="22333")
    assert not at.exception
    parts = old_communes[old_communes.new_ward == "Phường Bắc Nha Trang"]
    assert len(parts) >= 2
    rows = raw[(raw.unit_list == LEGACY) & raw.region.isin(parts.code)]
    figs = {f["layout"]["title"]["text"]: f for f in charts(at)}
    line = trace(figs["Tỷ lệ hộ gia đình có kết nối Internet"], "Phường Bắc Nha Trang")
    assert line["x"][0] == "2016" and line["x"][-1] == "2026" and len(line["x"]) == 11
    for i, year in enumerate(line["x"][:9]):
        assert line["y"][i] == pytest.approx(ratio(rows, "hh_internet_pct", year))
    bts = trace(figs["Số trạm phát sóng di động (BTS)"], "Phường Bắc Nha Trang")
    counts = rows[rows.indicator == "bts_count"].groupby("period")["value"].sum()
    assert bts["y"][:9] == pytest.approx([counts[y] for y in bts["x"][:9]])
    assert markers(figs["Số trạm phát sóng di động (BTS)"]) == [8.5]


def test_a_commune_built_from_divided_old_units_is_marked_as_an_estimate():
    at = open_page("ui/pages/trends.py", ind="hh_internet_pct", reg="22453")  # Xã Cam Lâm
    assert not at.exception
    fig = charts(at)[0]
    assert trace(fig, "Ước tính (thay đổi địa giới)")["x"][0] == "2016"
    hover = trace(fig, "Xã Cam Lâm")["customdata"][0][2]
    assert "Ước tính (thay đổi địa giới)" in hover and "chia đều" in hover
    assert any("là ước tính (thay đổi địa giới)" in cap.value for cap in at.caption)
    table = at.dataframe[0].value.set_index("Kỳ")
    growth = "Năm trước = 100"
    assert table.loc["2017", growth] != "—"  # two estimates: the same split both years
    assert table.loc["2025", growth] == "—"  # estimate 2024 vs reported 2025: not comparable
    assert table.loc["2024", "Ước tính (thay đổi địa giới)"] == "Có"
    assert table.loc["2024", "Cách có số liệu"] == "Quy đổi qua thay đổi địa giới"
    assert table.loc["2025", "Cách có số liệu"] == "Báo cáo"


def test_old_units_show_new_values_only_where_one_to_one():
    at = open_page("ui/pages/trends.py", ind="hh_internet_pct", era="legacy", reg="56,576")
    assert not at.exception
    assert any("Đang xem theo đơn vị cũ" in i.value for i in at.info)
    fig = charts(at)[0]
    # old Khánh Hòa is not one new unit: it stops before the reform
    assert trace(fig, "Tỉnh Khánh Hòa")["x"][-1] == "2024"
    # huyện Trường Sa is exactly the new đặc khu Trường Sa: its line goes on after 2024
    ts = trace(fig, "Huyện Trường Sa")
    assert ts["x"][-2:] == ["2025", "2026"]
    assert trace(fig, "Quy đổi từ đơn vị mới")["x"] == ["2025", "2026"]
    assert "Đơn vị mới trùng đúng với một đơn vị cũ" in ts["customdata"][-1][2]
    assert markers(fig) == [8.5]


def test_ranks_and_non_additive_amounts_are_never_converted_and_say_so(raw):
    at = open_page("ui/pages/trends.py", ind="dti_rank,post_radius_km")
    assert not at.exception
    figs = {f["layout"]["title"]["text"]: f for f in charts(at)}
    rank = figs["Xếp hạng DTI cấp tỉnh"]
    radius = figs["Bán kính phục vụ bình quân của một điểm bưu chính"]
    assert trace(rank, "Tỉnh Khánh Hòa")["x"] == ["2024"]  # 16/34, on the 34 provinces
    reported = raw[(raw.indicator == "post_radius_km") & (raw.unit_list == NEW)]
    assert trace(radius, "Tỉnh Khánh Hòa")["x"] == sorted(set(reported.period))
    for fig in (rank, radius):
        assert not any(d.get("name", "").startswith("Quy đổi") for d in fig["data"])
    captions = " ".join(cap.value for cap in at.caption)
    assert "Chỉ số và thứ hạng không quy đổi" in captions
    assert "không cộng được theo địa bàn nên không quy đổi" in captions


def test_overview_trend_marks_the_reform_between_its_two_lines():
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=120)
    at.query_params["trend"] = "hh_internet_pct"
    at.run()
    assert not at.exception
    fig = charts(at)[0]
    assert len(markers(fig)) == 1


def test_data_page_flags_converted_values_and_estimates():
    at = open_page("ui/pages/data.py", ind="bts_count", level="commune", period="2023-2026")
    assert not at.exception
    assert any("giá trị quy đổi qua thay đổi địa giới" in cap.value for cap in at.caption)
    table = at.dataframe[0].value.set_index(["Mã địa bàn", "Mã kỳ"])
    cam_lam, bac_nha_trang = table.loc[("22453", "2024")], table.loc[("22333", "2024")]
    assert cam_lam["Cách có số liệu"] == "Quy đổi qua thay đổi địa giới"
    assert cam_lam["Ước tính (thay đổi địa giới)"] == "Có"
    assert "chia đều" in cam_lam["Cách quy đổi"]
    assert cam_lam["Số liệu gốc theo"] == "Trước 1/7/2025"
    assert bac_nha_trang["Ước tính (thay đổi địa giới)"] == "Không"
    assert bac_nha_trang["Cách quy đổi"] == "Cộng các đơn vị cũ được nhập nguyên vẹn"
    reported = table.loc[("22453", "2025")]
    assert reported["Cách có số liệu"] == "Báo cáo" and reported["Cách quy đổi"] == ""

    # switched off (in the URL): only what was reported on the new units, no flag columns
    toggle = next(t for t in at.toggle if t.label == "Gồm số liệu quy đổi từ đơn vị cũ")
    at = toggle.set_value(False).run()
    assert at.query_params["conv"] in ("0", ["0"])
    plain = at.dataframe[0].value
    assert set(plain["Mã kỳ"]) == {"2025", "2026"}
    assert "Ước tính (thay đổi địa giới)" not in plain.columns


def test_exports_carry_the_conversion_flags(seeded_store, catalog):
    """The Data page's files: the same table, read back from CSV and XLSX."""
    with seeded_store.connect(read_only=True) as con:
        values = across_reform.converted_series(
            con, seeded_store.current_revision(), indicators=["bts_count"],
            refs=[RegionRef(NEW, "22453"), RegionRef(NEW, "22333")], unit_list=NEW,
        )  # fmt: skip
        units = con.execute("SELECT code, name, level FROM regions WHERE unit_list = '2025'").df()
    table = tables.data_table(values, catalog, units, "en")
    back = pd.read_csv(io.BytesIO(csv_bytes(table)), encoding="utf-8-sig", dtype=str)
    sheet = pd.read_excel(io.BytesIO(xlsx_bytes(table)), dtype=str)
    for got in (back, sheet):
        got = got.set_index(["Area code", "Period code"])
        assert got.loc[("22453", "2016"), "How obtained"] == "Converted across the boundary change"
        assert got.loc[("22453", "2016"), "Estimate (boundary change)"] == "Yes"
        assert got.loc[("22333", "2016"), "Estimate (boundary change)"] == "No"
        assert got.loc[("22333", "2016"), "Reported on"] == "Before 1 July 2025"
        assert got.loc[("22333", "2025"), "How obtained"] == "Reported"


def test_growth_is_not_computed_between_an_estimate_and_a_value_that_is_not_one():
    base = dict(indicator="x", unit_list=NEW, region="1", status="published")
    frame = pd.DataFrame(
        [
            {**base, "period": "2023", "value": 10.0, "estimate": True},
            {**base, "period": "2024", "value": 12.0, "estimate": True},
            {**base, "period": "2025", "value": 15.0, "estimate": False},
            {**base, "period": "2026", "value": 18.0, "estimate": False},
        ]
    )
    got = timeseries.add_growth(frame).set_index("period")["growth"]
    assert got["2024"] == pytest.approx(120) and got["2026"] == pytest.approx(120)
    assert pd.isna(got["2025"]) and pd.isna(got["2023"])


def test_methodology_lists_the_units_that_needed_apportioning(regions):
    at = open_section(open_page("ui/pages/methodology.py"), "reform")
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "chia đều" in text and "Ước tính (thay đổi địa giới)" in text
    shown = at.dataframe[0].value
    expected = crosswalk.apportioned_units(regions)["new_code"].nunique()
    assert len(shown) == expected and "Xã Cam Lâm" in set(shown.iloc[:, 0])
