"""Slide captions say what the store says: first and last value, change, rank, target, leader.

Every expected number is read back from the store (`read.resolved_values`, the pages' own
question, which is not the path a caption takes through the trend roll-up) and written out here
by hand in each language's convention: Vietnamese 95,0% and 5.820, English 95.0% and 5,820,
always with the indicator's decimals.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from indicators.core.periods import parse_period
from indicators.core.settings import RegionRef
from indicators.geography.units import LEGACY
from indicators.ingest.bundled import load_observations, load_targets
from indicators.present import chart_spec
from indicators.present.captions import ranking_caption
from indicators.present.chart_spec import ChartSpec
from indicators.query import read
from indicators.store.revisions import Store

LANGS = ("vi", "en")
NEW = "2025"
PROVINCE = "56"
THANH_HOA = "38"  # a province of the national level with four published DTI ranks
NBSP = "\u00a0"
MINUS = "\u2212"


# --- helpers: numbers as a reader expects them, and the store's own values --------------------


def shown(value: float, decimals: int, lang: str, suffix: str = "") -> str:
    """95.04 → '95,0' (vi) / '95.0' (en), thousands '5.820' / '5,820'."""
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.translate(str.maketrans(",.", ".,"))
    return text + suffix


def signed(delta: float, decimals: int, lang: str, suffix: str = "") -> str:
    delta = round(delta, decimals)
    sign = "+" if delta > 0 else (MINUS if delta < 0 else "±")
    return sign + shown(abs(delta), decimals, lang, suffix)


def points(first: float, last: float, decimals: int, lang: str) -> str:
    """A change in percentage points between two values as shown, unit glued to the number."""
    unit = "điểm %" if lang == "vi" else "pp"
    delta = round(last, decimals) - round(first, decimals)
    return signed(delta, decimals, lang) + NBSP + unit.replace(" ", NBSP)


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


def region_in_sentence(store: Store, unit_list: str, code: str, lang: str) -> str:
    """'Tỉnh Khánh Hòa' as the caption's sentence has it: 'tỉnh Khánh Hòa' in Vietnamese,
    'Khánh Hòa province' in English."""
    name = unit_name(store, unit_list, code)
    if lang == "en":
        return name.replace("Tỉnh ", "") + " province" if name.startswith("Tỉnh ") else name
    return name[0].lower() + name[1:]


def unit_name(store: Store, unit_list: str, code: str) -> str:
    with store.connect(read_only=True) as con:
        units = read.units(con, unit_list)
    return units.set_index("code").loc[code, "name"]


def values(store: Store, code: str, unit_list: str, region: str, periods: list[str]) -> dict:
    """The store's value per period for one unit (reported or aggregated from its parts)."""
    with store.connect(read_only=True) as con:
        df = read.resolved_values(
            con, store.current_revision(), indicators=[code], unit_list=unit_list,
            regions=[region], periods=periods,
        )  # fmt: skip
    df = df[df["value"].notna()]
    return dict(zip(df["period"], df["value"].astype(float), strict=True))


def target(store: Store, code: str, unit_list: str, region: str, period: str) -> float | None:
    with store.connect(read_only=True) as con:
        tg = read.targets(
            con, store.current_revision(), indicators=[code], refs=[RegionRef(unit_list, region)]
        )
    tg = tg[tg["period"] == period]
    return float(tg["value"].iloc[0]) if len(tg) else None


def below(store: Store, code: str, unit_list: str, parent: str, level: str, period: str):
    """The units at `level` under `parent` with their values in `period` (NaN: no figure)."""
    with store.connect(read_only=True) as con:
        units = read.units_below(con, unit_list=unit_list, parent=parent, level=level)
        vals = read.resolved_values(
            con, store.current_revision(), indicators=[code], unit_list=unit_list,
            regions=units["region"].tolist(), periods=[period],
        )  # fmt: skip
    return units.merge(vals[["region", "value"]], on="region", how="left")


def build(store: Store, spec: ChartSpec, catalog, lang: str) -> chart_spec.Chart:
    with store.connect(read_only=True) as con:
        return chart_spec.build(con, spec, catalog=catalog, rev=store.current_revision(), lang=lang)


