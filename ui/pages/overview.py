"""Tổng quan / Overview: headline cards for a year, a trend, and the areas that lag.

The parts are built once per revision and view (`ui.views.overview`); this page lays them out.
"""

import streamlit as st

from indicators.core.settings import settings
from indicators.present.choices import install_heading
from indicators.present.kpi import spark_table
from indicators.present.literal import markdown_literal
from indicators.present.sparkline import sparkline_img
from ui.cache import catalog, revision
from ui.charts import chart, data_table
from ui.downloads import image_downloads
from ui.layout import folded
from ui.province_card import province_card
from ui.session import language, no_data_yet, page_heading, tr
from ui.share import copy_link, page_title
from ui.url_state import indicator_choice, level_choice, url_choice
from ui.views import overview

lang, rev, cat, cfg = language(), revision(), catalog(), settings()
home = overview.home(rev)

page_heading(install_heading(cfg, lang), rev)  # the country's, in an install for all of it
if home.illustrative:  # a phone shows it as one line with "more" (ui.layout)
    with folded("illustrative", f":material/info: {tr('overview.illustrative_short')}"):
        st.warning(tr("overview.illustrative_banner"), icon=":material/info:")

no_data_yet(not home.years)  # a new install, or figures by quarter only: no cards to fill
year = url_choice(st.selectbox, tr("overview.period"), home.years, key="period", width=220)
page_title(year, tr("nav.overview"))
copy_link("overview")

st.header(tr("overview.kpis", year=year))
kpis = overview.cards(rev, year, lang)
board = st.container(key="kpi_cards")  # a phone shows them two to a row (ui.layout)
for i, kpi in enumerate(kpis):
    code = kpi.code
    if i % 4 == 0:  # rows of four, so that a phone's rows of two keep the order
        cols = board.columns(4)
    # Names, units, sources and notes come from the catalog and the data: every text on the card
    # is shown as written (`markdown_literal`), never read as Markdown. The change (a number
    # we write) stays as it is: Streamlit reads its sign for the arrow.
    with cols[i % 4].container(border=True, height="stretch", key=f"kpi_card_{i}"):
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
            label_visibility="collapsed",
        )
        if len(kpi.spark) > 1:  # our own line, named by a sentence (Streamlit's has no name)
            st.html(sparkline_img(kpi.spark, kpi.spark_text))
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

# the trend lines' figures
data_table(spark_table(kpis, lang), "spark_figures", tr("a11y.spark_data"))
province_card(rev)  # where the province stands among all provinces: latest DTI rank, a link
left, right = st.columns(2, gap="large")
with left:
    st.header(tr("overview.trend"))
    trend_code = indicator_choice(
        tr("overview.trend_indicator"),
        overview.browsable(),
        key="trend",
        default=cfg.trend_default,
    )
    fig, sentence = overview.trend(rev, trend_code, lang)
    chart(fig, key="trend_chart", sentence=sentence, width="stretch", config={"displaylogo": False})
    image_downloads(
        "overview_trend", f"{trend_code}_trend", rev=rev, fig=fig, areas=cfg.province(lang)
    )

with right:
    st.header(tr("overview.ranking"))
    offer = overview.ranking_choices(rev, year)
    rank_code = indicator_choice(
        tr("overview.ranking_indicator"),
        offer.indicators,
        key="rank",
        default=cfg.ranking_default,
    )
    level = level_choice(
        tr("overview.ranking_level"),
        offer.levels,
        key="level",
        scope=offer.unit_list,
        horizontal=True,
    )
    shown = overview.ranking(rev, year, rank_code, level, lang)
    if shown is not None:
        fig, areas, sentence = shown
        chart(
            fig,
            key="ranking_chart",
            sentence=sentence,
            width="stretch",
            config={"displaylogo": False},
        )
        image_downloads(
            "overview_ranking",
            f"{rank_code}_ranking_{year}_{level}",
            rev=rev,
            fig=fig,
            areas=areas,
        )
