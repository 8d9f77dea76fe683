"""`reform_sums.combine`: how old units' values add up into a new one, worked out by hand.

Sums add their weighted values; ratios add weighted numerators and denominators and divide;
a ratio's part without both components adds nothing (no value, status, source or coverage);
the status is the weakest part's; sources are split, made distinct and sorted; a part that is
a share of an old unit (`whole` false) makes the value an estimate; groups keep the order
in which they first appear, a missing key included."""

import math

import numpy as np
import pandas as pd

from indicators.query.reform_sums import PERIOD_KEYS, combine

CAT = pd.DataFrame({"code": ["subs", "pct"], "agg_region": ["sum", "ratio"], "scale": [1.0, 100.0]})


def _part(indicator: str, new: str | None, period: str, **values) -> dict:
    row = {
        "new_code": new,
        "indicator": indicator,
        "period": period,
        "period_kind": "year",
        "period_start": pd.Timestamp(f"{period}-01-01"),
        "period_end": pd.Timestamp(f"{period}-12-31"),
        "value": np.nan,
        "numerator": np.nan,
        "denominator": np.nan,
        "status": "published",
        "source": None,
        "n_parts": 1.0,
        "w": 1.0,
        "whole": True,
    }
    return row | values


def _combined(rows: list[dict]) -> pd.DataFrame:
    parts = pd.DataFrame(rows).astype({"status": "string", "source": "string"})
    return combine(parts, ["new_code", *PERIOD_KEYS], CAT)


def test_sums_add_weighted_values_and_mark_shares_as_estimates():
    out = _combined(
        [
            _part("subs", "N1", "2024", value=100.0, source="GSO; VNPT"),
            _part("subs", "N1", "2024", value=50.0, w=0.5, whole=False, source="Viettel; GSO"),
            _part("subs", "N1", "2024", value=np.nan, status="estimate"),
        ]
    )
    (row,) = out.to_dict("records")
    assert row["value"] == 125.0  # 100 + 50 x 0.5; the missing value is not a zero
    assert row["estimate"] is True  # one part is half of an old unit
    assert row["status"] == "estimate"  # the weakest part's
    assert row["source"] == "GSO; VNPT; Viettel"  # split, distinct, sorted
    assert row["n_parts"] == 3.0


def test_ratios_divide_their_summed_parts_and_drop_parts_without_them():
    out = _combined(
        [
            _part("pct", "N2", "2024", value=50.0, numerator=30.0, denominator=60.0, source="A"),
            _part("pct", "N2", "2024", value=10.0, numerator=10.0, denominator=100.0, w=0.5),
            # a bare published percentage: neither added nor counted, its status ignored
            _part("pct", "N2", "2024", value=90.0, status="illustrative", source="B"),
        ]
    )
    (row,) = out.to_dict("records")
    assert row["numerator"] == 35.0 and row["denominator"] == 110.0
    assert math.isclose(row["value"], 35.0 / 110.0 * 100.0)
    assert row["status"] == "published"
    assert row["source"] == "A"
    assert row["n_parts"] == 2.0
    assert row["estimate"] is False


def test_nothing_to_divide_gives_no_value_and_groups_keep_their_order():
    out = _combined(
        [
            _part("subs", None, "2023", value=7.0),  # a part no new unit is known for
            _part("pct", "N3", "2024", value=40.0),  # no components: no ratio
            _part("pct", "N4", "2024", numerator=0.0, denominator=0.0),  # 0 / 0
            _part("subs", "N3", "2024"),  # no value at all
            _part("subs", None, "2023", value=3.0),
        ]
    )
    assert out["new_code"].tolist()[1:] == ["N3", "N4", "N3"]
    assert pd.isna(out["new_code"].iloc[0]) and out["value"].iloc[0] == 10.0
    assert out["value"].iloc[1:].isna().all()
    assert out.loc[1, "n_parts"] == 0.0  # the bare percentage covers nothing
    assert pd.isna(out.loc[1, "numerator"]) and out.loc[2, "denominator"] == 0.0
    assert out["source"].isna().all()
