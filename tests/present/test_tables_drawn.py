"""The Data page's table is drawn from a Styler that every reader shares (`ui.views.data`):
it must stay a plain Styler (Streamlit knows one by its exact class) and write its cells
once, not at every run of the page."""

import pandas as pd
from pandas.io.formats.style import Styler

from indicators.present import tables


def _cells(sty: Styler) -> list[str]:
    """Every body cell's text, as Streamlit reads it from a Styler (`_compute`, `_translate`)."""
    sty._compute()
    body = sty._translate(False, False)["body"]
    return [c["display_value"] for row in body for c in row if c.get("type") == "td"]


def test_a_shared_table_is_written_once_and_reads_the_same_every_time(monkeypatch):
    frame = pd.DataFrame({"v": [30000.0, 99.24, None], "name": ["Khánh Hòa", "Huế", "x"]})
    sty = tables.styled(frame, pd.Series([0, 1, 1]), ["v"], "vi")
    assert type(sty) is Styler
    written: list[float] = []
    real = tables.format_number

    def counting(v, lang, d):
        written.append(v)
        return real(v, lang, d)

    monkeypatch.setattr(tables, "format_number", counting)
    first = _cells(sty)
    assert first == ["30.000", "Khánh Hòa", "99,2", "Huế", "—", "x"]
    assert len(written) == 2  # the two numbers; the missing one is a dash
    assert _cells(sty) == first and _cells(sty) == first
    assert len(written) == 2  # drawn three times, written once
