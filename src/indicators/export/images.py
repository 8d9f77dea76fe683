"""Charts as images for briefings: fixed sizes, the packaged font, and full provenance.

A chart on screen already carries its title, subtitle, source, revision and illustrative
mark (`figures.frame`). An image leaves the dashboard, so it also says when it was exported
and by whom, names the areas it shows, and is set in a font that has every Vietnamese letter.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go

from indicators.core.i18n import t
from indicators.export import engine
from indicators.present.figures.frame import FONT
from indicators.present.literal import from_plotly, plotly_literal
from indicators.present.palette import INK, QUIET


@dataclass(frozen=True)
class Size:
    """CSS size the chart is laid out at, and the scale that gives the image's pixels."""

    width: int
    height: int
    scale: float

    @property
    def pixels(self) -> tuple[int, int]:
        return round(self.width * self.scale), round(self.height * self.scale)


SIZES = {
    "wide": Size(960, 540, 2.0),  # 16:9, 1920 × 1080
    "square": Size(720, 720, 1.5),  # 1080 × 1080
    "slide": Size(960, 436, 2.0),  # a slide's picture under its title and caption, 1920 × 872
}
EXPORT_FONT = f"{engine.EXPORT_FONT_FAMILY}, {FONT}"
FOOTER = "footer"


def export_line(org: str, exported: date, lang: str) -> str:
    return t("export.footer", lang, date=exported.strftime("%d/%m/%Y"), org=org)


def for_export(
    fig: go.Figure,
    size: Size,
    *,
    org: str,
    exported: date,
    lang: str,
    areas: str | None = None,
    caption: str | None = None,
    heading: bool = True,
) -> go.Figure:
    """A copy of `fig` laid out for an image of `size`.

    Adds the export date and organisation to the footer and `areas` (the units shown) to the
    subtitle. `caption` goes under the title (a PDF slide); without `heading` the title is left
    out, for a slide whose own title sits above the picture.
    """
    out = go.Figure(fig)
    # The frame's title and subtitle are plain text written for plotly (`frame`); `areas` and
    # `caption` are plain text: all are wrapped as text, then written for plotly again.
    title = from_plotly(out.layout.title.text or "")
    sub = from_plotly(out.layout.title.subtitle.text or "")
    if areas and areas not in sub:
        sub = (sub + " · " if sub else "") + areas
    chars = int(size.width / 7.2)
    sub_lines = _wrapped(sub, chars, break_on_hyphens=False)
    head_lines = _wrapped(title, int(size.width / 10.5)) or [""]
    cap_lines = _wrapped(caption or "", int(size.width / 8.6), break_on_hyphens=False)
    legend_rows = _legend_rows(out, per_row=3 if size.width >= 900 else 2)
    if heading:
        sub_text = "<br>".join(sub_lines)
        if cap_lines:
            cap = "<br>".join(cap_lines)
            sub_text = f"<span style='font-size:16px;color:{INK}'>{cap}</span><br>{sub_text}"
        top = 62 + 24 * (len(head_lines) - 1) + 21 * len(cap_lines) + 16 * len(sub_lines)
        out.update_layout(title_text="<br>".join(head_lines), title_subtitle_text=sub_text)
    else:
        top = 26 + 16 * len(sub_lines)
        out.update_layout(
            title_text="<br>".join(sub_lines),
            title_font=dict(size=13, color=QUIET),
            title_subtitle_text="",
        )
    if legend_rows:
        out.update_layout(
            legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, xanchor="left")
        )
    out.update_layout(
        width=size.width,
        height=size.height,
        autosize=False,
        font_family=EXPORT_FONT,
        hoverlabel_font_family=EXPORT_FONT,
        title_font_family=EXPORT_FONT,
    )
    bottom = _footer(out, export_line(org, exported, lang), int(size.width / 6.6))
    out.layout.margin.t = top + 24 * legend_rows + (8 if legend_rows else 0)
    out.layout.margin.b = bottom
    _fit_rows(out, size.height - out.layout.margin.t - bottom)
    return out


def _wrapped(text: str, width: int, **kw) -> list[str]:
    """Plain `text` in lines of `width` characters, each written for plotly."""
    return [plotly_literal(line) for line in textwrap.wrap(text, width, **kw)]


def _fit_rows(fig: go.Figure, plot_height: float) -> None:
    """Shrink the row labels of a long ranking or heatmap to fit the image's height.

    Plotly skips every other label when rows are lower than the text, which leaves units
    unnamed in a 16:9 image; a smaller font names them all.
    """
    rowed = [
        t for t in fig.data if t.type == "heatmap" or (t.type == "bar" and t.orientation == "h")
    ]
    rows = max((len(t.y) for t in rowed if t.y is not None), default=0)
    if not rows or plot_height / rows >= 16:
        return
    px = max(6, int(plot_height / rows * 0.8))
    fig.update_yaxes(tickfont_size=px)
    fig.update_traces(textfont_size=px - 1, selector=dict(type="bar"))  # values in the bars,
    fig.update_layout(uniformtext=dict(minsize=px - 1, mode="show"))  # not shrunk further


def _legend_rows(fig: go.Figure, per_row: int) -> int:
    """Rows of a horizontal legend above the plot (0 when the figure shows none)."""
    if fig.layout.showlegend is False:
        return 0
    shown = [tr for tr in fig.data if tr.showlegend is not False and tr.name]
    if len(shown) < 2 and not fig.layout.showlegend:
        return 0
    return -(-len(shown) // per_row)


def _footer(fig: go.Figure, extra: str, chars: int) -> int:
    """Add `extra` to the frame's footer note; the bottom margin it needs."""
    notes = list(fig.layout.annotations)
    for i, note in enumerate(notes):
        if note.name != FOOTER:
            continue
        lines = []
        for line in (note.text or "").split("<br>"):
            if line.startswith("<span"):  # the illustrative mark, our own markup
                lines.append(line)
            else:
                lines += _wrapped(from_plotly(line), chars) or [line]
        lines.append(plotly_literal(extra))
        bottom = 52 + 16 * len(lines)
        notes[i] = go.layout.Annotation(note, text="<br>".join(lines), yshift=-(bottom - 6))
        fig.layout.annotations = notes
        return bottom
    return int(fig.layout.margin.b or 80)


def image(fig: go.Figure, fmt: str, size: Size) -> bytes:
    """PNG (exactly `size.pixels`), SVG or PDF bytes of a figure laid out by `for_export`."""
    scale = size.scale if fmt == "png" else 1.0
    return engine.render(fig, fmt, size.width, size.height, scale)
