"""Xu hướng / Trends: indicators over time for chosen areas, with targets and trajectories."""

import streamlit as st

from indicators.core.periods import parse_period
from indicators.core.schema import any_illustrative
from indicators.core.settings import RegionRef, settings
from indicators.export.files import csv_bytes
from indicators.geography.units import LEGACY, unit_list_for
from indicators.present import tables
from indicators.present.captions import not_converted_note, on_track_lines
from indicators.present.chart_spec import MAX_AREAS, ChartSpec, targets_in_view, trend_parts
from indicators.present.figures.growth import growth_figure
from indicators.present.figures.over_time import AreasView
from indicators.present.figures.trend import mark_reform, trends_figure
from indicators.present.literal import markdown_literal
from indicators.query import across_reform, read
from indicators.query import timeseries as ts
from ui.cache import cached, catalog, revision
from ui.downloads import download, image_downloads
from ui.session import language, no_data_yet, page_heading, province_ref, remember_views, tr
from ui.url_state import (
    forget,
    indicator_choices,
    set_url_param,
    unit_list_choice,
    url_choice,
    url_choices,
    url_range,
)

SCOPE = "_trends"
MAX_INDICATORS = 4  # charts on the page; a link naming more opens the first four
lang, rev, cat, cfg = language(), revision(), catalog(), settings()
browsable = cat.codes(("headline", "detail"))

page_heading(tr("trends.heading"), rev)

span = cached(read.data_span, rev)
no_data_yet(span.empty)  # a new install: no period to offer yet
years = [str(y) for y in range(span["first"].min().year, span["last"].max().year + 1)]
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
    first, last = url_range(tr("trends.period"), years, key="period", scope=SCOPE)
start, end = parse_period(first).start, parse_period(last).end

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
    units = cached(read.units, unit_list)
    names = dict(zip(units["code"], units["name"], strict=True))
    if st.session_state.get("trends_unit_list", unit_list) != unit_list:
        forget("reg", SCOPE + unit_list)  # a code means another unit in the other list
    st.session_state["trends_unit_list"] = unit_list
    prov = province_ref(unit_list)
    regions = url_choices(
        st.multiselect,
        tr("trends.regions"),
        list(units["code"]),
        key="reg",
        scope=SCOPE + unit_list,
        default=[prov.code] if prov else [],
        max_selections=MAX_AREAS,
        format_func=lambda code: names.get(code, code),
    )

if len(with_data) > 1:
    joined = (
        "trends.unit_list_joined_legacy" if unit_list == LEGACY else "trends.unit_list_joined_new"
    )
    st.info(f"{tr('trends.unit_list_spans')} {tr(joined)}", icon=":material/history:")
elif with_data:
    st.caption(tr("trends.unit_list_only", unit_list=tr(f"unitlist.short.{unit_list}")))

if not indicators:
    st.info(tr("trends.pick_indicator"))
    st.stop()
if not regions:
    st.info(tr("trends.pick_region"))
    st.stop()

chosen = {code: names.get(code, code) for code in regions}
refs = tuple(RegionRef(unit_list, code) for code in regions)
targets = cached(read.targets, rev, indicators=tuple(indicators), refs=refs)
targets = targets_in_view(targets, start, end, span["last"].max())
config = {"displaylogo": False}
specs = {
    code: ChartSpec("trend", code, unit_list, tuple(regions), first, last, gran)
    for code in indicators
}
remember_views(specs.values())  # offered on the briefing page


for code in indicators:
    ind = cat[code]
    # one series across the 2025 reform: the other unit list's values converted onto these units
    raw = cached(
        across_reform.converted_series, rev, indicators=(code,), refs=refs, unit_list=unit_list
    )
    raw = ts.within(raw, start, end)
    parts = trend_parts(raw, targets, ind, cat, gran)
    values, placed, paths = parts.values, parts.targets, parts.paths
    view = AreasView(regions=chosen, granularity=gran, unit_list=unit_list, revision=rev, lang=lang)
    fig = trends_figure(values, ind, targets=placed, paths=paths, first=first, last=last, **view)
    name = f"{code}_{unit_list}_{first}-{last}_{gran}"
    image = {"format": "png", "filename": name, "width": 1200, "height": fig.layout.height}
    st.divider()
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.plotly_chart(
            fig,
            width="stretch",
            key=f"trend_{code}",
            config={**config, "toImageButtonOptions": image},
        )
        image_downloads(f"trend_{code}", name, spec=specs[code])
        notes = []
        if values.empty:
            kinds = sorted(set(raw["period_kind"]), key=ts.LADDER.index)
            notes.append(tr("trends.no_data", gran=tr(f"gran.of.{gran}")))
            if kinds:
                notes.append(
                    tr("trends.other_kinds", kinds=", ".join(tr(f"gran.{k}") for k in kinds))
                )
        gaps = parts.incomplete
        n_estimates = int(values["estimate"].astype(bool).sum())
        if not gaps.empty:
            items = [
                tr(
                    "trends.incomplete_item",
                    region=chosen.get(g.region, g.region),
                    period=parse_period(g.period).label(lang),
                    have=g.have,
                    need=g.need,
                    part=tr(f"gran.part.{g.part_kind}"),
                )
                for g in gaps.itertuples(index=False)
            ]
            notes.append(tr("trends.incomplete", items="; ".join(items)))
        if not parts.partial.empty:
            notes.append(tr("trends.partial_areas", n=len(parts.partial)))
        if len(with_data) > 1 and not across_reform.is_convertible(ind):
            notes.append(not_converted_note(ind, lang))
        if n_estimates:
            notes.append(tr("reform.note_estimates", n=n_estimates))
        notes += on_track_lines(ind, values, paths, chosen, lang)
        for note in notes:  # sentences naming areas and indicators: shown as written
            st.caption(markdown_literal(note))
        if ind.kind != "rank" and values["growth"].notna().any():
            gfig = growth_figure(values, ind, **view)
            grown = values[values["growth"].notna() & values["region"].isin(regions)]
            mark_reform(gfig, set(grown["period"]), gran, ind, unit_list, lang)
            gimage = {**image, "filename": f"{name}_growth", "height": gfig.layout.height}
            st.plotly_chart(
                gfig,
                width="stretch",
                key=f"growth_{code}",
                config={**config, "toImageButtonOptions": gimage},
            )
            areas = ", ".join(chosen.values())
            image_downloads(f"growth_{code}", f"{name}_growth", fig=gfig, areas=areas)
    with right:
        table = tables.trend_table(values, ind, chosen, gran, lang)
        st.markdown(f"**{tr('trends.table')}** · {markdown_literal(ind.name(lang))}")
        value_col, growth_col = table.columns[2], table.columns[3]
        shown = tables.as_text(table, ind.decimals, [value_col], lang)
        order = list(table.columns[0 if len(chosen) > 1 else 1 : 5])
        if values["converted"].astype(bool).any():  # which values are converted, and estimates
            order += [tables.header("origin", lang), tables.header("estimate", lang)]
        st.dataframe(
            tables.as_text(shown, 1, [growth_col], lang),
            hide_index=True,
            key=f"table_{code}",
            column_order=order,
            height=min(38 + 35 * max(len(table), 1), 640),
        )
        download(
            tr("trends.download_csv"),
            csv_bytes(table),
            f"{name}.csv",
            on_click="ignore",
            key=f"csv_{code}",
        )
        if values["growth"].notna().any() or any_illustrative(values["status"]):
            st.caption(tr("trends.growth_note"))
        if values["converted"].astype(bool).any():
            st.caption(tr("trends.growth_reform_note"))
