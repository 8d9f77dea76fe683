"""Reporting periods: year, half-year, quarter, month and plan phase, in one canonical text form.

Analysts write periods many ways ("Quý 2/2020", "Q2/2020", "06/2020", "6 tháng đầu năm 2020",
"GĐ 2016–2020"); the store keeps one form per period so that joins and sorting are exact:

    year    2020          half     2020-H1 (Jan–Jun), 2020-H2 (Jul–Dec)
    quarter 2020-Q2       month    2020-06       phase    2016-2020
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from indicators.core.i18n import WordedError, t

KINDS = ("year", "half", "quarter", "month", "phase")
YEAR_MIN, YEAR_MAX = 1990, 2100


class PeriodError(WordedError):
    """A period text that cannot be read: `rule` is the `period.error.*` message saying why."""


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    kind: str
    code: str

    def label(self, lang: str = "vi") -> str:
        """How people read the period: 2024, 6 tháng đầu năm 2024 (H1 2024), Quý 1/2024
        (Q1 2024), Tháng 3/2024 (Mar 2024), Giai đoạn 2016–2020 (2016–2020 phase)."""
        y = self.start.year
        if self.kind == "year":
            return self.code
        if self.kind == "half":
            return t("period.half1" if self.code[-1] == "1" else "period.half2", lang, year=y)
        if self.kind == "quarter":
            return t("period.quarter", lang, quarter=self.code[-1], year=y)
        if self.kind == "month":
            m = self.start.month
            return t("period.month", lang, month=m, month_abbr=calendar.month_abbr[m], year=y)
        return t("period.phase", lang, first=y, last=self.end.year)

    def previous(self) -> Period:
        """The period of the same kind just before this one (for 'change vs previous')."""
        y = self.start.year
        if self.kind == "year":
            return parse_period(str(y - 1))
        if self.kind == "half":
            return parse_period(f"{y - 1}-H2" if self.code[-1] == "1" else f"{y}-H1")
        if self.kind == "quarter":
            q = int(self.code[-1])
            return parse_period(f"{y - 1}-Q4" if q == 1 else f"{y}-Q{q - 1}")
        if self.kind == "month":
            m = self.start.month
            return parse_period(f"{y - 1}-12" if m == 1 else f"{y}-{m - 1:02d}")
        span = self.end.year - self.start.year + 1
        return parse_period(f"{y - span}-{y - 1}")

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end


def _fold(text: str) -> str:
    """Lower-case, without tone marks, dashes unified: 'GĐ 2016–2020' -> 'gd 2016-2020'."""
    text = unicodedata.normalize("NFC", str(text)).strip().lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text)


_YEAR = r"(\d{4})"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("year", re.compile(rf"^(?:nam )?{_YEAR}(?:\.0+)?$")),
    # Q2/2020, Quý 2/2020, Quy II 2020, 2020-Q2, Q2-2020, 2020 Q2
    ("quarter", re.compile(rf"^(?:quy|q)\s*([1-4]|i{{1,3}}|iv)\s*[/\- ]\s*{_YEAR}$")),
    ("quarter_ymd", re.compile(rf"^{_YEAR}\s*[/\- ]\s*(?:quy|q)\s*([1-4])$")),
    # 06/2020, 6-2020, Tháng 6/2020, T6/2020, 2020-06
    ("month", re.compile(rf"^(?:thang|t)?\s*(\d{{1,2}})\s*[/\-. ]\s*{_YEAR}$")),
    ("month_ym", re.compile(rf"^{_YEAR}\s*[/\-.]\s*(\d{{1,2}})$")),
    # 2016-2020, GĐ 2016–2020, Giai đoạn 2016 - 2020
    ("phase", re.compile(rf"^(?:giai doan|gd|phase)?\s*{_YEAR}\s*-\s*{_YEAR}$")),
]
# Half-years as reports title them (folded): 6 tháng đầu năm 2024, 6T/2024 (the first six
# months), 6 tháng cuối năm 2024, nửa đầu năm 2024, H1 2024, H2/2024, 2024-H1, 1H 2024, first
# half 2024, 1st half of 2024. Group 'first'/'second' (or 1/2) names the half, then the year.
_HALF_FIRST = r"(?:6 ?(?:thang|t)(?: dau)?|nua dau)"
_HALF_SECOND = r"(?:6 ?(?:thang|t) cuoi|nua cuoi)"
_HALF_YEAR = r"(?P<year>\d{4})"
_HALVES: list[re.Pattern[str]] = [
    re.compile(
        rf"^(?:(?P<first>{_HALF_FIRST})|(?P<second>{_HALF_SECOND}))(?: nam)?\s*[/\- ]\s*"
        rf"{_HALF_YEAR}$"
    ),
    re.compile(rf"^(?:h\s*(?P<h>[12])|(?P<h2>[12])h)\s*[/\- ]?\s*{_HALF_YEAR}$"),
    re.compile(rf"^{_HALF_YEAR}\s*[/\- ]?\s*h(?P<h>[12])$"),
    re.compile(
        rf"^(?:(?P<first>first|1st)|(?P<second>second|2nd)) half(?: of)?(?: year)? {_HALF_YEAR}$"
    ),
]
_IN_YEAR = re.compile(r"(?<=[0-9iv]),? nam (?=\d{4}$)")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _check_year(y: int, text: str) -> int:
    if not YEAR_MIN <= y <= YEAR_MAX:
        raise PeriodError("period.error.year_range", year=y, min=YEAR_MIN, max=YEAR_MAX, text=text)
    return y


@lru_cache(maxsize=4096)
def parse_period(text: object) -> Period:
    """Read a period as analysts write it; raise PeriodError with the reason otherwise."""
    raw = "" if text is None else str(text)
    folded = _IN_YEAR.sub(" ", _fold(raw))  # 'Quý IV năm 2024', 'Tháng 6 năm 2024'
    if not folded or folded == "nan":
        raise PeriodError("period.error.missing")
    half = _half(folded, raw)
    if half is not None:
        return half
    for kind, pattern in _PATTERNS:
        m = pattern.match(folded)
        if not m:
            continue
        if kind == "year":
            y = _check_year(int(m.group(1)), raw)
            return Period(date(y, 1, 1), date(y, 12, 31), "year", str(y))
        if kind in ("quarter", "quarter_ymd"):
            q_txt, y_txt = m.groups() if kind == "quarter" else m.groups()[::-1]
            q = _ROMAN.get(q_txt) or int(q_txt)
            y = _check_year(int(y_txt), raw)
            last_month = q * 3
            end = date(y, last_month, calendar.monthrange(y, last_month)[1])
            return Period(date(y, last_month - 2, 1), end, "quarter", f"{y}-Q{q}")
        if kind in ("month", "month_ym"):
            m_txt, y_txt = m.groups() if kind == "month" else m.groups()[::-1]
            mo, y = int(m_txt), _check_year(int(y_txt), raw)
            if not 1 <= mo <= 12:
                raise PeriodError("period.error.month", month=mo, text=raw)
            end = date(y, mo, calendar.monthrange(y, mo)[1])
            return Period(date(y, mo, 1), end, "month", f"{y}-{mo:02d}")
        first, last = (_check_year(int(g), raw) for g in m.groups())
        if last <= first:
            raise PeriodError("period.error.phase_order", text=raw)
        return Period(date(first, 1, 1), date(last, 12, 31), "phase", f"{first}-{last}")
    raise PeriodError("period.error.unreadable", text=raw)


def _half(folded: str, raw: str) -> Period | None:
    """The half-year a folded text names, or None when it names none."""
    for pattern in _HALVES:
        m = pattern.match(folded)
        if not m:
            continue
        groups = m.groupdict()
        h = groups.get("h") or groups.get("h2") or ("2" if groups.get("second") else "1")
        y = _check_year(int(m["year"]), raw)
        if h == "1":
            return Period(date(y, 1, 1), date(y, 6, 30), "half", f"{y}-H1")
        return Period(date(y, 7, 1), date(y, 12, 31), "half", f"{y}-H2")
    return None


def canonical(text: object) -> str:
    return parse_period(text).code


def sort_key(code: str) -> tuple[date, date]:
    p = parse_period(code)
    return (p.end, p.start)
