"""A new counter officer of Bến Thành: signs in, looks up Quận 1's wards, converts a sheet."""

import csv
import io

from playwright.sync_api import expect

from tests.browser.conftest import ROOT, screenshot

DEMO_SHEET = ROOT / "haicap" / "units" / "data" / "demo" / "dia_chi_cu_mau.csv"


def sign_in(page, username="motcua.benthanh", password="haicap-demo-2025"):  # type: ignore[no-untyped-def]
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("whoami")).to_have_text("Trần Thị Bình")


def test_wrong_password_is_refused_clearly(page):  # type: ignore[no-untyped-def]
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill("motcua.benthanh")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("alert")).to_contain_text("không đúng")


def test_officer_looks_up_quan_1_and_converts_a_sheet(page):  # type: ignore[no-untyped-def]
    sign_in(page)
    # search without diacritics, live (HTMX)
    page.goto("/units/search/")
    page.get_by_placeholder("Tên hoặc mã").fill("quan 1")
    expect(page.get_by_test_id("old-results")).to_contain_text("Quận 1")
    page.get_by_test_id("old-results").get_by_role("link", name="Quận 1", exact=True).click()
    wards = page.get_by_test_id("district-wards")
    expect(wards.locator("tbody tr")).to_have_count(10)
    expect(wards).to_contain_text("Phường Đa Kao")
    da_kao = wards.locator("tr", has_text="Phường Đa Kao")
    expect(da_kao).to_contain_text("Phường Tân Định")
    expect(da_kao).to_contain_text("Phường Sài Gòn")
    screenshot(page, "quan-1-wards")

    # the new ward's page: its origin and a map drawn with no tile server
    page.get_by_role("link", name="Phường Sài Gòn").first.click()
    expect(page.get_by_test_id("formed-from")).to_contain_text("Phường Bến Nghé")
    expect(page.get_by_test_id("versions")).to_have_count(0)  # old Bến Nghé is not a version
    expect(page.get_by_test_id("map")).to_have_attribute("data-ready", "1")
    expect(page.locator(".leaflet-overlay-pane path")).to_have_count(1)
    screenshot(page, "phuong-sai-gon")

    # paste a few addresses
    page.goto("/units/convert/")
    page.get_by_label("Địa chỉ").fill(
        "45 Nguyễn Huệ, P. Bến Nghé, Q.1, TP.HCM\nP. Đa Kao, Q1, HCM\nkhông rõ"
    )
    page.get_by_label("Địa chỉ").press("Control+Enter")
    results = page.get_by_test_id("convert-results")
    expect(results.locator("tbody tr")).to_have_count(3)
    expect(results.locator("tbody tr").nth(0)).to_contain_text("Phường Sài Gòn")
    expect(results.locator("tbody tr").nth(1)).to_contain_text("Phường Tân Định")
    expect(results.locator("tbody tr").nth(2)).to_contain_text("Không nhận ra")
    screenshot(page, "convert-pasted")

    # and a whole sheet
    page.get_by_label("Tệp CSV").set_input_files(str(DEMO_SHEET))
    with page.expect_download() as info:
        page.get_by_role("button", name="Tải lên và chuyển đổi").click()
    rows = list(csv.DictReader(io.StringIO(info.value.path().read_text(encoding="utf-8-sig"))))
    source_rows = list(csv.DictReader(DEMO_SHEET.open(encoding="utf-8")))
    assert len(rows) == len(source_rows)
    assert sum(r["trang_thai"] == "error" for r in rows) == 2
    assert sum(bool(r["ma_xa_moi"]) for r in rows) >= 25


def test_province_page_filters_as_you_type_and_maps_all_wards(page):  # type: ignore[no-untyped-def]
    page.goto("/units/p/79/")
    expect(page.get_by_test_id("kind-counts")).to_contain_text("113 phường")
    expect(page.get_by_test_id("map")).to_have_attribute("data-ready", "168")
    page.get_by_placeholder("Lọc theo tên").fill("ben thanh")
    expect(page.get_by_test_id("communes").locator("tbody tr")).to_have_count(1)
    expect(page.get_by_test_id("communes")).to_contain_text("Phường Bến Thành")
    screenshot(page, "hcmc")


def test_english_interface(page):  # type: ignore[no-untyped-def]
    page.goto("/")
    page.get_by_label("Ngôn ngữ").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    nav = page.get_by_role("navigation", name="Main navigation")
    expect(nav.get_by_role("link", name="Administrative units")).to_have_count(1)
    if page.get_by_test_id("nav-more").is_visible():  # what does not fit on the line is in "More"
        expect(page.get_by_test_id("nav-more")).to_have_text("More")
        page.get_by_test_id("nav-more").click()
    expect(nav.get_by_role("link", name="Administrative units")).to_be_visible()
