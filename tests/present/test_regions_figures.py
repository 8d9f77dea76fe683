"""Regions figures (map, heatmap, drill-down ranking) show the store's numbers, and show missing
numbers as missing."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.colors as pc
import pytest

from indicators.geography.boundaries import located, parse_boundaries
from indicators.present.figures import heatmap_figure, map_figure, ranking_figure
from indicators.present.figures.scale import colour_of
from indicators.present.palette import NO_DATA_FILL
from indicators.query import read

IND = "hh_internet_pct"


def view(store, unit_list: str, parent: str, level: str, indicator: str = IND):
    """The units of one view and all their values, as the page fetches them."""
    with store.connect(read_only=True) as con:
        units = read.units_below(con, unit_list=unit_list, parent=parent, level=level)
        values = read.values_below(
            con, 1, indicator=indicator, unit_list=unit_list, parent=parent, level=level
        )
        places = read.units(con, unit_list)
    provinces = places[places.level == "province"]
    units["located"] = located(units, zip(provinces.lat, provinces.lon, strict=True))
    return units, values


def at(units: pd.DataFrame, values: pd.DataFrame, period: str) -> pd.DataFrame:
    keep = ["region", "value", "status", "source"]
    return units.merge(values.loc[values.period == period, keep], on="region", how="left")


def colours(fig) -> dict[str, float]:
    """Unit code -> the value its coloured marker carries."""
    out = {}
    for tr in fig.data:
        if tr.marker is not None and tr.marker.coloraxis == "coloraxis" and tr.customdata:
            out.update({cd[0]: v for cd, v in zip(tr.customdata, tr.marker.color, strict=True)})
    return out


def sub(fig) -> str:
    """The subtitle as one line (the frame wraps it)."""
    return fig.layout.title.subtitle.text.replace("<br>", " ")


def hollow(fig) -> dict[str, tuple[float, float]]:
    return {
        cd[0]: (x, y)
        for tr in fig.data
        if tr.marker is not None and tr.marker.symbol == "circle-x-open"
        for cd, x, y in zip(tr.customdata, tr.x, tr.y, strict=True)
    }


def test_map_colours_each_commune_by_the_store_value_and_leaves_gaps_hollow(seeded_store, catalog):
    units, values = view(seeded_store, "2025", "56", "commune")
    now = at(units, values, "2026")
    gone = now.region.iloc[:3].tolist()
    now.loc[now.region.isin(gone), "value"] = None  # three communes that did not report
    fig = map_figure(
        now, catalog[IND], period_label="2026", level_label="Cấp xã", place_name="Khánh Hòa",
        revision=1, lang="vi",
    )  # fmt: skip
    stored = values[values.period == "2026"].set_index("region")["value"]
    shown = colours(fig)
    assert shown == pytest.approx(stored.drop(gone).to_dict())
    assert set(hollow(fig)) == set(gone)  # no data is drawn hollow grey, never as zero
    names = units.set_index("region").loc[gone, "short_name"]
    assert all(n in sub(fig) for n in names)
    assert "Không có số liệu" in [tr.name for tr in fig.data if tr.showlegend]
    assert fig.layout.coloraxis.cmin == pytest.approx(stored.drop(gone).min())
    assert fig.layout.coloraxis.cmax == pytest.approx(stored.drop(gone).max())
    # Offline and exportable: plain SVG scatter traces on cartesian axes, no tiles, no WebGL.
    assert {tr.type for tr in fig.data} == {"scatter"}
    assert fig.layout.xaxis.scaleanchor == "y" and 0.97 < fig.layout.xaxis.scaleratio < 0.99
    assert fig.layout.separators == ",."
    hover = next(tr for tr in fig.data if tr.customdata and tr.marker.coloraxis)
    assert any("," in cd[2] and cd[2].endswith("%") for cd in hover.customdata)
    footer = fig.layout.annotations[0].text
    assert "Phiên bản dữ liệu 1" in footer and "minh họa" in footer


def test_the_truong_sa_special_zone_goes_into_an_inset(seeded_store, catalog):
    units, values = view(seeded_store, "2025", "56", "commune")
    fig = map_figure(
        at(units, values, "2025"), catalog[IND], period_label="2025", level_label="Commune",
        place_name="Khánh Hòa", revision=1, lang="en",
    )  # fmt: skip
    inset = [tr for tr in fig.data if tr.xaxis == "x2" and tr.customdata]
    assert [cd[1] for tr in inset for cd in tr.customdata] == ["Đặc khu Trường Sa"]
    assert max(fig.layout.xaxis.range) < 110  # the islands do not stretch the mainland
    assert "Outside the map frame" in [a.text for a in fig.layout.annotations]


def test_old_units_without_a_centroid_of_their_own_are_named_not_misplaced(seeded_store, catalog):
    units, values = view(seeded_store, "legacy", "56", "district")
    fig = map_figure(
        at(units, values, "2020"), catalog[IND], period_label="2020", level_label="District",
        place_name="Khánh Hòa", revision=1, lang="en",
    )  # fmt: skip
    assert "576" not in colours(fig) and "576" not in hollow(fig)
    assert len(colours(fig)) == 8
    assert "No position of its own on the map: Trường Sa" in sub(fig)


def test_with_a_boundary_file_the_map_fills_each_unit(seeded_store, catalog):
    units, values = view(seeded_store, "2025", "56", "commune")
    now = at(units, values, "2026")
    some = now[now.region.isin(["22333", "22366", "22390", "22402"])].copy()
    feats = [
        {
            "type": "Feature",
            "properties": {"code": r.region, "unit_list": "2025"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [
                        [r.lon - 0.01, r.lat - 0.01],
                        [r.lon + 0.01, r.lat - 0.01],
                        [r.lon + 0.01, r.lat + 0.01],
                        [r.lon - 0.01, r.lat + 0.01],
                        [r.lon - 0.01, r.lat - 0.01],
                    ]
                ],
            },
        }
        for r in some.itertuples()
    ]
    shapes = parse_boundaries(
        {"type": "FeatureCollection", "features": feats},
        unit_list="2025",
        known_codes=units.region,
        source="ranh-gioi-thu.geojson",
    )
    some.loc[some.region == "22402", "value"] = None
    ind = catalog[IND]
    fig = map_figure(
        some, ind, period_label="2026", level_label="Cấp xã", place_name="Nha Trang",
        revision=1, lang="vi", boundaries=shapes,
    )  # fmt: skip
    polygons = {tr.name: tr for tr in fig.data if tr.fill == "toself"}
    by_name = some.set_index("short_name")
    assert set(polygons) == set(by_name.index)
    lo, hi = fig.layout.coloraxis.cmin, fig.layout.coloraxis.cmax
    for name, tr in polygons.items():
        r = by_name.loc[name]
        xs = [x for x in tr.x if x is not None]
        assert min(xs) == pytest.approx(r.lon - 0.01) and max(xs) == pytest.approx(r.lon + 0.01)
        if pd.isna(r.value):
            assert tr.fillcolor == NO_DATA_FILL and tr.fillpattern.shape == "/"
        else:
            assert tr.fillcolor == colour_of(r.value, lo, hi, ind)
    assert "ranh giới: ranh-gioi-thu.geojson" in sub(fig)
    assert colours(fig) == pytest.approx(by_name.dropna(subset=["value"]).set_index("region")[
        "value"].to_dict())  # fmt: skip


def _grey(colour: str) -> float:
    """The grey a printer makes of a colour (ITU-R BT.601 luma), 0 black to 1 white."""
    r, g, b = pc.unlabel_rgb(colour)
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255


@pytest.mark.parametrize("code", ["hh_internet_pct", "post_pop_per_point"])
def test_the_scale_reads_in_greyscale_and_dark_means_lagging(catalog, code):
    ind = catalog[code]
    steps = [colour_of(v, 0, 100, ind) for v in range(0, 101, 10)]
    light = [_grey(c) for c in steps]
    better = light if ind.higher_is_better else light[::-1]
    assert better == sorted(better) and better[-1] - better[0] > 0.5


def test_heatmap_holds_every_unit_and_period_of_the_store(seeded_store, catalog):
    units, values = view(seeded_store, "legacy", "56", "district")
    periods = sorted(values.period.unique())
    fig = heatmap_figure(
        units, values, catalog[IND], periods=periods, level_label="District",
        place_name="Khánh Hòa", revision=1, lang="en",
    )  # fmt: skip
    heat = fig.data[0]
    assert list(heat.x) == periods == [str(y) for y in range(2016, 2025)]
    names = units.set_index("region")["name"]
    expected = values.pivot(index="region", columns="period", values="value")
    expected.index = expected.index.map(names)
    got = pd.DataFrame(np.array(heat.z, dtype=float), index=list(heat.y), columns=periods)
    pd.testing.assert_frame_equal(got, expected.loc[got.index, periods], check_names=False)
    latest = got["2024"].tolist()
    assert latest == sorted(latest, reverse=True)  # best first, like the ranking
    assert heat.text[0][0].endswith("%") and "." in "".join(heat.text[0])  # 63.9% in English
    assert fig.layout.separators == ".,"
    assert not fig.data[1].x  # no gaps, no crosses


def test_heatmap_marks_gaps_and_sorts_units_without_the_latest_value_last(seeded_store, catalog):
    units, values = view(seeded_store, "2025", "56", "commune")
    gone = units.region.iloc[0]
    values = values[~((values.region == gone) & (values.period == "2026"))]
    fig = heatmap_figure(
        units, values, catalog[IND], periods=["2025", "2026"], level_label="Cấp xã",
        place_name="Khánh Hòa", revision=1, lang="vi",
    )  # fmt: skip
    name = units.set_index("region").loc[gone, "name"]
    assert fig.data[0].y[-1] == name
    assert np.isnan(fig.data[0].z[-1][1]) and not np.isnan(fig.data[0].z[-1][0])
    crosses = fig.data[1]
    assert list(zip(crosses.x, crosses.y, strict=True)) == [("2026", name)]
    assert crosses.name == "Không có số liệu" and crosses.showlegend
    assert "✕: không có số liệu (1 ô)" in sub(fig)


def test_a_single_period_and_no_data_at_all_still_make_sensible_figures(seeded_store, catalog):
    units, values = view(seeded_store, "2025", "56", "commune")
    ind = catalog[IND]
    one = heatmap_figure(
        units, values, ind, periods=["2026"], level_label="Commune", place_name="Khánh Hòa",
        revision=1, lang="en",
    )  # fmt: skip
    assert list(one.data[0].x) == ["2026"] and one.layout.title.text.endswith(", 2026")
    empty = values.iloc[0:0]
    none = heatmap_figure(
        units, empty, ind, periods=["2026"], level_label="Commune", place_name="Khánh Hòa",
        revision=1, lang="en",
    )  # fmt: skip
    assert np.isnan(np.array(none.data[0].z, dtype=float)).all()
    assert len(none.data[1].x) == len(units)  # every cell says "no data"
    blank = at(units, empty, "2026")
    fig = map_figure(
        blank, ind, period_label="2026", level_label="Commune", place_name="Khánh Hòa",
        revision=1, lang="en",
    )  # fmt: skip
    assert colours(fig) == {} and len(hollow(fig)) == len(units)
    assert "No data:" in sub(fig)
    assert "furthest behind" not in sub(fig)
    bars = ranking_figure(
        blank, ind, period_label="2026", level_label="Commune", province_value=None,
        revision=1, lang="en",
    )  # fmt: skip
    assert len(bars.data[0].x) == 0 and "No data:" in sub(bars)


def test_ranking_bars_carry_unit_codes_and_name_the_district_drilled_into(seeded_store, catalog):
    units, values = view(seeded_store, "legacy", "570", "commune")
    now = at(units, values, "2020")
    with seeded_store.connect(read_only=True) as con:
        own = read.resolved_values(
            con, 1, indicators=[IND], unit_list="legacy", regions=["570"], periods=["2020"]
        )
    fig = ranking_figure(
        now, catalog[IND], period_label="2020", level_label="Cấp xã",
        province_value=float(own.value.iloc[0]), revision=1, lang="vi",
        parent_label="Huyện Cam Lâm",
    )  # fmt: skip
    bar = fig.data[0]
    codes = dict(zip(now.name, now.region, strict=True))
    assert [cd[0] for cd in bar.customdata] == [codes[n] for n in bar.y]
    assert dict(zip(bar.y, bar.x, strict=True)) == pytest.approx(
        now.set_index("name")["value"].to_dict()
    )
    assert "màu cam: thấp hơn Huyện Cam Lâm" in sub(fig)
    assert f"{len(now)} đơn vị cấp xã" in sub(fig)


def test_a_zero_shows_its_number_and_a_long_title_wraps_for_half_the_page(seeded_store, catalog):
    units, values = view(seeded_store, "legacy", "574", "commune", "post_commune_pct")
    now = at(units, values, "2020")
    zero = now[now.value == 0]
    assert len(zero) == 1  # the one commune without a post point in 2020 (131 of 132)
    fig = ranking_figure(
        now, catalog["post_commune_pct"], period_label="2020", level_label="Commune",
        province_value=94.1, revision=1, lang="en", parent_label="Huyện Diên Khánh",
    )  # fmt: skip
    bar = fig.data[0]
    i = list(bar.y).index(zero.name.iloc[0])
    assert bar.text[i] == "0%" and bar.textposition[i] == "outside"
    assert bar.textposition[0] == "inside"
    assert "<br>" in fig.layout.title.text  # a 60-character name does not run off the image
    assert fig.layout.title.text.replace("<br>", " ") == (
        "Communes with a post office or commune cultural post office, 2020"
    )


def test_the_map_names_only_units_that_lag_behind_the_best(seeded_store, catalog):
    units, values = view(seeded_store, "legacy", "574", "commune", "post_commune_pct")
    now = at(units, values, "2020")
    fig = map_figure(
        now, catalog["post_commune_pct"], period_label="2020", level_label="Commune",
        place_name="Huyện Diên Khánh", revision=1, lang="en",
    )  # fmt: skip
    named = [x for tr in fig.data if tr.mode == "text" for x in tr.text]
    assert named == now.loc[now.value < 100, "short_name"].tolist() == ["Diên Lạc"]
    assert "named: the 1 furthest behind" in sub(fig)
