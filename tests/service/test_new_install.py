"""A new install for another province: a data folder with the catalog, a settings.toml naming
the province and its unit lists, and no figures yet. `indicators init` starts it, the Overview
says there is no data yet, and the first upload shows on it.

Before this worked, an empty observations.csv was refused at `indicators init` with a
traceback, and five old provinces (island districts without communes) could not build their
unit list.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indicators.cli import main
from indicators.core.settings import DEFAULT_DATA_DIR, load_settings
from indicators.geography.crosswalk import national_crosswalk
from indicators.geography.units import LEGACY, NEW
from indicators.service import catalog_of, seed_from
from indicators.store.revisions import Store
from tests.geography.test_every_province import EVERY_PROVINCE, units_of
from tests.pages.apptest import app_data_at, open_page

OBS_HEADER = (DEFAULT_DATA_DIR / "observations.csv").read_bytes().splitlines()[0] + b"\r\n"
TGT_HEADER = (DEFAULT_DATA_DIR / "targets.csv").read_bytes().splitlines()[0] + b"\r\n"
BOM = b"\xef\xbb\xbf"
TABLES = ("catalog", "observations", "targets")
# The new Lào Cai (15) joins the old Lào Cai (10) and Yên Bái (15).
LAO_CAI = {
    "name": "Lào Cai",
    "units": {LEGACY: "10", NEW: "15"},
    LEGACY: ("10", "15"),
    NEW: ("15",),
}


def settings_toml(name: str, units: dict[str, str], sources: dict[str, tuple[str, ...]]) -> str:
    """settings.toml with only what an install must say: the organisation, the province (its
    unit in each list) and the provinces whose units are loaded."""
    unit_lines = ", ".join(f'{{ unit_list = "{u}", code = "{c}" }}' for u, c in units.items())
    text = (
        f'[organisation]\nname_vi = "Sở Khoa học và Công nghệ {name}"\n'
        f'name_en = "{name} Department of Science and Technology"\n\n'
        f'[province]\nname_vi = "{name}"\nname_en = "{name}"\nunits = [{unit_lines}]\n'
    )
    for unit_list, codes in sources.items():
        listed = ", ".join(f'"{c}"' for c in codes)
        text += f'\n[[region_sources]]\nunit_list = "{unit_list}"\nprovince_codes = [{listed}]\n'
    return text


def data_folder(
    folder: Path, province: dict, obs: bytes | None = OBS_HEADER, tgt: bytes | None = TGT_HEADER
) -> Path:
    """A data folder as the README tells another province to make it (None: file left out)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(DEFAULT_DATA_DIR / "catalog.csv", folder / "catalog.csv")
    sources = {u: province[u] for u in (LEGACY, NEW) if u in province}
    toml = settings_toml(province["name"], province["units"], sources)
    (folder / "settings.toml").write_text(toml, encoding="utf-8")
    for name, content in (("observations.csv", obs), ("targets.csv", tgt)):
        if content is not None:
            (folder / name).write_bytes(content)
    return folder


def init(monkeypatch, folder: Path, db: Path) -> int:
    """`indicators init` through the CLI entry point, with the folder and store of the env."""
    monkeypatch.setenv("INDICATORS_DATA_DIR", str(folder))
    monkeypatch.setenv("INDICATORS_DB", str(db))
    return main(["init"])


# (observations.csv, targets.csv) as an editor leaves them when every data row is deleted.
EMPTY = {
    "zero bytes": (b"", b""),
    "header only": (OBS_HEADER, TGT_HEADER),
    "BOM only": (BOM, BOM),
    "BOM and header": (BOM + OBS_HEADER, BOM + TGT_HEADER),
    "header without line end, UTF-16": (
        OBS_HEADER.strip().decode().encode("utf-16"),
        TGT_HEADER.strip().decode().encode("utf-16"),
    ),
}


@pytest.mark.parametrize("kind", list(EMPTY))
def test_init_accepts_empty_files_as_no_rows(tmp_path, monkeypatch, capsys, kind):
    obs, tgt = EMPTY[kind]
    folder = data_folder(tmp_path / "data", LAO_CAI, obs, tgt)
    assert init(monkeypatch, folder, tmp_path / "store.duckdb") == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.err and out.err == ""
    assert "phiên bản 1, 0 dòng" in out.out and "revision 1, 0 rows" in out.out
    assert "Chưa có số liệu" in out.out and "No figures yet" in out.out
    (first,) = Store(tmp_path / "store.duckdb").revisions()
    assert first.rows_in_file == 0
    assert "chưa có số liệu" in first.message and "no figures yet" in first.message


