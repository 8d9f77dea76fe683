"""Briefing decks opened the way their readers open them: PowerPoint (python-pptx), PDF (pypdf)
and the ZIP of PNGs, for the preset "Tổng kết giai đoạn 2016–2020" in Vietnamese and English.

Titles and captions on the slides must be the charts' own (computed from the store), pictures
exact PNGs of the slide size, pages 16:9, and every Vietnamese letter set in the packaged font.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from datetime import date

import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from indicators.core.i18n import t
from indicators.core.periods import parse_period
from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.export import deck, engine
from indicators.export.images import SIZES
from indicators.present import chart_spec
from indicators.query import read

pytestmark = pytest.mark.slow

WIDE = 16 / 9
EXPORTED = date(2025, 7, 1)
# Letters outside ASCII that Vietnamese uses: Latin-1/Extended-A/B and the Vietnamese block.
VIETNAMESE = re.compile("[\u00c0-\u024f\u1ea0-\u1eff]")


def flat(text: str) -> str:
    """Whitespace and line breaks as one space (captions wrap across lines on a page)."""
    return " ".join(text.split())


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def settings():
    return load_settings(DEFAULT_DATA_DIR)


class Deck:
    """One language's deck in all three forms, built once for the module."""

    def __init__(self, store, catalog, settings, lang: str):
        rev = store.current_revision()
        with store.connect(read_only=True) as con:
            self.specs = chart_spec.preset("phase_2016_2020", con, rev, catalog=catalog,
                                       settings=settings)  # fmt: skip
        self.charts = deck.build_all(store, self.specs, catalog=catalog, rev=rev, lang=lang)
        subtitle = t("deck.preset.phase_2016_2020", lang)
        self.info = deck.default_info(settings, rev, lang, subtitle, EXPORTED)
        self.lang = lang
        starts = engine.engine_starts
        self.pptx = deck.pptx_bytes(self.charts, self.info)
        self.pdf = deck.pdf_bytes(self.charts, self.info)
        self.zip = deck.png_zip(self.charts, self.info)
        self.engine_started = engine.engine_starts - starts


@pytest.fixture(scope="module", params=["vi", "en"])
def built(request, seeded_store, catalog, settings) -> Deck:
    return Deck(seeded_store, catalog, settings, request.param)


def test_preset_is_the_headline_indicators_with_figures_in_2016_2020(built, settings, catalog):
    # the Overview's cards, in the order settings.toml's [overview] gives them, without the
    # DTI rank: Khánh Hòa's first published rank is 2022 (a slide saying "no data" is left out)
    shown = [c for c in settings.headline_in(catalog) if c != "dti_rank"]
    assert [s.indicator for s in built.specs] == shown and len(built.charts) == 7
    assert settings.headline_in(catalog) == settings.headline
    assert all((s.kind, s.first, s.last) == ("trend", "2016", "2020") for s in built.specs)
    assert built.engine_started <= 1  # three decks, 24+ images: at most one browser start


# --- PowerPoint -----------------------------------------------------------------------------


def test_pptx_is_16_9_with_a_title_slide_and_one_slide_per_chart(built):
    prs = Presentation(io.BytesIO(built.pptx))
    assert abs(prs.slide_width / prs.slide_height - WIDE) < 1e-3
    assert len(prs.slides) == 1 + len(built.charts) == 8
    first = prs.slides[0]
    assert first.shapes.title.text == built.info.title
    body = "\n".join(s.text_frame.text for s in first.placeholders if s != first.shapes.title)
    assert built.info.subtitle in body and built.info.org in body
    day = EXPORTED.strftime("%d/%m/%Y")
    assert (f"Xuất ngày {day}" if built.lang == "vi" else f"Exported {day}") in body
    assert t("chart.revision", built.lang, rev=built.info.revision) in body
    # The bundled figures are illustrative: the title slide says so.
    assert any(c.illustrative for c in built.charts)
    assert t("chart.illustrative", built.lang) in body
    assert prs.core_properties.title == built.info.title


def test_each_chart_slide_has_its_title_caption_notes_and_picture(built):
    prs = Presentation(io.BytesIO(built.pptx))
    px_w, px_h = SIZES["slide"].pixels
    assert (px_w, px_h) == (1920, 872)
    for slide, chart in zip(list(prs.slides)[1:], built.charts, strict=True):
        assert slide.shapes.title.text == chart.title
        (caption,) = [s for s in slide.shapes if s.name == "Caption"]
        assert caption.text_frame.text == chart.caption
        assert slide.notes_slide.notes_text_frame.text == chart.caption
        (pic,) = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert pic.image.content_type == "image/png"
        assert png_size(pic.image.blob) == (px_w, px_h)
        with Image.open(io.BytesIO(pic.image.blob)) as im:
            assert im.size == (px_w, px_h)
        # Drawn at the picture's own aspect (not stretched), inside the slide, under the caption.
        assert abs(pic.width / pic.height - px_w / px_h) < 2e-3
        assert pic.left >= 0 and pic.left + pic.width <= prs.slide_width
        assert pic.top + pic.height <= prs.slide_height
        assert caption.top + caption.height <= pic.top
        assert slide.shapes.title.top + slide.shapes.title.height <= caption.top


def test_title_slide_is_centred_on_the_wide_slide(built):
    prs = Presentation(io.BytesIO(built.pptx))
    title = prs.slides[0].shapes.title
    assert abs(title.left + title.width / 2 - prs.slide_width / 2) < prs.slide_width * 0.01


# --- PDF ------------------------------------------------------------------------------------


