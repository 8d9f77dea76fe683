"""The Methodology page's account of the 1 July 2025 reform names the install's own province.

It used to say "Khánh Hòa mới (mã 56) gồm Khánh Hòa và Ninh Thuận cũ, có 65 đơn vị cấp xã" on
every install. The sentence is now made from settings.toml and the unit lists. The expected
sentences are typed from the published reform (Nghị quyết 202/2025/QH15 on the provinces, the
Standing Committee's resolutions on each province's communes), not built by the code under
test: the new Khánh Hòa (56) joins Khánh Hòa and Ninh Thuận, 65 commune-level units; the new
Lào Cai (15) joins Lào Cai and Yên Bái, 99; Cao Bằng (04) was not merged, 56.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from indicators.core.settings import REPO_ROOT
from indicators.geography.units import LEGACY, NEW
from tests.conftest import app_store_at
from tests.pages.apptest import app_data_at, open_page, open_section
from tests.service.test_new_install import LAO_CAI, data_folder, init

PAGE = "ui/pages/methodology.py"
CAO_BANG = {"name": "Cao Bằng", "units": {LEGACY: "04", NEW: "04"}, LEGACY: ("04",), NEW: ("04",)}
SAID = {  # install → (Vietnamese, English) sentence of the reform section
    "Khánh Hòa": (
        "Khánh Hòa mới (mã 56) gồm Khánh Hòa và Ninh Thuận cũ, có 65 đơn vị cấp xã.",
        "The new Khánh Hòa (code 56) joins the old Khánh Hòa and Ninh Thuận and has 65 "
        "commune-level units.",
    ),
    "Lào Cai": (
        "Lào Cai mới (mã 15) gồm Lào Cai và Yên Bái cũ, có 99 đơn vị cấp xã.",
        "The new Lào Cai (code 15) joins the old Lào Cai and Yên Bái and has 99 commune-level "
        "units.",
    ),
    "Cao Bằng": (
        "Cao Bằng (mã 04) giữ nguyên địa giới tỉnh cũ, có 56 đơn vị cấp xã.",
        "Cao Bằng (code 04) keeps its old provincial borders and has 56 commune-level units.",
    ),
}


def reform_text(lang: str | None) -> str:
    """The Methodology page's paragraph on the reform, in the reader's language."""
    at = open_section(open_page(PAGE, lang=lang), "reform")
    assert not at.exception and not at.error
    heading = "The 1 July 2025 reform" if lang else "Sắp xếp đơn vị hành chính từ 1/7/2025"
    assert heading in [h.value for h in at.header]
    (text,) = [m.value for m in at.markdown if "34" in m.value and "vietnamadminunits" in m.value]
    return text


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """The bundled Khánh Hòa install, its store seeded by the app on first start."""
    with app_store_at(tmp_path_factory.mktemp("methodology")) as db:
        AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=120).run()
        yield db


def empty_install(root, province: dict):
    """`indicators init` of an install for `province` with no figures: (data folder, store)."""
    folder = data_folder(root / "data", province, obs=b"")
    mp = pytest.MonkeyPatch()
    try:
        assert init(mp, folder, root / "store.duckdb") == 0
    finally:
        mp.undo()
    return folder, root / "store.duckdb"


@pytest.mark.parametrize("lang", [None, "en"])
def test_the_bundled_install_names_the_new_khanh_hoa(bundled, lang):
    vi, en = SAID["Khánh Hòa"]
    assert (en if lang else vi) in reform_text(lang)


@pytest.mark.parametrize("province", [LAO_CAI, CAO_BANG], ids=lambda p: p["name"])
def test_another_install_names_its_own_province(tmp_path, province):
    folder, db = empty_install(tmp_path, province)
    with app_data_at(folder, db):
        shown = {lang: reform_text(lang) for lang in (None, "en")}
    vi, en = SAID[province["name"]]
    assert vi in shown[None] and en in shown["en"]
    for text in shown.values():
        assert "Khánh Hòa" not in text and "Ninh Thuận" not in text
