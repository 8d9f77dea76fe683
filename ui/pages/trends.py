"""Xu hướng / Trends: indicators over time for chosen areas, with targets and trajectories.

Each indicator's charts, notes and table are built once per revision and view
(`ui.views.trends`); this page reads the choices and lays them out.
"""

from functools import partial

import streamlit as st

from indicators.core.periods import parse_period
from indicators.core.settings import settings
from indicators.export.files import csv_bytes
from indicators.geography.units import LEGACY, unit_list_for
from indicators.present.chart_spec import MAX_AREAS, ChartSpec
from indicators.present.choices import choice_line, period_span
from indicators.present.literal import markdown_literal
from indicators.query import across_reform, read
from indicators.query import timeseries as ts
from ui.cache import cached, catalog, revision
from ui.charts import chart
from ui.downloads import download, image_downloads
from ui.layout import folded
from ui.session import language, no_data_yet, page_heading, province_ref, remember_views, tr
from ui.share import copy_link, page_title
from ui.url_state import (
    forget,
    indicator_choices,
    set_url_param,
    unit_list_choice,
    url_choice,
    url_choices,
    url_range,
)
from ui.views import trends

SCOPE = "_trends"
MAX_INDICATORS = 4  # charts on the page; a link naming more opens the first four
lang, rev, cat, cfg = language(), revision(), catalog(), settings()
browsable = cat.codes(("headline", "detail"))

page_heading(tr("trends.heading"), rev)
copy_link("trends")

span = cached(read.data_span, rev)
no_data_yet(span.empty)  # a new install: no period to offer yet
# A phone shows the filters folded under one line saying the choice in words (ui.layout).
with folded("trends_filters", f":material/tune: {tr('trends.change_choice')}") as said:
    top = st.columns([3, 2], gap="medium")
    with top[0]:
        indicators = indicator_choices(
            tr("trends.indicators"),
            browsable,
            key="ind",
            scope=SCOPE,
            default=[cfg.trend_default],
            max_selections=MAX_INDICATORS,
        )
    with top[1]:
        first, last = url_range(tr("trends.period"), trends.years(span), key="period", scope=SCOPE)
    start, end = parse_period(first).start, parse_period(last).end
    shown_names = ", ".join(cat[c].name(lang) for c in indicators)
    page_title(shown_names, period_span(first, last), tr("nav.trends"))

    row = st.columns([3, 1, 1], gap="medium")
    with row[2]:
        with_data = across_reform.unit_lists_with_data(
            span, start, end
        )  # the unit lists with data in the range
        if len(with_data) > 1:
            unit_list = unit_list_choice(scope=SCOPE, default=unit_list_for(end))
        else:
            unit_list = with_data[0] if with_data else unit_list_for(end)
            set_url_param("era", None)
    with row[1]:
        gran = url_choice(
            st.radio,
            tr("trends.granularity"),
            ts.GRANULARITIES,
            key="gran",
            scope=SCOPE,
            format_func=lambda g: tr(f"gran.{g}"),
        )
    with row[0]:
        names = trends.names(unit_list)
        if st.session_state.get("trends_unit_list", unit_list) != unit_list:
            forget("reg", SCOPE + unit_list)  # a code means another unit in the other list
        st.session_state["trends_unit_list"] = unit_list
        prov = province_ref(unit_list)
        regions = url_choices(
            st.multiselect,
            tr("trends.regions"),
            list(names),
            key="reg",
            scope=SCOPE + unit_list,
            default=[prov.code] if prov else [],
            max_selections=MAX_AREAS,
            format_func=lambda code: names.get(code, code),
        )
more = [tr(f"gran.{gran}")] if gran != ts.GRANULARITIES[0] else []
line = choice_line(
    [cat[c].name(lang) for c in indicators],
    period_span(first, last),
    [names.get(c, c) for c in regions],
    lang,
    more=more,
)
said.markdown(markdown_literal(line))

if len(with_data) > 1:
    joined = (
        "trends.unit_list_joined_legacy" if unit_list == LEGACY else "trends.unit_list_joined_new"
    )
    with folded("reform_note", f":material/history: {tr('trends.unit_list_short')}"):
        st.info(f"{tr('trends.unit_list_spans')} {tr(joined)}", icon=":material/history:")
elif with_data:
    st.caption(tr("trends.unit_list_only", unit_list=tr(f"unitlist.short.{unit_list}")))

if not indicators:
    st.info(tr("trends.pick_indicator"))
    st.stop()
if not regions:
    st.info(tr("trends.pick_region"))
    st.stop()

config = {"displaylogo": False}
specs = {
    code: ChartSpec("trend", code, unit_list, tuple(regions), first, last, gran)
    for code in indicators
}
remember_views(specs.values())  # offered on the briefing page


for code in indicators:
    ind = cat[code]
    view = trends.chart(rev, lang, code, unit_list, tuple(regions), first, last, gran)
    name = f"{code}_{unit_list}_{first}-{last}_{gran}"
    image = {"format": "png", "filename": name, "width": 1200, "height": view.fig.layout.height}
    st.divider()
    left, right = st.columns([3, 2], gap="large")
    with left:
        chart(
            view.fig,
            sentence=view.sentence,
            width="stretch",
            key=f"trend_{code}",
            config={**config, "toImageButtonOptions": image},
        )
        image_downloads(f"trend_{code}", name, rev=rev, spec=specs[code])
        for note in view.notes:  # sentences naming areas and indicators: shown as written
            st.caption(markdown_literal(note))
        if view.growth is not None:
            gimage = {**image, "filename": f"{name}_growth", "height": view.growth.layout.height}
            chart(
                view.growth,
                width="stretch",
                key=f"growth_{code}",
                config={**config, "toImageButtonOptions": gimage},
            )
            image_downloads(
                f"growth_{code}", f"{name}_growth", rev=rev, fig=view.growth, areas=view.areas
            )
    with right:
        st.markdown(f"**{tr('trends.table')}** · {markdown_literal(ind.name(lang))}")
        st.dataframe(
            view.shown,
            hide_index=True,
            key=f"table_{code}",
            column_order=view.order,
            height=min(38 + 35 * max(len(view.table), 1), 640),
        )
        download(
            tr("trends.download_csv"),
            partial(csv_bytes, view.table),  # written when clicked, not on every run
            f"{name}.csv",
            on_click="ignore",
            key=f"csv_{code}",
        )
        if view.growth_note:
            st.caption(tr("trends.growth_note"))
        if view.reform_note:
            st.caption(tr("trends.growth_reform_note"))
