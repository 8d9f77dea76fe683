"""Figures for the note on the 2025 reform: which new Khánh Hòa units needed apportioning, and how
many values of the bundled data are estimates once converted to the new units.

    .venv/bin/python bench/reform_counts.py      # prints Markdown; seeds a temporary store
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from indicators.core.settings import DEFAULT_DATA_DIR
from indicators.geography import crosswalk
from indicators.query import across_reform
from indicators.service import seed_from
from indicators.store.revisions import Store


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "indicators.duckdb")
        seed_from(DEFAULT_DATA_DIR, store)
        rev = store.current_revision()
        with store.connect(read_only=True) as con:
            regions = con.execute("SELECT * FROM regions").df()
            started = time.perf_counter()
            table = across_reform.converted_table(con, rev)
            cold = time.perf_counter() - started
            started = time.perf_counter()
            across_reform.converted_table(con, rev)
            warm = time.perf_counter() - started
    names = regions.set_index(["unit_list", "code"])["name"]
    parts = crosswalk.apportioned_units(regions)
    print("## New units that take a share of a divided old unit\n")
    print("| new unit | divided old units (share; * = the converter's default new unit) |")
    print("|---|---|")
    for new_code, grp in parts.groupby("new_code"):
        olds = ", ".join(
            f"{names[('legacy', r.old_code)]} ({r.old_code}; {r.share:.2f}{'*' * r.default})"
            for r in grp.itertuples()
        )
        print(f"| {names[('2025', new_code)]} ({new_code}) | {olds} |")
    divided = parts["old_code"].nunique()
    print(f"\n{parts['new_code'].nunique()} new units, {divided} divided old units.\n")

    new = table[table["unit_list"] == "2025"]
    shown = new[new["n_parts"] >= new["n_expected"]]  # what converted_series shows by default
    est = shown[shown["estimate"]]
    print(f"## Converted values in the bundled data (revision {rev})\n")
    print(f"- old → new, complete: {len(shown)} values, of which {len(est)} estimates")
    print(f"- old → new, incomplete (left out by default): {len(new) - len(shown)}")
    back = table[table["unit_list"] == "legacy"]
    print(f"- new → old, one-to-one: {len(back)} values on {back['region'].nunique()} old unit(s)")
    print("\nEstimates per new unit:\n")
    for code, n in est.groupby("region").size().items():
        print(f"- {names[('2025', code)]} ({code}): {n}")
    print(f"\nConversion: {cold * 1000:.0f} ms first, {warm * 1000:.1f} ms cached (same revision)")


if __name__ == "__main__":
    main()
