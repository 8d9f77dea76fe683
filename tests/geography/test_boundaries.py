"""Boundary files: a good GeoJSON is read unit by unit; a bad one is refused with every reason."""

from __future__ import annotations

import json
import shutil

import pytest

from indicators.core.problems import DataError
from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.geography.boundaries import load_boundaries, located, parse_boundaries


def square(lon: float, lat: float, half: float = 0.02) -> list[list[float]]:
    return [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
    ]


def feature(code, lon, lat, **props) -> dict:
    return {
        "type": "Feature",
        "properties": {"code": code, **props},
        "geometry": {"type": "Polygon", "coordinates": [square(lon, lat)]},
    }


def collection(*features) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


@pytest.fixture(scope="module")
def new_communes(regions):
    return regions[(regions.unit_list == "2025") & (regions.level == "commune")]


def test_a_boundary_file_gives_each_unit_its_outer_rings(tmp_path, new_communes):
    first, second = new_communes.iloc[0], new_communes.iloc[1]
    multi = {
        "type": "Feature",
        "properties": {"code": int(second.code), "unit_list": "2025"},  # numbers are read too
        "geometry": {
            "type": "MultiPolygon",
            "coordinates": [[square(second.lon, second.lat)], [square(second.lon + 0.1, 12.0)]],
        },
    }
    path = tmp_path / "b.geojson"
    path.write_text(json.dumps(collection(feature(first.code, first.lon, first.lat), multi)))
    b = load_boundaries(path, unit_list="2025", known_codes=new_communes.code)
    assert set(b.shapes) == {first.code, second.code}
    lons, lats = b.rings(first.code)[0]
    assert len(lons) == 4  # the closing point is dropped; the map closes the ring itself
    assert min(lons) == pytest.approx(first.lon - 0.02) and max(lats) == pytest.approx(
        first.lat + 0.02
    )
    assert len(b.rings(second.code)) == 2 and b.rings("99999") == []
    assert b.source == "b.geojson" and b.warnings == []


def test_codes_outside_the_unit_list_are_warned_about_and_not_drawn(new_communes):
    known = new_communes.iloc[0]
    b = parse_boundaries(
        collection(feature(known.code, known.lon, known.lat), feature("00001", 109, 12)),
        unit_list="2025",
        known_codes=new_communes.code,
    )
    assert list(b.shapes) == [known.code]
    assert [(w.row, w.value, w.severity) for w in b.warnings] == [(2, "00001", "warning")]


def test_every_problem_is_listed_with_its_feature_number(new_communes):
    code = new_communes.iloc[0].code
    no_code = {"type": "Feature", "properties": {"name": "x"}, "geometry": None}
    other_list = feature(code, 109, 12, unit_list="legacy")
    projected = feature(code, 0, 0)
    projected["geometry"]["coordinates"] = [square(598000, 1354000, 500)]  # VN-2000 metres
    a_point = {"type": "Feature", "properties": {"code": code}, "geometry": {"type": "Point"}}
    with pytest.raises(DataError) as err:
        parse_boundaries(
            collection(no_code, other_list, projected, a_point),
            unit_list="2025",
            known_codes=new_communes.code,
            source="ranh-gioi.geojson",
        )
    probs = err.value.problems
    assert [(p.row, p.column) for p in probs] == [
        (1, "code"),
        (2, "unit_list"),
        (3, "geometry"),
        (4, "geometry"),
    ]
    assert "thiếu thuộc tính mã đơn vị 'code'" in probs[0].reason_vi
    assert "WGS 84" in probs[2].reason_en and "VN-2000" in probs[2].reason_vi
    assert "Polygon" in probs[3].reason_en
    assert [p.rule for p in probs] == ["no_code", "other_unit_list", "not_wgs84", "bad_geometry"]
    assert str(err.value).startswith("ranh-gioi.geojson: 4 lỗi")


def test_a_file_that_is_not_geojson_is_refused(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    with pytest.raises(DataError, match="JSON"):
        load_boundaries(bad, unit_list="2025", known_codes=[])
    with pytest.raises(DataError, match="FeatureCollection"):
        parse_boundaries({"type": "Feature"}, unit_list="2025", known_codes=[])
    with pytest.raises(DataError, match="does not exist"):
        load_boundaries(tmp_path / "missing.geojson", unit_list="2025", known_codes=[])


def test_the_code_property_is_configurable(new_communes):
    unit = new_communes.iloc[0]
    f = feature(None, unit.lon, unit.lat, ma_xa=unit.code)
    b = parse_boundaries(
        collection(f), unit_list="2025", known_codes=new_communes.code, code_property="ma_xa"
    )
    assert list(b.shapes) == [unit.code]


def test_settings_name_a_boundary_file_per_unit_list(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, folder)
    assert load_settings(folder).boundary_file("2025") is None  # the default ships none
    text = (folder / "settings.toml").read_text(encoding="utf-8")
    text = text.replace(
        '# "2025" = "boundaries-2025.geojson"', '"2025" = "maps/boundaries-2025.geojson"'
    ).replace('code_property = "code"', 'code_property = "ma_xa"')
    (folder / "settings.toml").write_text(text, encoding="utf-8")
    s = load_settings(folder)
    assert s.boundary_file("2025") == folder / "maps" / "boundaries-2025.geojson"
    assert s.boundary_file("legacy") is None
    assert s.boundary_code_property == "ma_xa"


def test_units_placed_at_the_province_centroid_have_no_place_of_their_own(regions):
    old = regions[regions.unit_list == "legacy"]
    provinces = old[old.level == "province"]
    communes = old[old.level == "commune"].reset_index(drop=True)
    placed = located(communes, zip(provinces.lat, provinces.lon, strict=True))
    assert sorted(communes.loc[~placed, "name"]) == [
        "Thị trấn Trường Sa",
        "Xã Sinh Tồn",
        "Xã Song Tử Tây",
    ]
