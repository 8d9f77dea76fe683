"""Numbers a whole column at a time: the decimal mark of a file, and each cell as a float.

The vectorised twin of `indicators.core.numbers.parse_number` (same patterns, same order):
pyarrow's string kernels (RE2, C++) read millions of cells per second, where a Python call per
cell would take minutes on a large file. `parse_number` still words the reason for a bad cell.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from indicators.core import numbers as _num
from indicators.ingest.arrow_text import TEXT

_SPACED = r"[+-]?\d{1,3}(?:[ \x{a0}\x{202f}]\d{3})+(?:[.,]\d+)?"  # RE2 syntax
_COMMA_DECIMAL = r"[+-]?\d+,\d{1,2}|[+-]?\d+,\d{4,}|[+-]?\d{1,3}(?:\.\d{3})+,\d+"
_POINT_DECIMAL = r"[+-]?\d+\.\d{1,2}|[+-]?\d+\.\d{4,}|[+-]?\d{1,3}(?:,\d{3})+\.\d+"


def _whole(*patterns: re.Pattern[str] | str) -> str:
    """One anchored RE2 pattern from numbers.py's (anchored) patterns or plain ones."""
    parts = [p.pattern if isinstance(p, re.Pattern) else p for p in patterns]
    return "^(?:" + "|".join(p.replace("^", "").replace("$", "") for p in parts) + ")$"


def _matches(a: pa.Array, *patterns: re.Pattern[str] | str) -> np.ndarray:
    return pc.match_substring_regex(a, _whole(*patterns)).to_numpy(zero_copy_only=False)


def _arrow(text: pd.Series) -> pa.Array:
    return pa.array(text.astype(TEXT), type=pa.large_string())


def _matches_where(a: pa.Array, needle: str, *patterns: re.Pattern[str] | str) -> np.ndarray:
    """`_matches` for patterns that only a cell holding `needle` can match: the literal is
    searched first (memchr speed), the patterns only in the cells that hold it."""
    hit = pc.match_substring(a, needle).to_numpy(zero_copy_only=False)
    found = np.zeros(len(a), dtype=bool)
    idx = np.flatnonzero(hit)
    if len(idx):
        found[idx] = _matches(a.take(pa.array(idx)), *patterns)
    return found


def _clean_numbers(a: pa.Array) -> pa.Array:
    """As parse_number does first: trim, Unicode minus, drop '%', join space-grouped digits.

    pyarrow's string kernels (RE2, C++) keep this at millions of cells per second.
    """
    a = pc.utf8_trim_whitespace(pc.replace_substring(a, "\u2212", "-"))
    a = pc.utf8_trim_whitespace(pc.replace_substring_regex(a, r"%\s*$", ""))
    spaced = pc.match_substring_regex(a, _whole(_SPACED))
    return pc.if_else(spaced, pc.replace_substring_regex(a, r"[ \x{a0}\x{202f}]", ""), a)


def detect_decimal(columns: list[pd.Series], delimiter: str | None) -> str | None:
    """The file's decimal mark from unambiguous numbers ('99,2', '1.234,5' or '99.2').

    Nothing decisive: a ';'-separated CSV comes from Excel set to decimal commas.
    """
    around = r"\s*(?:{})\s*%?\s*"
    comma = point = False
    for col in columns:  # each pattern holds its mark: only cells that hold it are matched
        a = _arrow(col)
        comma = comma or bool(_matches_where(a, ",", around.format(_COMMA_DECIMAL)).any())
        point = point or bool(_matches_where(a, ".", around.format(_POINT_DECIMAL)).any())
    if comma != point:
        return "," if comma else "."
    if not comma and delimiter == ";":
        return ","
    return None


