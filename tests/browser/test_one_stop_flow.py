"""A birth registration at Bến Thành for a citizen of old Quận 3: received at the counter by
ticking four papers, with a one-page slip listing exactly those, completed by the processing
officer, returned, tracked and rated by the citizen."""

import re
import subprocess
import tempfile
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import screenshot

PASSWORD = "haicap-demo-2025"
# the papers of an ordinary birth registration brought by a relative with a proxy letter
FOUR = ("to-khai", "giay-chung-sinh", "giay-to-tuy-than", "van-ban-uy-quyen")


def sign_in(page, username: str, full_name: str) -> None:  # type: ignore[no-untyped-def]
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("whoami")).to_have_text(full_name)


def sign_out(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("link", name="Đăng nhập")).to_be_visible()


def pdf_text(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "slip.pdf"
        path.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", "-singlefile", str(path), str(Path(tmp) / "p")],
            check=True,
        )
        assert (Path(tmp) / "p.png").stat().st_size > 1000
        out = subprocess.run(
            ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
    return " ".join(out.split())


def pdf_pages(pdf: bytes) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "slip.pdf"
        path.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    found = re.search(r"Pages:\s+(\d+)", info.stdout)
    assert found, info.stdout
    return int(found.group(1))


def test_birth_registration_from_counter_to_rating(page, browser, demo_server):  # type: ignore[no-untyped-def]
    # the counter officer receives it, keyboard first
    sign_in(page, "motcua.benthanh", "Trần Thị Bình")
    page.get_by_test_id("nav-one-stop").click()
    page.get_by_test_id("new-dossier").click()
    page.get_by_label("Tìm thủ tục").fill("dang ky khai sinh")
    picker = page.get_by_test_id("procedure-picker")
    picker.get_by_role("radio", name=re.compile(r"1\.001193")).check()
    checklist = page.get_by_test_id("checklist")
    expect(checklist).to_contain_text("Trường hợp trẻ em bị bỏ rơi")  # offered, not ticked
    for key in FOUR:
        page.get_by_test_id(f"recv-{key}").check()
    page.get_by_label("Họ và tên").fill("Nguyễn Thị Mai")
    page.get_by_label("Số định danh cá nhân (CCCD)").fill("079190001234")
    page.get_by_label("Số điện thoại").fill("0903 123 456")
    page.get_by_label("Địa chỉ cư trú").fill("25 Trần Quốc Thảo, P.9, Q.3, TP.HCM")
    expect(page.get_by_test_id("address-result")).to_contain_text("Phường Nhiêu Lộc")
    page.get_by_label("Nội dung yêu cầu").fill("Đăng ký khai sinh cho con")
    screenshot(page, "counter-intake")
    page.get_by_label("Nội dung yêu cầu").press("Control+Enter")
    expect(page.get_by_test_id("status")).to_have_text("Đã tiếp nhận")
    code = page.locator("h1").inner_text().split()[0]
    assert re.fullmatch(r"26743-\d{6}-\d{4}", code)
    expect(page.get_by_test_id("received-items").locator("li")).to_have_count(4)

    # the slip opens for printing: one A5 page with the code, the applicant, the four papers
    expect(page.get_by_test_id("slip-preview")).to_be_attached()
    response = page.request.get(page.get_by_test_id("slip-preview").get_attribute("src"))
    assert response.headers["content-type"] == "application/pdf"
    text, pages = pdf_text(response.body()), pdf_pages(response.body())
    assert (
        "PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
        and code in text
        and "Nguyễn Thị Mai" in text
    )
    assert pages == 1
    for name in ("Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Văn bản ủy quyền", "Giấy tờ tùy thân"):
        assert name in text, name
    assert "bỏ rơi" not in text and "Lưu ý" not in text and "chưa kiểm chứng" not in text
    page.get_by_role("button", name="Chuyển cơ quan giải quyết").click()
    expect(page.get_by_test_id("status")).to_have_text("Đang xử lý")
    screenshot(page, "dossier-transferred")
    sign_out(page)

    # the processing officer completes it from the queue
    sign_in(page, "xuly.benthanh", "Lê Văn Cường")
    page.goto("/mot-cua/?queue=process")
    page.get_by_role("link", name=code).click()
    page.get_by_test_id("action-complete").get_by_label("Ghi chú kết quả").fill(
        "Đã cấp giấy khai sinh"
    )
    page.get_by_role("button", name="Hoàn thành xử lý").click()
    expect(page.get_by_test_id("status")).to_have_text("Đã xử lý xong")
    sign_out(page)

    # the counter hands the result over
    sign_in(page, "motcua.benthanh", "Trần Thị Bình")
    page.goto("/mot-cua/?queue=return")
    page.get_by_role("link", name=code).click()
    page.get_by_role("button", name="Trả kết quả").click()
    expect(page.get_by_test_id("status")).to_have_text("Đã trả kết quả")

    # the citizen, on another device, follows the slip's QR code, tracks and rates
    citizen = browser.new_context(base_url=demo_server, locale="vi-VN")
    phone = citizen.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto(f"/tra-cuu/?ma={code}")
    phone.get_by_label("4 số cuối điện thoại").fill("3456")
    phone.get_by_role("button", name="Tra cứu").click()
    expect(phone.get_by_test_id("tracking-status")).to_have_text("Đã trả kết quả")
    history = phone.get_by_test_id("history")
    expect(history).to_contain_text("Hồ sơ đã được tiếp nhận.")
    expect(history).to_contain_text("Đã giải quyết xong")
    screenshot(phone, "citizen-tracking")
    phone.get_by_role("radio", name="Không hài lòng").check()
    phone.get_by_role("button", name="Gửi đánh giá").click()
    expect(phone.get_by_role("alert")).to_contain_text("lý do")  # a complaint needs its reason
    phone.get_by_role("radio", name="Không hài lòng").check()
    phone.get_by_label("Lý do (bắt buộc nếu không hài lòng)").fill("Phải chờ lâu tại quầy")
    phone.get_by_role("button", name="Gửi đánh giá").click()
    expect(phone.get_by_test_id("rated")).to_contain_text("Phải chờ lâu tại quầy")
    citizen.close()


def test_wrong_digits_tell_nothing_and_are_limited(page):  # type: ignore[no-untyped-def]
    page.goto("/tra-cuu/?ma=26743-250701-9999")
    page.get_by_label("4 số cuối điện thoại").fill("0000")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_role("alert")).to_contain_text("Không tìm thấy hồ sơ")
