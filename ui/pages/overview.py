"""Tổng quan / Overview: headline cards for a year, a trend, and the areas that lag."""

import streamlit as st

from indicators.core.periods import parse_period
from indicators.core.schema import any_illustrative
from indicators.core.settings import COUNTRY, settings
from indicators.geography.units import LEGACY, unit_list_for
from indicators.present.figures import ranking_figure, trend_figure
from indicators.present.kpi import build_kpi
from indicators.present.literal import markdown_literal
from indicators.query import read
from ui.cache import cached, catalog, revision
from ui.downloads import image_downloads
from ui.province_card import province_card
from ui.session import language, no_data_yet, page_heading, province_ref, tr
from ui.url_state import indicator_choice, level_choice, url_choice

lang, rev, cat, cfg = language(), revision(), catalog(), settings()
headline = cfg.headline_in(cat)
browsable = tuple(cat.codes(("headline", "detail")))
province = cfg.province_units
series = cached(read.series, rev, indicators=browsable, refs=province)
targets = cached(read.targets, rev, indicators=browsable, refs=province)

if cfg.whole_country:  # an install for the whole country: its figures, its provinces ranked
    page_heading(tr("national.heading", name=cfg.province(lang)), rev)
else:
    page_heading(tr("app.heading", province=cfg.province(lang)), rev)
if any_illustrative(series["status"]):
    st.warning(tr("overview.illustrative_banner"), icon=":material/info:")

years = sorted(series.loc[series["period_kind"] == "year", "period"].unique(), reverse=True)
no_data_yet(not years)  # a new install, or figures by quarter only: no cards to fill
year = url_choice(st.selectbox, tr("overview.period"), years, key="period", width=220)

st.subheader(tr("overview.kpis", year=year))
cols = st.columns(4)
for i, code in enumerate(headline):
    kpi = build_kpi(cat[code], series, targets, year, lang)
    # Names, units, sources and notes come from the catalog and the data: every text on the card
    # is shown as written (`markdown_literal`), never read as Markdown. The change (a number
    # we write) stays as it is: Streamlit reads its sign for the arrow.
    with cols[i % 4].container(border=True, height="stretch"):
        st.markdown(
            f"**{markdown_literal(kpi.label)}**", help=markdown_literal(cat[code].definition(lang))
        )
        st.metric(
            markdown_literal(kpi.label),
            markdown_literal(kpi.value_text),
            delta=kpi.delta_text,
            delta_color=kpi.delta_color,
            delta_arrow="off" if kpi.delta_color == "off" else "auto",
            delta_description=markdown_literal(kpi.delta_note) if kpi.delta_text else None,
            chart_data=kpi.spark if len(kpi.spark) > 1 else None,
            label_visibility="collapsed",
        )
        if kpi.delta_text is None and kpi.delta_note:
            st.caption(markdown_literal(kpi.delta_note))
        if kpi.progress is not None:
            st.progress(
                kpi.progress, text=markdown_literal(f"{kpi.target_text} · {kpi.progress_text}")
            )
        elif kpi.target_text:
            st.caption(markdown_literal(kpi.target_text))
        badge = "orange" if kpi.illustrative else "green" if kpi.status == "published" else "blue"
        if kpi.status:
            icon = ":material/change_history:" if kpi.illustrative else ":material/verified:"
            st.badge(kpi.status_text, color=badge, icon=icon)
        if not kpi.complete:
            st.badge(kpi.coverage_text, color="red", icon=":material/warning:")
        if kpi.phase_text:
            st.caption(markdown_literal(kpi.phase_text))
        notes = [
            kpi.period_note,
            kpi.coverage_text if kpi.complete else "",
            tr("chart.source", source=kpi.source) if kpi.source else "",
        ]
        st.caption(markdown_literal(" · ".join(n for n in notes if n)))

province_card()  # where the province stands among all provinces: latest DTI rank, a link
left, right = st.columns(2, gap="large")
with left:
    st.subheader(tr("overview.trend"))
    trend_code = indicator_choice(
        tr("overview.trend_indicator"),
        browsable,
        key="trend",
        default=cfg.trend_default,
    )
    fig = trend_figure(
        series,
        cat[trend_code],
        region_name=cfg.province(lang),
        revision=rev,
        lang=lang,
        targets=targets,
    )
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})
    image_downloads("overview_trend", f"{trend_code}_trend", fig=fig, areas=cfg.province(lang))

with right:
    st.subheader(tr("overview.ranking"))
    unit_list = unit_list_for(parse_period(year).end)
    below = cached(read.reported_below_province, rev, unit_list)
    rankable = tuple(x for x in browsable if x in below) or browsable
    rank_code = indicator_choice(
        tr("overview.ranking_indicator"),
        rankable,
        key="rank",
        default=cfg.ranking_default,
    )
    levels = ["district", "commune"] if unit_list == LEGACY else ["commune"]
    prov = province_ref(unit_list)
    if prov is not None and prov.code == COUNTRY:
        levels = ["province"]
    level = level_choice(
        tr("overview.ranking_level"),
        levels,
        key="level",
        scope=unit_list,
        horizontal=True,
    )
    if prov is not None:
        units = cached(
            read.children,
            rev,
            indicator=rank_code,
            unit_list=unit_list,
            parent=prov.code,
            period=year,
            level=level,
        )
        here = series[
            (series["indicator"] == rank_code)
            & (series["period"] == year)
            & (series["unit_list"] == unit_list)
        ]
        prov_value = float(here["value"].iloc[0]) if not here.empty else None
        fig = ranking_figure(
            units,
            cat[rank_code],
            period_label=parse_period(year).label(lang),
            level_label=tr(f"level.{level}"),
            province_value=prov_value,
            revision=rev,
            lang=lang,
            parent_label=cfg.province(lang) if prov.code == COUNTRY else None,
            best=len(units) if level == "province" else 10,  # every province: no gap row
        )
        st.plotly_chart(fig, width="stretch", config={"displaylogo": False})
        place = cached(read.units, unit_list).set_index("code")["name"].get(prov.code, prov.code)
        place = cfg.province(lang) if prov.code == COUNTRY else place
        image_downloads(
            "overview_ranking",
            f"{rank_code}_ranking_{year}_{level}",
            fig=fig,
            areas=tr("chartspec.units_of", units=tr(f"level.{level}"), place=place),
        )
