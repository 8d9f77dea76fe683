"""Recipes from the shell, as an analyst uses them: list the stored recipes, export one to a file
and import it again (on another install, say), read a yearbook table with a named recipe, and the
next edition with no option at all. A hostile recipe file is refused in both languages, without
a traceback, and leaves the store exactly as it was."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indicators.access import manage
from indicators.access.identity import operator
from indicators.cli import main
from indicators.core.folding import fold
from indicators.core.settings import REPO_ROOT
from indicators.ingest.check import check_upload
from indicators.ingest.recipe import Recipe
from indicators.store.audit import read_trail
from indicators.store.recipes import recipe_rows, recipe_text
from indicators.store.revisions import Store
from tests.access.people import CFG, state
from tests.ingest.published_examples import YEARBOOK_2020, YEARBOOK_2021, Example, csv_bytes

NAME = "Niên giám - Thuê bao (Bảng 208)"


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    """`indicators ARGS` in its own process, with the store at `db`."""
    return subprocess.run(
        [sys.executable, "-m", "indicators.cli", *args],
        env=dict(os.environ, INDICATORS_DB=str(db)),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO_ROOT,
    )


def refused(out: subprocess.CompletedProcess, vi: str, en: str) -> None:
    assert out.returncode == 1, out.stdout + out.stderr
    assert vi in out.stderr and en in out.stderr, out.stderr
    assert "Traceback" not in out.stderr + out.stdout


def yearbook_recipe(ex: Example, catalog, regions) -> Recipe:
    """The mapping an analyst confirms on the Upload page for this yearbook table: the proposal
    with the example's indicators on its subscriber columns (growth indices not imported)."""
    proposed = check_upload(csv_bytes(ex), "nien-giam.csv", catalog, regions)
    assert proposed.needs_mapping and proposed.recipe is not None
    pub = proposed.published
    series = {
        s.key: code
        for s in pub.series
        for part, code in ex.mapping.items()
        if part in fold(s.label) and not s.growth
    }
    return Recipe(NAME, pub.title, series, tuple(pub.labels()), ex.area)


@pytest.fixture(scope="module")
def recipe(catalog, regions) -> Recipe:
    return yearbook_recipe(YEARBOOK_2020, catalog, regions)


@pytest.fixture(scope="module")
def base_file(seeded_store, tmp_path_factory) -> Path:
    """The bundled data (revision 1) and a viewer's account, made once."""
    path = tmp_path_factory.mktemp("cli-recipes") / "indicators.duckdb"
    shutil.copyfile(seeded_store.path, path)
    manage.add_account(Store(path), operator(), CFG, "lanhdao", "viewer", None, None)
    return path


@pytest.fixture
def db(base_file, tmp_path) -> Path:
    path = tmp_path / "indicators.duckdb"
    shutil.copyfile(base_file, path)
    return path


def listed(out: subprocess.CompletedProcess) -> list[dict[str, str]]:
    assert out.returncode == 0, out.stderr
    return list(csv.DictReader(io.StringIO(out.stdout)))


def test_export_and_import_again_give_the_same_recipe(db, tmp_path, recipe):
    assert listed(run_cli(db, "recipes")) == []
    path = tmp_path / "cong-thuc.json"
    path.write_text(recipe.to_text(), encoding="utf-8")
    out = run_cli(db, "recipes", "import", str(path))
    assert out.returncode == 0 and "Đã lưu công thức “Niên giám" in out.stdout, out.stderr
    rows = listed(run_cli(db, "recipes", "list"))
    assert [(r["name"], r["updated_by"], r["series"]) for r in rows] == [
        (NAME, operator().account, "2")  # two series mapped: mobile and internet subscribers
    ]
    assert rows[0]["updated_at"].endswith("+07:00")  # Vietnam time, as `indicators audit`

    exported = tmp_path / "exported.json"
    assert run_cli(db, "recipes", "export", NAME, "-o", str(exported)).returncode == 0
    assert run_cli(db, "recipes", "export", NAME).stdout == exported.read_text(encoding="utf-8")
    assert Recipe.from_text(exported.read_text(encoding="utf-8")) == recipe

    out = run_cli(db, "recipes", "delete", NAME)
    assert out.returncode == 0 and "Đã xóa công thức" in out.stdout
    assert listed(run_cli(db, "recipes")) == []
    refused(run_cli(db, "recipes", "export", NAME), "Không có công thức nào tên",
            "There is no recipe named")  # fmt: skip
    refused(run_cli(db, "recipes", "delete", NAME), "Không có công thức nào tên",
            "There is no recipe named")  # fmt: skip

    out = run_cli(db, "recipes", "import", str(exported), "--name", "Bảng 208 (bản sao)")
    assert out.returncode == 0, out.stderr
    assert Recipe.from_text(recipe_text(Store(db), "Bảng 208 (bản sao)")) == recipe.renamed(
        "Bảng 208 (bản sao)"
    )


def test_a_viewer_cannot_import_a_recipe(db, tmp_path, recipe):
    path = tmp_path / "cong-thuc.json"
    path.write_text(recipe.to_text(), encoding="utf-8")
    out = run_cli(db, "recipes", "import", str(path), "--as", "lanhdao")
    refused(out, "cần vai trò analyst", "needs the analyst role")
    assert recipe_rows(Store(db)) == []
    assert read_trail(Store(db), limit=1)["outcome"].tolist() == ["refused"]


