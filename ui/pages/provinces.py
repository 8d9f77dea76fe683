"""So sánh tỉnh / Provinces: where the province stands among all provinces — its rank over the
years, the spread of all provinces with the national median and its region, the provinces just
above and below it, and a map. The indicator, the unit list and the year are in the URL
(?indicator=…&era=…&year=…), so a copied link reopens the view.
"""

import pandas as pd
import streamlit as st

from indicators.core.i18n import WordedError
from indicators.core.numbers import format_value
from indicators.core.periods import parse_period, sort_key
from indicators.core.problems import DataError
from indicators.core.settings import settings
from indicators.core.spreadsheet import to_csv_bytes
from indicators.geography.socio_regions import load_socio_regions
from indicators.geography.units import LEGACY
from indicators.present import palette
from indicators.present.figures.province_map import province_map_figure
from indicators.present.figures.province_rank import rank_history_figure, rank_text
from indicators.present.figures.province_spread import spread_figure
from indicators.present.literal import markdown_literal
from indicators.query import provinces
from ui.cache import boundaries, cached, catalog, revision
from ui.charts import chart as described
from ui.downloads import download, image_downloads
from ui.session import language, page_heading, province_ref, tr
from ui.share import copy_link, page_title
from ui.url_state import indicator_choice, unit_list_choice, url_choice

RANK_DEFAULT = "dti_rank"  # the ranking officials quote first; another rank when chosen
HOME_ROW = f"font-weight: bold; background-color: {palette.HOME_ROW}"  # the home province
lang, rev, cat, cfg = language(), revision(), catalog(), settings()
refs = tuple(cfg.province_units)
place = cfg.province(lang)


def label(unit_list: str, period: str) -> str:
    """A period as the reader sees it; on the new list with its number of provinces."""
    text = parse_period(period).label(lang)
    if unit_list == LEGACY:
        return text
    return tr("prov.period_new", period=text, n=provinces.out_of(unit_list))


def png(name: str) -> dict:
    """Toolbar config: the camera button downloads the framed chart as a 2× PNG."""
    return {"displaylogo": False, "toImageButtonOptions": {"format": "png", "filename": name}}


def chart(fig, name: str, key: str) -> None:
    described(fig, width="stretch", config=png(name), key=key)
    image_downloads(key, name, rev=rev, fig=fig, areas=markdown_literal(place))


page_heading(tr("nav.provinces"), rev)
st.caption(tr("prov.intro", province=markdown_literal(place)))
copy_link("provinces")
try:
    socio = load_socio_regions(cfg.socio_regions_file)
except WordedError as err:  # a deployment's own regions file that does not hold together
    st.error(markdown_literal(err.text(lang)), icon=":material/error:")
    st.stop()

known = cached(provinces.province_indicators, rev)
compared = provinces.comparable(known)
choices = [c for c in cat.codes(("headline", "detail")) if c in set(compared["indicator"])]
if not choices:
    st.info(tr("prov.no_indicator"), icon=":material/hourglass_empty:")
    st.stop()

row = st.columns([3, 2, 1.6], vertical_alignment="bottom")
with row[0]:
    code = indicator_choice(tr("prov.indicator"), choices, key="indicator", default=RANK_DEFAULT)
ind = cat[code]
mine = compared[compared["indicator"] == code]
home_values = cached(provinces.home_series, rev, indicator=code, refs=refs)
newest = mine.assign(_new=mine["unit_list"] != LEGACY).sort_values(["period_end", "_new"])
with row[1]:
    unit_list = unit_list_choice(default=newest["unit_list"].iloc[-1])
periods = sorted(mine.loc[mine["unit_list"] == unit_list, "period"], key=sort_key, reverse=True)
if not periods:
    st.info(tr("prov.no_period", unit_list=tr(f"unitlist.by.{unit_list}")))
    st.stop()
own = set(home_values.loc[home_values["unit_list"] == unit_list, "period"])
with row[2]:
    year = url_choice(
        st.selectbox,
        tr("prov.year"),
        periods,
        key="year",
        scope=unit_list,
        default=next((p for p in periods if p in own), periods[0]),
        format_func=lambda p: label(unit_list, p),
    )

