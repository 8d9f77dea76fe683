"""The install folder of the national-scale benchmark (bench/national_store.py): what the app
needs beside the store (INDICATORS_DATA_DIR), and what the generator reads to shape the data.

It is the national example install (data/national/) with two changes, written into a folder of
the benchmark's own so that nothing bundled is touched:

- `settings.toml` also loads the old unit list below its 63 provinces (`[[region_sources]]
  unit_list = "legacy"`, every province): a national install holds the series from 2016, which
  live on the 10,035 old communes, beside the 3,321 new ones.
- `catalog.csv` is the bundled catalog (36 indicators) plus four that provinces report
  (mobile broadband subscriptions per 100 people and its numerator, public Wi-Fi points, postal
  items handled): 40. It carries one more column, `frequency` (year, quarter or month), which
  the app does not read (the catalog loader checks only its own columns): it says how often
  each indicator is reported, and the generator follows it.

`REPORTED_AT` says which indicators a commune reports and which a province reports as a whole
(as data/national/generate.py does: coverage and subscriptions by commune, online services and
press articles by province). Components are not stored as rows of their own (each ratio row
carries its numerator and denominator), and the published rankings and the DTI score are never
made up, so they have no rows here.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NATIONAL = ROOT / "data" / "national"

COMMUNE, PROVINCE = "commune", "province"
# How often each indicator with rows is reported (the rest: yearly); the catalog copy says so.
FREQUENCY = {
    # monthly: operators' subscription reports, the post's items, the service portal's records
    "mobile_subs_per100": "month",
    "mobile_bb_per100": "month",
    "fixed_bb_per100": "month",
    "post_items": "month",
    "records_online_pct": "month",
    # quarterly
    "bts_count": "quarter",
    "internet_users_per100": "quarter",
    "public_wifi_points": "quarter",
    "post_points": "quarter",
    "post_pop_per_point": "quarter",
    "press_articles": "quarter",
}
# Where each indicator with rows is reported; every other indicator has none.
REPORTED_AT = {
    **dict.fromkeys(
        (
            "post_commune_pct",
            "mobile_commune_pct",
            "fibre_commune_pct",
            "internet_commune_pct",
            "hh_internet_pct",
            "post_points",
            "post_offices",
            "post_cultural_points",
            "post_agents",
            "post_pop_per_point",
            "bts_count",
            "fixed_bb_per100",
            "mobile_subs_per100",
            "internet_users_per100",
            "mobile_bb_per100",
            "public_wifi_points",
            "post_items",
        ),
        COMMUNE,
    ),
    **dict.fromkeys(
        ("dvc_full_pct", "records_online_pct", "press_articles", "post_radius_km"), PROVINCE
    ),
}

# The four indicators added to the bundled 36, in the catalog's columns.
EXTRA = [
    {
        "code": "mobile_bb_per100",
        "topic": "telecom",
        "kind": "ratio",
        "role": "detail",
        "name_vi": "Thuê bao băng rộng di động trên 100 dân",
        "name_en": "Mobile broadband subscriptions per 100 people",
        "unit_vi": "thuê bao/100 dân",
        "unit_en": "per 100 people",
        "numerator": "mobile_bb_subscriptions",
        "denominator": "population",
        "scale": "100",
        "agg_region": "ratio",
        "agg_time": "last",
        "higher_is_better": "1",
        "decimals": "1",
        "definition_vi": "Số thuê bao băng rộng di động đang hoạt động chia cho dân số, nhân 100.",
        "definition_en": "Active mobile broadband subscriptions divided by population, times 100.",
        "source": "Doanh nghiệp viễn thông",
        "synonyms": "Băng rộng di động; Mobile broadband",
    },
    {
        "code": "mobile_bb_subscriptions",
        "topic": "telecom",
        "kind": "count",
        "role": "component",
        "name_vi": "Số thuê bao băng rộng di động",
        "name_en": "Mobile broadband subscriptions",
        "unit_vi": "thuê bao",
        "unit_en": "subscriptions",
        "numerator": "",
        "denominator": "",
        "scale": "1",
        "agg_region": "sum",
        "agg_time": "last",
        "higher_is_better": "1",
        "decimals": "0",
        "definition_vi": "Tử số của thuê bao băng rộng di động trên 100 dân.",
        "definition_en": "Numerator of mobile broadband subscriptions per 100 people.",
        "source": "Doanh nghiệp viễn thông",
        "synonyms": "",
    },
    {
        "code": "public_wifi_points",
        "topic": "telecom",
        "kind": "count",
        "role": "detail",
        "name_vi": "Số điểm truy cập Wi-Fi công cộng",
        "name_en": "Public Wi-Fi access points",
        "unit_vi": "điểm",
        "unit_en": "points",
        "numerator": "",
        "denominator": "",
        "scale": "1",
        "agg_region": "sum",
        "agg_time": "last",
        "higher_is_better": "1",
        "decimals": "0",
        "definition_vi": "Số điểm truy cập Wi-Fi công cộng miễn phí đang hoạt động cuối kỳ.",
        "definition_en": "Free public Wi-Fi access points operating at the end of the period.",
        "source": "Sở KH&CN",
        "synonyms": "Wi-Fi công cộng; Public Wi-Fi",
    },
    {
        "code": "post_items",
        "topic": "postal",
        "kind": "count",
        "role": "detail",
        "name_vi": "Sản lượng bưu gửi",
        "name_en": "Postal items handled",
        "unit_vi": "bưu gửi",
        "unit_en": "items",
        "numerator": "",
        "denominator": "",
        "scale": "1",
        "agg_region": "sum",
        "agg_time": "sum",
        "higher_is_better": "1",
        "decimals": "0",
        "definition_vi": "Số bưu gửi được chấp nhận và phát trong kỳ.",
        "definition_en": "Postal items accepted and delivered in the period.",
        "source": "Bưu điện tỉnh",
        "synonyms": "Bưu gửi; Sản lượng bưu chính; Postal items",
    },
]

SETTINGS_HEAD = """\
# The national-scale benchmark's install (written by bench/national_store.py; do not edit by
# hand): the national example install (data/national/settings.toml) with the old unit list
# loaded below its provinces too. Every figure in its store is illustrative.

"""
LEGACY_SOURCE = """
# The old units (63 provinces, their districts and 10,035 communes): the series from 2016.
[[region_sources]]
unit_list = "legacy"
province_codes = ["*"]
"""


def catalog_rows() -> list[dict[str, str]]:
    """The bundled catalog's rows, the four extra ones, each with its `frequency`."""
    with (NATIONAL / "catalog.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = [dict(r) for r in csv.DictReader(f)]
    known = {r["code"] for r in rows}
    rows += [r for r in EXTRA if r["code"] not in known]
    for r in rows:
        r["frequency"] = FREQUENCY.get(r["code"], "year")
    return rows


def catalog_text() -> str:
    rows = catalog_rows()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_install(folder: Path) -> Path:
    """Write settings.toml and catalog.csv into `folder` (created); the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = (NATIONAL / "settings.toml").read_text(encoding="utf-8")
    (folder / "settings.toml").write_text(
        SETTINGS_HEAD + settings.rstrip("\n") + "\n" + LEGACY_SOURCE, encoding="utf-8"
    )
    (folder / "catalog.csv").write_text(catalog_text(), encoding="utf-8")
    return folder


def frequencies(folder: Path) -> dict[str, str]:
    """Each indicator's reporting frequency, as the install's catalog.csv says."""
    with (folder / "catalog.csv").open(encoding="utf-8", newline="") as f:
        return {r["code"]: r.get("frequency") or "year" for r in csv.DictReader(f)}