def latest_year(store: Store, code: str, unit_list: str, level: str) -> str:
    with store.connect(read_only=True) as con:
        (year,) = con.execute(
            "SELECT max(o.period) FROM observations o JOIN regions r"
            " ON r.unit_list = o.unit_list AND r.code = o.region"
            " WHERE o.indicator = ? AND o.unit_list = ? AND r.level = ?"
            " AND o.period_kind = 'year' AND o.value IS NOT NULL",
            [code, unit_list, level],
        ).fetchone()
    return year


# --- the bundled data: a rising, a falling and a flat series --------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_rising_series_gives_first_and_last_value_and_the_change_in_points(
    seeded_store, catalog, lang
):
    ind = catalog["post_commune_pct"]
    got = values(seeded_store, ind.code, LEGACY, PROVINCE, ["2016", "2020"])
    a, b = got["2016"], got["2020"]
    assert b > a  # the store's series rises: that is what this test is about
    spec = ChartSpec("trend", ind.code, LEGACY, (PROVINCE,), "2016", "2020")
    caption = build(seeded_store, spec, catalog, lang).caption

    place = region_in_sentence(seeded_store, LEGACY, PROVINCE, lang)
    fa, fb = shown(a, ind.decimals, lang, "%"), shown(b, ind.decimals, lang, "%")
    if lang == "vi":
        expected = f"{ind.name('vi')} của {place} tăng từ {fa} (2016) lên {fb} (2020)"
    else:
        expected = f"{ind.name('en')} in {place} rose from {fa} (2016) to {fb} (2020)"
    assert caption.startswith(expected + ", " + points(a, b, ind.decimals, lang))
    assert caption.endswith(".")
    # One decimal always, as in the example: "95,0%", never "95%".
    assert re.search(r"\d[,.]\d%", caption)


def test_the_points_change_is_one_unbreakable_word(seeded_store, catalog):
    """A slide wraps the caption; '+4,3' must not end one line and 'điểm %' start the next."""
    spec = ChartSpec("trend", "post_commune_pct", LEGACY, (PROVINCE,), "2016", "2020")
    caption = build(seeded_store, spec, catalog, "vi").caption
    assert re.search(rf"[+−]\d+,\d{NBSP}điểm{NBSP}%", caption), caption


@pytest.mark.parametrize("lang", LANGS)
def test_target_clause_says_met_or_missed_as_the_store_says(seeded_store, catalog, lang):
    """Every headline percentage of the 2016–2020 deck, against its 2020 target."""
    outcomes = {}
    for code in ("post_commune_pct", "mobile_commune_pct", "fibre_commune_pct",
                 "internet_commune_pct", "hh_internet_pct", "dvc_full_pct"):  # fmt: skip
        ind = catalog[code]
        goal = target(seeded_store, code, LEGACY, PROVINCE, "2020")
        last = values(seeded_store, code, LEGACY, PROVINCE, ["2020"])["2020"]
        assert goal is not None
        met = round(last, 6) >= goal
        outcomes[code] = met
        spec = ChartSpec("trend", code, LEGACY, (PROVINCE,), "2016", "2020")
        caption = plain(build(seeded_store, spec, catalog, lang).caption)
        g = shown(goal, ind.decimals, lang, "%")
        if lang == "vi":
            clause = f"; {'đạt' if met else 'chưa đạt'} mục tiêu {g} (2020)."
        else:
            clause = f"; {'meeting' if met else 'short of'} the 2020 target of {g}."
        assert caption.endswith(clause), (code, caption)
    assert set(outcomes.values()) == {True, False}  # both kinds of clause were checked


