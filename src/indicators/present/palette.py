"""Every colour of the dashboard, its charts, images and decks, in one place, with the contrast
each needs on a white page (WCAG 2.1 AA).

The data colours are Okabe-Ito (colour-blind safe, apart in greyscale). Where one is too light
for what it draws, it is darkened in the same hue until it reaches its ratio against white:
`TEXT` (4.5:1, success criterion 1.4.3) for words, `MARKS` (3:1, 1.4.11) for lines, bars and
markers a reader needs. The ratios are computed here (`contrast`), never judged by eye, and
tests/present/test_palette.py checks every colour and the Streamlit theme against them.

The Streamlit theme (.streamlit/config.toml, `THEME` here) sets the text colour: Streamlit draws
captions (sources, notes, the revision line) in it at 60 % opacity, so a text colour dark enough
keeps those at 4.5:1 too.
"""

from __future__ import annotations

WHITE = "#ffffff"
# behind a label drawn over bars or lines (the reform marker's, the growth chart's "= 100")
LABEL_GROUND = "rgba(255,255,255,0.85)"
TEXT = 4.5  # words, at any size we use
MARKS = 3.0  # lines, bars, markers and the edges of shapes that carry data

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}


def _channels(colour: str) -> tuple[int, int, int]:
    code = colour.lstrip("#")
    if len(code) == 3:
        code = "".join(c * 2 for c in code)
    return int(code[0:2], 16), int(code[2:4], 16), int(code[4:6], 16)


def luminance(colour: str) -> float:
    """Relative luminance of an sRGB colour (#rrggbb or #rgb), as WCAG 2.1 defines it."""

    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, against: str = WHITE) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    hi, lo = sorted((luminance(colour), luminance(against)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def blend(colour: str, alpha: float, against: str = WHITE) -> str:
    """`colour` drawn at `alpha` opacity on `against` (how Streamlit draws its captions)."""
    mixed = (
        round(alpha * c + (1 - alpha) * b)
        for c, b in zip(_channels(colour), _channels(against), strict=True)
    )
    return "#" + "".join(f"{c:02X}" for c in mixed)


def darkened(colour: str, ratio: float, against: str = WHITE) -> str:
    """`colour` itself if it reaches `ratio` against `against`, else the lightest colour of the
    same hue and saturation (its channels scaled down together) that does."""
    channels = _channels(colour)
    for step in range(256):
        scale = 1 - step / 255
        shade = "#" + "".join(f"{round(c * scale):02X}" for c in channels)
        if contrast(shade, against) >= ratio:
            return shade
    return "#000000"


# Data colours (marks): Okabe-Ito, darkened in their hue where they are too light on white.
BLUE = darkened(OKABE_ITO["blue"], MARKS)  # the home series, bars at or above the home
ORANGE = darkened(OKABE_ITO["orange"], MARKS)  # bars below the home, a province's region
VERMILLION = darkened(OKABE_ITO["vermillion"], MARKS)  # targets, the home province's marker
GREEN = darkened(OKABE_ITO["green"], MARKS)  # values on the 2025 units
SERIES_COLOURS = tuple(  # several areas on one chart, each also with its dash and marker
    darkened(OKABE_ITO[name], MARKS)
    for name in ("blue", "orange", "green", "reddish_purple", "sky_blue", "black")
)
GREY = darkened("#999999", MARKS)  # reference lines: the reform, the growth index's 100

# Text colours.
INK = "#222222"  # chart text
NOTE = "#444444"  # chart footers and small notes
QUIET = "#555555"  # secondary lines of images and decks
TARGET_TEXT = darkened(OKABE_ITO["vermillion"], TEXT)  # a target's label, the illustrative mark
GREY_TEXT = darkened("#999999", TEXT)  # "no data" written on an empty chart
STRONG = "#111111"  # unit names on maps, a deck's title
SOFT = "#333333"  # a deck's subtitle and organisation

# Fills that carry no meaning on their own (a value or a name is written on them).
NO_DATA_FILL = "#E5E5E5"  # a unit without a value, hatched with NO_DATA_LINE
NO_DATA_LINE = "#8C8C8C"
FRAME_LINE = "#888888"  # the box around a map
GRID = "#EEEEEE"
HOME_ROW = "#FBE3D6"  # the home province's row in a table (its text stays the page's)

# The Streamlit theme (.streamlit/config.toml sets the same): the accent, and the text colour,
# dark enough that captions drawn at CAPTION_ALPHA of it still read at 4.5:1.
CAPTION_ALPHA = 0.6
THEME = {"primaryColor": BLUE, "textColor": "#111111"}
CAPTION = blend(THEME["textColor"], CAPTION_ALPHA)
