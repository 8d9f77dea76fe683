"""Every colour has one home (`indicators.present.palette`) and reaches WCAG 2.1 AA on white:
4.5:1 for words, 3:1 for the marks that carry data; the Okabe-Ito hues are kept."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from indicators.core.settings import REPO_ROOT
from indicators.present import palette
from indicators.present.palette import MARKS, TEXT, contrast, darkened

MARK_COLOURS = ["BLUE", "ORANGE", "VERMILLION", "GREEN", "GREY", "NO_DATA_LINE", "FRAME_LINE"]
TEXT_COLOURS = ["INK", "NOTE", "QUIET", "STRONG", "SOFT", "TARGET_TEXT", "GREY_TEXT", "CAPTION"]


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast("#000000") == pytest.approx(21)
    assert contrast("#ffffff") == pytest.approx(1)
    assert contrast("#767676") == pytest.approx(4.54, abs=0.01)  # the known 4.5:1 grey
    assert contrast("#777") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", MARK_COLOURS)
def test_data_marks_reach_3_to_1(name):
    assert contrast(getattr(palette, name)) >= MARKS


def test_every_series_colour_reaches_3_to_1_and_they_stay_apart():
    assert all(contrast(c) >= MARKS for c in palette.SERIES_COLOURS)
    assert len(set(palette.SERIES_COLOURS)) == len(palette.SERIES_COLOURS)


@pytest.mark.parametrize("name", TEXT_COLOURS)
def test_text_reaches_4_5_to_1(name):
    assert contrast(getattr(palette, name)) >= TEXT


def test_darkening_keeps_the_okabe_ito_hue():
    """Darkened in the same hue: the channels keep their proportions (within rounding)."""
    for name, original in palette.OKABE_ITO.items():
        shade = darkened(original, MARKS)
        o = [int(original[i : i + 2], 16) for i in (1, 3, 5)]
        s = [int(shade[i : i + 2], 16) for i in (1, 3, 5)]
        scale = max(s) / max(o) if max(o) else 1
        assert all(abs(a * scale - b) <= 1 for a, b in zip(o, s, strict=True)), name
    assert palette.OKABE_ITO["orange"] != palette.ORANGE  # the one too light for bars
    assert palette.OKABE_ITO["blue"] == palette.BLUE  # dark enough already: unchanged


def test_the_streamlit_theme_is_the_palettes():
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text())
    theme = config["theme"]
    assert {k: theme[k] for k in palette.THEME} == palette.THEME
    assert contrast(palette.CAPTION) >= TEXT  # captions: the text colour at 60 %


def test_no_colour_is_written_outside_the_palette():
    hexes = re.compile(r"[\"'(:\s]#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?\b")
    found = []
    for folder in ("src", "ui"):
        for path in Path(REPO_ROOT, folder).rglob("*.py"):
            if path.name == "palette.py":
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("  # ")[0]
                if hexes.search(code):
                    found.append(f"{path.relative_to(REPO_ROOT)}:{n}: {line.strip()}")
    assert not found, "\n".join(found)
