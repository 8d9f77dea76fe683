"""The six socio-economic regions as configuration data: the bundled file groups all 63 old and
34 new provinces as the national master plan does, each new province's region follows from the
old provinces it joined, and a file that misses or doubles a province is refused by name."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest

from indicators.core.i18n import WordedError
from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.geography.crosswalk import national_crosswalk
from indicators.geography.provinces import all_provinces
from indicators.geography.socio_regions import load_socio_regions, split_provinces
from indicators.geography.units import LEGACY, NEW

BUNDLED = DEFAULT_DATA_DIR / "socio_economic_regions.csv"


@pytest.fixture(scope="module")
def socio():
    return load_socio_regions(BUNDLED)


def short_names(unit_list: str, codes: list[str]) -> set[str]:
    names = all_provinces().set_index(["unit_list", "code"])["short_name"]
    return {names[(unit_list, c)] for c in codes}


def test_the_63_provinces_fall_into_the_six_regions_of_the_master_plan(socio):
    old = socio.of_list(LEGACY)
    assert len(old) == 63
    # Nghị quyết 81/2023/QH15: 14, 11, 14, 5, 6 and 13 provinces, north to south.
    assert Counter(old["region_code"]) == {
        "TDMNPB": 14, "DBSH": 11, "BTBDHMT": 14, "TN": 5, "DNB": 6, "DBSCL": 13,
    }  # fmt: skip
    assert socio.codes() == ["TDMNPB", "DBSH", "BTBDHMT", "TN", "DNB", "DBSCL"]
    assert short_names(LEGACY, socio.members(LEGACY, "TN")) == {
        "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng",
    }  # fmt: skip
    assert socio.region_of(LEGACY, "56") == socio.region_of(LEGACY, "58") == "BTBDHMT"
    assert socio.name("BTBDHMT", "vi") == "Bắc Trung Bộ và duyên hải miền Trung"
    assert socio.name("DBSCL", "en") == "Mekong River Delta"
    assert all("81/2023/QH15" in s and "http" in s for s in old["source"])


def test_each_new_province_takes_the_region_of_the_old_province_whose_name_it_keeps(socio):
    new = socio.of_list(NEW)
    assert len(new) == 34
    names = all_provinces().set_index(["unit_list", "code"])["short_name"]
    joined = national_crosswalk().groupby("new_province_code")["old_province_code"].unique()
    for row in new.itertuples():
        same = [
            c
            for c in joined[row.province_code]
            if names[(LEGACY, c)] == names[(NEW, row.province_code)]
        ]
        assert len(same) == 1, row.province_code
        assert row.region_code == socio.region_of(LEGACY, same[0]), row.province_code
        assert row.source.startswith("derived from")
    assert socio.region_of(NEW, "56") == "BTBDHMT"  # Khánh Hòa + Ninh Thuận, one region
    assert socio.region_of(NEW, "24") == "DBSH"  # Bắc Ninh (Bắc Ninh DBSH + Bắc Giang TDMNPB)
    assert socio.region_of(NEW, "68") == "TN"  # Lâm Đồng (+ Đắk Nông TN, Bình Thuận BTBDHMT)
    split = dict(split_provinces(socio))
    assert set(split) == {"24", "25", "51", "52", "66", "68", "80"}
    assert short_names(LEGACY, split["80"]) == {"Tây Ninh", "Long An"}


def test_settings_name_another_file_or_fall_back_to_the_bundled_one(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    text = (DEFAULT_DATA_DIR / "settings.toml").read_text(encoding="utf-8")
    (folder / "settings.toml").write_text(text, encoding="utf-8")
    assert load_settings(folder).socio_regions_file == BUNDLED  # the folder has none
    shutil.copy(BUNDLED, folder / "socio_economic_regions.csv")
    assert load_settings(folder).socio_regions_file == folder / "socio_economic_regions.csv"
    text += '\n[provinces]\nregions_file = "vung.csv"\n'
    (folder / "settings.toml").write_text(text, encoding="utf-8")
    assert load_settings(folder).socio_regions_file == folder / "vung.csv"
    with pytest.raises(WordedError, match=r"vung\.csv"):
        load_socio_regions(folder / "vung.csv")


def write(tmp_path, drop: str | None = None, extra: str | None = None):
    lines = BUNDLED.read_text(encoding="utf-8").splitlines()
    if drop:
        lines = [line for line in lines if not line.startswith(drop)]
    if extra:
        lines.append(extra)
    path = tmp_path / "regions.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_file_missing_a_province_names_it(tmp_path):
    with pytest.raises(WordedError, match=r"2025.*56") as err:
        load_socio_regions(write(tmp_path, drop="2025,56,"))
    assert err.value.rule == "prov.regions_without"


def test_a_province_in_two_regions_is_refused(tmp_path):
    path = write(tmp_path, extra="legacy,56,TN,Tây Nguyên,Central Highlands,typed by hand")
    with pytest.raises(WordedError) as err:
        load_socio_regions(path)
    assert err.value.rule == "prov.regions_twice" and "legacy:56" in str(err.value)


def test_a_code_no_list_has_is_refused(tmp_path):
    path = write(tmp_path, extra="2025,58,BTBDHMT,Bắc Trung Bộ,North Central,old code")
    with pytest.raises(WordedError) as err:
        load_socio_regions(path)
    assert err.value.rule == "prov.regions_unknown" and "58" in str(err.value)
