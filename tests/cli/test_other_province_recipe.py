"""Another province imports its own yearbook table through a recipe (issue 13).

An install configured for Nghệ An (settings.toml and its unit lists only, no figures) starts
with `indicators init`; the analyst maps the province's yearbook table once (here: the mapping
the Upload page would save, exported as a recipe file), imports the recipe file, and
`indicators import` reads the yearbook with `--recipe`; the values are Nghệ An's, stored on its
own unit, and the revision names the recipe. The table is the real Niên giám thống kê Nghệ An
2020 (tests/ingest/published_examples.py, NGHE_AN_2020).
"""

from __future__ import annotations

from indicators.cli import main
from indicators.core.catalog import load_catalog
from indicators.core.settings import load_settings
from indicators.geography.units import LEGACY, NEW, build_regions
from indicators.ingest.check import check_upload
from indicators.store.revisions import Store
from tests.ingest.published_examples import NGHE_AN_2020, OTHER_INSTALL_EXPECTED, csv_bytes
from tests.ingest.test_published_tables import confirmed
from tests.service.test_new_install import data_folder, init

# Nghệ An: legacy 40; since 1 July 2025 the same code, alone.
NGHE_AN = {"name": "Nghệ An", "units": {LEGACY: "40", NEW: "40"}, LEGACY: ("40",), NEW: ("40",)}


def test_nghe_an_imports_its_yearbook_through_a_recipe(tmp_path, monkeypatch, capsys):
    folder = data_folder(tmp_path / "nghe-an", NGHE_AN)
    db = tmp_path / "nghe-an.duckdb"
    assert init(monkeypatch, folder, db) == 0
    yearbook = tmp_path / "nien-giam-nghe-an-2020.csv"
    yearbook.write_bytes(csv_bytes(NGHE_AN_2020))

    # Without a recipe the table is recognised as published and nothing is stored.
    assert main(["import", str(yearbook), "-m", "NGTK 2020"]) == 1
    assert "Upload" in capsys.readouterr().err

    # The mapping the analyst confirms once, kept as a recipe file and imported.
    settings = load_settings(folder, db)
    catalog = load_catalog(folder / "catalog.csv")
    regions = build_regions(settings.region_sources)
    home = {r.unit_list: r.code for r in settings.province_units}
    proposed = check_upload(yearbook.read_bytes(), yearbook.name, catalog, regions, home=home)
    recipe = confirmed(NGHE_AN_2020, proposed).renamed("Thuê bao NGTK Nghệ An")
    recipe_file = tmp_path / "cong-thuc.json"
    recipe_file.write_text(recipe.to_text(), encoding="utf-8")
    assert main(["recipes", "import", str(recipe_file)]) == 0

    assert main(["import", str(yearbook), "-m", "NGTK 2020", "--recipe", recipe.name]) == 0
    store = Store(db)
    stored = store.read("observations")
    got = sorted(
        (r.indicator, r.unit_list, r.region, r.period, r.value, r.status)
        for r in stored.itertuples(index=False)
    )
    assert got == sorted(OTHER_INSTALL_EXPECTED[NGHE_AN_2020.name])
    assert set(stored["source"]) == {"Niên giám thống kê 2020"}
    assert store.revisions()[-1].recipe == "Thuê bao NGTK Nghệ An"
