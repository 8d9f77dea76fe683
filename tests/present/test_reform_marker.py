"""The 1 July 2025 marker sits between the last period before the reform and the first after."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from indicators.present.figures.frame import frame
from indicators.present.figures.reform_marker import MARKER_NAME, add_reform_marker, marker_x

YEARS = [str(y) for y in range(2016, 2027)]  # 2016 … 2024 old units, 2025 … 2026 new units


@pytest.mark.parametrize(
    ("periods", "x"),
    [
        (YEARS, 8.5),  # between 2024 (index 8) and 2025 (index 9): 2025 is on the new units
        (["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"], 3.5),  # exactly 1 July
        (["2025-05", "2025-06", "2025-07"], 1.5),
        (["2016-2020", "2021-2025"], 0.5),  # a plan phase ending in 2025 is on the new units
        (["2020", "2021", "2022"], None),  # does not cross the reform
        (["2025", "2026"], None),
        ([], None),
    ],
)
def test_marker_position_on_a_category_axis(periods, x):
    assert marker_x(periods) == x


def test_periods_out_of_time_order_are_refused():
    with pytest.raises(ValueError):
        marker_x(["2025", "2024"])


def figure(lang: str) -> go.Figure:
    fig = go.Figure(go.Scatter(x=YEARS, y=list(range(len(YEARS)))))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=YEARS)
    return frame(
        fig, title="T", subtitle="S", source="src", revision=1, illustrative=True, lang=lang,
        height=400,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "label"),
    [("vi", "1/7/2025: sắp xếp đơn vị hành chính"), ("en", "1 Jul 2025: administrative reform")],
)
def test_marker_is_a_labelled_line_that_keeps_the_chart_frame(lang, label):
    fig = add_reform_marker(figure(lang), lang, marker_x(YEARS), note="converted before the line")
    (line,) = [s for s in fig.layout.shapes if s.name == MARKER_NAME]
    assert (line.x0, line.x1, line.xref) == (8.5, 8.5, "x")
    assert (line.y0, line.y1, line.yref) == (0, 1, "paper")
    (note,) = [a for a in fig.layout.annotations if a.name == MARKER_NAME]
    assert note.text == label and note.x == 8.5 and note.hovertext == "converted before the line"
    texts = " ".join(a.text for a in fig.layout.annotations)
    assert "src" in texts  # the frame's footer (source, revision, illustrative) is still there


def test_no_marker_when_the_axis_does_not_cross_the_reform():
    fig = add_reform_marker(figure("vi"), "vi", marker_x(["2020", "2021"]))
    assert not fig.layout.shapes
    assert all(a.name != MARKER_NAME for a in fig.layout.annotations)
