"""A signed-in citizen files a birth registration online from a phone-sized page (390 px): her
details pre-filled, the address converted, the declaration typed as an e-form, the birth
certificate uploaded into its labelled slot; then finds the dossier in "my dossiers"."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_one_stop_flow import sign_in

PHONE = {"width": 390, "height": 844}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def fits_the_phone(page) -> None:  # type: ignore[no-untyped-def]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide on a {PHONE['width']} px phone"


def test_citizen_files_a_birth_registration_from_a_phone(page):  # type: ignore[no-untyped-def]
    page.set_viewport_size(PHONE)
    sign_in(page, "congdan", "Nguyễn Văn An")

    # the portal opens with what Bến Thành files most, not customs procedures
    page.goto("/dich-vu-cong/")
    rows = page.get_by_test_id("portal-procedures").locator("tbody tr")
    expect(rows.first).not_to_contain_text("hải quan")
    fits_the_phone(page)
    page.get_by_label("Tìm thủ tục").fill("dang ky khai sinh")
    page.get_by_role("button", name="Tìm").click()
    row = page.get_by_test_id("portal-procedures").locator("tr", has_text="1.001193")
    row.get_by_role("link", name="Nộp hồ sơ").click()
    expect(page.locator("h1")).to_contain_text("Thủ tục đăng ký khai sinh")

    # pre-filled from the account; the old address converted to the new ward, by name
    expect(page.get_by_label("Họ và tên")).to_have_value("Nguyễn Văn An")
    page.get_by_label("Xã, phường nơi nộp hồ sơ").select_option(label="Phường Bến Thành")
    page.get_by_label("Số định danh cá nhân (CCCD, 12 số)").fill("079085001234")
    page.get_by_label("Số điện thoại (dùng để tra cứu)").fill("0909 555 777")
    page.get_by_label("Địa chỉ (dạng cũ hoặc mới đều được)").fill(
        "25 Trần Quốc Thảo, P.9, Q.3, TP.HCM"
    )
    expect(page.get_by_test_id("address-result")).to_contain_text("Phường Nhiêu Lộc")

    # the declaration as an e-form
    page.get_by_label("Họ, chữ đệm, tên người được khai sinh").fill("Nguyễn Minh Khang")
    page.get_by_label("Ngày, tháng, năm sinh").fill("2026-11-20")
    page.get_by_label("Giới tính").select_option("Nam")
    page.get_by_label("Nơi sinh").fill("Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh")
    page.get_by_label("Quê quán").fill("Phường Nhiêu Lộc, Thành phố Hồ Chí Minh")
    page.get_by_label("Họ, chữ đệm, tên của mẹ").fill("Lê Thị Hồng")
    page.get_by_label("Ngày sinh của mẹ").fill("1992-04-02")
    page.get_by_label("Nơi cư trú của mẹ").fill("25 Trần Quốc Thảo, Phường Nhiêu Lộc")
    page.get_by_label("Họ, chữ đệm, tên của cha").fill("Nguyễn Văn An")
    page.get_by_label("Quan hệ của người đi đăng ký với người được khai sinh").fill("Cha")

    # labelled slots: the birth certificate is required, the declaration's paper form is not,
    # the cases ("Trường hợp…") are closed until the citizen opens one
    slots = page.get_by_test_id("slots")
    required = page.get_by_test_id("slot-giay-chung-sinh")
    expect(required).to_contain_text("Giấy chứng sinh")
    expect(required).to_contain_text("bắt buộc")
    expect(page.get_by_test_id("slot-to-khai")).to_contain_text("đã khai trực tuyến")
    expect(slots).to_contain_text("Trường hợp trẻ em bị bỏ rơi")
    expect(page.get_by_test_id("slot-bien-ban-tre-bi-bo-roi").locator("input[type=file]")).to_be_hidden()
    required.locator("input[type=file]").set_input_files(
        {"name": "giay-chung-sinh.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_label(re.compile("Lưu thông tin người nộp")).check()
    fits_the_phone(page)
    screenshot(page, "online-filing-phone")
    page.get_by_role("button", name="Nộp hồ sơ").click()

    code = page.get_by_test_id("dossier-code").inner_text()
    assert re.fullmatch(r"TT-\d{6}-[A-Z2-9]{8}", code), code
    page.get_by_test_id("to-my-dossiers").click()
    mine = page.get_by_test_id("my-dossiers")
    expect(mine).to_contain_text(code)
    expect(mine.locator("li", has_text=code)).to_contain_text("Mới đăng ký")
    fits_the_phone(page)
    screenshot(page, "my-dossiers-phone")
    mine.get_by_role("link", name=code).click()
    expect(page.get_by_test_id("my-dossier-status")).to_have_text("Mới đăng ký")
    expect(page.get_by_test_id("my-attachments")).to_contain_text("Giấy chứng sinh")
    expect(page.get_by_test_id("history")).to_contain_text("Hồ sơ nộp trực tuyến đã được ghi nhận")

    # next time the details are filled in from this filing
    page.goto("/dich-vu-cong/1.001193/nop/")
    expect(page.get_by_label("Số định danh cá nhân (CCCD, 12 số)")).to_have_value("079085001234")
    expect(page.get_by_test_id("prefilled")).to_contain_text("từ lần nộp trước")
