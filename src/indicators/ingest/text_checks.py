"""A row's texts checked as written: its status in either language, and its source and note
within their length (`[uploads] max_text_chars`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.core.folding import fold
from indicators.core.schema import STATUSES
from indicators.ingest.distinct import Distinct
from indicators.ingest.report import Report

TEXT_LIMITED = ("source", "note")  # free texts stored as written: `[uploads] max_text_chars`
STATUS_ALIASES = {
    "published": "published",
    "chinh thuc": "published",
    "preliminary": "preliminary",
    "so bo": "preliminary",
    "prel.": "preliminary",
    "prel": "preliminary",
    "so bo / prel.": "preliminary",
    "estimate": "estimate",
    "uoc tinh": "estimate",
    "illustrative": "illustrative",
    "minh hoa": "illustrative",
}


def check_statuses(
    d: pd.DataFrame, rep: Report, formulas: dict[str, np.ndarray], default_status: str
) -> None:
    """The status in either language ('Sơ bộ', 'prel.'), `default_status` where none is given."""
    fallback = default_status if default_status in STATUSES else "published"
    texts = Distinct(d["status"])
    found = texts.answers(lambda s: STATUS_ALIASES.get(fold(s)) if s else fallback)
    bad_status = texts.spread([not f for f in found], True, bool) & ~formulas["status"]
    rep.add(bad_status, "bad_status", "status", d["status"], statuses=", ".join(STATUSES))
    d["status"] = texts.spread_text(found, "")


def check_text_lengths(d: pd.DataFrame, rep: Report, limit: int) -> None:
    """A source or a note is a line of provenance: a longer text is refused, not stored (a
    10 MB source once took a chart 51 s to draw). The cell is shown by its start."""
    for col in TEXT_LIMITED:
        length = d[col].str.len()
        long = (length > limit).to_numpy()
        if long.any():
            per_row = {int(i): {"length": int(length.iat[i])} for i in np.flatnonzero(long)}
            shown = d[col].str.slice(0, 60) + "…"
            rep.add(long, "text_too_long", col, shown, per_row=per_row, limit=limit)
