"""Phương pháp / Methodology: what each indicator means and how it is computed, the data
statuses, the revision in use, the 2025 reform, periods and number formats, the province
rankings held: one tab each (`SECTIONS`), of which only the open one is built and sent."""

import pandas as pd
import streamlit as st

from indicators.core.catalog import TOPICS, Indicator
from indicators.core.clock import local_time
from indicators.core.direction import rising_is_good
from indicators.core.numbers import format_number
from indicators.core.periods import parse_period
from indicators.core.schema import STATUSES
from indicators.core.settings import settings
from indicators.geography import crosswalk
from indicators.geography.provinces import all_provinces
from indicators.geography.socio_regions import load_socio_regions, split_provinces
from indicators.geography.units import LEGACY, NEW, build_regions, province_codes
from indicators.present.literal import markdown_code, markdown_literal
from ui.cache import catalog, revision, revision_info
from ui.charts import chart
from ui.session import language, number, page_heading, province_ref, tr
from ui.views import methodology as view

lang, rev, cat = language(), revision(), catalog()
# Names, units, definitions and sources come from the catalog file, and the revision's author,
# file name and message from an upload or a restore form: each is shown as written
# (`markdown_literal`, codes and file names in a code span of their own, `markdown_code`).

page_heading(tr("method.heading"), rev)
st.markdown(tr("method.intro"))


def part_name(code: str | None) -> str:
    ind = cat.get(code) if code else None
    if ind is None:
        return markdown_code(code) if code else ""
    return f"{markdown_literal(ind.name(lang))} ({markdown_code(code)})"


def describe(code: str) -> None:
    """One indicator as a short card: definition, then how it is computed."""
    ind = cat[code]
    with st.container(border=True):
        name, unit = markdown_literal(ind.name(lang)), markdown_literal(ind.unit(lang))
        title = f"**{name}** · {markdown_code(ind.code)} · {unit}"
        definition = markdown_literal(ind.definition(lang))
        agg = tr(f"agg_region.{ind.agg_region}", scale=number(ind.scale))
        facts = [
            (tr("method.agg_region"), agg),
            (tr("method.agg_time"), tr(f"agg_time.{ind.agg_time}")),
        ]
        if ind.numerator or ind.denominator:
            parts = f"{part_name(ind.numerator)} / {part_name(ind.denominator)}"
            facts.append((tr("method.ratio_parts"), parts))
        direction = "direction.up" if rising_is_good(ind) else "direction.down"
        facts += [
            (tr("method.direction"), tr(direction)),
            (tr("method.decimals"), str(ind.decimals)),
            (tr("method.source"), markdown_literal(ind.source)),
        ]
        # one element a card (forty cards at national scale: the browser draws each element)
        st.markdown("\n\n".join([title, definition, "\n".join(f"- {k}: {v}" for k, v in facts)]))


def component(ind: Indicator) -> str:
    """A component indicator as a list item: name, code, unit, definition."""
    name, unit = markdown_literal(ind.name(lang)), markdown_literal(ind.unit(lang))
    definition = markdown_literal(ind.definition(lang))
    return f"- **{name}** ({markdown_code(ind.code)}, {unit}): {definition}"


def file_part(name: str) -> str:
    """' from `name`': the message puts the file name in a code span; the span is made here
    (`markdown_code`), so that a backtick in the name cannot end it."""
    text = tr("method.revision_file", name="\0")
    return text.replace("`\0`", markdown_code(name)).replace("\0", markdown_literal(name))


def and_list(names: list[str]) -> str:
    """Names as a sentence lists them, in the reader's language: A; A và B; A, B và C."""
    if len(names) < 2:
        return "".join(names)
    return tr("method.reform_and", first=", ".join(names[:-1]), last=names[-1])


