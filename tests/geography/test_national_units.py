"""The country as a unit: an install whose home is the whole country ("Cả nước") has it above
every province, only when its settings.toml asks for it.

The national example (data/national/settings.toml) names the country as its home in both unit
lists and loads every province of the 2025 list with `province_codes = ["*"]`: the 2025 list
then holds the country, its 34 provinces and their 3,321 communes; the legacy list the country
and its 63 provinces, nothing below them.
"""

from __future__ import annotations

import pytest

from indicators.core.i18n import WordedError
from indicators.core.settings import COUNTRY, DEFAULT_DATA_DIR, REPO_ROOT, load_settings
from indicators.geography.units import LEGACY, NEW, build_regions, province_codes
from indicators.store.tables import _ancestors

NATIONAL = REPO_ROOT / "data" / "national"


@pytest.fixture(scope="module")
def national():
    return build_regions(load_settings(NATIONAL).region_sources)


def test_the_national_example_has_the_country_above_every_province(national):
    counts = national.groupby(["unit_list", "level"]).size().to_dict()
    assert counts == {
        (NEW, "country"): 1,
        (NEW, "province"): 34,
        (NEW, "commune"): 3_321,
        (LEGACY, "country"): 1,
        (LEGACY, "province"): 63,
    }
    provinces = national[national["level"] == "province"]
    assert (provinces["parent_code"] == COUNTRY).all()
    assert not national.duplicated(["unit_list", "code"]).any()
    # every unit is the install's own: the country's provinces are not "other provinces"
    assert not national.loc[national["unit_list"] == NEW, "national"].any()


def test_the_country_row_sits_at_the_middle_of_vietnam(national):
    country = national[(national["unit_list"] == NEW) & (national["level"] == "country")].iloc[0]
    assert (country["code"], country["name"], country["parent_code"]) == ("VN", "Cả nước", None)
    assert 15 < country["lat"] < 17 and 105 < country["lon"] < 107  # about Quảng Trị–Huế
    assert 320_000 < country["area_km2"] < 335_000  # the communes' areas summed (331,000 km²)
    first = national[national["unit_list"] == NEW].iloc[0]
    assert first["level"] == "country"  # listed first, as the pages offer it


def test_every_unit_of_the_country_has_it_as_its_ancestor(national):
    anc = _ancestors(national)
    to_country = anc[anc["ancestor_level"] == "country"]
    assert set(to_country["ancestor"]) == {COUNTRY}
    assert to_country.groupby("unit_list").size().to_dict() == {NEW: 34 + 3_321, LEGACY: 63}
    commune = to_country[to_country["code"] == "22333"].iloc[0]  # Phường Bắc Nha Trang
    # levels below the country, counted as the lists name them (district, commune: 2 below a
    # province even where the 2025 list has no districts)
    assert (commune["unit_list"], commune["depth"]) == (NEW, 3)
    province = to_country[to_country["code"] == "56"]
    assert province["depth"].tolist() == [1, 1]  # Khánh Hòa in each list


def test_every_province_written_out_is_the_same_as_the_shorthand(national):
    listed = build_regions(((NEW, (COUNTRY, *province_codes(NEW))), (LEGACY, (COUNTRY,))))
    assert listed.equals(national)


def test_a_province_install_has_no_country():
    units = build_regions(load_settings(DEFAULT_DATA_DIR).region_sources)
    assert "country" not in set(units["level"])
    assert units.loc[units["level"] == "province", "parent_code"].isna().all()
    assert not (_ancestors(units)["ancestor_level"] == "country").any()


def _settings_text(units: str, sources: str) -> str:
    return (
        '[organisation]\nname_vi = "Bộ"\nname_en = "Ministry"\n'
        f'[province]\nname_vi = "Cả nước"\nname_en = "Viet Nam"\nunits = [{units}]\n{sources}'
    )


def test_the_country_comes_only_from_the_home_in_settings(tmp_path):
    country = '{ unit_list = "2025", code = "VN" }'
    every = '[[region_sources]]\nunit_list = "2025"\nprovince_codes = ["*"]\n'
    (tmp_path / "settings.toml").write_text(_settings_text(country, every), encoding="utf-8")
    settings = load_settings(tmp_path)
    assert settings.whole_country
    assert settings.region_sources == ((NEW, (COUNTRY, "*")),)
    units = build_regions(settings.region_sources, national=False)
    assert units.groupby("level").size().to_dict() == {
        "country": 1,
        "province": 34,
        "commune": 3_321,
    }
    # the same provinces with a province as the home: no country above them
    home = '{ unit_list = "2025", code = "56" }'
    (tmp_path / "settings.toml").write_text(_settings_text(home, every), encoding="utf-8")
    settings = load_settings(tmp_path)
    assert not settings.whole_country and settings.region_sources == ((NEW, ("*",)),)
    assert "country" not in set(build_regions(settings.region_sources)["level"])


def test_the_shorthand_stands_alone(tmp_path):
    mixed = '[[region_sources]]\nunit_list = "2025"\nprovince_codes = ["*", "56"]\n'
    text = _settings_text('{ unit_list = "2025", code = "VN" }', mixed)
    (tmp_path / "settings.toml").write_text(text, encoding="utf-8")
    with pytest.raises(WordedError) as refused:
        load_settings(tmp_path)
    assert refused.value.rule == "national.all_alone"
    assert "“*”" in str(refused.value) and "write “*” alone" in str(refused.value)