@pytest.mark.parametrize("lang", LANGS)
def test_falling_amount_gives_the_relative_change(seeded_store, catalog, lang):
    ind = catalog["post_radius_km"]  # km, not additive: reported for the province
    got = values(seeded_store, ind.code, LEGACY, PROVINCE, ["2016", "2022"])
    a, b = got["2016"], got["2022"]
    assert b < a
    spec = ChartSpec("trend", ind.code, LEGACY, (PROVINCE,), "2016", "2022")
    caption = build(seeded_store, spec, catalog, lang).caption
    fa, fb = shown(a, ind.decimals, lang), shown(b, ind.decimals, lang)
    change = signed((b / a - 1) * 100, 1, lang, "%")
    assert change.startswith(MINUS)
    place = region_in_sentence(seeded_store, LEGACY, PROVINCE, lang)
    if lang == "vi":
        expected = f"{ind.name('vi')} của {place} giảm từ {fa} (2016) xuống {fb} (2022), {change}."
    else:
        expected = f"{ind.name('en')} in {place} fell from {fa} (2016) to {fb} (2022), {change}."
    assert caption == expected


@pytest.mark.parametrize("lang", LANGS)
def test_falling_quarterly_percentage_gives_points_and_quarter_labels(seeded_store, catalog, lang):
    ind = catalog["records_online_pct"]
    got = values(seeded_store, ind.code, NEW, PROVINCE, ["2025-Q3", "2025-Q4"])
    a, b = got["2025-Q3"], got["2025-Q4"]
    assert b < a
    spec = ChartSpec("trend", ind.code, NEW, (PROVINCE,), "2025-Q3", "2025-Q4", "quarter")
    caption = build(seeded_store, spec, catalog, lang).caption
    pa, pb = (parse_period(p).label(lang) for p in ("2025-Q3", "2025-Q4"))
    assert (pa, pb) == (("Quý 3/2025", "Quý 4/2025") if lang == "vi" else ("Q3 2025", "Q4 2025"))
    fa, fb = shown(a, ind.decimals, lang, "%"), shown(b, ind.decimals, lang, "%")
    words = "giảm từ {} ({}) xuống {} ({})" if lang == "vi" else "fell from {} ({}) to {} ({})"
    assert words.format(fa, pa, fb, pb) + ", " + points(a, b, ind.decimals, lang) in caption
    assert MINUS in caption


@pytest.mark.parametrize("lang", LANGS)
def test_flat_series_says_it_held(seeded_store, catalog, lang):
    ind = catalog["post_agents"]
    years = [str(y) for y in range(2016, 2021)]
    got = values(seeded_store, ind.code, LEGACY, PROVINCE, years)
    assert sorted(got) == years and len(set(got.values())) == 1
    spec = ChartSpec("trend", ind.code, LEGACY, (PROVINCE,), "2016", "2020")
    caption = build(seeded_store, spec, catalog, lang).caption
    level = shown(got["2020"], ind.decimals, lang)
    place = region_in_sentence(seeded_store, LEGACY, PROVINCE, lang)
    if lang == "vi":
        assert caption == f"{ind.name('vi')} của {place} giữ nguyên ở mức {level} từ 2016 đến 2020."
    else:
        assert caption == f"{ind.name('en')} in {place} held at {level} from 2016 to 2020."


# --- a rank: a smaller number is a better place ---------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_rank_improves_when_its_number_falls_and_slips_when_it_grows(seeded_store, catalog, lang):
    ind = catalog["dti_rank"]
    assert not ind.higher_is_better
    # Thanh Hóa (38), as the DTI printed it: 15 (2020), 12 (2021), 15 (2022), 11 (2023)
    got = values(seeded_store, ind.code, LEGACY, THANH_HOA, ["2020", "2021", "2022", "2023"])
    assert got["2023"] < got["2020"] and got["2022"] > got["2021"]

    def rank(v: float) -> str:
        return ("hạng " if lang == "vi" else "rank ") + shown(v, 0, lang)

    up = ChartSpec("trend", ind.code, LEGACY, (THANH_HOA,), "2020", "2023")
    caption = build(seeded_store, up, catalog, lang).caption
    a, b = rank(got["2020"]), rank(got["2023"])
    if lang == "vi":
        assert f"tăng từ {a} (2020) lên {b} (2023)" in caption
    else:
        assert f"improved from {a} (2020) to {b} (2023)" in caption
    assert not re.search(r"[+−]\d", caption)  # no arithmetic on ranks

    down = ChartSpec("trend", ind.code, LEGACY, (THANH_HOA,), "2021", "2022")
    caption = build(seeded_store, down, catalog, lang).caption
    a, b = rank(got["2021"]), rank(got["2022"])
    if lang == "vi":
        assert f"tụt từ {a} (2021) xuống {b} (2022)" in caption
    else:
        assert f"slipped from {a} (2021) to {b} (2022)" in caption


