"""Xu hướng / Trends: indicators over time for chosen areas, with targets and trajectories."""

import streamlit as st

from indicators.core.numbers import format_value
from indicators.core.periods import parse_period
from indicators.export.files import csv_bytes
from indicators.geography.units import unit_list_for
from indicators.present import tables
from indicators.present.chart_spec import ChartSpec, targets_in_view, trend_parts
from indicators.present.figures.growth import growth_figure
from indicators.present.figures.trend import mark_reform, trends_figure
from indicators.query import timeseries as ts
from ui import common as c

SCOPE = "_trends"
lang, rev, cat, cfg = c.lang(), c.revision(), c.catalog(), c.conf()
browsable = cat.codes(("headline", "detail"))

st.title(c.tr("trends.heading"))
st.caption(f"{cfg.org(lang)} · {c.revision_caption(rev)}")

span = c.data_span(rev)
years = [str(y) for y in range(span["first"].min().year, span["last"].max().year + 1)]
top = st.columns([3, 2], gap="medium")
with top[0]:
    indicators = c.url_choices(
        st.multiselect, c.tr("trends.indicators"), browsable, key="ind", scope=SCOPE,
        default=[cfg.trend_default], format_func=lambda code: cat[code].name(lang),
        max_selections=4,
    )  # fmt: skip
with top[1]:
    first, last = c.url_range(c.tr("trends.period"), years, key="period", scope=SCOPE)
start, end = parse_period(first).start, parse_period(last).end

row = st.columns([3, 1, 1], gap="medium")
with row[2]:
    eras = ts.eras_with_data(span, start, end)
    if len(eras) > 1:
        era = c.era_choice(scope=SCOPE, default=unit_list_for(end))
    else:
        era = eras[0] if eras else unit_list_for(end)
        st.query_params.pop("era", None)
with row[1]:
    gran = c.url_choice(
        st.radio, c.tr("trends.granularity"), ts.GRANULARITIES, key="gran", scope=SCOPE,
        format_func=lambda g: c.tr(f"gran.{g}"),
    )  # fmt: skip
with row[0]:
    units = c.units(era)
    names = dict(zip(units["code"], units["name"], strict=True))
    if st.session_state.get("trends_era", era) != era:
        st.query_params.pop("reg", None)  # a code means another unit in the other list
        st.session_state.pop(f"w_reg_{lang}{SCOPE}{era}", None)
    st.session_state["trends_era"] = era
    prov = c.province_ref(era)
    regions = c.url_choices(
        st.multiselect, c.tr("trends.regions"), list(units["code"]), key="reg",
        scope=SCOPE + era, default=[prov.code] if prov else [], max_selections=6,
        format_func=lambda code: names.get(code, code),
    )  # fmt: skip

if len(eras) > 1:
    joined = "trends.era_joined_legacy" if era == "legacy" else "trends.era_joined_new"
    st.info(f"{c.tr('trends.era_spans')} {c.tr(joined)}", icon=":material/history:")
elif eras:
    st.caption(c.tr("trends.era_only", era=c.tr(f"era.short.{era}")))

if not indicators:
    st.info(c.tr("trends.pick_indicator"))
    st.stop()
if not regions:
    st.info(c.tr("trends.pick_region"))
    st.stop()

chosen = {code: names.get(code, code) for code in regions}
targets = c.era_targets(rev, tuple(indicators), era, tuple(regions))
targets = targets_in_view(targets, start, end, span["last"].max())
config = {"displaylogo": False}
specs = {
    code: ChartSpec("trend", code, era, tuple(regions), first, last, gran) for code in indicators
}
c.remember_views(specs.values())  # offered on the briefing page


def on_track_lines(ind, values, paths) -> list[str]:
    """Where the latest value stands against the straight line to its target."""
    lines = []
    for p in paths:
        mine = values[(values["region"] == p.region) & values["value"].notna()]
        mine = mine[[p.start < x and p.expected(x) is not None for x in mine["period"]]]
        if mine.empty:
            continue
        latest = mine.sort_values("period_end").iloc[-1]
        expected = p.expected(latest["period"])
        ahead = latest["value"] >= expected if ind.higher_is_better else latest["value"] <= expected
        unit = ind.unit(lang)
        lines.append(
            c.tr(
                "trends.on_track",
                region=chosen[p.region],
                period=parse_period(latest["period"]).label(lang),
                value=format_value(latest["value"], unit, lang, ind.decimals),
                target=parse_period(p.target_period).label(lang),
                expected=format_value(expected, unit, lang, ind.decimals),
                verdict=c.tr("trends.ahead" if ahead else "trends.behind"),
            )
        )
    return lines


