"""So sánh tỉnh / Provinces: where the province stands among all provinces — its rank over the
years, the spread of all provinces with the national median and its region, the provinces just
above and below it, and a map. The indicator, the unit list and the year are in the URL
(?indicator=…&era=…&year=…), so a copied link reopens the view.
"""

import pandas as pd
import streamlit as st

from indicators.core.i18n import WordedError
from indicators.core.numbers import format_value
from indicators.core.settings import settings
from indicators.core.spreadsheet import to_csv_bytes
from indicators.geography.socio_regions import load_socio_regions
from indicators.present import palette
from indicators.present.figures.province_rank import rank_text
from indicators.present.literal import markdown_literal
from indicators.query import provinces
from ui.cache import catalog, revision
from ui.charts import chart as described
from ui.downloads import download, image_downloads
from ui.session import language, page_heading, tr
from ui.share import copy_link, page_title
from ui.url_state import indicator_choice, unit_list_choice, url_choice
from ui.views.provinces import (
    RANK_DEFAULT,
    default_year,
    home_of,
    newest_list,
    offered,
    period_label,
    periods_of,
    rank_history,
    rank_of,
    standing,
)

HOME_ROW = f"font-weight: bold; background-color: {palette.HOME_ROW}"  # the home province
lang, rev, cat, cfg = language(), revision(), catalog(), settings()
place = cfg.province(lang)


def label(unit_list: str, period: str) -> str:
    """A period as this reader sees it (`views.provinces.period_label`)."""
    return period_label(unit_list, period, lang)


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

choices, compared = offered(rev)
if not choices:
    st.info(tr("prov.no_indicator"), icon=":material/hourglass_empty:")
    st.stop()

row = st.columns([3, 2, 1.6], vertical_alignment="bottom")
with row[0]:
    code = indicator_choice(tr("prov.indicator"), choices, key="indicator", default=RANK_DEFAULT)
ind = cat[code]
with row[1]:
    unit_list = unit_list_choice(default=newest_list(compared, code))
periods = periods_of(compared, code, unit_list)
if not periods:
    st.info(tr("prov.no_period", unit_list=tr(f"unitlist.by.{unit_list}")))
    st.stop()
with row[2]:
    year = url_choice(
        st.selectbox,
        tr("prov.year"),
        periods,
        key="year",
        scope=unit_list,
        default=default_year(rev, code, unit_list, periods),
        format_func=lambda p: label(unit_list, p),
    )

page_title(ind.name(lang), label(unit_list, year), tr("nav.provinces"))
home = home_of(unit_list)
region_names = {c: socio.name(c, lang) for c in socio.codes()}
view = f"{code}-{unit_list}-{year}-{lang}"

rank_code = rank_of(code)  # the rank over the years
if rank_code in cat and home is not None:  # a national install's home has no rank
    st.header(tr("prov.rank_heading"))
    fig = rank_history(rev, lang, rank_code)
    chart(fig, f"{rank_code}-{place}-rank", f"rank-{rank_code}-{lang}")

shown_period = label(unit_list, year)
drawn = standing(rev, lang, code, unit_list, year)
values = drawn.values
left, right = st.columns(2, gap="large")
with left:
    st.header(tr("prov.spread_heading"))
    chart(drawn.spread, f"{code}-{year}-{unit_list}-provinces", f"spread-{view}")
with right:
    st.header(tr("prov.map_heading"))
    chart(drawn.map, f"{code}-{year}-{unit_list}-map", f"map-{view}")

if home is not None:
    st.header(tr("prov.table_heading", province=markdown_literal(place)))
    shown = provinces.neighbours(values, home, ind)
else:  # the whole country is the home: every province, best first
    st.header(tr("prov.table_all_heading"))
    shown = provinces.ranked(values, ind)
if shown.empty:
    st.info(tr("prov.no_home_value", province=markdown_literal(place), period=shown_period))
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