# --- several areas: who leads at the end ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_trend_of_two_provinces_names_the_leader_of_the_last_year(seeded_store, catalog, lang):
    ind = catalog["hh_internet_pct"]
    both = ("56", "58")
    last = {code: values(seeded_store, ind.code, LEGACY, code, ["2020"])["2020"] for code in both}
    lead = max(last, key=last.get)
    assert last[lead] > min(last.values())
    spec = ChartSpec("trend", ind.code, LEGACY, both, "2016", "2020")
    caption = build(seeded_store, spec, catalog, lang).caption
    name = region_in_sentence(seeded_store, LEGACY, lead, lang)
    value = shown(last[lead], ind.decimals, lang, "%")
    if lang == "vi":
        assert caption.endswith(f"; năm 2020 dẫn đầu là {name} ({value}).")
    else:
        assert caption.endswith(f"; in 2020 {name} led ({value}).")


# --- rankings -------------------------------------------------------------------------------


def ends(store, ind, unit_list, parent, level, period, lang):
    """The units' values, and the (name, value as shown) pairs that may lead and trail."""
    units = below(store, ind.code, unit_list, parent, level, period)
    have = units[units["value"].notna()]
    top, bottom = have["value"].max(), have["value"].min()
    if not ind.higher_is_better:
        top, bottom = bottom, top
    assert top != bottom  # a ranking with a spread
    suffix = "%" if ind.unit("vi") == "%" else ""

    def pairs(v: float) -> set[tuple[str, str]]:
        names = have.loc[have["value"] == v, "name"]
        return {(n, shown(v, ind.decimals, lang, suffix)) for n in names}

    return units, have, pairs(top), pairs(bottom)


def says_leader_and_last(caption: str, ind, lang: str, best, worst) -> bool:
    """The caption's first clause, in the order the language puts things."""
    name = ind.name(lang)[0].lower() + ind.name(lang)[1:]
    if lang == "vi":
        options = [
            f"dẫn đầu về {name} là {b} ({bv}), cuối bảng là {w} ({wv})"
            for b, bv in best
            for w, wv in worst
        ]
    else:
        options = [
            f"{b} led on {name} ({bv}) and {w} came last ({wv})"
            for b, bv in best
            for w, wv in worst
        ]
    return any(o in caption for o in options)


@pytest.mark.parametrize("lang", LANGS)
def test_ranking_names_the_store_leader_and_last_and_counts_units_behind_the_province(
    seeded_store, catalog, lang
):
    ind = catalog["hh_internet_pct"]
    year = latest_year(seeded_store, ind.code, NEW, "commune")
    units, have, best, worst = ends(seeded_store, ind, NEW, PROVINCE, "commune", year, lang)
    prov = values(seeded_store, ind.code, NEW, PROVINCE, [year])[year]
    behind = int((have["value"] < prov).sum())
    assert 0 < behind < len(have)

    spec = ChartSpec("ranking", ind.code, NEW, (PROVINCE,), year, year, level="commune")
    caption = build(seeded_store, spec, catalog, lang).caption
    assert says_leader_and_last(caption, ind, lang, best, worst), caption
    place = region_in_sentence(seeded_store, NEW, PROVINCE, lang)
    pv = shown(prov, ind.decimals, lang, "%")
    if lang == "vi":
        assert caption.startswith(f"Năm {year}, dẫn đầu về ")
        assert caption.endswith(
            f"; {behind}/{len(have)} xã, phường kém hơn mức của {place} ({pv})."
        )
    else:
        assert caption.startswith(f"In {year}, ")
        assert caption.endswith(f"; {behind} of {len(have)} communes are behind {place} ({pv}).")
    assert len(have) == len(units)  # every unit has a figure: no 'no figures' clause


