"""Images and decks from a store whose names, units, sources and notes are links, images, HTML,
bold, formulas and directives (tests/present/hostile_text.py), with a deck subtitle typed as one:
the SVG of a chart, the PowerPoint and the PDF hold the text as written and no link from data.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from xml.etree import ElementTree

import pytest
from pptx import Presentation
from pypdf import PdfReader

from indicators.export import deck
from indicators.export.images import SIZES
from indicators.present.chart_spec import ChartSpec
from tests.present.hostile_text import (
    EVIL,
    NAME,
    NAMED,
    PAYLOADS,
    SOURCE,
    UNIT,
    UNITS_OF,
    hostile_store,
)

pytestmark = pytest.mark.slow

SVG = "{http://www.w3.org/2000/svg}"
# Typed on the briefing page (one line on the cover), with a control character pasted in: a
# PowerPoint file cannot hold it, and it is shown as a space.
SUBTITLE = " ".join(PAYLOADS[i] for i in (0, 2, 5)) + "\x0b" + PAYLOADS[8]
SHOWN = SUBTITLE.replace("\x0b", " ")
SPECS = [
    ChartSpec("trend", NAMED, "legacy", ("56",), "2016", "2020"),
    ChartSpec("ranking", NAMED, "legacy", ("56",), "2020", "2020", level="district"),
]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return hostile_store(tmp_path_factory.mktemp("hostile_exports"))


@pytest.fixture(scope="module")
def info(hostile):
    rev = hostile.store.current_revision()
    return deck.default_info(hostile.settings, rev, "vi", SUBTITLE, date(2025, 7, 1))


@pytest.fixture(scope="module")
def charts(hostile, info):
    rev = hostile.store.current_revision()
    return deck.build_all(hostile.store, SPECS, catalog=hostile.catalog, rev=rev, lang="vi")


def svg_lines(data: bytes) -> tuple[ElementTree.Element, str]:
    """The SVG's tree, and its text: each text element one line (a wrapped one joined)."""
    root = ElementTree.fromstring(data)
    lines = []
    for text in root.iter(f"{SVG}text"):
        parts = [t.text or "" for t in text.iter(f"{SVG}tspan") if "line" in t.get("class", "")]
        lines.append(" ".join(parts) if parts else "".join(text.itertext()))
    return root, "\n".join(flat(line) for line in lines)


def svg_of(hostile, info, spec: ChartSpec) -> bytes:
    rev = hostile.store.current_revision()
    return deck.spec_image(
        hostile.store, spec, catalog=hostile.catalog, rev=rev, fmt="svg", size=SIZES["wide"],
        info=info,
    )  # fmt: skip


def test_a_charts_svg_holds_its_title_unit_and_source_as_text_and_no_link(hostile, info):
    named = svg_of(hostile, info, SPECS[0])
    root, text = svg_lines(named)
    assert flat(NAME) in text  # the title, as written: "<b>b</b>" is not bold, "$x$" no formula
    assert not re.search(r"font-weight:\s*bold[^>]*>b<", named.decode())
    assert f"Nguồn: {SOURCE}" in text.replace("\n", " ")  # the footer, wrapped over lines
    unit = svg_of(hostile, info, ChartSpec("trend", UNITS_OF, "legacy", ("56",), "2016", "2020"))
    root, text = svg_lines(unit)
    assert UNIT in text  # the axis title: plotly would write <a href> as an SVG link
    for svg in (named, unit):
        root = ElementTree.fromstring(svg)
        assert list(root.iter(f"{SVG}a")) == []
        assert not any(EVIL in v for e in root.iter() for k, v in e.attrib.items() if "href" in k)


def test_a_decks_slides_are_plain_text_with_no_hyperlink(charts, info):
    pptx = deck.pptx_bytes(charts, info)
    with zipfile.ZipFile(io.BytesIO(pptx)) as zf:
        xml = "".join(
            zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith((".xml", ".rels"))
        )
    assert "hlinkClick" not in xml and "relationships/hyperlink" not in xml
    prs = Presentation(io.BytesIO(pptx))
    cover, *slides = prs.slides
    assert cover.placeholders[1].text_frame.paragraphs[0].text == SHOWN
    for slide, chart in zip(slides, charts, strict=True):
        assert slide.shapes.title.text == chart.title
        caption = next(s for s in slide.shapes if s.name == "Caption")
        assert caption.text_frame.text == chart.caption
    assert slides[0].shapes.title.text == NAME  # the catalog's name, as written
    assert NAME in slides[0].notes_slide.notes_text_frame.text


def test_a_pdf_deck_has_the_text_as_written_and_no_link(charts, info):
    reader = PdfReader(io.BytesIO(deck.pdf_bytes(charts, info)))
    for page in reader.pages:
        annots = page.get("/Annots") or []
        assert not any("/URI" in str(a.get_object().get("/A", {})) for a in annots)
    cover, first = (flat(p.extract_text()) for p in reader.pages[:2])
    assert SHOWN in cover
    assert flat(NAME) in first and "evil.example" in first
    assert f"Nguồn: {SOURCE}" in first