for code in indicators:
    ind = cat[code]
    raw = c.trend_values(rev, code, era, tuple(regions), first, last)
    parts = trend_parts(raw, targets, ind, cat, gran)
    values, placed, paths = parts.values, parts.targets, parts.paths
    fig = trends_figure(
        values, ind, regions=chosen, granularity=gran, era=era, revision=rev, lang=lang,
        targets=placed, paths=paths, first=first, last=last,
    )  # fmt: skip
    name = f"{code}_{era}_{first}-{last}_{gran}"
    image = {"format": "png", "filename": name, "width": 1200, "height": fig.layout.height}
    st.divider()
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.plotly_chart(
            fig, width="stretch", key=f"trend_{code}",
            config={**config, "toImageButtonOptions": image},
        )  # fmt: skip
        c.image_downloads(f"trend_{code}", name, spec=specs[code])
        notes = []
        if values.empty:
            kinds = sorted(set(raw["period_kind"]), key=ts.LADDER.index)
            notes.append(c.tr("trends.no_data", gran=c.tr(f"gran.of.{gran}")))
            if kinds:
                notes.append(
                    c.tr("trends.other_kinds", kinds=", ".join(c.tr(f"gran.{k}") for k in kinds))
                )
        gaps = parts.incomplete
        n_estimates = int(values["estimate"].astype(bool).sum())
        if not gaps.empty:
            items = [
                c.tr(
                    "trends.incomplete_item",
                    region=chosen.get(g.region, g.region),
                    period=parse_period(g.period).label(lang),
                    have=g.have,
                    need=g.need,
                    part=c.tr(f"gran.part.{g.part_kind}"),
                )
                for g in gaps.itertuples(index=False)
            ]
            notes.append(c.tr("trends.incomplete", items="; ".join(items)))
        if not parts.partial.empty:
            notes.append(c.tr("trends.partial_areas", n=len(parts.partial)))
        if len(eras) > 1 and not ts.is_convertible(ind):
            notes.append(c.tr(ts.not_converted_key(ind)))
        if n_estimates:
            notes.append(c.tr("reform.note_estimates", n=n_estimates))
        notes += on_track_lines(ind, values, paths)
        for note in notes:
            st.caption(note)
        if ind.kind != "rank" and values["growth"].notna().any():
            gfig = growth_figure(
                values, ind, regions=chosen, granularity=gran, era=era, revision=rev, lang=lang
            )
            grown = values[values["growth"].notna() & values["region"].isin(regions)]
            mark_reform(gfig, set(grown["period"]), gran, ind, era, lang)
            gimage = {**image, "filename": f"{name}_growth", "height": gfig.layout.height}
            st.plotly_chart(
                gfig,
                width="stretch",
                key=f"growth_{code}",
                config={**config, "toImageButtonOptions": gimage},
            )
            areas = ", ".join(chosen.values())
            c.image_downloads(f"growth_{code}", f"{name}_growth", fig=gfig, areas=areas)
    with right:
        table = tables.trend_table(values, ind, chosen, gran, lang)
        st.markdown(f"**{c.tr('trends.table')}** · {ind.name(lang)}")
        value_col, growth_col = table.columns[2], table.columns[3]
        shown = tables.as_text(table, ind.decimals, [value_col], lang)
        order = list(table.columns[0 if len(chosen) > 1 else 1 : 5])
        if values["converted"].astype(bool).any():  # which values are converted, and estimates
            order += [tables.header("origin", lang), tables.header("estimate", lang)]
        st.dataframe(
            tables.as_text(shown, 1, [growth_col], lang),
            hide_index=True, key=f"table_{code}", column_order=order,
            height=min(38 + 35 * max(len(table), 1), 640),
        )  # fmt: skip
        st.download_button(
            c.tr("trends.download_csv"), csv_bytes(table), file_name=f"{name}.csv",
            mime="text/csv", icon=":material/download:", on_click="ignore", key=f"csv_{code}",
        )  # fmt: skip
        if values["growth"].notna().any() or values["status"].eq("illustrative").any():
            st.caption(c.tr("trends.growth_note"))
        if values["converted"].astype(bool).any():
            st.caption(c.tr("trends.growth_reform_note"))
