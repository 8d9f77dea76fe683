"""The pages of the national example install (data/national/: the country as the home, its 34
provinces and their 3,321 communes, illustrative figures for 2025 and 2026), as a ministry's
reader opens them in either language.

The Overview shows the country's figures (summed from its provinces: ratios from their
numerators and denominators) and ranks the provinces; the Regions page looks inside the
country, ranks its 34 provinces, and drills into one province's communes.
"""

from __future__ import annotations

import json

import pytest

from indicators.core.catalog import load_catalog
from indicators.core.settings import REPO_ROOT, settings
from indicators.present import chart_spec
from indicators.query import read
from indicators.service import open_store
from tests.pages.apptest import METHOD_SECTIONS, app_data_at, open_page, open_section

NATIONAL = REPO_ROOT / "data" / "national"
HEADING = {None: "Chỉ số CNTT-TT cả nước", "en": "Viet Nam ICT indicators"}
LANGS = list(HEADING)


@pytest.fixture(scope="module")
def country(tmp_path_factory):
    """The app on the national example folder, with a store of its own; the country's 2026
    households-with-internet figure as the store answers it (checked by hand in
    tests/query/test_national_rollup.py)."""
    db = tmp_path_factory.mktemp("national-pages") / "national.duckdb"
    with app_data_at(NATIONAL, db):
        store = open_store(settings())
        with store.connect(read_only=True) as con:
            found = read.latest(
                con,
                store.current_revision(),
                indicators=["hh_internet_pct"],
                unit_list="2025",
                region="VN",
            )
        yield float(found["value"].iloc[0])


def charts(at) -> list[dict]:
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def bars(chart: dict) -> list[str]:
    """The names on a ranking's bars, best first (the gap row of a long ranking included)."""
    return [name for trace in chart["data"] for name in trace.get("y", [])]


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_shows_the_country_and_ranks_its_provinces(country, lang):
    at = open_page("ui/pages/overview.py", lang=lang)
    assert not at.exception and not at.error
    assert at.title[0].value == HEADING[lang]
    assert at.warning  # illustrative figures, said above the cards
    value = f"{country:.1f}".replace(".", "," if lang is None else ".")
    metrics = [m.value for m in at.metric]
    assert f"{value}%" in metrics  # households with internet, the country, 2026
    ranking = charts(at)[1]  # beside the trend
    assert len(bars(ranking)) == 34  # every province, none of the 3,321 communes
    assert "Tỉnh Khánh Hòa" in bars(ranking)
    sub = ranking["layout"]["title"]["subtitle"]["text"]
    assert ("Cả nước" if lang is None else "Viet Nam") in sub  # the line the provinces meet


@pytest.mark.parametrize("lang", LANGS)
def test_regions_ranks_the_provinces_then_drills_into_one(country, lang):
    at = open_page("ui/pages/regions.py", lang=lang)
    assert not at.exception and not at.error
    unit = at.selectbox[1]
    assert unit.value == "VN" and unit.options[0] == ("Cả nước" if lang is None else "Viet Nam")
    assert len(unit.options) == 35  # the country and its 34 provinces
    ranking, bubbles, heatmap = charts(at)
    assert len(bars(ranking)) == 34 and bars(ranking)[0].startswith(("Tỉnh", "Thành phố"))
    placed = [p[0] for t in bubbles["data"] if t["mode"] == "markers" for p in t["customdata"]]
    assert len(set(placed)) == 34  # each province a point on the map
    assert len(heatmap["data"][0]["y"]) == 34

    at = unit.set_value("56").run()  # Khánh Hòa, as a click on its bar does
    assert not at.exception and not at.error
    ranking = charts(at)[0]
    assert "Tỉnh Khánh Hòa" in " ".join(c.value for c in at.caption)
    assert len(bars(ranking)) == 10 + 1 + 20  # 65 communes: the best, a gap row, the worst
    up = "Cả nước" if lang is None else "Viet Nam"
    assert any(up in b.label for b in at.button)  # back up to the country
    assert at.query_params["unit"] in ("56", ["56"])


def test_a_link_opens_a_province_s_communes(country):
    at = open_page("ui/pages/regions.py", unit="56", indicator="post_commune_pct")
    assert not at.exception and not at.error
    assert at.selectbox[1].value == "56"
    assert at.radio(key=next(k for k in at.session_state if "level" in k)).value == "commune"


@pytest.mark.parametrize("page", ["trends", "provinces", "briefing", "data", "methodology"])
def test_the_other_pages_open_on_the_national_install(country, page):
    for lang in LANGS:
        at = open_page(f"ui/pages/{page}.py", lang=lang)
        assert not at.exception and not at.error, (page, lang)
        for section in METHOD_SECTIONS if page == "methodology" else ():  # each tab, opened
            at = open_section(at, section)
            assert not at.exception and not at.error, (page, lang, section)


def test_the_current_year_deck_ranks_the_provinces(tmp_path):
    """The briefing's current-year set ranks the 34 provinces below the country (as a
    province's ranks its communes), and each such chart builds with its caption."""
    with app_data_at(NATIONAL, tmp_path / "national.duckdb"):
        cfg = settings()
        catalog = load_catalog(cfg.data_dir / "catalog.csv")
        store = open_store(cfg)
        rev = store.current_revision()
        with store.connect(read_only=True) as con:
            specs = chart_spec.preset("current_year", con, rev, catalog=catalog, settings=cfg)
            ranked = [s for s in specs if s.kind == "ranking"]
            assert ranked and all(s.level == "province" and s.regions == ("VN",) for s in ranked)
            chart = chart_spec.build(con, ranked[0], catalog=catalog, rev=rev, lang="vi")
    assert "tỉnh, thành phố" in chart.caption
