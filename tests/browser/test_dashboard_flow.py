"""The city leader at 8 a.m.: every commune's score and rank for yesterday and the quarter so
far, a red one clicked, its late dossiers with their officers and reasons; then on a phone."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_one_stop_flow import sign_in


def test_the_city_leader_finds_a_red_communes_late_dossiers(page, browser, demo_server):  # type: ignore[no-untyped-def]
    sign_in(page, "lanhdao.hcm", "Ngô Thị Hạnh")
    page.get_by_test_id("nav-metrics").click()
    expect(page).to_have_url(re.compile(r"/chi-so/tinh/79/$"))
    ranking = page.get_by_test_id("ranking")
    expect(ranking.locator("tbody tr")).to_have_count(168)
    expect(page.get_by_test_id("map")).to_have_attribute("data-ready", "1", timeout=20_000)
    expect(page.get_by_test_id("targets")).to_contain_text("Hồ sơ nộp trực tuyến")
    screenshot(page, "metrics-province-quarter")

    page.get_by_test_id("period").get_by_role("link", name="Hôm qua").click()
    expect(page).to_have_url(re.compile(r"ky=hom-qua"))
    expect(page.get_by_test_id("ranking").locator("tbody tr")).to_have_count(168)

    page.get_by_test_id("period").get_by_role("link", name="Quý này").click()
    red = page.locator("tr.band-poor:has(a[href*='loai=tre-han'])").first
    expect(red).to_be_visible()
    name = red.locator("td").nth(1).inner_text()
    red.locator("a[href*='loai=tre-han']").click()  # the late dossiers' count
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    rows = page.get_by_test_id("behind-rows").locator("tbody tr")
    # late dossiers with the officer who holds them: simulated officers, or Bến Thành's demo
    # officer when the demo's own dossiers of the last days are already overdue (at night); one
    # that nobody was assigned to yet shows "—"
    officer = re.compile(r"sim\.\d{5}\.xuly\d|xuly\.benthanh")
    expect(rows.filter(has_text=officer).first).to_be_visible()
    reasons = page.get_by_test_id("behind-rows").locator("tbody tr td:last-child")
    assert any(text.strip() for text in reasons.all_inner_texts()), "no late reason shown"
    screenshot(page, "metrics-late-dossiers")

    page.get_by_role("link", name=re.compile("Chỉ số của")).click()
    expect(page.get_by_test_id("indicators")).to_contain_text("chưa đo được")
    expect(page.get_by_test_id("score")).to_have_text(re.compile(r"\d+(\.\d+)?"))

    phone = browser.new_context(
        base_url=demo_server, viewport={"width": 390, "height": 844}, locale="vi-VN"
    ).new_page()
    sign_in(phone, "lanhdao.hcm", "Ngô Thị Hạnh")
    phone.goto("/chi-so/tinh/79/")
    table = phone.get_by_test_id("ranking")
    expect(table).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"the page scrolls sideways on a phone ({width}px)"
    screenshot(phone, "metrics-phone")
