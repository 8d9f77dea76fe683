"""Chart images: exact pixel sizes, provenance on the image, one engine, every Vietnamese letter.

All images go through the real engine (kaleido driving /usr/bin/chromium) and are read back
with independent readers: the PNG header and Pillow, an XML parser for SVG, pypdf and fontTools
for PDF and the font file.
"""

from __future__ import annotations

import io
import struct
import xml.etree.ElementTree as ET
import zipfile
from datetime import date

import plotly.graph_objects as go
import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from indicators.core.i18n import t
from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.export import deck, engine, images
from indicators.geography.units import LEGACY
from indicators.present import chart_spec
from indicators.present.chart_spec import ChartSpec

pytestmark = pytest.mark.slow

EXPORTED = date(2025, 7, 1)  # a day whose dd/mm differs from mm/dd
LETTERS = "ư ơ ệ ỷ ặ Đ"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def settings():
    return load_settings(DEFAULT_DATA_DIR)


@pytest.fixture(scope="module")
def built(seeded_store, catalog):
    """Charts of the bundled data in both languages: an illustrative trend and ranking, a trend
    of published values only (DTI score 2024) and one of a published value with an
    illustrative target (DTI rank 2024, target 2025)."""
    rev = seeded_store.current_revision()
    specs = {
        "trend": ChartSpec("trend", "post_commune_pct", LEGACY, ("56",), "2016", "2020"),
        "published": ChartSpec("trend", "dti_score", "2025", ("56",), "2024", "2024"),
        "target": ChartSpec("trend", "dti_rank", "2025", ("56",), "2024", "2025"),
        "ranking": ChartSpec("ranking", "hh_internet_pct", LEGACY, ("56",), "2020", "2020",
                             level="district"),
    }  # fmt: skip
    out = {}
    with seeded_store.connect(read_only=True) as con:
        for name, spec in specs.items():
            for lang in ("vi", "en"):
                out[name, lang] = chart_spec.build(con, spec, catalog=catalog, rev=rev, lang=lang)
    assert out["trend", "vi"].illustrative and not out["published", "vi"].illustrative
    return out


def info(settings, lang: str, rev: int = 1) -> deck.DeckInfo:
    return deck.default_info(settings, rev, lang, "test", EXPORTED)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG signature and IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def svg_lines(data: bytes) -> tuple[ET.Element, list[str]]:
    """The SVG's root and the text of each <text> element (its lines joined by spaces)."""
    root = ET.fromstring(data)
    texts = [" ".join(x.strip() for x in el.itertext()) for el in root.iter(f"{SVG}text")]
    return root, texts


# --- sizes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("size", "pixels"), [("wide", (1920, 1080)), ("square", (1080, 1080))])
@pytest.mark.parametrize("kind", ["trend", "ranking"])
def test_png_has_exactly_the_pixels_of_its_size(built, settings, size, pixels, kind):
    assert images.SIZES[size].pixels == pixels
    data = deck.chart_image(built[kind, "vi"], "png", images.SIZES[size], info(settings, "vi"))
    assert png_size(data) == pixels
    with Image.open(io.BytesIO(data)) as im:
        assert im.format == "PNG" and im.size == pixels
        im.load()  # the whole file decodes
        # Dark text on a white page, not a blank image.
        assert im.convert("L").getextrema() == (0, 255) or im.convert("L").getextrema()[0] < 80


# --- provenance on the image ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_svg_is_svg_with_title_subtitle_source_export_date_and_organisation(built, settings, lang):
    chart = built["ranking", lang]
    size = images.SIZES["wide"]
    data = deck.chart_image(chart, "svg", size, info(settings, lang))
    assert data.lstrip().startswith(b"<svg") or data.lstrip().startswith(b"<?xml")
    root, texts = svg_lines(data)
    assert root.tag == f"{SVG}svg"
    assert (root.get("width"), root.get("height")) == (str(size.width), str(size.height))
    everything = " | ".join(texts)
    assert chart.title in texts, texts
    assert chart.areas in everything  # the units shown, in the subtitle
    footer = next(x for x in texts if t("chart.revision", lang, rev=1) in x)
    day = EXPORTED.strftime("%d/%m/%Y")
    exported = f"Xuất ngày {day}" if lang == "vi" else f"Exported {day}"
    assert exported in footer and settings.org(lang) in footer
    assert t("chart.source", lang, source="").strip() in footer
    # Text is set in the packaged font first.
    assert f"font-family: '{engine.EXPORT_FONT_FAMILY}'" in data.decode()


def test_illustrative_mark_is_on_the_image_only_when_a_shown_value_is_illustrative(built, settings):
    mark = t("chart.illustrative", "vi")
    size = images.SIZES["square"]
    _, with_mark = svg_lines(
        deck.chart_image(built["trend", "vi"], "svg", size, info(settings, "vi"))
    )
    _, without = svg_lines(
        deck.chart_image(built["published", "vi"], "svg", size, info(settings, "vi"))
    )
    assert any(mark in x for x in with_mark)
    assert not any(mark in x for x in without)
    # Both still say when and by whom.
    for texts in (with_mark, without):
        assert any(f"Xuất ngày {EXPORTED:%d/%m/%Y}" in x for x in texts)


def test_chart_says_illustrative_when_its_image_carries_the_mark(built, settings):
    chart = built["target", "vi"]
    _, texts = svg_lines(deck.chart_image(chart, "svg", images.SIZES["wide"], info(settings, "vi")))
    marked = any(t("chart.illustrative", "vi") in x for x in texts)
    assert marked  # the 2025 target shown is illustrative
    assert chart.illustrative == marked


