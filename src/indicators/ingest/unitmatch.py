"""Finding a unit from what an analyst wrote: its code, or its name as people write it.

Names are matched without tone marks or case, with or without the type word ('Xã', 'Phường',
'Thị trấn', 'Huyện', 'Thị xã', 'Thành phố', 'Đặc khu'; 'TP.', 'TX.', 'TT.' too), against the
unit list in force in the row's period. A name that fits several units (Xã Vạn Thạnh and
Phường Vạn Thạnh in old Khánh Hòa) is ambiguous unless the type word decides it; then the
analyst is shown the candidates with their district, and asked for the code.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from indicators.core.folding import fold
from indicators.geography.units import own_units

_TYPES = ("thanh pho", "thi tran", "thi xa", "dac khu", "phuong", "xa", "huyen", "quan", "tinh")
_ABBREV = {"tp": "thanh pho", "tx": "thi xa", "tt": "thi tran", "h": "huyen", "p": "phuong"}
# What a yearbook writes on the row of the whole province
TOTAL_NAMES = frozenset({"tong so", "toan tinh", "ca tinh", "tong cong", "tong", "total"})
_TYPE_RE = re.compile(r"^(" + "|".join(_TYPES) + r")\s+")
_ABBREV_RE = re.compile(r"^(" + "|".join(_ABBREV) + r")\s*\.\s*|^(tp|tx|tt)\s+")


def full_key(text: str) -> str:
    """'TP. Nha Trang' -> 'thanh pho nha trang' (abbreviated type words spelled out)."""
    f = fold(text)
    m = _ABBREV_RE.match(f)
    if m:
        f = _ABBREV[m.group(1) or m.group(2)] + " " + f[m.end() :].strip()
    return f


def is_total(text: str) -> bool:
    """'TỔNG SỐ', 'Toàn tỉnh', 'Cả tỉnh', 'Tổng cộng': the row of the whole province."""
    return fold(text).strip(" .:*") in TOTAL_NAMES


_TAIL = re.compile(r"\s+(city|province)$")
# Names rankings print for a province that its name in the package does not give: Huế was
# Thừa Thiên Huế until 2025; Hồ Chí Minh City is shortened to HCM
_PROVINCE_ALIASES = {"thua thien hue": "hue", "hcm": "ho chi minh", "tphcm": "ho chi minh"}


def province_key(text: str) -> str:
    """'TP. Hồ Chí Minh', 'TP.HCM', 'Thừa Thiên - Huế', 'Khánh Hoà', 'Ba Ria - Vung Tau',
    'Ho Chi Minh City', 'Khanh Hoa Province' -> one key each: no type word, no tone marks,
    hyphens as spaces."""
    key = bare_key(_TAIL.sub("", fold(text)))
    key = " ".join(key.replace("-", " ").split())
    return _PROVINCE_ALIASES.get(key, key)


def _toned(text: str) -> str:
    """Lower case in NFC, tone marks kept: tells 'Thành Hải' from 'Thanh Hải'."""
    return " ".join(unicodedata.normalize("NFC", str(text)).lower().split())


def bare_key(text: str) -> str:
    """'Xã Vạn Thạnh' -> 'van thanh': the name without its type word."""
    return _TYPE_RE.sub("", full_key(text), count=1).strip()


@dataclass(frozen=True)
class Match:
    """A unit code, or why there is none (`rule`) with up to three names to suggest."""

    code: str | None
    rule: str | None = None
    suggestions: tuple[str, ...] = ()


class UnitMatcher:
    """The units of each unit list, indexed by code, full name and bare name."""

    def __init__(self, regions: pd.DataFrame):
        self._units = regions.set_index(["unit_list", "code"], drop=False)
        self._by_full: dict[tuple[str, str], list[str]] = {}
        self._by_bare: dict[tuple[str, str], list[str]] = {}
        self._label: dict[tuple[str, str], str] = {}
        self._codes: dict[str, set[str]] = {}
        keys = list(zip(regions["unit_list"], regions["code"], strict=True))
        names = dict(zip(keys, regions["name"], strict=True))
        # each unit's fields by (unit list, code): a dict look-up, where `.loc` on the
        # indexed frame costs half a millisecond per unit a file names
        self._rows: dict[tuple[str, str], dict] = dict(
            zip(keys, regions.to_dict("records"), strict=True)
        )
        for r in regions.itertuples(index=False):
            unit_list = r.unit_list
            self._codes.setdefault(unit_list, set()).add(r.code)
            self._by_full.setdefault((unit_list, full_key(r.name)), []).append(r.code)
            for key in {bare_key(r.name), bare_key(r.short_name)}:
                self._by_bare.setdefault((unit_list, key), []).append(r.code)
            parent = (
                names.get((unit_list, r.parent_code)) if isinstance(r.parent_code, str) else None
            )
            self._label[(unit_list, r.code)] = (
                f"{r.name} ({parent}, {r.code})" if parent else (f"{r.name} ({r.code})")
            )
        self._bare_keys = {
            unit_list: sorted({k for (u, k) in self._by_bare if u == unit_list})
            for unit_list in self._codes
        }

    def provinces(self, unit_list: str) -> list[str]:
        """Codes of the install's own provinces in a unit list (two in 'legacy' for the new
        Khánh Hòa), not the other provinces of the national level."""
        u = self._units
        mine = (u["unit_list"] == unit_list) & (u["level"] == "province") & own_units(u)
        return list(u.loc[mine, "code"])

    def has(self, unit_list: str, code: str) -> bool:
        return code in self._codes.get(unit_list, ())

    def unit(self, unit_list: str, code: str) -> dict:
        """The unit's row of the unit lists, as a dict of its fields (KeyError if none)."""
        return self._rows[(unit_list, code)]

    def label(self, unit_list: str, code: str) -> str:
        return self._label[(unit_list, code)]

    def by_code(self, unit_list: str, code: str) -> str | None:
        """The code as listed; Excel drops leading zeros ('4' for '00004'), so pad if unique."""
        if self.has(unit_list, code):
            return code
        if code.isdigit():
            found = [c for w in (2, 3, 5) if self.has(unit_list, c := code.zfill(w))]
            if len(set(found)) == 1:
                return found[0]
        return None

    def by_name(self, unit_list: str, text: str) -> Match:
        """A unit by name: the full name decides first, then the name without type word."""
        full, bare = full_key(text), bare_key(text)
        if not bare:
            return Match(None, "missing_unit")
        exact = self._by_full.get((unit_list, full), [])
        if len(exact) == 1:
            return Match(exact[0])
        found = exact or self._by_bare.get((unit_list, bare), [])
        if len(found) == 1:  # a wrong type word is forgiven: communes became wards in 2025
            return Match(found[0])
        if found and (toned := self._same_tones(unit_list, found, text)):
            return Match(toned)  # 'Xã Thành Hải' and 'Xã Thanh Hải' differ only in tone marks
        if found:
            return Match(None, "ambiguous_unit_name", self._labels(unit_list, found))
        close = difflib.get_close_matches(bare, self._bare_keys.get(unit_list, []), 3, 0.6)
        codes = [c for k in close for c in self._by_bare[(unit_list, k)]]
        return Match(None, "unknown_unit_name", self._labels(unit_list, codes))

    def _same_tones(self, unit_list: str, codes: list[str], text: str) -> str | None:
        """Of names that fold alike, the one written with exactly these tone marks, if one."""
        wanted = _toned(text)
        hits = {
            c
            for c in codes
            if wanted
            in {
                _toned(self.unit(unit_list, c)["name"]),
                _toned(self.unit(unit_list, c)["short_name"]),
            }
        }
        return hits.pop() if len(hits) == 1 else None

    def name_fits(self, unit_list: str, code: str, text: str) -> bool:
        """Whether a name written next to a code is that unit's (codes are reused in 2025); a
        province as rankings print it ('TP.HCM', 'Thừa Thiên - Huế', 'Khanh Hoa Province')."""
        r = self.unit(unit_list, code)
        if bare_key(text) in (bare_key(r["name"]), bare_key(r["short_name"])):
            return True
        names = (province_key(r["name"]), province_key(r["short_name"]))
        return r["level"] == "province" and province_key(text) in names

    def _labels(self, unit_list: str, codes: list[str]) -> tuple[str, ...]:
        seen = list(dict.fromkeys(codes))[:3]
        return tuple(self.label(unit_list, c) for c in seen)
