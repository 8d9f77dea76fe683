"""The upload limits: one place with defaults, read from settings.toml `[uploads]`, and the
limits on a row's source and note that validation applies."""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import asdict

import pytest

from indicators.core.i18n import WordedError
from indicators.core.limits import DEFAULT_LIMITS, UploadLimits
from indicators.core.settings import load_settings
from indicators.ingest.check import check_upload
from tests.conftest import DATA

HEAD = "Mã chỉ tiêu,Mã xã,Năm,Giá trị,Nguồn,Ghi chú"


def test_settings_read_the_uploads_section(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    text = (folder / "settings.toml").read_text(encoding="utf-8")
    text = text.replace("max_mb = 20\n", "max_mb = 50\nmax_rows = 2000000\nmax_cells = 40000000\n")
    (folder / "settings.toml").write_text(text, encoding="utf-8")
    s = load_settings(folder)
    assert s.upload_limits == UploadLimits(max_mb=50, max_rows=2_000_000, max_cells=40_000_000)
    assert s.max_upload_bytes == 50 * 1024 * 1024  # the Upload page and the CLI still use it


def test_the_bundled_settings_list_every_limit_with_its_default():
    """The commented lines under [uploads] document the defaults: uncommented, they are them."""
    text = (DATA / "settings.toml").read_text(encoding="utf-8")
    section = text.split("[uploads]\n", 1)[1].split("\n[", 1)[0]
    lines = [line.removeprefix("# ") for line in section.splitlines() if " = " in line]
    assert tomllib.loads("\n".join(lines)) == asdict(DEFAULT_LIMITS)
    assert load_settings(DATA).upload_limits == DEFAULT_LIMITS


@pytest.mark.parametrize(
    ("table", "rule", "named"),
    [
        ({"max_row": 10}, "upload.limit_unknown", "max_row"),  # a misspelt key is not ignored
        ({"max_rows": 0}, "upload.limit_bad", "max_rows"),
        ({"max_rows": -5}, "upload.limit_bad", "max_rows"),
        ({"max_rows": 1.5}, "upload.limit_bad", "max_rows"),  # a count is whole
        ({"max_rows": "1000"}, "upload.limit_bad", "max_rows"),
        ({"max_mb": True}, "upload.limit_bad", "max_mb"),
    ],
)
def test_a_bad_setting_stops_with_words_that_name_it(table, rule, named):
    with pytest.raises(WordedError) as caught:
        UploadLimits.from_table(table)
    assert caught.value.rule == rule
    assert named in caught.value.text("vi") and named in caught.value.text("en")


def test_limits_in_megabytes_may_be_fractions():
    limits = UploadLimits.from_table({"max_mb": 0.5, "max_rows": 1000.0})
    assert (limits.max_bytes, limits.max_rows) == (512 * 1024, 1000)


def _rows(source: str = "VNPT", note: str = "") -> bytes:
    rows = [HEAD, f"bts_count,22327,2021,12,{source},{note}", "bts_count,22330,2021,9,VNPT,"]
    return "\n".join(rows).encode()


def test_a_source_above_500_characters_is_an_error_naming_row_column_and_limit(catalog, regions):
    checked = check_upload(_rows(source="Sở TTTT" * 80), "f.csv", catalog, regions)
    [p] = checked.errors
    assert (p.rule, p.row, p.column) == ("text_too_long", 2, "Nguồn")
    assert "560" in p.reason_en and "500" in p.reason_en and "500" in p.reason_vi
    assert "max_text_chars" in p.hint_en and "max_text_chars" in p.hint_vi
    assert len(p.value) < 100  # the report shows the start of the text, not all of it
    assert checked.rejected_rows == [2] and len(checked.frame) == 1


def test_a_note_is_limited_too_and_the_limit_comes_from_the_settings(catalog, regions):
    data = _rows(note="x" * 120)
    assert check_upload(data, "f.csv", catalog, regions).ok
    checked = check_upload(data, "f.csv", catalog, regions, limits=UploadLimits(max_text_chars=100))
    [p] = checked.errors
    assert (p.rule, p.row, p.column) == ("text_too_long", 2, "Ghi chú")
    assert "limit of 100" in p.reason_en


def test_a_source_of_exactly_the_limit_is_stored(catalog, regions):
    checked = check_upload(_rows(source="s" * 500), "f.csv", catalog, regions)
    assert checked.ok and len(checked.frame) == 2
