"""A resident pins a flooded street in old Quận 1; the report lands in Phường Sài Gòn's queue;
the officer answers with a photo; the public page shows the answer and the evidence."""

import re
import tempfile
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_one_stop_flow import sign_in

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_a_flooded_street_from_pin_to_public_answer(page, browser, demo_server):  # type: ignore[no-untyped-def]
    resident = browser.new_context(base_url=demo_server, locale="vi-VN")
    phone = resident.new_page()
    phone.goto("/phan-anh/")
    expect(phone.get_by_test_id("report-map")).to_have_attribute("data-ready", re.compile(r"\d+"))
    phone.get_by_test_id("new-report").click()
    phone.get_by_label("Lĩnh vực").select_option("drainage")
    phone.get_by_label("Nội dung").fill(
        "Đường Nguyễn Huệ ngập sâu 30 cm sau mưa, xe máy chết máy hàng loạt."
    )
    pin = phone.get_by_test_id("pin-map")
    expect(pin).to_have_attribute("data-ready", "1")
    pin.click()  # a click pins a place and fills in the coordinates
    expect(phone.get_by_label("Vĩ độ")).not_to_have_value("")
    phone.get_by_label("Vĩ độ").fill("10.78058")  # then the exact spot on Nguyễn Huệ
    # leaving the field asks for similar reports nearby, which may push the button down: wait
    # for that answer before clicking, as a person would see the list appear
    with phone.expect_response(re.compile(r"/phan-anh/gui/gan-day/")):
        phone.get_by_label("Kinh độ").fill("106.70291")
        phone.get_by_label("Kinh độ").press("Tab")
    screenshot(phone, "feedback-new")
    phone.get_by_role("button", name="Gửi phản ánh").click()
    # the first report of a fresh server builds the point → commune index: allow for it
    expect(phone.get_by_test_id("routed")).to_contain_text("UBND Phường Sài Gòn", timeout=60_000)
    code = phone.get_by_test_id("report-code").inner_text()
    private_url = phone.get_by_test_id("private-link").get_attribute("href")

    sign_in(page, "xuly.saigon", "Đỗ Minh Khoa")
    page.get_by_test_id("nav-feedback").click()
    page.get_by_test_id("report-queue").get_by_role("link", name=code).click()
    page.get_by_role("button", name="Nhận xử lý").click()
    answer = page.get_by_test_id("action-answer")
    answer.get_by_label("Trả lời").fill("Đã nạo vét cống thoát nước, đường hết ngập.")
    with tempfile.TemporaryDirectory() as tmp:
        photo = Path(tmp) / "sau-khi-nao-vet.png"
        photo.write_bytes(PNG)
        answer.get_by_label("Minh chứng (ảnh, tài liệu; bắt buộc)").set_input_files(str(photo))
        answer.get_by_role("button", name="Trả lời (kèm minh chứng)").click()
    expect(page.get_by_test_id("report-status")).to_have_text("Đã trả lời")
    screenshot(page, "feedback-answered")

    phone.goto(f"/phan-anh/{code}/")
    expect(phone.get_by_test_id("answer")).to_contain_text("Đã nạo vét cống")
    expect(phone.locator(".evidence img")).to_have_count(1)
    phone.goto(private_url)
    phone.get_by_role("button", name="Đánh giá và đóng").click()
    expect(phone.get_by_test_id("report-status")).to_have_text("Đã đóng")
    resident.close()
