"""What the command line writes as CSV opens in Excel without running anything: revision
messages, authors and file names, catalog names and a file's rejected cells are neutralised
(core.spreadsheet), and numbers stay numbers."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from indicators.core.settings import DEFAULT_DATA_DIR
from indicators.core.spreadsheet import TRIGGERS, csv_cell, is_negative_number
from indicators.store.revisions import Store
from tests.export.payloads import NEGATIVE, PAYLOADS, payload_rows


@pytest.fixture
def cli(tmp_path):
    """The CLI in a subprocess, on a store and a copy of the data folder under tmp_path."""
    data = shutil.copytree(DEFAULT_DATA_DIR, tmp_path / "data")
    env = dict(os.environ, INDICATORS_DB=str(tmp_path / "cli.duckdb"))
    env["INDICATORS_DATA_DIR"] = str(data)

    def run(*args: str) -> str:
        """stdout, bytes decoded without turning a carriage return into a line feed."""
        command = [sys.executable, "-m", "indicators.cli", *args]
        out = subprocess.run(command, env=env, capture_output=True, timeout=120)
        assert out.returncode == 0, out.stderr.decode()
        return out.stdout.decode("utf-8")

    return run


def _records(text: str) -> list[list[str]]:
    """Rows as a spreadsheet splits them: a bare CR or LF outside quotes ends a row."""
    return list(csv.reader(io.StringIO(text, newline="")))


def _formula_like(records: list[list[str]]) -> list[str]:
    return [c for r in records for c in r if c[:1] in TRIGGERS and not is_negative_number(c)]


def test_history_neutralises_messages_authors_and_file_names(cli, tmp_path, catalog, regions):
    cli("init")
    store = Store(tmp_path / "cli.duckdb")
    frame = payload_rows(catalog, regions)  # sources and notes are payloads too
    for n, payload in enumerate([*PAYLOADS, NEGATIVE], start=1):
        store.commit(
            {"observations": frame.assign(value=frame["value"] + n)},
            author=payload,
            file_name=f"{payload}.csv",
            message=payload,
        )
    records = _records(cli("history"))
    head, rows = records[0], records[2:]  # after the header and the seeded revision
    assert len(rows) == len(PAYLOADS) + 1  # no line break in a message started a row
    for row, payload in zip(rows, [*PAYLOADS, NEGATIVE], strict=True):
        got = dict(zip(head, row, strict=True))
        assert got["message"] == got["author"] == csv_cell(payload)
        assert got["file_name"] == csv_cell(f"{payload}.csv")
        assert got["rows_changed"] == str(len(frame))  # a count, written as a number
    assert rows[-1][head.index("message")] == NEGATIVE  # a real negative number: untouched
    assert not _formula_like(records)


def test_catalog_output_neutralises_a_name_that_is_a_formula(cli, tmp_path):
    path = tmp_path / "data" / "catalog.csv"
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    raw.loc[0, "name_vi"], raw.loc[1, "name_en"] = PAYLOADS[0], PAYLOADS[3]
    raw.to_csv(path, index=False)
    records = _records(cli("catalog"))
    printed = pd.DataFrame(records[1:], columns=records[0])
    assert printed.loc[0, "name_vi"] == "'" + PAYLOADS[0]
    assert printed.loc[1, "name_en"] == "'" + PAYLOADS[3]
    assert printed["scale"].tolist() == raw["scale"].tolist()  # numbers as they were
    assert not _formula_like(records)


def test_validate_report_repeats_rejected_cells_without_running_them(cli, tmp_path):
    bad = tmp_path / "xau.csv"
    bad.write_text(
        "indicator,unit_list,region,period,value,numerator,denominator,status,source,note\n"
        "bts_count,legacy,22327,+1+1,5,,,published,A,\n"
        "bts_count,legacy,@SUM(A1),2021,5,,,published,A,\n"
        "-2+3,legacy,22327,2021,5,,,published,A,\n"
        "bts_count,legacy,22327,2022,-12,,,published,A,\n",
        encoding="utf-8",
    )
    report = tmp_path / "bao-cao.csv"
    out = subprocess.run(
        [sys.executable, "-m", "indicators.cli", "validate", str(bad), "--report", str(report)],
        env=dict(os.environ, INDICATORS_DB=str(tmp_path / "cli.duckdb")),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1, out.stderr  # the file is refused, and the report written
    records = _records(report.read_bytes().decode("utf-8-sig"))
    values = {r[records[0].index("Giá trị / Value")] for r in records[1:]}
    assert {"'+1+1", "'@SUM(A1)", "'-2+3", "-12"} <= values
    assert not _formula_like(records)
