"""Maps on the demo (ADR 0020): the public report map gathers ~500 reports into a few clusters,
writes ward names on the boundaries, and "my location" places a marker (and pins a new report
where the resident stands); nothing leaves loopback
while no tile source is set; with one set, its tiles load under the page's CSP; the small maps
of a report and of a dossier; the counter names wards."""

import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.test_one_stop_flow import sign_in
from tests.conftest import ROOT, _free_port, haicap_command

BEN_THANH = {"latitude": 10.7725, "longitude": 106.6980}
TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
PNG = (  # a 1×1 transparent PNG standing in for the tile server's answer
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def open_context(browser, base_url: str):  # type: ignore[no-untyped-def]
    """A desktop context at Bến Thành, with every request recorded and anything off
    loopback answered here (a tile PNG) instead of by the network; CSP refusals collected."""
    context = browser.new_context(
        base_url=base_url, locale="vi-VN", geolocation=BEN_THANH, permissions=["geolocation"]
    )
    context.seen = []  # type: ignore[attr-defined]
    context.refused = []  # type: ignore[attr-defined]

    def route(r):  # type: ignore[no-untyped-def]
        context.seen.append(r.request.url)  # type: ignore[attr-defined]
        if urlsplit(r.request.url).hostname in {"127.0.0.1", "localhost"}:
            r.continue_()
        else:
            r.fulfill(status=200, content_type="image/png", body=PNG)

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.on(
        "console",
        lambda m: context.refused.append(m.text) if "Content Security Policy" in m.text else None,  # type: ignore[attr-defined]
    )
    return context, page


def off_loopback(urls: list[str]) -> list[str]:
    return [u for u in urls if urlsplit(u).hostname not in {"127.0.0.1", "localhost"}]


def test_report_map_clusters_labels_and_my_location_offline(browser, demo_server):  # type: ignore[no-untyped-def]
    context, page = open_context(browser, demo_server)
    page.goto("/phan-anh/?province=79")
    board = page.get_by_test_id("report-map")
    expect(board).to_have_attribute("data-ready", re.compile(r"^\d+$"))
    reports = int(board.get_attribute("data-ready") or 0)
    markers = board.locator(".leaflet-marker-icon").count()
    assert reports >= 300 and 0 < markers <= reports // 20, (reports, markers)
    assert board.locator(".marker-cluster").count() >= 1
    # my location: the browser's position (Playwright's, fixed at Bến Thành) gets a marker and
    # the map comes close enough for the wards' names to be written on them
    expect(board.get_by_test_id("locate")).to_have_attribute("title", "Vị trí của tôi")
    board.get_by_test_id("locate").click()
    expect(board.locator(".my-location")).to_have_count(1)
    expect(board.locator(".unit-label", has_text="Bến Thành")).to_have_count(1)
    assert board.locator(".unit-label").count() < 20  # only the names in view
    assert not board.locator(".leaflet-tile").count()
    # on the new report's form, "my location" pins the report where the resident stands
    page.goto("/phan-anh/gui/?province=79")
    expect(page.get_by_test_id("pin-map")).to_have_attribute("data-ready", "1")
    page.get_by_test_id("pin-map").get_by_test_id("locate").click()
    expect(page.get_by_label("Vĩ độ")).to_have_value("10.772500")
    expect(page.get_by_label("Kinh độ")).to_have_value("106.698000")
    expect(page.get_by_test_id("pin-map").locator(".map-pin.here")).to_have_count(1)
    assert not off_loopback(context.seen), off_loopback(context.seen)
    assert not context.refused, context.refused
    context.close()


@pytest.fixture(scope="module")
def tiles_server(demo_env: dict[str, str]) -> Iterator[str]:
    """The demo installation served again, with a street tile source configured."""
    port = _free_port()
    env = {**demo_env, "HAICAP_MAP_TILES": TILES, "HAICAP_MAP_ATTRIBUTION": "© OpenStreetMap"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "haicap.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", "1", "--threads", "4"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise
            time.sleep(0.3)
    yield url
    server.terminate()
    server.wait(timeout=10)


def test_with_a_tile_source_the_streets_load_under_the_csp(browser, tiles_server):  # type: ignore[no-untyped-def]
    context, page = open_context(browser, tiles_server)
    page.goto("/units/c/26743/")
    expect(page.get_by_test_id("map")).to_have_attribute("data-ready", "1")
    expect(page.locator(".leaflet-tile-loaded").first).to_be_attached()
    outside = off_loopback(context.seen)
    assert outside and all(u.startswith("https://tile.openstreetmap.org/") for u in outside)
    assert re.fullmatch(r"https://tile\.openstreetmap\.org/\d+/\d+/\d+\.png", outside[0])
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("© OpenStreetMap")
    assert not context.refused, context.refused
    context.close()


def test_small_maps_of_a_report_and_a_dossier_and_ward_names_at_the_counter(browser, demo_server, demo_env):  # type: ignore[no-untyped-def]
    context, page = open_context(browser, demo_server)
    page.goto("/phan-anh/?province=79")
    page.get_by_test_id("reports").locator("a").first.click()
    small = page.get_by_test_id("small-map")
    expect(small).to_have_attribute("data-ready", "1")
    expect(small.locator(".map-pin.here")).to_have_count(1)
    assert small.locator("path.leaflet-interactive").count() == 1  # the ward's boundary

    sign_in(page, "motcua.benthanh", "Trần Thị Bình")
    page.goto("/mot-cua/tiep-nhan/")
    page.get_by_label("Địa chỉ cư trú").fill("12 Lê Lai, Phường Cầu Ông Lãnh, Thành phố Hồ Chí Minh")
    result = page.get_by_test_id("address-result")
    expect(result).to_contain_text("Phường Bến Thành")
    assert not re.search(r"\b\d{5}\b", result.inner_text()), result.inner_text()

    # a dossier of Bến Thành's counter whose applicant's new ward is known
    code = haicap_command(
        demo_env, "shell", "-c",
        "from haicap.dossiers.models import Dossier; print(Dossier.objects.filter("
        "receiving_unit__code='26743').exclude(applicant_commune_code='').values_list("
        "'code', flat=True).order_by('-pk').first())",
    ).strip().splitlines()[-1]  # fmt: skip
    page.goto(f"/mot-cua/h/{code}/")
    expect(page.get_by_test_id("applicant-commune")).to_contain_text(re.compile(r"Phường|Xã"))
    assert not re.search(r"\d{5}", page.get_by_test_id("applicant-commune").inner_text())
    expect(page.get_by_test_id("small-map")).to_have_attribute("data-ready", "1")
    assert not off_loopback(context.seen)
    assert not context.refused, context.refused
    context.close()
