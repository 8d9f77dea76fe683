"""Large canonical observation frames for the store's crash and concurrency tests."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.core.catalog import load_catalog
from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.geography.units import LEGACY, build_regions
from indicators.store.tables import VERSIONED


def big_frame(rows: int, *, start: int = 0, changed: int = 0, every: int = 2) -> pd.DataFrame:
    """Monthly counts for real indicator and unit codes: keys number start .. start+rows-1.

    Values are a fixed function of the key; among the first `changed` rows every `every`-th
    value is one higher (a later file correcting an earlier one).
    """
    catalog = load_catalog(DEFAULT_DATA_DIR / "catalog.csv")
    regions = build_regions(load_settings(DEFAULT_DATA_DIR).region_sources)
    codes = np.array([i.code for i in catalog if i.kind == "count"])
    units = regions.loc[regions["unit_list"] == LEGACY, "code"].to_numpy()
    months = pd.period_range("2001-01", "2024-12", freq="M")
    grid = np.indices((len(codes), len(units), len(months))).reshape(3, -1)
    if start + rows > grid.shape[1]:
        raise ValueError(f"at most {grid.shape[1]} keys")
    i, u, m = grid[:, start : start + rows]
    value = ((i * 7 + u * 3 + m) % 997).astype(float)
    value[: max(0, min(rows, changed - start))][::every] += 1
    return pd.DataFrame(
        {
            "indicator": codes[i],
            "unit_list": LEGACY,
            "region": units[u],
            "period": months.astype(str).to_numpy()[m],
            "value": value,
            "numerator": np.nan,
            "denominator": np.nan,
            "status": "illustrative",
            "source": "store test",
            "note": None,
            "period_kind": "month",
            "period_start": months.start_time.date[m],
            "period_end": months.end_time.date[m],
        }
    )[VERSIONED["observations"]]
