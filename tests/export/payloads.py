"""A store holding text that would run as a formula in a spreadsheet, for the download tests.

The upload check refuses some of these (a cell beginning with '='), so they are written as
data that reached the store another way (an older version, the bundled files, a restored
backup): every writer must neutralise them anyway.
"""

from __future__ import annotations

import pandas as pd

from indicators.core.catalog import Catalog
from indicators.ingest.check import check_upload
from indicators.store.revisions import Store

PAYLOADS = ['=HYPERLINK("https://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
NEGATIVE = "-12,5"  # a real negative number written as text: it stays as it is
INDICATOR, UNIT_LIST, REGION = "bts_count", "legacy", "22327"
YEARS = [str(y) for y in range(2016, 2016 + len(PAYLOADS) + 1)]
HEADER = "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"


def payload_rows(catalog: Catalog, regions: pd.DataFrame) -> pd.DataFrame:
    """Observations of one commune, one a year, whose source and note are the payloads (the
    last year's note is NEGATIVE); the values are the numbers 16, 17, …"""
    text = HEADER + "".join(
        f"{INDICATOR},{UNIT_LIST},{REGION},{year},{int(year) - 2000},,,published,A,\n"
        for year in YEARS
    )
    checked = check_upload(text.encode(), "payloads.csv", catalog, regions)
    assert checked.ok, checked.report().to_string()
    frame = checked.frame.copy()
    frame["source"] = [*PAYLOADS, "Cục Thống kê"]
    frame["note"] = [*PAYLOADS, NEGATIVE]
    return frame


def store_payloads(store: Store, catalog: Catalog, regions: pd.DataFrame) -> int:
    """Commit the payload rows as a new revision (its message a payload too); its id."""
    frame = payload_rows(catalog, regions)
    rev = store.commit(
        {"observations": frame}, file_name="payloads.csv", message=PAYLOADS[0], author="@evil"
    )
    return rev.id
