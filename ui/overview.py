"""Tổng quan / Overview: headline cards for a year, a trend, and the areas that lag."""

import streamlit as st

from indicators.core.periods import parse_period
from indicators.geography.units import LEGACY, unit_list_for
from indicators.present.figures import ranking_figure, trend_figure
from indicators.present.kpi import build_kpi
from ui import common as c

lang, rev, cat, cfg = c.lang(), c.revision(), c.catalog(), c.conf()
headline = tuple(code for code in cfg.headline if code in cat)
browsable = tuple(cat.codes(("headline", "detail")))
series = c.province_series(rev, browsable)
targets = c.province_targets(rev, browsable)

st.title(c.tr("app.heading", province=cfg.province(lang)))
st.caption(f"{cfg.org(lang)} · {c.revision_caption(rev)}")
if series["status"].eq("illustrative").any():
    st.warning(c.tr("overview.illustrative_banner"), icon=":material/info:")

years = sorted(series.loc[series["period_kind"] == "year", "period"].unique(), reverse=True)
year = c.url_choice(st.selectbox, c.tr("overview.period"), years, key="period", width=220)

st.subheader(c.tr("overview.kpis", year=year))
cols = st.columns(4)
for i, code in enumerate(headline):
    kpi = build_kpi(cat[code], series, targets, year, lang)
    with cols[i % 4].container(border=True, height="stretch"):
        st.markdown(f"**{kpi.label}**", help=f"{cat[code].definition(lang)}")
        st.metric(
            kpi.label,
            kpi.value_text,
            delta=kpi.delta_text,
            delta_color=kpi.delta_color,
            delta_arrow="off" if kpi.delta_color == "off" else "auto",
            delta_description=kpi.delta_note if kpi.delta_text else None,
            chart_data=kpi.spark if len(kpi.spark) > 1 else None,
            label_visibility="collapsed",
        )
        if kpi.delta_text is None and kpi.delta_note:
            st.caption(kpi.delta_note)
        if kpi.progress is not None:
            st.progress(kpi.progress, text=f"{kpi.target_text} · {kpi.progress_text}")
        elif kpi.target_text:
            st.caption(kpi.target_text)
        badge = "orange" if kpi.illustrative else "green" if kpi.status == "published" else "blue"
        if kpi.status:
            icon = ":material/change_history:" if kpi.illustrative else ":material/verified:"
            st.badge(kpi.status_text, color=badge, icon=icon)
        if not kpi.complete:
            st.badge(kpi.coverage_text, color="red", icon=":material/warning:")
        if kpi.phase_text:
            st.caption(kpi.phase_text)
        notes = [
            kpi.period_note,
            kpi.coverage_text if kpi.complete else "",
            c.tr("chart.source", source=kpi.source) if kpi.source else "",
        ]
        st.caption(" · ".join(n for n in notes if n))

left, right = st.columns(2, gap="large")
with left:
    st.subheader(c.tr("overview.trend"))
    trend_code = c.url_choice(
        st.selectbox, c.tr("overview.trend_indicator"), browsable, key="trend",
        default=cfg.trend_default, format_func=lambda code: cat[code].name(lang),
    )  # fmt: skip
    fig = trend_figure(
        series, cat[trend_code], region_name=cfg.province(lang), revision=rev, lang=lang,
        targets=targets,
    )  # fmt: skip
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False})
    c.image_downloads("overview_trend", f"{trend_code}_trend", fig=fig, areas=cfg.province(lang))

with right:
    st.subheader(c.tr("overview.ranking"))
    unit_list = unit_list_for(parse_period(year).end)
    below = c.levels_with_data(rev)
    below = set(
        below.loc[(below.unit_list == unit_list) & (below.level != "province"), "indicator"]
    )
    rankable = tuple(x for x in browsable if x in below) or browsable
    rank_code = c.url_choice(
        st.selectbox, c.tr("overview.ranking_indicator"), rankable, key="rank",
        default=cfg.ranking_default, format_func=lambda code: cat[code].name(lang),
    )  # fmt: skip
    levels = ["district", "commune"] if unit_list == LEGACY else ["commune"]
    level = c.url_choice(
        st.radio, c.tr("overview.ranking_level"), levels, key="level",
        scope=unit_list, horizontal=True, format_func=lambda lv: c.tr(f"level.{lv}"),
    )  # fmt: skip
    prov = c.province_ref(unit_list)
    if prov is not None:
        units = c.children(rev, rank_code, unit_list, prov.code, year, level)
        here = series[
            (series["indicator"] == rank_code)
            & (series["period"] == year)
            & (series["unit_list"] == unit_list)
        ]
        prov_value = float(here["value"].iloc[0]) if not here.empty else None
        fig = ranking_figure(
            units, cat[rank_code], period_label=parse_period(year).label(lang),
            level_label=c.tr(f"level.{level}"), province_value=prov_value, revision=rev,
            lang=lang,
        )  # fmt: skip
        st.plotly_chart(fig, width="stretch", config={"displaylogo": False})
        place = c.units(unit_list).set_index("code")["name"].get(prov.code, prov.code)
        c.image_downloads(
            "overview_ranking", f"{rank_code}_ranking_{year}_{level}", fig=fig,
            areas=c.tr("chartspec.units_of", units=c.tr(f"level.{level}"), place=place),
        )  # fmt: skip