page_title(ind.name(lang), label(unit_list, year), tr("nav.provinces"))
ref = province_ref(unit_list)
home = ref.code if ref is not None and socio.region_of(unit_list, ref.code) else None
home_region = socio.region_of(unit_list, home) if home else None
region_names = {c: socio.name(c, lang) for c in socio.codes()}
values = cached(provinces.province_values, rev, indicator=code, unit_list=unit_list, period=year)
of_list = socio.of_list(unit_list).rename(columns={"province_code": "region"})
values = values.merge(of_list[["region", "region_code"]], on="region", how="left")
view = f"{code}-{unit_list}-{year}-{lang}"

# The rank over the years: the chosen indicator when it is a rank, else the DTI rank.
rank_code = code if ind.kind == "rank" else RANK_DEFAULT
if rank_code in cat and home is not None:  # a national install's home has no rank
    st.header(tr("prov.rank_heading"))
    series = cached(provinces.home_series, rev, indicator=rank_code, refs=refs)
    gaps = provinces.missing_periods(known[known["indicator"] == rank_code], series)
    fig = rank_history_figure(
        series,
        cat[rank_code],
        province=place,
        revision=rev,
        lang=lang,
        missing=[label(u, p) for u, p in gaps],
    )
    chart(fig, f"{rank_code}-{place}-rank", f"rank-{rank_code}-{lang}")

period_label = label(unit_list, year)
left, right = st.columns(2, gap="large")
with left:
    st.header(tr("prov.spread_heading"))
    fig = spread_figure(
        values,
        ind,
        regions=region_names,
        home=home,
        period_label=period_label,
        revision=rev,
        lang=lang,
    )
    chart(fig, f"{code}-{year}-{unit_list}-provinces", f"spread-{view}")
    spread_height = fig.layout.height
with right:
    st.header(tr("prov.map_heading"))
    shapes, path = None, cfg.boundary_file(unit_list)
    if path is not None and path.exists():
        try:
            shapes = boundaries(unit_list, path.stat().st_mtime)
        except DataError:  # the Regions page says what is wrong with the file
            shapes = None
    fig = province_map_figure(
        values,
        ind,
        home=home,
        region=socio.members(unit_list, home_region) if home_region else [],
        region_name=region_names.get(home_region),
        period_label=period_label,
        revision=rev,
        lang=lang,
        boundaries=shapes,
        height=max(760, spread_height),
    )
    chart(fig, f"{code}-{year}-{unit_list}-map", f"map-{view}")

if home is not None:
    st.header(tr("prov.table_heading", province=markdown_literal(place)))
    shown = provinces.neighbours(values, home, ind)
else:  # the whole country is the home: every province, best first
    st.header(tr("prov.table_all_heading"))
    shown = provinces.ranked(values, ind)
if shown.empty:
    st.info(tr("prov.no_home_value", province=markdown_literal(place), period=period_label))
else:
    with_value = int(values["value"].notna().sum())
    out_of = provinces.out_of(unit_list) if ind.kind == "rank" else with_value
    table = pd.DataFrame(
        {
            tr("prov.col_position"): [rank_text(p, out_of, lang) for p in shown["position"]],
            tr("prov.col_province"): shown["name"],
            tr("prov.col_value"): [
                format_value(v, ind.unit(lang), lang, ind.decimals) for v in shown["value"]
            ],
            tr("prov.col_region"): [region_names.get(r, "") for r in shown["region_code"]],
        }
    )
    marked = set(shown.index[shown["region"] == home])
    st.dataframe(
        table.style.apply(
            lambda r: [HOME_ROW if r.name in marked else ""] * len(r),
            axis=1,
        ),
        hide_index=True,
        key=f"near-{view}",
    )
    st.caption(tr("prov.table_note", n=with_value, total=len(values)))
    download(tr("prov.csv"), to_csv_bytes(table), f"{code}_{unit_list}_{year}_provinces.csv")
