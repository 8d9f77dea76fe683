"""Proposing which indicator each series of a published table is, for the analyst to confirm.

A series is proposed the catalog indicator whose names (both languages, the code, and the
catalog's synonyms: 'Di động; Mobi-phone') best match its label, with the table's title as a
tie-breaker ('Xếp hạng' under a DTI title is the DTI rank) and the kind a split cell implies (the
"07" of "07 (0,678)" is a rank, the "0,678" a score). The confidence is shown; nothing is stored
until the analyst confirms. Growth-index series are cross-checks and get no indicator.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from indicators.core.catalog import Catalog, Indicator
from indicators.core.folding import fold
from indicators.geography.provinces import all_provinces
from indicators.ingest.layout import LEVEL_SEP, LINE_SEP
from indicators.ingest.published import RANK, SCORE, Published
from indicators.ingest.recipe import Recipe
from indicators.ingest.unitmatch import UnitMatcher, is_total, province_key

PROPOSE_AT = 0.7  # below this a series is left for the analyst to choose
# Header words that say nothing about which indicator a column is
_GENERIC = frozenset({"tong so", "total", "chia ra", "of which", "trong do", "tong", "so", "nam",
                      "year", "cong", "ca nam", "don vi", "unit"})  # fmt: skip
_PART_KIND = {RANK: ("rank",), SCORE: ("index",)}


@dataclass
class Proposal:
    """A recipe to confirm (no name yet) and the confidence of each proposed indicator."""

    recipe: Recipe
    confidence: dict[str, float] = field(default_factory=dict)


def propose(pub: Published, catalog: Catalog) -> Proposal:
    """The most likely indicator for every series that is not a growth index."""
    names = {ind.code: _names(ind) for ind in catalog}
    title = fold(pub.title)
    series: dict[str, str] = {}
    confidence: dict[str, float] = {}
    for s in pub.series:
        if s.growth:
            continue
        # a table of units per block ('Số trạm BTS' over the districts) names it by the block
        label = f"{s.block}{LEVEL_SEP}{s.label}" if s.block and s.label == pub.title else s.label
        best = _best(label, s.part, catalog, names, title)
        if best is None:
            continue
        code, score = best
        rival = next((k for k, c in series.items() if c == code), None)
        if rival is not None and confidence[rival] >= score:
            continue  # one indicator per table: the likelier series keeps it
        if rival is not None:
            del series[rival], confidence[rival]
        series[s.key], confidence[s.key] = best
    recipe = Recipe("", pub.title, series, tuple(pub.labels()), None, pub.default_period)
    return Proposal(recipe, confidence)


def _names(ind: Indicator) -> list[str]:
    return [fold(n) for n in (ind.name_vi, ind.name_en, ind.code, *ind.synonyms) if n]


def _best(
    label: str, part: str, catalog: Catalog, names: dict[str, list[str]], title: str
) -> tuple[str, float] | None:
    """(code, confidence) of the best indicator for a series, if it is likely enough."""
    pieces = _pieces(label)
    scored = []
    for ind in catalog:
        if part and ind.kind not in _PART_KIND[part]:
            continue
        score = max((_alike(p, n) for p in pieces for n in names[ind.code]), default=0.0)
        context = max((_in_title(n, title) for n in names[ind.code]), default=0.0)
        scored.append((score + 0.1 * context, ind.code, score))
    if not scored:
        return None
    _, code, score = max(scored)
    return (code, round(min(score, 1.0), 2)) if score >= PROPOSE_AT else None


def _pieces(label: str) -> list[str]:
    """The folded texts a label offers: itself, each header level, each language's half."""
    out = [fold(label)]
    for level in label.split(LEVEL_SEP):
        out.append(fold(level))
        for half in re.split(rf"{re.escape(LINE_SEP)}| - |\n|:", level):
            half = re.sub(r"^(trong do|of which|chia ra|tong so)\s*", "", fold(half)).strip()
            if half:
                out.append(half)
    return list(dict.fromkeys(p for p in out if p and p not in _GENERIC))


def _alike(piece: str, name: str) -> float:
    """1 for the same text; 0.9 when one holds the other as whole words; else ~similarity."""
    if piece == name:
        return 1.0
    short, long_ = sorted((piece, name), key=len)
    if len(short) >= 3 and re.search(rf"(^|\W){re.escape(short)}($|\W)", long_):
        return 0.4 + 0.6 * len(short) / len(long_)  # 'di dong' in 'thue bao di dong': likely
    matcher = difflib.SequenceMatcher(None, piece, name)
    if 0.8 * matcher.real_quick_ratio() < PROPOSE_AT:  # cannot be proposed: skip the full ratio
        return 0.0
    return 0.8 * matcher.ratio()


def _in_title(name: str, title: str) -> float:
    """Whether a (short) name of the indicator appears in the table's title: 'dti', 'ict'."""
    return 1.0 if len(name) >= 3 and re.search(rf"(^|\W){re.escape(name)}($|\W)", title) else 0.0


class AreaNames:
    """Row labels that name a unit: the install's units, or any province of either list."""

    def __init__(self, matcher: UnitMatcher, unit_lists: tuple[str, ...]):
        self.matcher, self.unit_lists = matcher, unit_lists
        self._names: dict[str, str | None] = {}
        self._provinces: dict[str, set[tuple[str, str]]] = {}
        for r in all_provinces().itertuples(index=False):
            for name in (r.name, r.short_name):
                self._provinces.setdefault(province_key(name), set()).add((r.unit_list, r.code))

    def name_of(self, label: str) -> str | None:
        """The part of a row label that names a unit of this install (or the total row):
        'Thành phố Nha Trang - Nha Trang city' -> 'Thành phố Nha Trang'. Once per label: a
        table prints the same units in every block."""
        if label not in self._names:
            self._names[label] = self._name_of(label)
        return self._names[label]

    def _name_of(self, label: str) -> str | None:
        for piece in halves(label):
            if is_total(piece) or any(
                self.matcher.by_name(ul, piece).code is not None for ul in self.unit_lists
            ):
                return piece
        return None

    def is_install_province(self, unit_list: str, code: str) -> bool:
        """Whether the install keeps figures of this province (its own, or any province when
        its unit lists hold the national level)."""
        return self.matcher.has(unit_list, code)

    def in_install(self, label: str) -> bool:
        return self.name_of(label) is not None

    def province(self, label: str) -> set[tuple[str, str]]:
        """The (unit_list, code) of the province a label names, in any install."""
        for piece in halves(label):
            if found := self._provinces.get(province_key(piece)):
                return found
        return set()

    def __call__(self, label: str) -> bool:
        return self.in_install(label) or bool(self.province(label))


_COUNTRY = frozenset({"ca nuoc", "toan quoc", "trung binh", "trung binh ca nuoc", "average",
                      "national average", "viet nam", "vietnam", "whole country"})  # fmt: skip


def is_country(label: str) -> bool:
    """'Cả nước', 'Trung bình cả nước': a ranking's national row, not a unit of an install."""
    return any(fold(p).strip(" .:*") in _COUNTRY for p in halves(label))


def halves(label: str) -> list[str]:
    """A label whole, then its Vietnamese and English halves ('Huyện Cam Lâm - Cam Lam
    district', 'TỔNG SỐ\nTOTAL'); 'Thừa Thiên - Huế' is tried whole first."""
    parts = re.split(r"\s+-\s+|\s*/\s*|\n", label)
    return list(dict.fromkeys([label, *(p.strip() for p in parts if p.strip())]))
