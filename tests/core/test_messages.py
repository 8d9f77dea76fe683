"""The message catalog and the code agree: every key the code uses has a Vietnamese and an English
text, and every key in the catalog is used somewhere.

Uses are found by reading the code (src/, ui/, app.py) with `ast`, never by running it:

- a literal key given to `t(…)`, `tr(…)` or `both(…)` (either branch of `a if … else b` too),
  or as the rule of an error the catalog words (`PeriodError("period.error.missing")`);
- a key written whole as a string anywhere (a key kept in a variable, a table, a progress step);
- a rule given to a function that makes a Problem (`RULE_MAKERS`): `<area>.rule.<rule>`, and
  `<area>.hint.<rule>` where there is one; a rule code written as a string anywhere also uses
  its keys (the upload checks pass their rules along as data);
- a key built by an f-string (`f"status.{s}"`): only for the families declared in `FAMILIES`
  below, each with the vocabulary the code really iterates over. A new f-string key, or a key
  under a family that is not in its vocabulary, fails here until it is declared or removed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from indicators.core import catalog as catalog_mod
from indicators.core.i18n import LANGS, MESSAGES
from indicators.core.problems import SEVERITIES
from indicators.core.roles import Role
from indicators.core.schema import STATUSES
from indicators.geography.crosswalk import BASIS_EQUAL, BASIS_ONE_TO_ONE, BASIS_WHOLE
from indicators.geography.units import LEVELS, UNIT_LISTS
from indicators.ingest import published, template
from indicators.present import chart_spec, mapping_table, tables
from indicators.query.timeseries import GRANULARITIES
from indicators.store.audit import AUDIT_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "src" / "indicators" / "core" / "i18n"
KEY_CALLS = {"t", "tr", "both"}  # (key, …): the key is the first argument
KEY = re.compile(r"^[a-z_]+(\.[A-Za-z0-9_]+)+$")  # also the rule of a `…Error(key, **params)`
RULE_MAKERS = {  # (rule, …) → the area of its messages, `<area>.rule.<rule>`
    "rule_problem": "upload",  # or its `area=` keyword
    "_catalog_problem": "catalog",
    "_boundary_problem": "boundaries",
    "problem": "published",  # ingest.published.problem: a published table's rules
}
RANKED_LEVELS = chart_spec.RANKED_LEVELS  # chart_spec.check: only these are ranked
BASES = (BASIS_WHOLE, BASIS_EQUAL, BASIS_ONE_TO_ONE)  # how a converted value was made
# ui/navigation.py: `Page.key`, one menu entry per page.
PAGES = ("overview", "trends", "regions", "provinces", "briefing", "data", "methodology", "upload",
         "history", "accounts")  # fmt: skip
# ui/pages/methodology.py: `SECTIONS`, one tab each.
METHOD_SECTIONS = ("indicators", "statuses", "revision", "reform", "periods", "rankings")
HISTORY_COLUMNS = (  # the revisions table of the History page
    "id", "created_at", "author", "file_name", "message", "rows_new", "rows_changed",
    "rows_unchanged", "rows_removed", "rows_rejected", "restores",
)  # fmt: skip
INDICATOR_SHEET = (  # the template's sheet of indicators (`template.indicators_table`)
    "code", "name_vi", "name_en", "unit", "kind", "numerator", "denominator", "definition",
)  # fmt: skip

# Keys built by f-strings: the pattern ("{}" where the code fills in a value) → the values the
# code fills in. Keep each entry next to a note saying where the values come from.
FAMILIES: dict[str, tuple[str, ...]] = {
    "agg_region.{}": catalog_mod.AGG_REGION,  # methodology page, per indicator
    "agg_time.{}": catalog_mod.AGG_TIME,
    "topic.{}": catalog_mod.TOPICS,
    "method.tab.{}": METHOD_SECTIONS,
    "template.kind.{}": catalog_mod.KINDS,
    "status.{}": STATUSES,  # legends, tables, cards, methodology
    "status.{}.desc": STATUSES,
    "status.{}.drawn": STATUSES,
    "level.{}": LEVELS,
    "template.level.{}": LEVELS,
    "caption.units.{}": RANKED_LEVELS,
    "unitlist.by.{}": UNIT_LISTS,  # the `?era=` picker
    "unitlist.short.{}": UNIT_LISTS,
    "a11y.col.{}": ("series", "item", "value"),  # a chart's table (present.figure_data)
    "data.converted.{}": UNIT_LISTS,
    "reform.chart_note.{}": UNIT_LISTS,
    "reform.converted_from.{}": UNIT_LISTS,
    "reform.basis.{}": BASES,
    "gran.{}": GRANULARITIES,
    "gran.of.{}": GRANULARITIES,
    "growth.base.{}": GRANULARITIES,
    "gran.part.{}": ("year", "half", "quarter", "month"),  # what a longer period is made of
    "caption.{}": ("rise", "fall", "flat"),  # captions.direction
    "caption.{}.rank": ("rise", "fall"),  # a rank's rise or fall reads otherwise; flat does not
    "bpage.kind.{}": chart_spec.KINDS,
    "deck.preset.{}": chart_spec.PRESETS,
    "bpage.{}": ("up", "down", "remove", "pptx", "pdf", "zip"),  # slide buttons, deck downloads
    "col.{}": (*tables.DATA_COLUMNS, *tables.SHOWN_REFORM_COLUMNS),
    "template.col.{}": template.DATA_COLUMNS,
    "template.help.{}": template.DATA_COLUMNS,
    "template.sheet.{}": ("data", "indicators", "units"),
    "problem.col.{}": ("row", "column", "value", "severity", "rule", "reason", "hint"),
    "upload.shape.{}": ("long", "wide"),  # ingest.shapes LONG, WIDE
    "mapping.numbers.{}": mapping_table.NUMBER_CHOICES,  # how a published column writes numbers
    "mapping.col.{}": ("series", "indicator", "confidence", "numbers"),  # ui.mapping_step
    "mapping.axis.{}": published.AXES,  # where a published table's periods are
    "upage.severity.{}": SEVERITIES,
    "upage.m.{}": ("new", "changed", "unchanged", "rejected"),  # the upload preview's counts
    "upage.mode.{}": ("all", "valid"),  # store everything, or only the valid rows
    "hpage.col.{}": HISTORY_COLUMNS,
    "lang.{}": LANGS,
    "nav.{}": PAGES,
    "access.role.{}": tuple(r.value for r in Role),
    "hpage.audit.col.{}": tuple(
        AUDIT_COLUMNS
    ),  # the audit trail on the History page  # a role named for people (sidebar, pages)
}
# f"{prefix}.{code}" where the prefix is passed in: present.tables `_labels(codes, prefix, …)`
# and ingest.template `_bilingual(prefix, columns)`. Prefix → the codes it is given.
PASSED_PREFIXES: dict[str, tuple[str, ...]] = {
    "status": STATUSES,
    "level": LEVELS,
    "unitlist": UNIT_LISTS,
    "reform.basis": BASES,
    "origin": ("reported", "aggregated", "rolled_up", "converted"),
    "changes.kind": ("new", "changed", "removed"),  # store.revisions: a row's change
    "template.ind": INDICATOR_SHEET,
    "template.unit": ("unit_list", "code", "name", "level", "parent"),
}
# f-strings of the machinery itself, not of a family: the pattern → why it is not one.
MACHINERY = {
    "{}.{}": "the prefix is passed in: PASSED_PREFIXES",
    "{}.rule.{}": "core.problems.rule_problem: RULE_MAKERS",
    "{}.hint.{}": "core.problems.rule_problem: RULE_MAKERS",
}
# Keys in the catalog that code does not use yet, each with the change that will use it.
AWAITING_USE: dict[str, str] = {}  # key → why it is not used yet (none today)


def _code_files() -> list[Path]:
    files = [*(ROOT / "src").rglob("*.py"), *(ROOT / "ui").rglob("*.py"), ROOT / "app.py"]
    return sorted(f for f in files if I18N not in f.parents)


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _literals(node: ast.expr) -> Iterator[str]:
    """The strings an argument can be: a literal, or either branch of `a if … else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)


def _pattern(node: ast.JoinedStr) -> str:
    return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)


class Uses:
    """What the code says about message keys, read once for all tests."""

    def __init__(self) -> None:
        self.called: dict[str, str] = {}  # key given literally → where
        self.rules: dict[str, str] = {}  # <area>.rule.<rule> given literally → where
        self.constants: set[str] = set()  # every string written in the code
        self.patterns: dict[str, str] = {}  # f-string key pattern → where
        prefixes = {k.split(".")[0] for k in MESSAGES}
        for path in _code_files():
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    self.constants.add(node.value)
                elif isinstance(node, ast.JoinedStr):
                    pattern = _pattern(node)
                    if pattern.split(".")[0] in prefixes or pattern in MACHINERY:
                        self.patterns.setdefault(pattern, where)
                elif isinstance(node, ast.Call) and node.args:
                    self._call(node, where)

    def _call(self, node: ast.Call, where: str) -> None:
        name = _name(node.func)
        if name in KEY_CALLS:
            for key in _literals(node.args[0]):
                self.called.setdefault(key, where)
            if isinstance(node.args[0], ast.JoinedStr):
                self.patterns.setdefault(_pattern(node.args[0]), where)
        elif (name or "").endswith("Error"):
            for key in _literals(node.args[0]):
                if KEY.match(key):
                    self.called.setdefault(key, where)
        elif name in RULE_MAKERS:
            area = RULE_MAKERS[name]
            for kw in node.keywords:
                if kw.arg == "area" and isinstance(kw.value, ast.Constant):
                    area = kw.value.value
            for rule in _literals(node.args[0]):
                self.rules.setdefault(f"{area}.rule.{rule}", where)

    def family_keys(self) -> dict[str, str]:
        """Every key the declared families and passed prefixes build → its family."""
        keys = {p.replace("{}", v): p for p, vocab in FAMILIES.items() for v in vocab}
        for prefix, vocab in PASSED_PREFIXES.items():
            keys.update({f"{prefix}.{v}": f"{prefix}.{{}}" for v in vocab})
        return keys

    def used(self) -> set[str]:
        rule_codes = {k for k in MESSAGES if re.match(r"^\w+\.(rule|hint)\.", k)}
        by_code = {k for k in rule_codes if k.split(".", 2)[2] in self.constants}
        by_rule = {k.replace(".rule.", ".hint.") for k in self.rules} | set(self.rules)
        return (
            (set(self.called) | (self.constants & MESSAGES.keys()) | set(self.family_keys()))
            | by_code
            | by_rule
        )


@pytest.fixture(scope="module")
def uses() -> Uses:
    return Uses()


def _worded(key: str) -> bool:
    pair = MESSAGES.get(key)
    return (
        isinstance(pair, tuple)
        and len(pair) == len(LANGS)
        and all(isinstance(s, str) and s.strip() for s in pair)
    )


def test_every_key_the_code_names_has_both_languages(uses):
    named = {**uses.called, **uses.rules}
    missing = {key: where for key, where in named.items() if not _worded(key)}
    assert not missing, f"keys without a Vietnamese and an English text: {missing}"


def test_every_key_a_family_builds_has_both_languages(uses):
    missing = {k: fam for k, fam in uses.family_keys().items() if not _worded(k)}
    assert not missing, f"keys a family builds without both texts: {missing}"


def test_every_f_string_key_is_a_declared_family(uses):
    known = {*FAMILIES, *MACHINERY}
    unknown = {p: where for p, where in uses.patterns.items() if p not in known}
    assert not unknown, f"declare these key families (and their vocabulary) in FAMILIES: {unknown}"
    stale = sorted(known - set(uses.patterns))
    assert not stale, f"families no code builds any more: {stale}"


def test_passed_prefixes_are_still_passed(uses):
    stale = sorted(p for p in PASSED_PREFIXES if p not in uses.constants)
    assert not stale, f"prefixes no code passes any more: {stale}"


def test_every_catalog_key_is_used(uses):
    unused = sorted(set(MESSAGES) - uses.used() - set(AWAITING_USE))
    assert not unused, f"message keys no code uses (remove them, or declare the family): {unused}"


def test_keys_awaiting_use_are_in_the_catalog_and_not_used_yet(uses):
    assert set(AWAITING_USE) <= set(MESSAGES)
    used = sorted(set(AWAITING_USE) & uses.used())
    assert not used, f"now used: take them off AWAITING_USE: {used}"


def test_every_hint_has_its_rule():
    hints = [k for k in MESSAGES if ".hint." in k]
    orphans = [k for k in hints if k.replace(".hint.", ".rule.") not in MESSAGES]
    assert not orphans


def test_every_catalog_text_is_in_both_languages():
    assert all(_worded(k) for k in MESSAGES), [k for k in MESSAGES if not _worded(k)]