def reform_province() -> str:
    """What the 2025 reform made of this install's province: its name (as settings.toml
    writes it), its code in the 2025 list, the old provinces it joins (from the package's
    converter, the one of the same name first) and its commune-level units. Computed, so that
    each install names its own province (the text named Khánh Hòa on every install); empty
    when the province has no unit in the 2025 list. Names are data: shown as written."""
    ref = province_ref(NEW)
    if ref is None or ref.code not in province_codes(NEW):
        return ""
    xw = crosswalk.national_crosswalk()
    olds = tuple(sorted(set(xw.loc[xw["new_province_code"] == ref.code, "old_province_code"])))
    units = build_regions(
        ((NEW, (ref.code,)),) + (((LEGACY, olds),) if olds else ()), national=False
    )
    new = units[units["unit_list"] == NEW]
    home = new.loc[new["level"] == "province", "short_name"].iloc[0]
    old = units[(units["unit_list"] == LEGACY) & (units["level"] == "province")]
    joined = sorted(
        zip(old["short_name"], old["code"], strict=True), key=lambda n: (n[0] != home, n[1])
    )
    params = {
        "province": markdown_literal(settings().province(lang)),
        "code": markdown_literal(ref.code),
        "communes": number(int((new["level"] == "commune").sum())),
    }
    if len(joined) < 2:  # one old province became the new one whole
        return tr("method.reform_kept", **params)
    olds_text = and_list([markdown_literal(name) for name, _ in joined])
    return tr("method.reform_merged", olds=olds_text, **params)


def indicators_section() -> None:
    """Each indicator of the open topic as a card; the topic's components in an expander."""
    st.header(tr("method.indicators"))
    topics = [tp for tp in TOPICS if any(i.topic == tp for i in cat)]
    tabs = st.tabs([tr(f"topic.{tp}") for tp in topics], key="topic", on_change="rerun")
    for tab, topic in zip(tabs, topics, strict=True):
        if not tab.open:  # only the open topic is built and sent: all 40 cards cost 0.4 s
            continue
        with tab:
            shown = [i.code for i in cat if i.topic == topic and i.role != "component"]
            cols = st.columns(2, gap="medium")
            for k, code in enumerate(shown):
                with cols[k % 2]:
                    describe(code)
            parts = [i for i in cat if i.topic == topic and i.role == "component"]
            if parts:
                with st.expander(tr("method.components")):
                    st.markdown("\n".join(component(i) for i in parts))


def statuses_section() -> None:
    """The status legend's figure beside the table of what each status means."""
    st.header(tr("method.statuses"))
    left, right = st.columns([2, 3], gap="large")
    with left:
        chart(view.legend(rev, lang), width="stretch", config={"displaylogo": False}, key="legend")
    with right:
        st.markdown(
            f"| {tr('method.status_col')} | {tr('method.meaning_col')} | "
            f"{tr('method.drawn_col')} |\n|---|---|---|\n"
            + "\n".join(
                f"| **{tr(f'status.{s}')}** | {tr(f'status.{s}.desc')} "
                f"| {tr(f'status.{s}.drawn')} |"
                for s in STATUSES
            )
        )
        st.caption(tr("method.status_rule"))


def revision_section() -> None:
    """Who made the revision in use, from which file, and what it changed."""
    st.header(tr("method.revision"))
    info = revision_info(rev)
    if info is None:
        st.info(tr("method.no_revision"))
        return
    st.markdown(
        tr(
            "method.revision_text",
            rev=info.id,
            date=local_time(info.created_at),
            author=markdown_literal(info.author),
            file=file_part(info.file_name) if info.file_name else "",
            message=markdown_literal(info.message),
        )
    )
    st.caption(
        tr(
            "method.revision_counts",
            rows=number(info.rows_in_file),
            new=number(info.rows_new),
            changed=number(info.rows_changed),
            same=number(info.rows_unchanged),
            removed=number(info.rows_removed),
        )
    )


def reform_section() -> None:
    """The 2025 reform for this province, how figures cross it, and the divided units."""
    st.header(tr("method.reform"))
    st.markdown(tr("method.reform_text", province=reform_province()))
    st.subheader(tr("method.conversion"))
    st.markdown(tr("method.conversion_text"))
    shares = view.apportioned()
    if not shares.empty:
        st.markdown(f"**{tr('method.apportioned')}**")
        st.dataframe(
            shares.rename(
                columns={"new": tr("method.apportioned_new"), "old": tr("method.apportioned_old")}
            ),
            hide_index=True,
            key="apportioned",
        )


