"""Địa bàn / Regions: where each unit stands on one indicator — ranking, map, heatmap.

Officials drill from the province to its units (and, on the old units, from a district to its
communes) by clicking a bar or a map point, or with the "Đơn vị" choice; an install for the
whole country starts from the country and its provinces. Every choice is in the URL
(?indicator=…&era=…&unit=…&level=…&period=…), so a copied link reopens the view.
"""

import streamlit as st

from indicators.core.periods import parse_period, sort_key
from indicators.core.problems import DataError
from indicators.core.settings import COUNTRY, settings
from indicators.geography.boundaries import located
from indicators.geography.units import LEGACY, own_units
from indicators.present.chart_spec import ChartSpec
from indicators.present.figures import heatmap_figure, map_figure, ranking_figure
from indicators.present.figures.province_map import province_map_figure
from indicators.present.literal import markdown_literal
from indicators.query import read
from ui.cache import boundaries, cached, catalog, revision
from ui.downloads import image_downloads
from ui.session import language, page_heading, province_ref, remember_views, tr
from ui.url_state import indicator_choice, level_choice, unit_list_choice, url_choice, widget_key

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

row1 = st.columns([3, 2], vertical_alignment="bottom")
with row1[1]:
    unit_list = unit_list_choice()
below = cached(read.reported_below_province, rev, unit_list)
choices = [code for code in cat.codes(("headline", "detail")) if code in below]
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

# Where the indicator has figures on both sides of 1 July 2025, say what each set of units holds.
spans = cached(read.indicator_periods, rev, code)
by_list = {
    unit_list: sorted(part["period"], key=sort_key)
    for unit_list, part in spans.groupby("unit_list", sort=False)
}
if len(by_list) > 1:

    def span(periods: list[str]) -> str:
        first, last = label(periods[0]), label(periods[-1])
        return first if first == last else f"{first}–{last}"

    st.info(
        tr(
            "regions.unit_list_spans",
            legacy=span(by_list.get(LEGACY, ["—"])) if LEGACY in by_list else "—",
            new=span(next(v for k, v in by_list.items() if k != LEGACY)),
            current=tr(f"unitlist.by.{unit_list}"),
        ),
        icon=":material/history:",
    )

# The unit to look inside: the country (a national install), a province of this unit list or,
# on the old units, a district.
table = cached(read.units, unit_list)
names = dict(zip(table["code"], table["name"], strict=True))
if COUNTRY in names:
    names[COUNTRY] = cfg.province(lang)  # the country as settings.toml names it
provinces = table[(table["level"] == "province") & own_units(table)]  # not the national level
parents: list[str] = [COUNTRY] if COUNTRY in names else []
for prov_code in provinces["code"]:
    parents.append(prov_code)
    districts = table[(table["level"] == "district") & (table["province_code"] == prov_code)]
    parents += districts["code"].tolist()
levels_of = dict(zip(table["code"], table["level"], strict=True))
home = province_ref(unit_list)
home_code = home.code if home is not None else parents[0]


def path_of(unit: str) -> str:
    row = table[table["code"] == unit].iloc[0]
    if row["level"] == "district":
        return f"{names[row['province_code']]} › {row['name']}"
    return names[unit]


def in_unit_list(label: str, options: list[str], key: str, show, **kw) -> str:
    """A selectbox of this unit list's units or periods, kept in the URL under `key`."""
    return url_choice(
        st.selectbox, label, options, key=key, scope=unit_list, format_func=show, **kw
    )


row2 = st.columns([3, 2, 1.5], vertical_alignment="bottom")
with row2[0]:
    parent = in_unit_list(tr("regions.unit"), parents, "unit", path_of, default=home_code)
is_province = levels_of[parent] == "province"
levels = ["district", "commune"] if unit_list == LEGACY and is_province else ["commune"]
if levels_of[parent] == "country":
    levels = ["province"]
with row2[1]:
    level = level_choice(
        tr("regions.level"),
        levels,
        horizontal=True,
        scope=f"{unit_list}{'p' if is_province else levels_of[parent][0]}",
    )

units = cached(read.units_below, unit_list=unit_list, parent=parent, level=level)
values = cached(
    read.values_below, rev, indicator=code, unit_list=unit_list, parent=parent, level=level
)
with_data = values[values["value"].notna()]
periods = sorted(with_data["period"].unique(), key=sort_key, reverse=True)
level_label = tr(f"level.{level}")
place = names[parent]

crumb = st.columns([5, 1.5], vertical_alignment="center")
with crumb[0]:
    trail = markdown_literal(path_of(parent))  # unit names, shown as written
    st.caption(tr("regions.breadcrumb", path=trail, n=len(units), level=level_label.lower()))