def test_a_yearbook_is_imported_with_its_recipe_and_the_next_edition_by_itself(
    db, tmp_path, recipe
):
    store = Store(db)
    first = tmp_path / "nien-giam-2020.csv"
    first.write_bytes(csv_bytes(YEARBOOK_2020))
    out = run_cli(db, "import", str(first), "-m", "Niên giám 2020")
    refused(out, "ánh xạ các cột một lần trên trang Tải lên", "or give --recipe NAME")
    assert state(store)[0] == 1
    refused(run_cli(db, "import", str(first), "-m", "x", "--recipe", "Không có"),
            "Không có công thức nào tên “Không có”", "There is no recipe named")  # fmt: skip

    path = tmp_path / "cong-thuc.json"
    path.write_text(recipe.to_text(), encoding="utf-8")
    assert run_cli(db, "recipes", "import", str(path)).returncode == 0
    out = run_cli(db, "validate", str(first), "--recipe", NAME)
    assert out.returncode == 0, out.stdout + out.stderr
    out = run_cli(db, "import", str(first), "-m", "Niên giám 2020", "--recipe", NAME)
    assert out.returncode == 0, out.stdout + out.stderr
    rev = store.revision(2)
    assert (rev.recipe, rev.rows_new) == (NAME, 12)
    assert Recipe.from_text(rev.recipe_text) == recipe
    mobile = store.read("observations", indicators=["mobile_subscriptions"])
    mobile = mobile[mobile["region"].eq("56") & mobile["period"].eq("2020")]
    assert mobile[["value", "status"]].values.tolist() == [[1611202.0, "preliminary"]]

    nxt = tmp_path / "nien-giam-2021.csv"
    nxt.write_bytes(csv_bytes(YEARBOOK_2021))
    out = run_cli(db, "import", str(nxt), "-m", "Niên giám 2021")  # no --recipe: recognised
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Đã nhận ra bảng" in out.stdout and f"“{NAME}”" in out.stdout
    assert store.revision(3).recipe == NAME and store.revision(3).rows_new == 2
    history = listed(run_cli(db, "history"))
    assert [h["recipe"] for h in history] == ["", NAME, NAME]


BIG = 50 * 1024 * 1024


def _hostile(kind: str, recipe: Recipe) -> bytes:
    """A recipe file as a careless or hostile sender makes it."""
    text = recipe.to_text()
    return {
        "not_json": b"name,series\nNien giam,mobile_subscriptions\n",
        "huge": b" " * BIG,
        "not_utf8": text.encode("utf-16"),
        "wrong_format": text.replace("chi-so-cntt-recipe", "other-tool").encode(),
        "deep": b"[" * 9_000 + b"]" * 9_000,  # within the length, beyond the parser's depth
        "a_list": b'["chi-so-cntt-recipe", 1]',
        "html_name": text.replace(NAME, "<img src=x onerror=alert(1)>").encode(),
        "dot_dot_name": text.replace(NAME, "../../etc/passwd").encode(),
        "series_not_text": text.replace('"mobile_subscriptions"', "17").encode(),
    }[kind]


REFUSALS = {  # kind → (Vietnamese, English) of the worded reason
    "not_json": ("không phải JSON", "not JSON"),
    "huge": ("quá dài", "too long"),
    "not_utf8": ("văn bản UTF-8", "UTF-8 text"),
    "wrong_format": ("không phải tệp công thức", "not a Chỉ số CNTT-TT recipe file"),
    "deep": ("không phải JSON", "not JSON"),
    "a_list": ("không phải tệp công thức", "not a Chỉ số CNTT-TT recipe file"),
    "html_name": ("Tên công thức chỉ gồm", "A recipe name holds"),
    "dot_dot_name": ("Tên công thức chỉ gồm", "A recipe name holds"),
    "series_not_text": ("không hợp lệ", "is not valid"),
}


@pytest.mark.parametrize("kind", REFUSALS)
def test_a_hostile_recipe_file_is_refused_and_changes_nothing(
    kind, db, tmp_path, recipe, monkeypatch, capsys
):
    path = tmp_path / "cong-thuc.json"
    path.write_bytes(_hostile(kind, recipe))
    store = Store(db)
    before = (state(store), recipe_rows(store), len(read_trail(store)))
    monkeypatch.setenv("INDICATORS_DB", str(db))  # the command's own code, in this process
    assert main(["recipes", "import", str(path)]) == 1
    err = capsys.readouterr().err
    vi, en = REFUSALS[kind]
    assert vi in err and en in err, err
    assert (state(store), recipe_rows(store), len(read_trail(store))) == before


@pytest.mark.parametrize("name", ["<b>Bảng</b>", "a" * 81, " Bảng 208", "Bảng\n208"])
def test_a_hostile_name_given_on_the_command_line_is_refused(
    name, db, tmp_path, recipe, monkeypatch, capsys
):
    path = tmp_path / "cong-thuc.json"
    path.write_text(recipe.to_text(), encoding="utf-8")
    monkeypatch.setenv("INDICATORS_DB", str(db))
    assert main(["recipes", "import", str(path), "--name", name]) == 1
    assert "Tên công thức chỉ gồm" in capsys.readouterr().err
    assert recipe_rows(Store(db)) == []
