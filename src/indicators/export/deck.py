"""Briefing decks: a PowerPoint, a PDF and a ZIP of images from the same list of charts.

Each holds a title slide, then one slide per chart: its title, the one-sentence caption computed
from the data, and the chart with its provenance (subtitle, source, revision, illustrative mark,
export date, organisation). All images come from the one image engine (`export.engine`).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go

from indicators.core.i18n import t
from indicators.export.images import EXPORT_FONT, SIZES, Size, export_line, for_export, image
from indicators.present.chart_spec import Chart, ChartSpec, build
from indicators.present.literal import plain_literal, plotly_literal
from indicators.present.palette import BLUE, QUIET, SOFT, STRONG, TARGET_TEXT

SLIDE_W_EMU, SLIDE_H_EMU = 12_192_000, 6_858_000  # PowerPoint's 16:9 (13.333 × 7.5 in)
SLIDE_W_IN = SLIDE_W_EMU / 914_400
PPTX_FONT = "Arial"  # Office's Arial has every Vietnamese letter; the deck stays editable
CORE_CHARS = 255  # python-pptx refuses a longer title or author in the file's properties


@dataclass(frozen=True)
class DeckInfo:
    """What the title slide says and every image's footer repeats."""

    title: str
    subtitle: str
    org: str
    exported: date
    revision: int
    lang: str

    def when(self) -> str:
        """The title slide's line: export date and data revision."""
        day = self.exported.strftime("%d/%m/%Y")
        return t("deck.stamp", self.lang, date=day, rev=self.revision)

    def stamp(self) -> str:
        return f"{export_line(self.org, self.exported, self.lang)} · " + t(
            "chart.revision", self.lang, rev=self.revision
        )


def chart_image(chart: Chart, fmt: str, size: Size, info: DeckInfo, **kw) -> bytes:
    """One chart as an image with full provenance (the download menus and the CLI)."""
    return figure_image(chart.figure, fmt, size, info, chart.areas, **kw)


def figure_image(
    fig: go.Figure, fmt: str, size: Size, info: DeckInfo, areas: str | None = None, **kw
) -> bytes:
    """Any framed figure (a map, a heatmap) as an image with full provenance; `kw` as in
    `images.for_export` (a caption, no heading)."""
    framed = for_export(
        fig, size, org=info.org, exported=info.exported, lang=info.lang, areas=areas, **kw
    )
    return image(framed, fmt, size)


def spec_image(
    store, spec: ChartSpec, *, catalog, rev: int, fmt: str, size: Size, info: DeckInfo
) -> bytes:
    """The chart a spec describes, built from the store and drawn as an image.

    Self-contained (opens its own read-only connection), so a page can hand it to a download
    button that runs it only when clicked.
    """
    with store.connect(read_only=True) as con:
        chart = build(con, spec, catalog=catalog, rev=rev, lang=info.lang)
    return chart_image(chart, fmt, size, info)


def build_all(
    store, specs: list[ChartSpec], *, catalog, rev: int, lang: str, compact: bool = True
) -> list[Chart]:
    """The charts of a deck (compact rankings: see `chart_spec.build`)."""
    with store.connect(read_only=True) as con:
        return [build(con, s, catalog=catalog, rev=rev, lang=lang, compact=compact) for s in specs]


def deck_bytes(store, specs: list[ChartSpec], fmt: str, *, catalog, rev: int, info: DeckInfo):
    """A whole deck (pptx, pdf or a zip of PNGs) from specs, in one call.

    Self-contained like `spec_image`, for a download button that builds only when clicked.
    """
    charts = build_all(store, specs, catalog=catalog, rev=rev, lang=info.lang)
    make = {"pptx": pptx_bytes, "pdf": pdf_bytes, "zip": png_zip}[fmt]
    return make(charts, info)


