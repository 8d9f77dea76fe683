"""Text from data, shown as written: what `present.literal` writes for Markdown and for plotly,
and every figure builder with names, units and sources that are links, images, HTML, bold,
formulas, directives and hover-template fields.

How Streamlit's Markdown and plotly.js *render* these strings is checked in a real Chromium
(tests/browser/test_literal_text_browser.py); here, that the strings hold nothing either reads as
markup, and that they decode back to the text exactly.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from datetime import date

import pytest

from indicators.core.settings import RegionRef
from indicators.present.chart_spec import trend_parts
from indicators.present.figures import heatmap_figure, map_figure, ranking_figure
from indicators.present.figures.growth import growth_figure
from indicators.present.figures.trend import trend_figure, trends_figure
from indicators.present.literal import (
    WORD_JOINER,
    from_plotly,
    markdown_code,
    markdown_literal,
    one_line,
    plain_literal,
    plotly_literal,
)
from indicators.query import read
from tests.present.hostile_text import NAME, PAYLOADS, SOURCE, UNIT

MORE = (  # what Streamlit also reads, beyond the payloads
    ":material/home: :material_home: :streamlit: :smile: :+1:",
    "www.evil.example WWW.evil.example x.y@evil.example mailto:x@evil.example",
    "a -> b <- c <-> d -- e >= f <= g ~= h",
    "1. list",
    "- item",
    "# heading",
    "---",
    "| a | b |",
    "`code` ``c`d`` ~~del~~ _em_ \\*x\\*",
    "&amp; &lt; &#65;",
    "[^1] :small[x] :red-badge[x] :help[x] $$x$$",
    "%{y} %{customdata[0]}",
)
ALL = (*PAYLOADS, *MORE)
PLAIN = "Sở TT&TT; Bưu điện tỉnh — Xã Suối Dầu, 2016-2020: 99,2% (ước tính) ỷ ư ệ"
OPENERS = re.compile(r"[\\`*_\[\]<>&~$@|{}^#]|:(?=\S)")  # what opens a construct mid-line


def shown(markdown: str) -> str:
    """What Markdown shows for a text with no construct: references decoded, joiners unseen."""
    return html.unescape(markdown).replace(WORD_JOINER, "")


@pytest.mark.parametrize("text", ALL)
def test_markdown_literal_reads_as_written_and_opens_nothing(text):
    out = markdown_literal(text)
    assert shown(out) == one_line(text)
    raw = re.sub(r"&#\d+;", "", out)  # what a Markdown parser sees as characters
    assert not OPENERS.search(raw)
    assert not re.match(r"[-+](?: |$)|\d+[.)](?: |$)", raw)  # no list at the start
    # Streamlit matches these after references are decoded: a WORD JOINER breaks each of them
    decoded = html.unescape(out)
    for pattern in (r"https?://", r"www\.", r"\w@\w", r":\w+:", r"(?<!\S)->(?!\S)"):
        assert not re.search(pattern, decoded, re.IGNORECASE), pattern


def test_markdown_literal_leaves_ordinary_text_as_it_is():
    assert markdown_literal(PLAIN) == PLAIN.replace("&", "&#38;")
    for text in ("-5", "+4,3\u00a0điểm\u00a0%", "99.2%", "30.000 bài", "2016–2020", "—"):
        assert markdown_literal(text) == text  # numbers, no-break spaces and dashes stay


def test_one_line_makes_cells_one_line_and_cuts_long_text():
    assert one_line("  a\n\tb\r\n c\x00d  ") == "a b c d"
    assert one_line(None) == "" and one_line(12.5) == "12.5"
    assert one_line("x" * 300, 100) == "x" * 99 + "…"
    assert markdown_literal("[" * 300, 10) == "&#91;" * 9 + "…"
    assert plain_literal("tiêu đề\x0bmới") == "tiêu đề mới"  # PowerPoint cannot hold \x0b


def test_markdown_code_is_one_span_however_many_backticks_the_text_has():
    assert markdown_code("post_commune_pct") == "`post_commune_pct`"
    assert markdown_code("a`b``c") == "```a`b``c```"
    assert markdown_code("`x`") == "`` `x` ``"  # a space keeps the fence off the text


@pytest.mark.parametrize("text", (*ALL, PLAIN))
def test_plotly_literal_holds_no_tag_formula_or_template_field_and_reads_back(text):
    out = plotly_literal(text)
    assert "<" not in out and ">" not in out and "$" not in out and "%{" not in out
    assert re.sub(r"&(amp|lt|gt|#36|#37);", "", out).count("&") == 0
    assert from_plotly(out) == one_line(text)
    assert html.unescape(out) == one_line(text)  # plotly.js decodes these references


# -- every figure builder, on names, units and sources that are payloads ------------------------

OURS = re.compile(r"</?(br|b|i|extra)>|<span style='[^']*'>|</span>")  # the markup we write
TEMPLATE = re.compile(r"%\{[a-z]+(\[\d\])?(:[^}]*)?\}")  # the fields our hover templates use


def strings(obj) -> list[str]:
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in strings(v)]
    return [obj] if isinstance(obj, str) else []


def assert_literal(fig) -> str:
    """No string of the figure holds markup or a template field that came from the data;
    all its text, our markup taken out and references decoded, for what it should show."""
    texts = strings(json.loads(fig.to_json()))
    for text in texts:
        rest = TEMPLATE.sub("", OURS.sub("", text))
        assert "<" not in rest and ">" not in rest and "$" not in rest, text
        assert "%{" not in rest, text
    return "\n".join(html.unescape(OURS.sub(" ", t)) for t in texts)


@pytest.fixture(scope="module")
def hostile_ind(catalog):
    """A headline ratio whose name, unit and catalog source are payloads."""
    return replace(catalog["hh_internet_pct"], name_vi=NAME, unit_vi=UNIT, source=SOURCE)


@pytest.fixture(scope="module")
def units(seeded_store):
    """Khánh Hòa's communes with their 2026 values, named and sourced with payloads."""
    with seeded_store.connect(read_only=True) as con:
        below = read.units_below(con, unit_list="2025", parent="56", level="commune")
        values = read.values_below(
            con, 1, indicator="hh_internet_pct", unit_list="2025", parent="56", level="commune"
        )
    names = [ALL[i % len(ALL)] + f" {i}" for i in range(len(below))]  # unique, for categories
    below = below.assign(name=names, short_name=names)
    values = values.assign(source=SOURCE)
    now = below.merge(values.loc[values.period == "2026"], on="region", how="left")
    return below, values, now