@pytest.mark.parametrize("lang", LANGS)
def test_ranking_where_lower_is_better_leads_with_the_smallest(seeded_store, catalog, lang):
    ind = catalog["post_pop_per_point"]  # people per postal point: fewer is better
    assert not ind.higher_is_better
    year = latest_year(seeded_store, ind.code, NEW, "commune")
    _, have, best, worst = ends(seeded_store, ind, NEW, PROVINCE, "commune", year, lang)
    spec = ChartSpec("ranking", ind.code, NEW, (PROVINCE,), year, year, level="commune")
    caption = build(seeded_store, spec, catalog, lang).caption
    assert says_leader_and_last(caption, ind, lang, best, worst), caption
    prov = values(seeded_store, ind.code, NEW, PROVINCE, [year])[year]
    behind = int((have["value"] > prov).sum())  # behind = more people per point
    assert 0 < behind < len(have)
    assert (f"{behind}/{len(have)} " if lang == "vi" else f"{behind} of {len(have)} ") in caption


@pytest.mark.parametrize("lang", LANGS)
def test_sum_indicator_ranking_does_not_compare_units_with_the_province_total(
    seeded_store, catalog, lang
):
    ind = catalog["bts_count"]
    assert ind.agg_region == "sum"
    year = latest_year(seeded_store, ind.code, NEW, "commune")
    _, _, best, worst = ends(seeded_store, ind, NEW, PROVINCE, "commune", year, lang)
    total = values(seeded_store, ind.code, NEW, PROVINCE, [year])[year]
    spec = ChartSpec("ranking", ind.code, NEW, (PROVINCE,), year, year, level="commune")
    caption = build(seeded_store, spec, catalog, lang).caption
    assert says_leader_and_last(caption, ind, lang, best, worst), caption
    assert shown(total, 0, lang) not in caption
    assert "kém hơn" not in caption and "behind" not in caption
    assert ";" not in caption and caption.endswith(").")


# --- a store of our own: a falling and a flat percentage, targets met and missed ------------

YEARS = [str(y) for y in range(2016, 2021)]
# Households with internet falls; communes with internet holds; fibre moves by less than the
# shown decimal (it reads as flat). Numerator / denominator give each value exactly.
OWN = {
    "hh_internet_pct": [(1200, 2000), (1150, 2000), (1100, 2000), (1080, 2000), (1050, 2000)],
    "internet_commune_pct": [(90, 100)] * 5,
    "fibre_commune_pct": [(9004, 10000), (9010, 10000), (8990, 10000), (9001, 10000),
                          (8996, 10000)],
}  # fmt: skip
OWN_TARGETS = {"hh_internet_pct": 55, "internet_commune_pct": 90, "fibre_commune_pct": 95}
OBS_HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note"
TGT_HEADER = "indicator,unit_list,region,period,value,status,source,note"


@pytest.fixture(scope="module")
def own_store(tmp_path_factory, catalog, regions) -> Store:
    store = Store(tmp_path_factory.mktemp("own") / "indicators.duckdb")
    store.initialize(catalog, regions)
    rows = [OBS_HEADER]
    for code, parts in OWN.items():
        for year, (num, den) in zip(YEARS, parts, strict=True):
            rows.append(
                f"{code},{LEGACY},{PROVINCE},{year},{num / den * 100!r},{num},{den},published,test,"
            )
    tgts = [TGT_HEADER] + [
        f"{code},{LEGACY},{PROVINCE},2020,{goal},published,test,"
        for code, goal in OWN_TARGETS.items()
    ]
    obs_data = ("\n".join(rows) + "\n").encode()
    tgt_data = ("\n".join(tgts) + "\n").encode()
    frames = {
        "observations": load_observations(obs_data, catalog, regions, decimal="."),
        "targets": load_targets(tgt_data, catalog, regions),
    }
    store.commit(frames, author="test", data=obs_data + tgt_data)
    return store