def periods_section() -> None:
    """Kinds of period and the roll-up over time; how numbers are written and downloaded."""
    st.header(tr("method.periods"))
    st.markdown(tr("method.periods_text"))
    st.header(tr("method.numbers"))
    st.markdown(
        tr(
            "method.numbers_text",
            big_vi=format_number(30000, "vi", 0),
            small_vi=format_number(99.2, "vi", 1),
            big_en=format_number(30000, "en", 0),
            small_en=format_number(99.2, "en", 1),
        )
    )


# -- Province rankings and socio-economic regions (the Provinces page), from the data itself ---


def rankings_table() -> pd.DataFrame:
    """Per ranking and year: how many provinces have a value out of 63 or 34, and the sources."""
    held = view.held_rankings(rev)
    return pd.DataFrame(
        {
            tr("method.rankings_col_indicator"): [
                cat[c].name(lang) if c in cat else c for c in held["indicator"]
            ],
            tr("method.rankings_col_year"): [
                f"{parse_period(p).label(lang)} · {tr(f'unitlist.short.{u}')}"
                for p, u in zip(held["period"], held["unit_list"], strict=True)
            ],
            tr("method.rankings_col_count"): [
                f"{n}/{o}" for n, o in zip(held["n"], held["out_of"], strict=True)
            ],
            tr("method.rankings_col_sources"): ["; ".join(s) for s in held["sources"]],
        }
    )


def regions_text() -> str:
    """Where the regions file's grouping comes from, per unit list; names shown as written."""
    socio = load_socio_regions(settings().socio_regions_file)
    names = all_provinces().set_index(["unit_list", "code"])["short_name"]
    old = socio.of_list(LEGACY)
    new = socio.of_list(NEW)
    old_sources = "; ".join(dict.fromkeys(old["source"]))
    params = {"file": markdown_code(socio.path.name), "old": markdown_literal(old_sources)}
    if not all(src.startswith("derived") for src in new["source"]):
        new_sources = markdown_literal("; ".join(dict.fromkeys(new["source"])))
        return tr("method.regions_sourced", new=new_sources, **params)
    split = [
        f"{names[(NEW, code)]} ({', '.join(names[(LEGACY, c)] for c in olds)})"
        for code, olds in split_provinces(socio)
    ]
    return tr("method.regions_derived", split=markdown_literal("; ".join(split)), **params)


def rankings_section() -> None:
    """What the stored province rankings hold, and where the regions' grouping comes from."""
    st.header(tr("method.rankings"))
    st.markdown(tr("method.rankings_text"))
    held = rankings_table()
    if held.empty:
        st.info(tr("method.rankings_none"))
    else:
        st.dataframe(held, hide_index=True, key="rankings")
    st.subheader(tr("method.regions"))
    st.markdown(regions_text())


SECTIONS = {
    "indicators": indicators_section,
    "statuses": statuses_section,
    "revision": revision_section,
    "reform": reform_section,
    "periods": periods_section,
    "rankings": rankings_section,
}
# One section at a time, as tabs: the whole page opened warm in 0.71 s at national scale, one
# section in 0.54 s (the two served side by side, 10 opens each; a bare one-chart page 0.43 s),
# and a phone reader scrolled past all of it.
labels = {name: tr(f"method.tab.{name}") for name in SECTIONS}
# The open section is remembered under our own key, so switching the language (whose tabs
# have other labels, hence another widget) keeps it. The tabs open first on it, and that first
# choice stays fixed for as long as the language does: Streamlit takes a tab widget whose
# `default` changed for a new one, and would forget the tab the reader just clicked.
first_lang, first = st.session_state.get("method_section_first", (None, None))
if first_lang != lang:
    first = st.session_state.get("method_section", "indicators")
    st.session_state["method_section_first"] = (lang, first)
tabs = st.tabs(
    list(labels.values()),
    default=labels.get(first, labels["indicators"]),
    key=f"method_section_{lang}",
    on_change="rerun",
)
for tab, (name, draw) in zip(tabs, SECTIONS.items(), strict=True):
    if tab.open:
        st.session_state["method_section"] = name
        with tab:
            draw()