def test_ranking_map_and_heatmap_show_names_units_and_sources_as_written(units, hostile_ind):
    below, values, now = units
    shared = dict(period_label="2026", level_label="Cấp xã", revision=2, lang="vi")
    figures = [
        ranking_figure(now, hostile_ind, province_value=90.0, best=40, worst=40, **shared),
        map_figure(now, hostile_ind, place_name=PAYLOADS[0], **shared),
        heatmap_figure(
            below,
            values,
            hostile_ind,
            periods=["2025", "2026"],
            level_label="Cấp xã",
            place_name=PAYLOADS[2],
            revision=2,
            lang="vi",
        ),
    ]
    for fig in figures:
        text = assert_literal(fig)
        assert " ".join(NAME.split()[:5]) in text and UNIT in text
        assert " ".join(SOURCE.split()[:3]) in text
        assert ALL[2] + " 2" in text or fig is figures[1]  # a unit's name (the map names a few)


def test_trend_and_growth_show_area_names_as_written_even_as_template_fields(
    seeded_store, catalog, hostile_ind
):
    with seeded_store.connect(read_only=True) as con:
        raw = read.range_series(
            con, 1, indicators=["hh_internet_pct"], unit_list="legacy", regions=["56", "568"],
            start=date(2016, 1, 1), end=date(2024, 12, 31),
        )  # fmt: skip
        tg = read.targets(con, 1, indicators=["hh_internet_pct"], refs=[RegionRef("legacy", "56")])
    raw = raw.assign(source=SOURCE)
    parts = trend_parts(raw, tg, hostile_ind, catalog, "year")
    regions = {"56": "%{y} <a href='https://evil.example'>t</a>", "568": "$x$ **n** :red[x]"}
    view = dict(regions=regions, granularity="year", unit_list="legacy", revision=2, lang="vi")
    fig = trends_figure(parts.values, hostile_ind, targets=parts.targets, paths=parts.paths, **view)
    text = assert_literal(fig)
    assert regions["56"] in text and regions["568"] in text and SOURCE in text.replace("\n", " ")
    assert assert_literal(growth_figure(parts.values, hostile_ind, **view))
    one = trend_figure(raw, hostile_ind, region_name=regions["56"], revision=2, lang="vi")
    assert regions["56"] in assert_literal(one)


def test_plotly_literal_leaves_ordinary_names_and_values_as_they_are():
    for text in ("Tỉnh Khánh Hòa", "99,2%", "30.000 bài", "Quý 1/2024", "2016–2020"):
        assert plotly_literal(text) == text
    assert plotly_literal("Sở TT&TT") == "Sở TT&amp;TT"  # shown as "Sở TT&TT"
