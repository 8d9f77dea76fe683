"""A yearbook table uploaded as published, in a real Chromium (issue 13): the analyst corrects
one proposed mapping, previews, saves; next year's edition is read with the saved recipe
without asking; History shows which recipe read each revision."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.ingest.published_examples import DTI_2022, YEARBOOK_2020, YEARBOOK_2021, xlsx_bytes

from .conftest import running_server
from .helpers import add_account, no_errors, sign_in, wait_for_session_cookie

INTERNET = "Số thuê bao internet / Number of internet subscribers — Thuê bao - Subscribers"
FIXED_BB = "fixed_bb_subscriptions · Số thuê bao băng rộng cố định"
RECIPE = "Thuê bao điện thoại và internet NGTK"


def _upload(page: Page, tmp_path, name: str, data: bytes) -> None:
    file = tmp_path / name
    file.write_bytes(data)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(file)
    expect(page.get_by_test_id("stFileChipName")).to_have_attribute("title", name)


def _choose_for(page: Page, series: str, option: str) -> None:
    """Pick `option` in the indicator choice of the series labelled `series`."""
    box = page.get_by_role("combobox", name=f"Chỉ tiêu của dãy số «{series}»")
    box.click()
    box.press_sequentially(option.split(" · ")[0])  # the list is long: type to narrow it
    page.get_by_role("option", name=option, exact=True).click()


def test_a_yearbook_is_mapped_once_and_its_next_edition_read_by_the_recipe(
    browser, tmp_path_factory, tmp_path, screenshots
):
    with running_server(tmp_path_factory.mktemp("published-server")) as srv:
        add_account(srv.db, "chuyenvien", "analyst")
        context = browser.new_context(viewport={"width": 1440, "height": 2600}, locale="vi-VN")
        page = context.new_page()
        page.goto(f"{srv.url}/tai-len")
        sign_in(page, "chuyenvien")
        wait_for_session_cookie(page)

        # 1. The 2020 yearbook as published: a mapping is proposed, nothing can be saved yet.
        _upload(page, tmp_path, "nien-giam-2020.xlsx", xlsx_bytes(YEARBOOK_2020))
        expect(page.get_by_text("Cách đọc bảng như khi công bố")).to_be_visible(timeout=60_000)
        expect(
            page.get_by_text("208. Số thuê bao điện thoại và internet", exact=False)
        ).to_be_visible()
        mobile = page.get_by_role(
            "combobox", name="Chỉ tiêu của dãy số «Số thuê bao điện thoại", exact=False
        )
        expect(mobile.first).to_be_visible()
        no_errors(page)
        page.screenshot(path=screenshots / "upload-mapping-vi.png")

        # 2. Correct one proposal: the internet column is fixed broadband; name the recipe.
        _choose_for(page, INTERNET, FIXED_BB)
        page.get_by_role("textbox", name="Tên công thức").fill(RECIPE)
        page.get_by_role("button", name="Áp dụng").click()
        expect(page.get_by_text("Tệp hợp lệ: 12 dòng có thể lưu.")).to_be_visible(timeout=60_000)
        page.get_by_role("button", name="Lưu thành phiên bản 2").click()
        expect(page.get_by_text("Đã lưu phiên bản 2")).to_be_visible(timeout=60_000)
        no_errors(page)

        # 3. Next year's edition: recognised, read with the saved recipe, no question asked.
        _upload(page, tmp_path, "nien-giam-2021.xlsx", xlsx_bytes(YEARBOOK_2021))
        expect(
            page.get_by_text(f"đọc theo công thức '{RECIPE}' đã lưu", exact=False)
        ).to_be_visible(timeout=60_000)
        expect(page.get_by_text("Tệp hợp lệ: 14 dòng có thể lưu.")).to_be_visible()
        expect(page.get_by_role("button", name="Áp dụng")).to_have_count(0)  # folded away
        page.screenshot(path=screenshots / "upload-recipe-recognised-vi.png")
        page.get_by_role("button", name="Lưu thành phiên bản 3").click()
        expect(page.get_by_text("Đã lưu phiên bản 3")).to_be_visible(timeout=60_000)
        no_errors(page)

        # 4. History: the revision names its recipe and shows how its values were read.
        page.goto(f"{srv.url}/lich-su?rev=3")
        page.get_by_text(f"Phiên bản 3 được đọc theo công thức “{RECIPE}”").click()
        code = page.get_by_test_id("stCode").filter(has_text=RECIPE)
        expect(code.first).to_be_visible(timeout=60_000)
        expect(code.first).to_contain_text("fixed_bb_subscriptions")
        no_errors(page)
        page.screenshot(path=screenshots / "history-recipe-vi.png")
        context.close()

        # 5. On a phone: a ranking's mapping step stacks its choices one under the other.
        phone = browser.new_context(
            viewport={"width": 390, "height": 2400}, is_mobile=True, has_touch=True, locale="vi-VN"
        )
        page = phone.new_page()
        page.goto(f"{srv.url}/tai-len")
        sign_in(page, "chuyenvien")
        wait_for_session_cookie(page)
        _upload(page, tmp_path, "xep-hang-dti-2022.xlsx", xlsx_bytes(DTI_2022))
        expect(page.get_by_text("Cách đọc bảng như khi công bố")).to_be_visible(timeout=60_000)
        expect(page.get_by_role("combobox", name="Chỉ tiêu của dãy số «Xếp hạng»")).to_be_visible()
        no_errors(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390  # nothing wider than the phone
        page.get_by_test_id("stMain").screenshot(path=screenshots / "upload-mapping-phone-vi.png")
        phone.close()
