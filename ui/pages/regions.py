"""Địa bàn / Regions: where each unit stands on one indicator — ranking, map, heatmap.

Officials drill from the province to its units (and, on the old units, from a district to its
communes) by clicking a bar or a map point, or with the "Đơn vị" choice; an install for the
whole country starts from the country and its provinces. Every choice is in the URL
(?indicator=…&era=…&unit=…&level=…&period=…), so a copied link reopens the view. The parts are
built once per revision and view (`ui.views.regions`); this page lays them out.
"""

import streamlit as st

from indicators.core.periods import parse_period
from indicators.core.problems import DataError
from indicators.core.settings import settings
from indicators.geography.units import LEGACY
from indicators.present.chart_spec import ChartSpec
from indicators.present.choices import choice_line
from indicators.present.literal import markdown_literal
from ui.cache import boundaries, catalog, revision
from ui.charts import chart as described
from ui.downloads import image_downloads
from ui.layout import folded
from ui.session import language, page_heading, remember_views, tr
from ui.share import copy_link, page_title
from ui.url_state import indicator_choice, level_choice, unit_list_choice, url_choice, widget_key
from ui.views import regions

lang, rev, cat, cfg = language(), revision(), catalog(), settings()


def label(period: str) -> str:
    return parse_period(period).label(lang)


def png(name: str) -> dict:
    """Toolbar config: the camera button downloads the framed chart as a 2× PNG."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": name, "scale": 2},
    }


page_heading(tr("nav.regions"), rev)
st.caption(tr("regions.intro"))
copy_link("regions")

# A phone shows the filters folded under one line saying the choice in words (ui.layout); the
# containers are made here, inside the fold, and filled below as the choices are read.
with folded("regions_filters", f":material/tune: {tr('regions.change_choice')}") as said:
    row1 = st.columns([3, 2], vertical_alignment="bottom")
    # Where the indicator has figures on both sides of 1 July 2025, say what each set of units
    # holds (filled once the view below is read).
    spans_note = st.empty()
    row2 = st.columns([3, 2, 1.5], vertical_alignment="bottom")
with row1[1]:
    unit_list = unit_list_choice()
choices = regions.choices(rev, unit_list)
if not choices:
    st.info(tr("regions.no_indicator"))
    st.stop()
with row1[0]:
    code = indicator_choice(
        tr("regions.indicator"),
        choices,
        key="indicator",
        default=cfg.ranking_default,
    )
ind = cat[code]

# The unit to look inside: the country (a national install), a province of this unit list or,
# on the old units, a district.
tree = regions.tree(unit_list, lang)


def in_unit_list(label: str, options: list[str], key: str, show, **kw) -> str:
    """A selectbox of this unit list's units or periods, kept in the URL under `key`."""
    return url_choice(
        st.selectbox, label, options, key=key, scope=unit_list, format_func=show, **kw
    )


with row2[0]:
    parent = in_unit_list(
        tr("regions.unit"),
        tree.parents,
        "unit",
        tree.paths.__getitem__,
        default=regions.home_of(unit_list, tree),
    )
is_province = tree.levels[parent] == "province"
with row2[1]:
    level = level_choice(
        tr("regions.level"),
        regions.levels_below(unit_list, tree.levels[parent]),
        horizontal=True,
        scope=f"{unit_list}{'p' if is_province else tree.levels[parent][0]}",
    )

below = regions.below(rev, code, unit_list, parent, level)
level_label = tr(f"level.{level}")
if len(below.spans) > 1:

    def span(periods: list[str]) -> str:
        first, last = label(periods[0]), label(periods[-1])
        return first if first == last else f"{first}–{last}"

    spans_note.info(
        tr(
            "regions.unit_list_spans",
            legacy=span(below.spans[LEGACY]) if LEGACY in below.spans else "—",
            new=span(next(v for k, v in below.spans.items() if k != LEGACY)),
            current=tr(f"unitlist.by.{unit_list}"),
        ),
        icon=":material/history:",
    )

