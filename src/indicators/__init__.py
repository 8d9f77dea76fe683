"""Chỉ số CNTT-TT: provincial ICT indicators, from files to figures, without any UI."""

import pandas as pd

__version__ = "0.1.0"

# Text columns are kept as Python strings (pandas' `str` dtype with Python storage), not Arrow.
# The pages work on frames of tens to thousands of rows, where pandas' per-call cost rules: with
# Arrow storage every filter, sort, merge and new column goes through a pyarrow call and its
# column labels through an Arrow index: 24 Trends filter changes at national scale took a
# median of 240 ms instead of 150 (`bench/national_speed.py`'s changes). The values and their
# missing-value rules are the same either way. The one place with millions of cells, a file
# being checked, says Arrow explicitly (`ingest.arrow_text.TEXT`): vectorised there, a 1M-row
# check takes 1.4 s instead of 6.0.
pd.set_option("mode.string_storage", "python")
