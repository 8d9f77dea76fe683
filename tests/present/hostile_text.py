"""Text that would be a link, an image, bold or a formula if any page or file read it as markup,
put everywhere data text goes: the catalog (a name, a unit, a definition) and the store (every
value's source and note, a revision's author, file name and message).

The store is seeded from a copy of the bundled data folder whose catalog carries payloads, then
one revision rewrites every observation's source and note: it reached the store the way a
restored backup or an older version would, past the upload check (which may refuse some of
these), so every page and export must show it as written anyway.
"""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

from indicators.core.catalog import Catalog, load_catalog
from indicators.core.settings import DEFAULT_DATA_DIR, Settings, load_settings
from indicators.service import seed_from
from indicators.store.revisions import Revision, Store

PAYLOADS = (
    "[x](https://evil.example)",
    "![i](https://evil.example/i.png)",
    '<a href="https://evil.example">a</a>',
    "<img src=x onerror=alert(1)>",
    "https://evil.example/raw",
    "**bold**",
    '=HYPERLINK("https://evil.example")',
    ":red[x]",
    "$x$",
)
SOURCE = " ".join(PAYLOADS)  # 170 characters: one footer, one caption
NOTE = " ".join(reversed(PAYLOADS))
MESSAGE = "Khôi phục: " + " ".join(PAYLOADS)
AUTHOR = "**quản trị** [x](https://evil.example)"
FILE_NAME = "số liệu `[x](https://evil.example)` <img src=x>.csv"
# The catalog: a headline indicator's name and definition, another's unit.
NAMED = "post_commune_pct"  # the Overview's and the Trends page's default trend
NAME = "Tỷ lệ xã có bưu cục [x](https://evil.example) **bold** <b>b</b> :red[x] $x$"
DEFINITION = "Định nghĩa ![i](https://evil.example/i.png) <img src=x onerror=alert(1)> _y_"
UNITS_OF = "press_articles"  # a count on the Overview's cards
UNIT = '<a href="https://evil.example">bài</a> [u](https://evil.example)'  # a chart's axis title
EVIL = "evil.example"


@dataclass(frozen=True)
class Hostile:
    store: Store
    settings: Settings
    catalog: Catalog
    revision: Revision


def hostile_data_dir(folder: Path) -> Path:
    """A copy of the bundled data folder whose catalog carries payloads."""
    data = folder / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = data / "catalog.csv"
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        if row["code"] == NAMED:
            row["name_vi"], row["definition_vi"] = NAME, DEFINITION
        if row["code"] == UNITS_OF:
            row["unit_vi"] = UNIT
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return data


def hostile_store(folder: Path) -> Hostile:
    """A store (folder/app.duckdb) on the hostile data folder, every source and note a payload."""
    data = hostile_data_dir(folder)
    store = Store(folder / "app.duckdb")
    seed_from(data, store)
    rows = store.read("observations", store.current_revision())
    rows["source"], rows["note"] = SOURCE, NOTE
    revision = store.commit(
        {"observations": rows}, author=AUTHOR, file_name=FILE_NAME, message=MESSAGE
    )
    settings = load_settings(data, store.path)
    return Hostile(store, settings, load_catalog(data / "catalog.csv"), revision)
