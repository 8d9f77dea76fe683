"""The indicator catalog: what each indicator means and how its values combine.

Ratios name the count indicators that make their numerator and denominator, so that an area's
value is always sum(numerators) / sum(denominators) × scale and never an average of percentages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from indicators.core.i18n import bilingual
from indicators.core.problems import DataError, Problem, rule_problem

TOPICS = ("postal", "telecom", "press", "digital_gov")
KINDS = ("ratio", "count", "amount", "index", "rank")
ROLES = ("headline", "detail", "component")
AGG_REGION = ("sum", "ratio", "none")
AGG_TIME = ("sum", "last", "ratio", "none")
COLUMNS = (
    "code",
    "topic",
    "kind",
    "role",
    "name_vi",
    "name_en",
    "unit_vi",
    "unit_en",
    "numerator",
    "denominator",
    "scale",
    "agg_region",
    "agg_time",
    "higher_is_better",
    "decimals",
    "definition_vi",
    "definition_en",
    "source",
)


@dataclass(frozen=True)
class Indicator:
    code: str
    topic: str
    kind: str
    role: str
    name_vi: str
    name_en: str
    unit_vi: str
    unit_en: str
    numerator: str | None
    denominator: str | None
    scale: float
    agg_region: str
    agg_time: str
    higher_is_better: bool
    decimals: int
    definition_vi: str
    definition_en: str
    source: str
    # Other names a published table prints for it, both languages ('Di động; Mobi-phone'):
    # the optional `synonyms` column, ';' between names. Proposes a published column's mapping.
    synonyms: tuple[str, ...] = ()

    name = bilingual("name")
    unit = bilingual("unit")
    definition = bilingual("definition")

    @property
    def is_percent(self) -> bool:
        return self.unit_vi.strip() == "%"


class Catalog:
    """Indicators by code, in file order."""

    def __init__(self, indicators: list[Indicator]):
        self._by_code = {i.code: i for i in indicators}

    def __getitem__(self, code: str) -> Indicator:
        return self._by_code[code]

    def get(self, code: str) -> Indicator | None:
        return self._by_code.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self):
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def codes(self, roles: tuple[str, ...] = ROLES) -> list[str]:
        return [i.code for i in self if i.role in roles]

    def frame(self) -> pd.DataFrame:
        """The catalog's columns (the optional synonyms are for reading files, not stored)."""
        return pd.DataFrame([vars(i) for i in self], columns=list(COLUMNS))


def _catalog_problem(rule: str, row: int, col: str, value: object, **kw: object) -> Problem:
    """A problem of catalog.csv, worded from `catalog.rule.<rule>`."""
    return rule_problem(rule, row, col, value, area="catalog", **kw)


def _parse_row(n: int, r: dict[str, str]) -> tuple[Indicator | None, list[Problem]]:
    probs: list[Problem] = []
    for col, allowed in (
        ("topic", TOPICS),
        ("kind", KINDS),
        ("role", ROLES),
        ("agg_region", AGG_REGION),
        ("agg_time", AGG_TIME),
    ):
        if r[col] not in allowed:
            probs.append(_catalog_problem("not_one_of", n, col, r[col], allowed=", ".join(allowed)))
    if not r["code"]:
        probs.append(_catalog_problem("code_missing", n, "code", ""))
    try:
        scale = float(r["scale"] or 1)
        decimals = int(r["decimals"] or 0)
    except ValueError:
        probs.append(
            _catalog_problem("not_a_number", n, "scale/decimals", f"{r['scale']}/{r['decimals']}")
        )
        scale, decimals = 1.0, 0
    hib = r["higher_is_better"].strip().lower()
    if hib not in ("1", "0", "true", "false"):
        probs.append(_catalog_problem("not_a_flag", n, "higher_is_better", hib))
    if r["kind"] == "ratio" and not (r["numerator"] and r["denominator"]):
        probs.append(_catalog_problem("ratio_parts", n, "numerator/denominator", r["code"]))
    if probs:
        return None, probs
    ind = Indicator(
        code=r["code"],
        topic=r["topic"],
        kind=r["kind"],
        role=r["role"],
        name_vi=r["name_vi"],
        name_en=r["name_en"],
        unit_vi=r["unit_vi"],
        unit_en=r["unit_en"],
        numerator=r["numerator"] or None,
        denominator=r["denominator"] or None,
        scale=scale,
        agg_region=r["agg_region"],
        agg_time=r["agg_time"],
        higher_is_better=hib in ("1", "true"),
        decimals=decimals,
        definition_vi=r["definition_vi"],
        definition_en=r["definition_en"],
        source=r["source"],
        synonyms=tuple(s.strip() for s in r.get("synonyms", "").split(";") if s.strip()),
    )
    return ind, []


def load_catalog(path: Path) -> Catalog:
    """Read catalog.csv; reject the whole file with every problem listed."""
    df = pd.read_csv(
        path, dtype=str, keep_default_na=False, encoding="utf-8-sig", skip_blank_lines=False
    )
    df = df[~df.apply(lambda col: col.str.strip().eq("")).all(axis=1)]  # index = Excel row - 2
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise DataError(
            [_catalog_problem("column_missing", 1, c, None) for c in missing], str(path)
        )
    indicators, probs, seen, rows = [], [], set(), {}
    for i, rec in zip(df.index, df.to_dict("records"), strict=True):
        rec = {k: str(v).strip() for k, v in rec.items()}
        n = int(i) + 2
        if rec["code"] in seen:
            probs.append(_catalog_problem("duplicate_code", n, "code", rec["code"]))
            continue
        seen.add(rec["code"])
        ind, p = _parse_row(n, rec)
        probs += p
        if ind:
            indicators.append(ind)
            rows[ind.code] = n
    codes = {i.code for i in indicators}
    for ind in indicators:
        n = rows[ind.code]
        for col in ("numerator", "denominator"):
            ref = getattr(ind, col)
            if ref and ref not in codes:
                probs.append(_catalog_problem("unknown_part", n, col, ref))
    if probs:
        raise DataError(probs, str(path))
    return Catalog(indicators)