crumb = st.columns([5, 1.5], vertical_alignment="center")
with crumb[0]:
    trail = markdown_literal(tree.paths[parent])  # unit names, shown as written
    st.caption(tr("regions.breadcrumb", path=trail, n=len(below.units), level=level_label.lower()))
up = tree.up.get(parent)  # a province's: the country
if up is not None:
    with crumb[1]:
        st.button(
            tr("regions.up", name=markdown_literal(tree.names[up])),
            on_click=st.session_state.__setitem__,
            args=(widget_key("unit", unit_list), up),
        )

if not below.periods:
    st.info(
        tr(
            "regions.no_data",
            indicator=markdown_literal(ind.name(lang)),
            place=markdown_literal(tree.names[parent]),
        )
    )
    st.stop()
with row2[2]:
    period = in_unit_list(tr("regions.period"), below.periods, "period", label)
page_title(ind.name(lang), label(period), tree.names[parent], tr("nav.regions"))
said.markdown(
    markdown_literal(
        choice_line([ind.name(lang)], label(period), [tree.names[parent]], lang, more=[level_label])
    )
)
drillable = set(below.units["region"]) & set(tree.parents) if level != "commune" else set()


def drill(chart_key: str) -> None:
    """A click on a district (bar or map point) opens its communes, on a province its units."""
    points = st.session_state[chart_key].selection.points
    picked = next((p["customdata"][0] for p in points if p.get("customdata")), None)
    if picked in drillable:
        st.session_state[widget_key("unit", unit_list)] = picked


def chart(fig, name: str, key: str, spec: ChartSpec | None = None, sentence: str = "") -> None:
    """A chart (a click drills down), its text alternative and its image downloads under it."""
    extra = {}
    if drillable:
        extra = dict(on_select=lambda: drill(key), selection_mode="points")
    described(fig, key=key, sentence=sentence or None, width="stretch", config=png(name), **extra)
    image_downloads(key, name, rev=rev, spec=spec, fig=fig)  # the subtitle names the area


# The ranking as the briefing page and the image downloads describe it (offered there): the
# units just below the one looked inside (provinces of the country, districts, communes).
ranking_spec = ChartSpec("ranking", code, unit_list, (parent,), period, period, level=level)
remember_views([ranking_spec])


if drillable:
    st.caption(tr("national.drill_hint" if level == "province" else "regions.drill_hint"))
view = f"{code}-{unit_list}-{parent}-{level}-{period}-{lang}"
stamp = regions.shapes_stamp(unit_list)
figs = regions.figures(rev, lang, code, unit_list, parent, level, period, stamp)
left, right = st.columns(2, gap="large")
with left:
    st.header(tr("regions.ranking"))
    name = f"{code}-{period}-{parent}-{level}-ranking"
    chart(figs.ranking, name, f"rank-{view}", ranking_spec, figs.sentence)

with right:
    st.header(tr("regions.map"))
    path = cfg.boundary_file(unit_list)
    if path is not None:  # a configured boundary file: say what is wrong with it, if anything
        try:
            shapes = boundaries(unit_list, stamp)
        except DataError as err:
            file = markdown_literal(path.name)
            st.warning(tr("regions.boundary_error", file=file), icon=":material/warning:")
            with st.expander(file):
                st.dataframe(err.frame(), hide_index=True)
        else:
            if shapes is not None and shapes.warnings:
                st.caption(
                    tr(
                        "regions.boundary_warnings",
                        file=markdown_literal(path.name),
                        n=len(shapes.warnings),
                    )
                )
    chart(figs.map, f"{code}-{period}-{parent}-{level}-map", f"map-{view}", sentence=figs.sentence)

st.header(tr("regions.heatmap"))
heat = regions.heatmap(rev, lang, code, unit_list, parent, level, parse_period(period).kind)
heat_name = f"{code}-{parent}-{level}-heatmap"
described(heat, key=f"heat-{view}", width="stretch", config=png(heat_name))
image_downloads(f"heat-{view}", heat_name, rev=rev, fig=heat)
