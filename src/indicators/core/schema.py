"""The observation schema and the status vocabulary: one home for the words every layer uses.

An observation is one value of one indicator for one unit (of one unit list) and one period.
Statuses run from the strongest claim to the weakest; wherever values are combined (a sum over
communes, a roll-up over quarters, a conversion across the 2025 reform) the result carries the
weakest status of its parts, so an illustrative part is never hidden.
"""

from __future__ import annotations

STATUSES = ("published", "preliminary", "estimate", "illustrative")  # strongest first
OBS_COLUMNS = [
    "indicator",
    "unit_list",
    "region",
    "period",
    "value",
    "numerator",
    "denominator",
    "status",
    "source",
    "note",
]
TARGET_COLUMNS = [
    "indicator",
    "unit_list",
    "region",
    "period",
    "value",
    "status",
    "source",
    "note",
]
KEY = ["indicator", "unit_list", "region", "period"]
PERIOD_COLUMNS = ["period_kind", "period_start", "period_end"]
