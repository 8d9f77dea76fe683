"""A chart's text alternative: the sentence and the table read back from the figure, and the
cards' trend lines as images named by a sentence."""

from __future__ import annotations

import base64
import re

import plotly.graph_objects as go

from indicators.present.figure_data import figure_sentence, figure_table
from indicators.present.literal import plotly_literal
from indicators.present.palette import BLUE
from indicators.present.sparkline import sparkline_img


def test_a_bar_ranking_reads_back_as_the_values_it_writes():
    fig = go.Figure(
        go.Bar(
            y=[plotly_literal("Xã <A>"), "Xã B", "⋯ 3 đơn vị ở giữa ⋯"],
            x=[99.24, 95.0, None],
            orientation="h",
            text=["99,2%", "95%", ""],
        )
    )
    fig.update_layout(title=dict(text="Tỷ lệ, 2024", subtitle=dict(text="% · 65 đơn vị")))
    table = figure_table(fig, "vi")
    assert table.to_dict("records") == [
        {"Mục": "Xã <A>", "Giá trị": "99,2%"},  # the name as written, the value as drawn
        {"Mục": "Xã B", "Giá trị": "95%"},
    ]
    assert figure_sentence(fig, "vi") == "Biểu đồ: Tỷ lệ, 2024. % · 65 đơn vị"


def test_several_series_keep_their_names_and_legend_only_traces_are_left_out():
    fig = go.Figure(
        [
            go.Scatter(x=["2016", "2017"], y=[1234.5, 1300], name="Tỉnh A"),
            go.Scatter(x=["2016", "2017"], y=[10, None], name="Tỉnh B"),
            go.Scatter(x=[None], y=[None], name="legend", visible="legendonly"),
        ]
    )
    table = figure_table(fig, "en")
    assert table.to_dict("records") == [
        {"Series": "Tỉnh A", "Item": "2016", "Value": "1,234.5"},
        {"Series": "Tỉnh A", "Item": "2017", "Value": "1,300"},
        {"Series": "Tỉnh B", "Item": "2016", "Value": "10"},
    ]


def test_a_heatmap_is_a_row_per_unit_and_a_column_per_period():
    fig = go.Figure(go.Heatmap(z=[[1.0, None], [2.5, 3.0]], x=["2024", "2025"], y=["Xã A", "Xã B"]))
    table = figure_table(fig, "vi")
    assert list(table.columns) == ["Mục", "2024", "2025"]
    assert table.values.tolist() == [["Xã A", "1", "—"], ["Xã B", "2,5", "3"]]


def test_a_trend_line_is_an_image_whose_alt_text_is_only_text():
    label = 'Đường xu hướng "Tỷ lệ" <script>alert(1)</script>: 45% (2016) đến 90% (2026)'
    html = sparkline_img([45.0, 60.0, 90.0], label)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&quot;Tỷ lệ&quot;" in html
    src = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html)[1]
    svg = base64.b64decode(src).decode()
    assert svg.startswith("<svg") and BLUE in svg and "<script" not in svg