def test_export_line_reads_day_month_year():
    line = images.export_line("Sở X", date(2025, 3, 4), "vi")
    assert line == "Xuất ngày 04/03/2025 · Sở X"
    assert images.export_line("Dept X", date(2025, 3, 4), "en") == "Exported 04/03/2025 · Dept X"


# --- one engine -----------------------------------------------------------------------------


def test_engine_starts_once_for_an_image_and_then_a_deck_of_eight(built, settings):
    wide, en = images.SIZES["wide"], info(settings, "en")
    first = deck.chart_image(built["trend", "en"], "png", wide, en)
    assert png_size(first) == (1920, 1080)
    started = engine.engine_starts
    assert started >= 1
    eight = [built[k, "en"] for k in ("trend", "published", "target", "ranking")] * 2
    data = deck.png_zip(eight, en)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        pngs = [n for n in zf.namelist() if n.endswith(".png")]
        assert len(pngs) == 8
        assert all(png_size(zf.read(n)) == (1920, 1080) for n in pngs)
    assert engine.engine_starts == started


# --- every Vietnamese letter, in the font actually used -------------------------------------


def embedded_fonts(page) -> list[dict]:
    """The fonts a PDF page uses: BaseFont name and, for embedded TrueType, the font bytes."""
    out = []
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        parts = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
        for part in parts:
            desc = part.get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            stream = desc.get("/FontFile2")
            out.append(
                {
                    "name": str(font["/BaseFont"]),
                    "data": stream.get_object().get_data() if stream is not None else None,
                }
            )
    return out


def test_title_with_vietnamese_letters_is_set_in_a_font_that_has_them():
    letters = LETTERS.split()
    title = f"Tỷ lệ hộ dùng Internet: {LETTERS}"
    fig = go.Figure(go.Bar(x=["Đà Lạt", "Hưng Yên"], y=[1, 2]))
    fig.update_layout(title_text=title, font_family=images.EXPORT_FONT)
    pdf = engine.render(fig, "pdf", 960, 540)
    page = PdfReader(io.BytesIO(pdf)).pages[0]

    text = page.extract_text()
    assert all(letter in text for letter in letters), text
    assert title in text

    fonts = embedded_fonts(page)
    # Every run of text is in the packaged font: no letter fell back to another font.
    assert fonts and all("BeVietnamPro" in f["name"] for f in fonts), fonts
    used = {f["name"].split("+", 1)[-1] for f in fonts}

    path = engine.font_file()
    font = TTFont(path)
    # The package's font (ligatures off, see below): the same glyphs for the same letters.
    package = TTFont(engine.packaged_font())
    assert "fontpkg" in str(engine.packaged_font())
    assert font.getBestCmap() == package.getBestCmap()
    assert font.getGlyphOrder() == package.getGlyphOrder()
    postscript = font["name"].getDebugName(6)
    assert postscript in used, (postscript, used)
    cmap = font.getBestCmap()
    assert all(ord(letter) in cmap for letter in letters)

    # The subset embedded in the PDF comes from that file and maps those letters too.
    for f in fonts:
        assert f["data"], f["name"]
        sub = TTFont(io.BytesIO(f["data"]))
        assert sub["name"].getDebugName(6) == postscript
        assert sub["head"].created == font["head"].created
        assert sub["head"].fontRevision == font["head"].fontRevision
        sub_cmap = sub.getBestCmap()
        assert all(ord(letter) in sub_cmap for letter in letters)


def test_pdf_text_reads_as_written_with_no_ligature_glyphs():
    """A ligature glyph (fi, ffi) in Chromium's PDF has no text: 'office' would read 'o?ce'."""
    words = "office official figures profile Đắk Lắk"
    fig = go.Figure()
    fig.update_layout(title_text=words, font_family=images.EXPORT_FONT)
    pdf = engine.render(fig, "pdf", 600, 300)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert words in text, text
    assert "\x00" not in text


def test_a_font_without_the_letters_would_be_caught():
    """The check above can fail: Chromium's 'Arial' (Liberation Sans) lacks ư, ệ, ỷ."""
    fig = go.Figure()
    fig.update_layout(title_text=LETTERS, font_family="Liberation Sans")
    pdf = engine.render(fig, "pdf", 400, 200)
    fonts = embedded_fonts(PdfReader(io.BytesIO(pdf)).pages[0])
    assert not all("BeVietnamPro" in f["name"] for f in fonts), fonts


@pytest.mark.parametrize("kind", ["wide", "slide"])
def test_a_long_ranking_names_every_unit_in_a_wide_image(seeded_store, catalog, settings, kind):
    """31 rows (best 10, gap, worst 20) in 540 px: labels shrink instead of being skipped."""
    spec = ChartSpec("ranking", "hh_internet_pct", "2025", ("56",), "2025", "2025")
    with seeded_store.connect(read_only=True) as con:
        chart = chart_spec.build(con, spec, catalog=catalog, rev=seeded_store.current_revision(),
                             lang="vi")  # fmt: skip
    size = images.SIZES[kind]
    fig = images.for_export(chart.figure, size, org=settings.org("vi"), exported=EXPORTED,
                            lang="vi", areas=chart.areas)  # fmt: skip
    rows = len(fig.data[0].y)
    plot = size.height - fig.layout.margin.t - fig.layout.margin.b
    assert rows == 31
    assert fig.layout.yaxis.tickfont.size * rows <= plot  # every label has its row
    assert fig.layout.yaxis.tickfont.size >= 6
