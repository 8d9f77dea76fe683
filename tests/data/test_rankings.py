"""The bundled province rankings (data/rankings.csv) say what the published sources print.

A ministry user compares provinces by these ranks, so a wrong row is a wrong statement about a
province. The printed rows below are copied from the sources (address in the comment); the file
must reproduce each of them, keep ties as printed, name only provinces that exist in the unit
list the ranking was made over, and be complete where data/RANKINGS.md says it is.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from indicators.core.settings import DEFAULT_DATA_DIR
from indicators.geography.provinces import all_provinces

RANKINGS = DEFAULT_DATA_DIR / "rankings.csv"
HEADER = [
    "indicator",
    "unit_list",
    "region",
    "region_name",
    "period",
    "value",
    "status",
    "source",
    "note",
]


def _rows() -> list[dict[str, str]]:
    with Path(RANKINGS).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return _rows()


@pytest.fixture(scope="module")
def by_key(rows) -> dict[tuple[str, str, str, str], dict[str, str]]:
    return {(r["indicator"], r["unit_list"], r["region"], r["period"]): r for r in rows}


# (indicator, unit_list, region code, period, name as printed, value as printed)
PRINTED = [
    # https://dti.gov.vn/xep-hang-2022 : top 3, Khánh Hòa 41, the tie 15/15/17, scores of ranks 1-3
    ("dti_rank", "legacy", "48", "2022", "TP. Đà Nẵng", 1),
    ("dti_rank", "legacy", "79", "2022", "TP. Hồ Chí Minh", 2),
    ("dti_rank", "legacy", "22", "2022", "Quảng Ninh", 3),
    ("dti_rank", "legacy", "56", "2022", "Khánh Hòa", 41),
    ("dti_rank", "legacy", "58", "2022", "Ninh Thuận", 27),
    ("dti_rank", "legacy", "38", "2022", "Thanh Hóa", 15),
    ("dti_rank", "legacy", "15", "2022", "Yên Bái", 15),
    ("dti_rank", "legacy", "93", "2022", "Hậu Giang", 17),
    ("dti_rank", "legacy", "06", "2022", "Bắc Kạn", 63),
    ("dti_score", "legacy", "48", "2022", "TP. Đà Nẵng", 0.8002),
    ("dti_score", "legacy", "79", "2022", "TP. Hồ Chí Minh", 0.7163),
    ("dti_score", "legacy", "22", "2022", "Quảng Ninh", 0.7024),
    # https://travinh.gov.vn/1426/37932/73050/691291/chuyen-doi-so/danh-gia-muc-do-chuyen-doi-so-nam-2022-tra-vinh-xep-hang-25-63-tinh-thanh-pho
    ("dti_rank", "legacy", "84", "2022", "Trà Vinh", 25),
    ("dti_score", "legacy", "84", "2022", "Trà Vinh", 0.6077),
    # https://news.baokhanhhoa.vn/society/202511/driving-dti-progress-d4815fe : 16th of 34, 0.7071
    ("dti_rank", "2025", "56", "2024", "Khanh Hoa Province", 16),
    ("dti_score", "2025", "56", "2024", "Khanh Hoa Province", 0.7071),
    # https://vtcnews.vn/ha-noi-dan-dau-ca-nuoc-ve-chuyen-doi-so-cao-bang-dung-cuoi-bang-ar972306.html
    # (34 provinces: Hà Nội 0,8241 first, Huế 0,7951 second, then "lần lượt" Hải Phòng and TP.HCM)
    ("dti_rank", "2025", "01", "2024", "TP Hà Nội", 1),
    ("dti_score", "2025", "01", "2024", "TP Hà Nội", 0.8241),
    ("dti_rank", "2025", "46", "2024", "TP Huế", 2),
    ("dti_score", "2025", "46", "2024", "TP Huế", 0.7951),
    ("dti_rank", "2025", "31", "2024", "TP Hải Phòng", 3),
    ("dti_rank", "2025", "48", "2024", "TP Đà Nẵng", 17),
    # same page, before the merger: "TP.HCM đứng đầu và TP Đà Nẵng giữ vị trí thứ 2", then
    # "lần lượt … TP Hải Phòng, TP Hà Nội và TP Huế"
    ("dti_rank", "legacy", "79", "2024", "TP.HCM", 1),
    ("dti_rank", "legacy", "48", "2024", "TP Đà Nẵng", 2),
    ("dti_rank", "legacy", "31", "2024", "TP Hải Phòng", 3),
    # https://dantri.com.vn/khoa-hoc/ha-noi-dan-dau-ca-nuoc-ve-chi-so-chuyen-doi-so-20251021181803153.htm
    ("dti_score", "2025", "31", "2024", "Hải Phòng", 0.7857),
    # https://baomoi.net.vn/quang-ngai-tang-5-bac-trong-danh-gia-chuyen-doi-so-c51412784.epi (2023)
    ("dti_rank", "legacy", "79", "2023", "TP.Hồ Chí Minh", 2),
    ("dti_rank", "legacy", "46", "2023", "TP.Huế", 3),
    ("dti_rank", "legacy", "51", "2023", "Quảng Ngãi", 21),
    # https://baomoi.net.vn/da-nang-tiep-tuc-dan-dau-ca-nuoc-ve-chuyen-doi-so-c51417541.epi (2023)
    ("dti_rank", "legacy", "48", "2023", "Đà Nẵng", 1),
    ("dti_score", "legacy", "48", "2023", "Đà Nẵng", 0.8340),
    # 2021:
    # https://thoibaotaichinhvietnam.vn/da-nang-finance-ministry-top-digital-transformation-index-110514.html
    ("dti_rank", "legacy", "48", "2021", "Da Nang", 1),
    ("dti_score", "legacy", "48", "2021", "Da Nang", 0.6419),
    ("dti_rank", "legacy", "46", "2021", "Thua Thien-Hue", 2),
    ("dti_score", "legacy", "46", "2021", "Thua Thien-Hue", 0.5872),
    ("dti_rank", "legacy", "79", "2021", "Ho Chi Minh City", 3),
    # https://etime.danviet.vn/da-nang-dan-dau-ca-nuoc-ve-chuyen-doi-so-20211020095502463.htm (2020)
    ("dti_rank", "legacy", "48", "2020", "Đà Nẵng", 1),
    ("dti_score", "legacy", "48", "2020", "Đà Nẵng", 0.4874),
    # https://doanhnghiepvaphattrien.net/da-nang-xep-hang-nhat-o-ca-3-tru-cot-chuyen-doi-so-quoc-gia
    ("dti_rank", "legacy", "46", "2020", "Thừa Thiên Huế", 2),
    # https://en.dangcongsan.vn/bac-ninh-province-integration-and-development/bac-ninh-s-provincial-digital-transformation-index-ranked-third-nationwide-585850.html
    ("dti_rank", "legacy", "27", "2020", "Bac Ninh", 3),
    ("dti_score", "legacy", "27", "2020", "Bac Ninh", 0.4096),
    # https://viettimes.vn/da-nang-tiep-tuc-dung-dau-bang-chi-so-vietnam-ict-index-nam-2018-post88770.html
    ("ict_index_rank", "legacy", "48", "2018", "TP Đà Nẵng", 1),
    ("ict_index_rank", "legacy", "79", "2018", "TP HCM", 2),
    ("ict_index_rank", "legacy", "01", "2018", "Hà Nội", 3),
    # https://amp.cand.com.vn/Su-kien-Binh-luan-thoi-su/Da-Nang-dung-dau-bang-xep-hang-Viet-Nam-ICT-Index-11-nam-lien-tiep-i533493/
    ("ict_index_rank", "legacy", "48", "2019", "TP Đà Nẵng", 1),
    ("ict_index_rank", "legacy", "46", "2019", "Thừa Thiên Huế", 2),
    ("ict_index_rank", "legacy", "22", "2019", "Quảng Ninh", 3),
    # https://en.vietnamplus.vn/da-nang-tops-vietnam-ict-index-for-12-straight-years/202125.vnp
    ("ict_index_rank", "legacy", "48", "2020", "Da Nang", 1),
    ("ict_index_rank", "legacy", "46", "2020", "Thua Thien-Hue", 2),
    ("ict_index_rank", "legacy", "22", "2020", "Quang Ninh", 3),
]


@pytest.mark.parametrize("indicator, unit_list, code, period, name, value", PRINTED)
def test_bundled_row_reproduces_the_printed_row(
    by_key, indicator, unit_list, code, period, name, value
):
    row = by_key.get((indicator, unit_list, code, period))
    assert row is not None, f"{name} {period} missing"
    assert row["region_name"] == name
    assert float(row["value"]) == pytest.approx(value, abs=1e-9)
    assert row["status"] == "published"
    assert "http" in row["source"]


def test_file_has_the_store_columns_and_plain_numbers(rows):
    with Path(RANKINGS).open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == HEADER
    for r in rows:
        if r["indicator"].endswith("_rank"):
            assert r["value"].isdigit(), r  # a rank is a plain integer
        else:
            assert "." in r["value"] and "," not in r["value"], r
            assert 0 < float(r["value"]) <= 1, r


def test_every_indicator_is_in_the_catalog(rows):
    with (DEFAULT_DATA_DIR / "catalog.csv").open(encoding="utf-8", newline="") as fh:
        codes = {r["code"] for r in csv.DictReader(fh)}
    assert {r["indicator"] for r in rows} <= codes


def test_every_region_exists_in_its_unit_list(rows):
    provinces = all_provinces()
    known = set(zip(provinces["unit_list"], provinces["code"], strict=True))
    unknown = [
        (r["unit_list"], r["region"], r["region_name"])
        for r in rows
        if (r["unit_list"], r["region"]) not in known
    ]
    assert unknown == []


def test_no_duplicate_province_year_indicator(rows):
    keys = Counter((r["indicator"], r["unit_list"], r["region"], r["period"]) for r in rows)
    assert [k for k, n in keys.items() if n > 1] == []


def test_dti_2022_ranks_are_complete_with_the_printed_tie(rows):
    """RANKINGS.md says DTI 2022 ranks are complete: all 63 provinces, 1..63 with 15, 15, 17."""
    ranks = sorted(
        int(r["value"]) for r in rows if (r["indicator"], r["period"]) == ("dti_rank", "2022")
    )
    assert len(ranks) == all_provinces().query("unit_list == 'legacy'").shape[0] == 63
    assert ranks == [*range(1, 16), 15, *range(17, 64)]


def test_a_shared_rank_is_a_tie_the_source_prints(rows):
    """Two provinces on one place only where the note says the source prints a tie."""
    places: dict[tuple[str, str, str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        if r["indicator"].endswith("_rank"):
            places[(r["indicator"], r["unit_list"], r["period"], r["value"])].append(r)
    shared = {k: v for k, v in places.items() if len(v) > 1}
    assert set(shared) == {("dti_rank", "legacy", "2022", "15")}
    assert all("đồng hạng" in r["note"] for r in shared[("dti_rank", "legacy", "2022", "15")])


def test_scores_and_ranks_of_a_year_agree(rows):
    """Where a year has both, a higher published score never has a worse rank."""
    rank = {
        (r["unit_list"], r["region"], r["period"]): int(r["value"])
        for r in rows
        if r["indicator"] == "dti_rank"
    }
    by_year: dict[tuple[str, str], list[tuple[float, int]]] = defaultdict(list)
    for r in rows:
        key = (r["unit_list"], r["region"], r["period"])
        if r["indicator"] == "dti_score" and key in rank:
            by_year[(r["unit_list"], r["period"])].append((float(r["value"]), rank[key]))
    assert by_year, "no year with both scores and ranks"
    for pairs in by_year.values():
        ordered = [place for _, place in sorted(pairs, reverse=True)]
        assert ordered == sorted(ordered)


def test_a_2024_ranking_over_34_provinces_stays_on_the_new_unit_list(rows):
    """The 34-province DTI 2024 ranks run to 34 and never sit on the 63-province list."""
    new = [
        int(r["value"]) for r in rows if (r["indicator"], r["unit_list"]) == ("dti_rank", "2025")
    ]
    assert new and max(new) == 34
    assert {r["period"] for r in rows if r["unit_list"] == "2025"} == {"2024"}
