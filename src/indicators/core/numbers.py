"""Numbers in and out: reading what people type, writing what people read.

Output goes through Babel (CLDR): vi gives 30.000 and 99,2; en gives 30,000 and 99.2.
"""

from __future__ import annotations

import functools
import math
import re

from babel.core import Locale
from babel.numbers import NumberPattern, parse_pattern

from indicators.core.i18n import WordedError, t

LOCALES = {"vi": "vi_VN", "en": "en_US"}


class NumberError(WordedError):
    """Text that is not a number: `rule` is the `number.error.*` message saying why."""


AMBIGUOUS = "number.error.ambiguous"  # '30.000': thousands or a decimal? The file must say


_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_DOT_GROUPS = re.compile(r"^[+-]?[1-9]\d{0,2}\.\d{3}$")  # 30.000 (or 30.0 in English)
_COMMA_GROUPS = re.compile(r"^[+-]?[1-9]\d{0,2},\d{3}$")  # 30,000 (or 30,0 in Vietnamese)
_MANY_DOTS = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3}){2,}$")  # 1.234.567: only thousands
_MANY_COMMAS = re.compile(r"^[+-]?[1-9]\d{0,2}(,\d{3}){2,}$")
_VI = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$")
_EN = re.compile(r"^[+-]?\d{1,3}(,\d{3})*(\.\d+)?$|^[+-]?\d+(\.\d+)?$")


def parse_number(text: object, decimal: str | None = None) -> float | None:
    """Read a number as found in a CSV cell; None for an empty cell.

    `decimal` is the file's decimal mark when known ("." or ","). Without it, 99.2, 99,2,
    1.234,5 and 1,234.5 are read, but a lone '30.000' or '30,000' is ambiguous (thirty or
    thirty thousand) and is refused with a hint rather than guessed. A trailing % is dropped.
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    if isinstance(text, int | float):
        return _finite(float(text), str(text))
    raw = str(text)
    s = raw.strip().replace("\u2212", "-").rstrip("%").strip()
    if re.fullmatch(r"[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?", s):
        s = re.sub(r"[ \u00a0\u202f]", "", s)  # 1 234 567: spaces group thousands
    if s == "" or s.lower() == "nan":
        return None
    if decimal == ",":
        if _VI.match(s):
            return _finite(float(s.replace(".", "").replace(",", ".")), raw)
    elif decimal == ".":
        if _EN.match(s) or _PLAIN.match(s):
            return _finite(float(s.replace(",", "")), raw)
    else:
        if _DOT_GROUPS.match(s) or _COMMA_GROUPS.match(s):
            raise NumberError(AMBIGUOUS, text=raw)
        if _MANY_DOTS.match(s) or _MANY_COMMAS.match(s):
            return _finite(float(s.replace(".", "").replace(",", "")), raw)
        if _PLAIN.match(s):
            return _finite(float(s), raw)
        if _VI.match(s):
            return _finite(float(s.replace(".", "").replace(",", ".")), raw)
        if _EN.match(s):
            return _finite(float(s.replace(",", "")), raw)
    raise NumberError("number.error.not_a_number", text=raw)


def _finite(x: float, text: str) -> float:
    if not math.isfinite(x):
        raise NumberError("number.error.not_finite", text=text)
    return x


def format_number(value: float | None, lang: str = "vi", decimals: int = 0) -> str:
    """Up to `decimals` fraction digits, trailing zeros dropped: 99 -> '99', 99.24 -> '99,2'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return _pattern(decimals).apply(value, _locale(lang))


@functools.cache
def _pattern(decimals: int) -> NumberPattern:
    """Babel's pattern for up to `decimals` fraction digits, parsed once (what `format_decimal`
    parses at every call: a heatmap writes thousands of cells)."""
    return parse_pattern("#,##0" + ("." + "#" * decimals if decimals > 0 else ""))


@functools.cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES.get(lang, "vi_VN"))


def format_value(value: float | None, unit: str, lang: str = "vi", decimals: int = 0) -> str:
    text = format_number(value, lang, decimals)
    if text == "—":
        return text
    return f"{text}%" if unit.strip() == "%" else text


def format_change(delta: float, lang: str, decimals: int, percent_points: bool) -> str:
    """A signed change: +1.234, −0,5, ±0; a change of a percentage in points (+4,3 điểm %)."""
    delta = round(delta, decimals)  # a change that shows as 0 has no direction
    sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
    body = format_number(abs(delta), lang, decimals)
    unit = t("number.points", lang) if percent_points else ""
    return f"{sign}{body}{unit}"