def png_zip(charts: list[Chart], info: DeckInfo, size: str = "wide") -> bytes:
    """Numbered PNGs in slide order, and a text file of their captions."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        lines = [info.title, info.stamp(), ""]
        for i, chart in enumerate(charts, 1):
            name = f"{i:02d}_{chart.stem}.png"
            zf.writestr(name, chart_image(chart, "png", SIZES[size], info))
            lines += [
                f"{name}: {plain_literal(chart.title)}",
                f"    {plain_literal(chart.caption)}",
            ]
        zf.writestr(t("deck.captions_file", info.lang), "\n".join(lines) + "\n")
    return buf.getvalue()


def pptx_bytes(charts: list[Chart], info: DeckInfo) -> bytes:
    """A 16:9 PowerPoint: title slide, then title + caption + picture per chart.

    Titles and captions are text (editable, read by screen readers and the outline view); the
    caption is repeated in the speaker notes for whoever presents. Every text is a plain run
    (`plain_literal`): names and subtitles from data and forms never become links.
    """
    # python-pptx is heavy: loaded only when a deck is made, so pages and the CLI start without it
    from pptx import Presentation
    from pptx.util import Emu, Inches, Pt  # python-pptx, as above

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(SLIDE_W_EMU), Emu(SLIDE_H_EMU)
    first = prs.slides.add_slide(prs.slide_layouts[0])
    # The default template's title slide is laid out for 4:3: place its boxes on the wide slide.
    margin = Inches(0.9)
    for shape, top, tall in ((first.shapes.title, 2.0, 1.5), (first.placeholders[1], 3.6, 2.2)):
        shape.left, shape.top = margin, Inches(top)
        shape.width, shape.height = Emu(SLIDE_W_EMU) - 2 * margin, Inches(tall)
    first.shapes.title.text = plain_literal(info.title)
    _font(first.shapes.title.text_frame, Pt(36), bold=True)
    lines = [line for line in (info.subtitle, info.org, info.when()) if line]
    if any(c.illustrative for c in charts):
        lines.append(t("chart.illustrative", info.lang))
    first.placeholders[1].text = "\n".join(plain_literal(line) for line in lines)
    _font(first.placeholders[1].text_frame, Pt(18))
    size = SIZES["slide"]
    px_w, px_h = size.pixels
    top = Inches(1.85)
    height = Emu(SLIDE_H_EMU) - top - Inches(0.1)
    width = Emu(int(height * px_w / px_h))
    for chart in charts:
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = (
            Inches(0.4),
            Inches(0.25),
            Inches(SLIDE_W_IN - 0.8),
            Inches(0.8),
        )
        title.text = plain_literal(chart.title)
        _font(title.text_frame, Pt(28), bold=True, left=True)
        box = slide.shapes.add_textbox(
            Inches(0.4), Inches(1.05), Inches(SLIDE_W_IN - 0.8), Inches(0.8)
        )
        box.name = "Caption"
        box.text_frame.word_wrap = True
        box.text_frame.text = plain_literal(chart.caption)
        _font(box.text_frame, Pt(16), left=True)
        picture = chart_image(chart, "png", size, info, heading=False)
        left = int((SLIDE_W_EMU - width) / 2)
        pic = slide.shapes.add_picture(io.BytesIO(picture), left, top, width, height)
        pic.name = chart.stem
        slide.notes_slide.notes_text_frame.text = plain_literal(chart.caption)
    prs.core_properties.title = plain_literal(info.title, CORE_CHARS)
    prs.core_properties.author = plain_literal(info.org, CORE_CHARS)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _font(frame, size, *, bold: bool = False, left: bool = False) -> None:
    from pptx.enum.text import PP_ALIGN  # python-pptx: heavy, loaded with the first deck

    for para in frame.paragraphs:
        if left:
            para.alignment = PP_ALIGN.LEFT
        for run in para.runs:
            run.font.name = PPTX_FONT
            run.font.size = size
            run.font.bold = bold


def title_figure(info: DeckInfo, illustrative: bool) -> go.Figure:
    """The PDF's title page, drawn like the charts so that it uses the same font; its texts
    (a subtitle typed on the page, the organisation) shown as written."""
    lines = [
        (info.title, 34, STRONG, 0.62),
        (info.subtitle, 20, SOFT, 0.50),
        (info.org, 18, SOFT, 0.40),
        (info.when(), 15, QUIET, 0.33),
    ]
    if illustrative:
        lines.append((t("chart.illustrative", info.lang), 15, TARGET_TEXT, 0.26))
    fig = go.Figure()
    for text, px, colour, y in lines:
        fig.add_annotation(
            text=plotly_literal(text),
            x=0.04,
            y=y,
            xref="paper",
            yref="paper",
            xanchor="left",
            showarrow=False,
            font=dict(size=px, color=colour),
        )
    fig.add_shape(
        type="rect",
        xref="paper",
        yref="paper",
        x0=0,
        x1=0.012,
        y0=0.2,
        y1=0.72,
        fillcolor=BLUE,
        line_width=0,
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(template="plotly_white", margin=dict(l=40, r=40, t=40, b=40))
    return fig


def pdf_bytes(charts: list[Chart], info: DeckInfo) -> bytes:
    """The deck as a 16:9 PDF: vector pages with the text set in the packaged font."""
    from pypdf import PdfWriter  # loaded only when a PDF deck is made (heavy, optional)

    size = SIZES["wide"]
    cover = title_figure(info, any(c.illustrative for c in charts))
    cover.update_layout(font_family=EXPORT_FONT)
    pages = [image(cover, "pdf", size)]
    pages += [chart_image(c, "pdf", size, info, caption=c.caption) for c in charts]
    writer = PdfWriter()
    for page in pages:
        writer.append(io.BytesIO(page))
    writer.add_metadata({"/Title": plain_literal(info.title), "/Author": plain_literal(info.org)})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def default_info(settings, revision: int, lang: str, subtitle: str, today: date) -> DeckInfo:
    """A deck's title from the configured province (or the whole country) and organisation."""
    name = settings.province(lang)
    title = (
        t("national.heading", lang, name=name)
        if settings.whole_country
        else t("deck.title", lang, province=name)
    )
    return DeckInfo(
        title=title,
        subtitle=subtitle,
        org=settings.org(lang),
        exported=today,
        revision=revision,
        lang=lang,
    )