def test_pdf_has_a_16_9_page_per_slide_with_its_title_and_caption(built):
    reader = PdfReader(io.BytesIO(built.pdf))
    assert len(reader.pages) == 1 + len(built.charts) == 8
    for page in reader.pages:
        box = page.mediabox
        assert abs(float(box.width) / float(box.height) - WIDE) < 2e-3
    cover = flat(reader.pages[0].extract_text())
    assert built.info.title in cover and built.info.org in cover
    for page, chart in zip(reader.pages[1:], built.charts, strict=True):
        text = flat(page.extract_text())
        assert flat(chart.title) in text, (chart.title, text)
        assert flat(chart.caption) in text, (chart.caption, text)
        assert t("chart.illustrative", built.lang) in text
    assert reader.metadata.title == built.info.title
    assert reader.metadata.author == built.info.org


def test_pdf_sets_every_vietnamese_letter_in_the_packaged_font(built):
    """Another font may draw a symbol (◇), never a letter: no boxes, no mixed typefaces."""
    reader = PdfReader(io.BytesIO(built.pdf))
    for page in reader.pages:
        fonts = {}
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            (part,) = font["/DescendantFonts"]
            data = part.get_object()["/FontDescriptor"]["/FontFile2"].get_object().get_data()
            fonts[str(font["/BaseFont"])] = TTFont(io.BytesIO(data)).getBestCmap()
        ours = [cmap for name, cmap in fonts.items() if "BeVietnamPro" in name]
        assert ours, fonts.keys()
        for name, cmap in fonts.items():
            if "BeVietnamPro" not in name:
                letters = [chr(c) for c in cmap if VIETNAMESE.match(chr(c))]
                assert not letters, (name, letters)
        text = page.extract_text()
        used = {c for c in text if VIETNAMESE.match(c)}
        assert all(any(ord(c) in cmap for cmap in ours) for c in used)


# --- ZIP of PNGs ----------------------------------------------------------------------------


def test_zip_has_the_pngs_in_slide_order_and_the_captions(built):
    with zipfile.ZipFile(io.BytesIO(built.zip)) as zf:
        names = zf.namelist()
        pngs = [n for n in names if n.endswith(".png")]
        assert pngs == [f"{i:02d}_{c.stem}.png" for i, c in enumerate(built.charts, 1)]
        for name in pngs:
            assert png_size(zf.read(name)) == (1920, 1080)
        captions_file = t("deck.captions_file", built.lang)
        assert set(names) == {*pngs, captions_file}
        text = zf.read(captions_file).decode("utf-8")
    assert text.startswith(built.info.title)
    at = -1
    for name, chart in zip(pngs, built.charts, strict=True):
        line = f"{name}: {chart.title}\n    {chart.caption}\n"
        assert line in text
        assert text.index(line) > at
        at = text.index(line)


# --- the other preset -----------------------------------------------------------------------


def test_current_year_preset_builds_rankings_and_trends(seeded_store, catalog, settings):
    rev = seeded_store.current_revision()
    with seeded_store.connect(read_only=True) as con:
        specs = chart_spec.preset("current_year", con, rev, catalog=catalog, settings=settings)
        assert [s.indicator for s in specs] == list(settings.headline_in(catalog))
        assert {s.kind for s in specs} == {"ranking", "trend"}
        year = max(s.last for s in specs)
        era = "2025" if parse_period(year).start >= date(2025, 7, 1) else "legacy"
        for spec in specs:
            assert (spec.last, spec.unit_list) == (year, era)
            if spec.kind == "ranking":  # ranked only where the units have figures that year
                units = read.units_below(
                    con, unit_list=era, parent=spec.regions[0], level=spec.level
                )
                vals = read.resolved_values(
                    con, rev, indicators=[spec.indicator], unit_list=era,
                    regions=units["region"].tolist(), periods=[year],
                )  # fmt: skip
                assert vals["value"].notna().any()
            else:  # else the province's last five years
                assert int(spec.first) == int(year) - 4
        built = {}
        for lang in ("vi", "en"):
            built[lang] = [
                chart_spec.build(con, s, catalog=catalog, rev=rev, lang=lang) for s in specs
            ]
            no_data = t("caption.no_data", lang, indicator="|").split("|")[0]
            for chart in built[lang]:
                assert chart.title and chart.caption.endswith(".")
                assert not chart.caption.startswith(no_data), chart.caption

    built = built["vi"]
    info = deck.default_info(settings, rev, "vi", t("deck.preset.current_year", "vi"), EXPORTED)
    prs = Presentation(io.BytesIO(deck.pptx_bytes(built, info)))
    assert len(prs.slides) == 1 + len(built)
    for slide, chart in zip(list(prs.slides)[1:], built, strict=True):
        assert slide.shapes.title.text == chart.title
        (pic,) = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert png_size(pic.image.blob) == SIZES["slide"].pixels


def test_a_spec_naming_what_does_not_exist_says_which_rule_it_breaks(catalog):
    spec = chart_spec.ChartSpec("trend", "hh_internet_pct", "2025", ("99",), "2020", "2021")
    with pytest.raises(chart_spec.ChartSpecError) as info:  # a ValueError: the CLI prints it
        chart_spec.check(spec, catalog, {"56": "Tỉnh Khánh Hòa"})
    err = info.value
    assert (err.rule, err.params) == ("chartspec.bad_region", {"codes": "99", "unit_list": "2025"})
    assert err.text("en") == "No unit with code 99 in unit list '2025'"
    assert str(err) == f"{err.text('vi')} / {err.text('en')}"