def parse_numbers(text: pd.Series, decimal: str | None) -> tuple[np.ndarray, np.ndarray]:
    """(floats with NaN for empty cells, mask of cells that are not numbers).

    Vectorised twin of numbers.parse_number (same patterns, same order), which still words
    the reason for each bad cell. Plain numbers, most of any file, take one pass; only the
    rest ('1.234,5', ' 99,2% ') go through the full sequence of patterns.
    """
    raw = _arrow(text)
    out = np.full(len(raw), np.nan)
    bad = np.zeros(len(raw), dtype=bool)
    if not raw.null_count and not int(pc.max(pc.binary_length(raw)).as_py() or 0):
        return out, bad  # every cell empty (a file's numerator without a ratio in it)
    fast = _matches(raw, r"[+-]?\d+" if decimal == "," else _num._PLAIN)
    if decimal is None:  # '30.000' reads as a plain number but is ambiguous (a plain cell
        # holds no comma, so only its dotted cells can be a group of thousands)
        fast &= ~_matches_where(raw, ".", _num._DOT_GROUPS, _num._COMMA_GROUPS)
    if fast.all():
        out[:] = pc.cast(raw, pa.float64()).to_numpy(zero_copy_only=False)
    elif fast.any():
        out[fast] = pc.cast(raw.filter(pa.array(fast)), pa.float64()).to_numpy(zero_copy_only=False)
    # the other cells that are not blank ('' never is; the pattern looks at the rest)
    filled = ~fast & (pc.binary_length(raw).to_numpy(zero_copy_only=False) > 0)
    rest_idx = np.flatnonzero(filled)
    if len(rest_idx):
        rest_idx = rest_idx[_matches(raw.take(pa.array(rest_idx)), r"(?s).*\S.*")]
    if not len(rest_idx):
        return out, bad | (fast & ~np.isfinite(out))
    a = _clean_numbers(raw.take(pa.array(rest_idx)))
    empty = _matches(a, "", "(?i:nan)")
    sub = np.full(len(a), np.nan)
    done = empty.copy()

    def take(mask: np.ndarray, converted: pa.Array) -> None:
        m = mask & ~done
        if m.any():
            picked = converted.filter(pa.array(m))
            sub[m] = pc.cast(picked, pa.float64()).to_numpy(zero_copy_only=False)
            done[m] = True

    def without(*chars: str) -> pa.Array:
        b = a
        for c in chars:
            b = pc.replace_substring(b, c, "")
        return b

    as_vi = pc.replace_substring(without("."), ",", ".")
    if decimal == ",":
        take(_matches(a, _num._VI), as_vi)
    elif decimal == ".":
        take(_matches(a, _num._EN, _num._PLAIN), without(","))
    else:
        done |= _matches(a, _num._DOT_GROUPS, _num._COMMA_GROUPS)  # ambiguous: reported
        take(_matches(a, _num._MANY_DOTS, _num._MANY_COMMAS), without(".", ","))
        take(_matches(a, _num._PLAIN), a)
        take(_matches(a, _num._VI), as_vi)
        take(_matches(a, _num._EN), without(","))
    out[rest_idx] = sub
    bad[rest_idx] = ~empty & ~np.isfinite(sub)
    bad |= fast & ~np.isfinite(out)
    return np.where(bad, np.nan, out), bad


def whole_thousands(text: pd.Series, candidates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cells of whole-number indicators written as one group of thousands ('1.234', '30,000',
    '-2.500 '), read as whole numbers (1234, 30000, -2500): a count has no three decimal
    places, so where the file's decimal mark is undecided the mark can only group thousands.

    `candidates` are the cells to look at (a whole-number indicator's cells that did not read).
    Returns (values, NaN elsewhere; the mark each read cell used, '.' or ',', '' elsewhere).
    """
    values = np.full(len(text), np.nan)
    marks = np.full(len(text), "", dtype=object)
    idx = np.flatnonzero(candidates)
    if not len(idx):
        return values, marks
    a = _clean_numbers(_arrow(text.iloc[idx]))
    dot, comma = _matches(a, _num._DOT_GROUPS), _matches(a, _num._COMMA_GROUPS)
    hit = dot | comma
    if hit.any():
        digits = pc.replace_substring_regex(a.filter(pa.array(hit)), r"[.,]", "")
        values[idx[hit]] = pc.cast(digits, pa.float64()).to_numpy(zero_copy_only=False)
        marks[idx[dot]] = "."
        marks[idx[comma]] = ","
    return values, marks
