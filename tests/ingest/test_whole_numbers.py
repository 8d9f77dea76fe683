"""A whole-number indicator (catalog decimals 0: a count, a rank) written '1.234' in a file
whose decimal mark nothing decides reads as 1234: a count has no three decimal places, so the
mark can only group thousands. The report says so once per column, not once per row.

An indicator with decimals (a radius in km, a score) keeps the old rule: '30.250' could be
thirty and a quarter or thirty thousand, and the analyst is asked.
"""

from __future__ import annotations

import pandas as pd

from indicators.ingest.check import check_upload

HEAD = "indicator,unit_list,region,period,value,numerator,denominator\n"


def check(lines: list[str], catalog, regions, name: str = "f.csv"):
    data = (HEAD + "\n".join(lines) + "\n").encode()
    return check_upload(data, name, catalog, regions)


def values(checked) -> dict[tuple[str, str], float]:
    f = checked.frame
    return dict(zip(zip(f["indicator"], f["region"], strict=True), f["value"], strict=True))


def test_counts_written_with_a_thousands_dot_read_as_whole_numbers(catalog, regions):
    checked = check(
        [
            'bts_count,legacy,22327,2020,"1.234",,',
            'bts_count,legacy,22330,2020,"30.000",,',
            'bts_count,legacy,22333,2020,"-2.500",,',  # a wrong sign is another rule's business
            "bts_count,legacy,22336,2020,17,,",
        ],
        catalog,
        regions,
    )
    got = values(checked)
    assert got[("bts_count", "22327")] == 1234
    assert got[("bts_count", "22330")] == 30000
    assert got[("bts_count", "22336")] == 17
    assert not any(p.rule == "ambiguous_number" for p in checked.problems)
    notes = [p for p in checked.problems if p.rule == "whole_number_thousands"]
    assert len(notes) == 1  # one note for the column, not one per cell
    note = notes[0]
    assert (note.severity, note.row, note.column, note.value) == ("note", 2, "value", "1.234")
    assert note.reason_vi.startswith("đọc '1.234' là 1234 (số nguyên, dấu '.' phân cách hàng")
    assert "3 ô" in note.reason_vi
    assert note.reason_en.startswith("read '1.234' as 1234 (a whole number")
    assert "3 cell(s)" in note.reason_en
    assert note.hint_vi and note.hint_en


def test_a_thousands_comma_is_read_the_same_way_and_said_apart(catalog, regions):
    checked = check(
        ['press_articles,legacy,56,2020,"30,000",,', 'press_articles,legacy,56,2021,"1.500",,'],
        catalog,
        regions,
    )
    assert sorted(checked.frame["value"]) == [1500, 30000]
    notes = {p.value: p for p in checked.problems if p.rule == "whole_number_thousands"}
    assert set(notes) == {"30,000", "1.500"}  # one note per mark: each says how it was read
    assert "','" in notes["30,000"].reason_en and "'.'" in notes["1.500"].reason_en


def test_an_indicator_with_decimals_is_still_asked_about(catalog, regions):
    checked = check(
        ['post_radius_km,legacy,22327,2020,"1.234",,', 'dti_score,legacy,56,2020,"1.250",,'],
        catalog,
        regions,
    )
    assert [(p.row, p.rule) for p in checked.errors] == [
        (2, "ambiguous_number"),
        (3, "ambiguous_number"),
    ]
    assert not any(p.rule == "whole_number_thousands" for p in checked.problems)


def test_a_ratios_count_parts_are_whole_numbers_too(catalog, regions):
    """Households with internet 1.234 of 2.000 households: 61,7 %."""
    checked = check(['hh_internet_pct,legacy,56,2020,,"1.234","2.000"'], catalog, regions)
    row = checked.frame.iloc[0]
    assert (row["numerator"], row["denominator"]) == (1234, 2000)
    assert row["value"] == 61.7
    notes = [p for p in checked.problems if p.rule == "whole_number_thousands"]
    assert sorted(p.column for p in notes) == ["denominator", "numerator"]


def test_a_file_that_decides_its_decimal_mark_is_read_by_it(catalog, regions):
    """'99,2' says the comma is the decimal mark: '1.234' is 1234 by the file, no note."""
    checked = check(
        ['bts_count,legacy,22327,2020,"1.234",,', 'post_radius_km,legacy,22327,2020,"99,2",,'],
        catalog,
        regions,
    )
    assert values(checked)[("bts_count", "22327")] == 1234
    assert not any(p.rule == "whole_number_thousands" for p in checked.problems)


def test_a_wide_table_gets_one_note_per_year_column(catalog, regions):
    units = ["22327", "22330", "22333", "22336", "22339"]
    head = "Mã chỉ tiêu;Mã đơn vị;2020;2021\n"
    body = "".join(f"bts_count;{u};1.2{i}0;2.000\n" for i, u in enumerate(units))
    checked = check_upload((head + body).encode(), "wide.csv", catalog, regions)
    assert checked.ok, [p.message() for p in checked.errors]
    # ';' with nothing else deciding means Excel with decimal commas: '1.200' is 1200 by the
    # file itself; the same table saved with ',' leaves the mark to the whole-number rule.
    data = (head.replace(";", ",") + body.replace(";", ",")).encode()
    checked = check_upload(data, "wide.csv", catalog, regions)
    assert checked.ok, [p.message() for p in checked.errors]
    notes = [p for p in checked.problems if p.rule == "whole_number_thousands"]
    assert sorted(p.column for p in notes) == ["2020", "2021"]
    assert all("5 cell(s)" in p.reason_en for p in notes)
    frame = checked.frame.sort_values(["period", "region"])
    assert list(frame["value"]) == [1200, 1210, 1220, 1230, 1240] + [2000] * 5


def test_a_million_counts_read_without_a_python_call_per_cell():
    """The reading is vectorised (pyarrow): a million '1.234' cells in well under seconds."""
    import time

    import numpy as np

    from indicators.ingest.number_columns import whole_thousands

    text = pd.Series(np.where(np.arange(1_000_000) % 2, "1.234", "30,000"))
    t0 = time.perf_counter()
    got, marks = whole_thousands(text, np.ones(len(text), dtype=bool))
    assert time.perf_counter() - t0 < 5
    assert got[:2].tolist() == [30000, 1234] and marks[:2].tolist() == [",", "."]
