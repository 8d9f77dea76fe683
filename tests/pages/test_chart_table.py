"""A chart's table of figures (its text alternative) as a reader gets it: a long table is cut
to what a page can carry, says so in words, and offers the whole of it as a CSV file."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _long_chart() -> None:
    """A map-sized chart: 1,500 units, each with a value (one bubble each)."""
    import plotly.graph_objects as go

    from ui.charts import chart

    names = [f"=Xã {i}" for i in range(1500)]  # '=' as hostile data would start a formula
    fig = go.Figure(go.Bar(x=names, y=list(range(1500))), layout={"title": {"text": "Bản đồ"}})
    chart(fig, key="long")
    chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])), key="short")


def test_a_long_chart_table_shows_the_first_thousand_rows_and_offers_all_as_csv():
    at = AppTest.from_function(_long_chart, default_timeout=60).run()
    assert not at.exception
    at.session_state["long-figures"] = at.session_state["short-figures"] = True  # both opened
    at.run()
    long, short = at.table
    assert len(long.value) == 1000 and len(short.value) == 2
    assert any("Bảng hiện 1.000 trong 1.500 dòng" in c.value for c in at.caption)
    (button,) = at.get("download_button")  # one for the long table only, none for the short
    assert "CSV" in button.proto.label


def test_a_table_is_sent_only_once_its_expander_is_opened():
    at = AppTest.from_function(_long_chart, default_timeout=60).run()
    folded = [e for e in at.expander if e.label.startswith("Số liệu của biểu đồ")]
    assert len(folded) == 2 and not at.table and not at.get("download_button")
    at.session_state["short-figures"] = True  # the reader opens the short chart's table
    at.run()
    (short,) = at.table
    assert list(short.value.iloc[:, 1]) == ["1", "2"]
    at.run()  # another choice made on the page: the opened table stays open, the other folded
    assert len(at.table) == 1
