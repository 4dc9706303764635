"""Browser tests: a real haicap server (as `make demo` starts it) driven by Debian's chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "screenshots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _require_chromium() -> None:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("HAICAP_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is required for browser tests")
        pytest.skip(f"{CHROMIUM} not found: browser tests skipped")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def demo_server() -> Iterator[str]:
    _require_chromium()
    var = tempfile.mkdtemp(prefix="haicap-browser-")
    env = {**os.environ, "HAICAP_VAR_DIR": var}
    env.pop("HAICAP_DATABASE_URL", None)
    haicap = [sys.executable, "-m", "haicap.cli"]
    for args in (
        ["migrate", "--noinput", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        ["units", "load"],
        ["procedures", "load"],
        ["demo_setup"],
        ["dossiers", "demo"],
    ):
        subprocess.run([*haicap, *args], env=env, cwd=ROOT, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "haicap.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "4",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=2)
            break
        except OSError as exc:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                log = server.stderr.read().decode()[-2000:]  # type: ignore[union-attr]
                raise RuntimeError("haicap server did not start: " + log) from exc
            time.sleep(0.3)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, demo_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=demo_server, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