up = table.loc[table["code"] == parent, "parent_code"].iloc[0]  # a province's: the country
if isinstance(up, str):
    with crumb[1]:
        st.button(
            tr("regions.up", name=markdown_literal(names[up])),
            on_click=st.session_state.__setitem__,
            args=(widget_key("unit", unit_list), up),
        )

if not periods:
    st.info(
        tr(
            "regions.no_data",
            indicator=markdown_literal(ind.name(lang)),
            place=markdown_literal(place),
        )
    )
    st.stop()
with row2[2]:
    period = in_unit_list(tr("regions.period"), periods, "period", label)
kind = parse_period(period).kind

now = units.merge(
    values.loc[values["period"] == period, ["region", "value", "status", "source", "note"]],
    on="region",
    how="left",
)
own = cached(read.resolved_values, rev, indicators=(code,), unit_list=unit_list, regions=(parent,))
own = own[own["period"] == period]
parent_value = float(own["value"].iloc[0]) if not own.empty and own["value"].notna().any() else None
drillable = set(units["region"]) & set(parents) if level != "commune" else set()


def drill(chart_key: str) -> None:
    """A click on a district (bar or map point) opens its communes, on a province its units."""
    points = st.session_state[chart_key].selection.points
    picked = next((p["customdata"][0] for p in points if p.get("customdata")), None)
    if picked in drillable:
        st.session_state[widget_key("unit", unit_list)] = picked


def chart(fig, name: str, key: str, spec: ChartSpec | None = None) -> None:
    """A chart (a click drills down), and its image downloads under it."""
    extra = {}
    if drillable:
        extra = dict(on_select=lambda: drill(key), selection_mode="points", key=key)
    st.plotly_chart(fig, width="stretch", config=png(name), **extra)
    image_downloads(key, name, spec=spec, fig=fig)  # the subtitle already names the area


# The ranking as the briefing page and the image downloads describe it (offered there): the
# units just below the one looked inside (provinces of the country, districts, communes).
ranking_spec = ChartSpec("ranking", code, unit_list, (parent,), period, period, level=level)
remember_views([ranking_spec])


if drillable:
    st.caption(tr("national.drill_hint" if level == "province" else "regions.drill_hint"))
view = f"{code}-{unit_list}-{parent}-{level}-{period}-{lang}"
# what the ranking and the map of this view share
shared = dict(period_label=label(period), level_label=level_label, revision=rev, lang=lang)
left, right = st.columns(2, gap="large")
with left:
    st.subheader(tr("regions.ranking"))
    below_place = None if is_province else place  # the country, or a district, by its name
    every = {"best": len(now)} if level == "province" else {}  # all 34 provinces, no gap row
    fig = ranking_figure(
        now, ind, province_value=parent_value, parent_label=below_place, **every, **shared
    )
    chart(fig, f"{code}-{period}-{parent}-{level}-ranking", f"rank-{view}", ranking_spec)
    ranking_height = fig.layout.height

with right:
    st.subheader(tr("regions.map"))
    places = cached(read.units, unit_list)
    above = "country" if level == "province" else "province"  # units drawn at its centroid
    home = (places["level"] == above) & own_units(places)
    centres = places.loc[home, ["lat", "lon"]].itertuples(index=False)
    now["located"] = located(now, centres)
    shapes = None
    path = cfg.boundary_file(unit_list)
    if path is not None:
        try:
            shapes = boundaries(unit_list, path.stat().st_mtime if path.exists() else 0.0)
        except DataError as err:
            file = markdown_literal(path.name)
            st.warning(tr("regions.boundary_error", file=file), icon=":material/warning:")
            with st.expander(file):
                st.dataframe(err.frame(), hide_index=True)
        if shapes is not None and shapes.warnings:
            st.caption(
                tr(
                    "regions.boundary_warnings",
                    file=markdown_literal(path.name),
                    n=len(shapes.warnings),
                )
            )
    height = max(640, ranking_height)
    if level == "province":  # the country's provinces: the whole map, no far-away inset
        fig = province_map_figure(
            now, ind, home=None, region=[], region_name=None, boundaries=shapes, height=height,
            period_label=label(period), revision=rev, lang=lang,
        )  # fmt: skip
    else:
        fig = map_figure(now, ind, place_name=place, boundaries=shapes, height=height, **shared)
    chart(fig, f"{code}-{period}-{parent}-{level}-map", f"map-{view}")

st.subheader(tr("regions.heatmap"))
columns = sorted(
    (p for p in with_data["period"].unique() if parse_period(p).kind == kind), key=sort_key
)
fig = heatmap_figure(
    units,
    values,
    ind,
    periods=columns,
    level_label=level_label,
    place_name=place,
    revision=rev,
    lang=lang,
)
heat_name = f"{code}-{parent}-{level}-heatmap"
st.plotly_chart(fig, width="stretch", config=png(heat_name))
image_downloads(f"heat-{view}", heat_name, fig=fig)