def test_init_without_data_files_starts_empty_and_a_second_init_changes_nothing(
    tmp_path, monkeypatch, capsys
):
    folder = data_folder(tmp_path / "data", LAO_CAI, obs=None, tgt=None)
    db = tmp_path / "store.duckdb"
    assert init(monkeypatch, folder, db) == 0
    assert init(monkeypatch, folder, db) == 0
    assert "Kho dữ liệu đã có sẵn" in capsys.readouterr().out
    assert [r.id for r in Store(db).revisions()] == [1]


def test_a_bad_data_folder_is_worded_and_writes_no_revision(tmp_path, monkeypatch, capsys):
    bad = OBS_HEADER + b"no_such_indicator,2025,15,Lao Cai,2025,1,,,published,test,\r\n"
    folder = data_folder(tmp_path / "data", LAO_CAI, obs=bad)
    db = tmp_path / "store.duckdb"
    assert init(monkeypatch, folder, db) == 1
    err = capsys.readouterr().err
    assert "mã chỉ tiêu không có trong danh mục" in err and "unknown indicator code" in err
    assert "chạy lại `indicators init`" in err and "Traceback" not in err
    assert Store(db).revisions() == []

    wrong_code = dict(LAO_CAI, **{NEW: ("1",)})  # "1" is not "01", and not Lào Cai either
    folder = data_folder(tmp_path / "data2", wrong_code)
    assert init(monkeypatch, folder, tmp_path / "other.duckdb") == 1
    err = capsys.readouterr().err
    assert "danh sách đơn vị 2025 không có tỉnh mã 1" in err and "“01”" in err


@pytest.mark.slow
def test_lao_cai_starts_empty_shows_no_data_then_its_first_upload(tmp_path, monkeypatch, capsys):
    folder = data_folder(tmp_path / "data", LAO_CAI, obs=b"", tgt=TGT_HEADER)
    db = tmp_path / "store.duckdb"
    assert init(monkeypatch, folder, db) == 0
    with app_data_at(folder, db):
        for lang, title, words in (
            (None, "Chỉ số CNTT-TT tỉnh Lào Cai", "Chưa có số liệu theo năm của Lào Cai"),
            ("en", "Lào Cai ICT indicators", "No yearly figures for Lào Cai yet"),
        ):
            at = open_page("ui/pages/overview.py", lang=lang)
            assert not at.exception and not at.error  # no traceback, no incident
            assert at.title[0].value == title
            assert len(at.info) == 1 and words in at.info[0].value
            assert not at.metric and not at.get("plotly_chart")
    upload = tmp_path / "bts.csv"
    row = "bts_count,2025,15,Tỉnh Lào Cai,2025,1250,,,published,Viettel Lào Cai,\r\n"
    upload.write_bytes(OBS_HEADER + row.encode())
    assert init(monkeypatch, folder, db) == 0  # already started: nothing happens
    assert main(["import", str(upload), "-m", "BTS 2025"]) == 0
    with app_data_at(folder, db):
        at = open_page("ui/pages/overview.py", trend="bts_count")
        assert not at.exception and not at.error and not at.info
        assert at.selectbox(key="w_period_vi").options == ["2025"]


@pytest.mark.slow
def test_every_old_and_new_province_starts_with_no_data(tmp_path):
    """Each of the 97 provinces as an install's home, with no figures: an old province with the
    new province it became, a new one with the old provinces it joins (as the bundled Khánh Hòa
    loads old Ninh Thuận). The store and the catalog are ready, and the store holds exactly the
    unit lists built for those provinces and every other province of both lists, each once."""
    catalog = catalog_of(load_settings(DEFAULT_DATA_DIR))
    merged = national_crosswalk()[["old_province_code", "new_province_code"]].drop_duplicates()
    became = dict(merged.itertuples(index=False))
    joined = merged.groupby("new_province_code")["old_province_code"].agg(tuple).to_dict()
    for unit_list, code in EVERY_PROVINCE:
        if unit_list == LEGACY:
            units, legacy, new = {LEGACY: code, NEW: became[code]}, (code,), (became[code],)
        else:
            units, legacy, new = {NEW: code}, joined[code], (code,)
        province = {"name": f"Tỉnh {code}", "units": units, LEGACY: legacy, NEW: new}
        folder = data_folder(tmp_path / f"{unit_list}-{code}", province, obs=b"", tgt=b"")
        store = Store(folder / "store.duckdb")
        first = seed_from(folder, store)
        assert first is not None and first.rows_in_file == 0, (unit_list, code)
        with store.connect(read_only=True) as con:
            stored = con.execute("SELECT unit_list, code FROM regions").fetchall()
            counts = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES]
        own = sum(len(units_of(u, c)) for u in (LEGACY, NEW) for c in province[u])
        others = 63 + 34 - len(province[LEGACY]) - len(province[NEW])  # the national level
        assert len(stored) == len(set(stored)) == own + others, (unit_list, code)
        assert counts == [len(catalog), 0, 0], (unit_list, code)  # the catalog, no figures
