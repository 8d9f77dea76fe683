"""A large long CSV through `check_upload`: read by pyarrow from its own bytes, checked a column
at a time, rows compared as integer keys. The same file with one cell quoted goes the record-by-
record way (the csv module's scan, then pandas): both give the same canonical frame and the
same problems, and the warnings about jumps are those a join of the texts finds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd
import pytest

from indicators.core.limits import UploadLimits
from indicators.core.schema import KEY, OBS_COLUMNS, PERIOD_COLUMNS
from indicators.geography.units import LEGACY
from indicators.ingest.check import check_upload
from indicators.ingest.csv_arrow import read_plain
from indicators.ingest.distinct import combine, row_ids
from indicators.ingest.value_checks import JUMP_FACTOR

ROWS = 40_000
LIMITS = UploadLimits(max_rows=100_000)


@pytest.fixture(scope="module")
def long_file(catalog, regions) -> pd.DataFrame:
    """Monthly counts for real units, as the 1M-row bench writes them; a few rows broken."""
    codes = np.array([i.code for i in catalog if i.kind == "count"])[:8]
    units = regions[(regions["unit_list"] == LEGACY) & regions["level"].ne("province")]
    units = units.head(70)
    months = pd.period_range("2019-01", "2024-12", freq="M")
    grid = np.indices((len(codes), len(units), len(months))).reshape(3, -1)[:, :ROWS]
    i, u, m = grid
    rng = np.random.default_rng(15)
    values = rng.integers(0, 50, ROWS).astype(object)
    values[rng.choice(ROWS, 40, replace=False)] = "12,5"  # a count with a decimal comma
    values[rng.choice(ROWS, 5, replace=False)] = "x"  # not a number
    frame = pd.DataFrame(
        {
            "indicator": codes[i],
            "unit_list": LEGACY,
            "region": units["code"].to_numpy()[u],
            "region_name": units["name"].to_numpy()[u],
            "period": months.strftime("%m/%Y").to_numpy()[m],
            "value": values,
            "status": "published",
            "source": "bench",
            "note": "",
        }
    )
    frame.loc[7, "region"] = "99999"  # no such unit
    frame.loc[11, "period"] = "13/2020"  # no such month
    return frame


def _bytes(frame: pd.DataFrame, sep: str = ",") -> bytes:
    return frame.to_csv(index=False, sep=sep, lineterminator="\r\n").encode("utf-8-sig")


def _check(data: bytes, catalog, regions, history=None):
    return check_upload(data, "obs.csv", catalog, regions, history=history, limits=LIMITS)


def test_pyarrow_and_the_record_by_record_way_agree(long_file, catalog, regions):
    data = _bytes(long_file, ";")
    quoted = long_file.copy()
    quoted.loc[3, "note"] = 'a "quoted" note'  # a quote: the csv module's way
    slow_data = _bytes(quoted, ";")
    assert read_plain(data, 3, ";", LIMITS) is not None  # after the BOM
    assert read_plain(slow_data, 3, ";", LIMITS) is None
    quick, slow = _check(data, catalog, regions), _check(slow_data, catalog, regions)
    assert replace(quick.detected, size=0) == replace(slow.detected, size=0)
    assert quick.rows_read == slow.rows_read == ROWS
    assert quick.rejected_rows == slow.rejected_rows and len(quick.rejected_rows) == 7
    assert slow.frame.loc[3, "note"] == 'a "quoted" note'
    pd.testing.assert_frame_equal(
        quick.frame.drop(columns="note"), slow.frame.drop(columns="note"), check_exact=True
    )
    assert quick.frame["note"].drop(index=3).eq("").all()
    assert quick.problems == slow.problems


def test_the_canonical_frame_of_a_large_file(long_file, catalog, regions):
    checked = _check(_bytes(long_file, ";"), catalog, regions)
    assert checked.detected.delimiter == ";" and checked.detected.decimal == ","
    bad = {8 + 1, 12 + 1} | {
        r + 2 for r in np.flatnonzero(long_file["value"].astype(str).isin(["x"]))
    }
    assert set(checked.rejected_rows) >= bad
    out = checked.frame
    assert list(out.columns) == [*OBS_COLUMNS, *PERIOD_COLUMNS]
    assert list(out.dtypes.astype(str)) == [
        "str", "str", "str", "str", "float64", "float64", "float64", "str", "str", "str",
        "str", "object", "object",
    ]  # fmt: skip
    kept = long_file.drop(index=[r - 2 for r in checked.rejected_rows]).reset_index(drop=True)
    month = pd.to_datetime(kept["period"], format="%m/%Y")
    assert out["indicator"].tolist() == kept["indicator"].tolist()
    assert out["region"].tolist() == kept["region"].tolist()
    assert out["period"].tolist() == month.dt.strftime("%Y-%m").tolist()
    written = kept["value"].astype(str).str.replace(",", ".")
    assert out["value"].tolist() == written.astype(float).tolist()
    assert out["period_kind"].eq("month").all()
    assert out["period_start"].iloc[0] == date(2019, 1, 1)
    assert out["period_end"].iloc[1] == date(2019, 2, 28)


@pytest.mark.parametrize("stride", [1, 9])  # every month; or a sparse grid of keys
def test_jumps_are_those_a_join_of_the_texts_finds(long_file, catalog, regions, stride):
    """The previous period's value from the file, else from the store (its last row for a key
    wins over its earlier ones, the file's over the store's), as pandas finds it by texts."""
    frame = long_file[long_file["value"].astype(str).str.isdigit()]
    frame = frame.drop(index=[7, 11], errors="ignore").iloc[::stride].reset_index(drop=True)
    rng = np.random.default_rng(7)
    frame["value"] = rng.choice([0, 1, 5, 20, 100], len(frame))
    first = frame.groupby(["indicator", "region"]).head(1).copy()  # the store: the month before
    history = first.assign(
        period=pd.to_datetime(first["period"], format="%m/%Y")
        .dt.to_period("M")
        .sub(1)
        .dt.strftime("%Y-%m"),
        value=rng.choice([0.0, 1.0, 50.0], len(first)),
    )[[*KEY, "value"]]
    history = pd.concat([history.assign(value=999.0), history], ignore_index=True)  # last wins
    checked = _check(_bytes(frame), catalog, regions, history=lambda **_: history)
    assert checked.ok and len(checked.frame) == len(frame)
    found = {(p.row, p.reason_en) for p in checked.problems if p.rule == "jump"}
    expected = _jumps_by_texts(checked.frame, history)
    assert len(expected) > 100
    assert found == expected


def _jumps_by_texts(frame: pd.DataFrame, history: pd.DataFrame) -> set[tuple[int, str]]:
    """The jumps of a clean file's frame by a pandas join of the texts."""
    cur = frame.assign(_row=np.arange(len(frame)) + 2)
    cur["_prev"] = (
        pd.to_datetime(cur["period"], format="%Y-%m").dt.to_period("M").sub(1).dt.strftime("%Y-%m")
    )
    pool = pd.concat([history, cur[[*KEY, "value"]]], ignore_index=True)
    pool = pool.drop_duplicates(KEY, keep="last").rename(
        columns={"period": "_prev", "value": "_prev_value"}
    )
    m = cur.merge(pool, on=["indicator", "unit_list", "region", "_prev"])
    v, p = m["value"].to_numpy(), m["_prev_value"].to_numpy()
    with np.errstate(divide="ignore"):
        jump = (p > 0) & ((v > JUMP_FACTOR * p) | (v < p / JUMP_FACTOR))
    return {
        (int(r), f"unusual change from the previous period ({prev:g} in {period})")
        for r, prev, period in zip(m["_row"][jump], p[jump], m["_prev"][jump], strict=True)
    }


def test_row_ids_are_those_of_groupby():
    rng = np.random.default_rng(3)
    frame = pd.DataFrame(
        {
            "a": rng.choice(["x", "y", "z", None], 5_000),
            "b": rng.choice(["1", "2"], 5_000),
            "c": rng.integers(0, 4, 5_000),
        }
    ).astype({"a": "str", "b": "str"})
    expected = frame.groupby(["a", "b", "c"], sort=False, dropna=False).ngroup().to_numpy()
    assert (row_ids([frame[c] for c in frame.columns]) == expected).all()
    mixed = combine([np.array([0, 1, 0, -1]), np.array([2, 2, 2, 0])], compact=False)
    assert mixed[0] == mixed[2] and len(set(mixed)) == 3