@pytest.mark.parametrize("lang", LANGS)
def test_falling_percentage_on_our_store_with_a_missed_target(own_store, catalog, lang):
    ind = catalog["hh_internet_pct"]
    got = values(own_store, ind.code, LEGACY, PROVINCE, YEARS)
    goal = target(own_store, ind.code, LEGACY, PROVINCE, "2020")
    a, b = got["2016"], got["2020"]
    assert b < a and b < goal
    spec = ChartSpec("trend", ind.code, LEGACY, (PROVINCE,), "2016", "2020")
    caption = plain(build(own_store, spec, catalog, lang).caption)
    fa, fb, fg = (shown(v, ind.decimals, lang, "%") for v in (a, b, goal))
    change = plain(points(a, b, ind.decimals, lang))
    place = region_in_sentence(own_store, LEGACY, PROVINCE, lang)
    if lang == "vi":
        expected = (
            f"{ind.name('vi')} của {place} giảm từ {fa} (2016) xuống {fb} (2020), {change}; "
            f"chưa đạt mục tiêu {fg} (2020)."
        )
    else:
        expected = (
            f"{ind.name('en')} in {place} fell from {fa} (2016) to {fb} (2020), {change}; "
            f"short of the 2020 target of {fg}."
        )
    assert caption == expected


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", ["internet_commune_pct", "fibre_commune_pct"])
def test_flat_percentage_on_our_store_with_its_target(own_store, catalog, code, lang):
    """Exactly flat, and flat as shown (values that differ only after the shown decimal)."""
    ind = catalog[code]
    got = values(own_store, code, LEGACY, PROVINCE, YEARS)
    a, b = got["2016"], got["2020"]
    assert round(a, ind.decimals) == round(b, ind.decimals)
    goal = target(own_store, code, LEGACY, PROVINCE, "2020")
    met = b >= goal
    spec = ChartSpec("trend", code, LEGACY, (PROVINCE,), "2016", "2020")
    caption = build(own_store, spec, catalog, lang).caption
    level, fg = shown(b, ind.decimals, lang, "%"), shown(goal, ind.decimals, lang, "%")
    place = region_in_sentence(own_store, LEGACY, PROVINCE, lang)
    if lang == "vi":
        head = f"{ind.name('vi')} của {place} giữ nguyên ở mức {level} từ 2016 đến 2020"
        tail = f"{'đạt' if met else 'chưa đạt'} mục tiêu {fg} (2020)"
    else:
        head = f"{ind.name('en')} in {place} held at {level} from 2016 to 2020"
        tail = f"{'meeting' if met else 'short of'} the 2020 target of {fg}"
    assert caption == f"{head}; {tail}."


@pytest.mark.parametrize("lang", LANGS)
def test_no_figures_in_the_range_is_said_not_invented(own_store, catalog, lang):
    ind = catalog["bts_count"]
    assert values(own_store, ind.code, LEGACY, PROVINCE, YEARS) == {}
    spec = ChartSpec("trend", ind.code, LEGACY, (PROVINCE,), "2016", "2020")
    caption = build(own_store, spec, catalog, lang).caption
    assert ind.name(lang) in caption
    assert ("Chưa có số liệu" if lang == "vi" else "No figures") in caption
    assert not re.search(r"\d", caption.replace(ind.name(lang), ""))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_ranking_where_every_unit_is_level_says_so(catalog, lang):
    """Every commune at 100%: no leader and no last, one level for all."""
    units = pd.DataFrame({"name": ["Xã A", "Xã B", "Xã C"], "value": [100.0, 100.0, None]})
    text = ranking_caption(
        units, catalog["mobile_commune_pct"], period="2026", level="commune",
        place="Tỉnh Khánh Hòa", place_value=100.0, lang=lang,
    )  # fmt: skip
    value = "100,0%" if lang == "vi" else "100.0%"
    assert value in text and "Xã A" not in text
    assert ("cả 2 xã, phường" in text) if lang == "vi" else ("all 2 communes" in text)
    assert "1 " in text  # the commune without figures is counted
