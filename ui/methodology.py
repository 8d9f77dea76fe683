"""Phương pháp / Methodology: what each indicator means and how it is computed, the data
statuses, the revision in use, the 2025 reform, number formats."""

import pandas as pd
import streamlit as st

from indicators.core.catalog import TOPICS
from indicators.core.numbers import format_number
from indicators.geography import crosswalk
from indicators.geography.units import LEGACY, NEW
from indicators.present.figures.legend import STATUSES, status_legend_figure
from ui import common as c

lang, rev, cat, cfg = c.lang(), c.revision(), c.catalog(), c.conf()


def fmt(value: float) -> str:
    return format_number(value, lang)


st.title(c.tr("method.heading"))
st.caption(f"{cfg.org(lang)} · {c.revision_caption(rev)}")
st.markdown(c.tr("method.intro"))


def part_name(code: str | None) -> str:
    ind = cat.get(code) if code else None
    return f"{ind.name(lang)} (`{code}`)" if ind else (code or "")


def describe(code: str) -> None:
    """One indicator as a short card: definition, then how it is computed."""
    ind = cat[code]
    with st.container(border=True):
        st.markdown(f"**{ind.name(lang)}** · `{ind.code}` · {ind.unit(lang)}")
        st.markdown(ind.definition(lang))
        agg = c.tr(f"agg_region.{ind.agg_region}", scale=fmt(ind.scale))
        facts = [
            (c.tr("method.agg_region"), agg),
            (c.tr("method.agg_time"), c.tr(f"agg_time.{ind.agg_time}")),
        ]
        if ind.numerator or ind.denominator:
            parts = f"{part_name(ind.numerator)} / {part_name(ind.denominator)}"
            facts.append((c.tr("method.ratio_parts"), parts))
        direction = "direction.up" if ind.higher_is_better else "direction.down"
        facts += [
            (c.tr("method.direction"), c.tr(direction)),
            (c.tr("method.decimals"), str(ind.decimals)),
            (c.tr("method.source"), ind.source),
        ]
        st.markdown("\n".join(f"- {k}: {v}" for k, v in facts))


st.header(c.tr("method.indicators"))
topics = [tp for tp in TOPICS if any(i.topic == tp for i in cat)]
for tab, topic in zip(st.tabs([c.tr(f"topic.{tp}") for tp in topics]), topics, strict=True):
    with tab:
        shown = [i.code for i in cat if i.topic == topic and i.role != "component"]
        cols = st.columns(2, gap="medium")
        for k, code in enumerate(shown):
            with cols[k % 2]:
                describe(code)
        parts = [i for i in cat if i.topic == topic and i.role == "component"]
        if parts:
            with st.expander(c.tr("method.components")):
                st.markdown(
                    "\n".join(
                        f"- **{i.name(lang)}** (`{i.code}`, {i.unit(lang)}): {i.definition(lang)}"
                        for i in parts
                    )
                )

st.header(c.tr("method.statuses"))
left, right = st.columns([2, 3], gap="large")
with left:
    fig = status_legend_figure(revision=rev, lang=lang)
    st.plotly_chart(fig, width="stretch", config={"displaylogo": False}, key="legend")
with right:
    st.markdown(
        f"| {c.tr('method.status_col')} | {c.tr('method.meaning_col')} | "
        f"{c.tr('method.drawn_col')} |\n|---|---|---|\n"
        + "\n".join(
            f"| **{c.tr(f'status.{s}')}** | {c.tr(f'status.{s}.desc')} | "
            f"{c.tr(f'status.{s}.drawn')} |"
            for s in STATUSES
        )
    )
    st.caption(c.tr("method.status_rule"))

st.header(c.tr("method.revision"))
info = c.revision_info(rev)
if info is None:
    st.info(c.tr("method.no_revision"))
else:
    file = c.tr("method.revision_file", name=info.file_name) if info.file_name else ""
    st.markdown(
        c.tr(
            "method.revision_text",
            rev=info.id,
            date=c.local_time(info.created_at),
            author=info.author,
            file=file,
            message=info.message or "",
        )
    )
    st.caption(
        c.tr(
            "method.revision_counts",
            rows=fmt(info.rows_in_file),
            new=fmt(info.rows_new),
            changed=fmt(info.rows_changed),
            same=fmt(info.rows_unchanged),
            removed=fmt(info.rows_removed),
        )
    )

st.header(c.tr("method.reform"))
st.markdown(c.tr("method.reform_text"))
st.subheader(c.tr("method.conversion"))
st.markdown(c.tr("method.conversion_text"))
parts = crosswalk.apportioned_units(c.unit_lists())
if not parts.empty:
    names = c.unit_names()
    olds = parts.groupby("new_code", sort=True).apply(
        lambda g: ", ".join(
            f"{names.get((LEGACY, o), o)} (1/{round(1 / sh)})"
            for o, sh in zip(g["old_code"], g["share"], strict=True)
        )
    )
    st.markdown(f"**{c.tr('method.apportioned')}**")
    st.dataframe(
        pd.DataFrame(
            {
                c.tr("method.apportioned_new"): [names.get((NEW, n), n) for n in olds.index],
                c.tr("method.apportioned_old"): olds.to_list(),
            }
        ),
        hide_index=True, key="apportioned",
    )  # fmt: skip
st.header(c.tr("method.periods"))
st.markdown(c.tr("method.periods_text"))
st.header(c.tr("method.numbers"))
st.markdown(
    c.tr(
        "method.numbers_text",
        big_vi=format_number(30000, "vi", 0),
        small_vi=format_number(99.2, "vi", 1),
        big_en=format_number(30000, "en", 0),
        small_en=format_number(99.2, "en", 1),
    )
)
