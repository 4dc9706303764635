"""Fixtures shared by tests that need a running haicap: a demo installation and its server."""

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

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


HAICAP = [sys.executable, "-m", "haicap.cli"]
DEMO_GROUP = "demo"


@pytest.hookimpl(wrapper=True)  # marks before any plugin's hook: -m, and xdist's loadgroup
def pytest_collection_modifyitems(items: list[pytest.Item]) -> Iterator[None]:
    """Tests that use the demo installation are marked `demo` and all run on one xdist worker,
    so the demo is set up (the slowest fixture of the suite) and its server started once, not
    once per worker. The demo is always SQLite (demo_env drops HAICAP_DATABASE_URL), so the
    PostgreSQL lane leaves these tests to the SQLite lane instead of repeating them.
    (pytest 9.2 + pytest-xdist 3.8 ignore the group: see docs/benchmarks.md, Test suite time.)"""
    for item in items:
        if "demo_env" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.demo)
            item.add_marker(pytest.mark.xdist_group(DEMO_GROUP))
    return (yield)


def demo_steps() -> list[list[str]]:
    """The `haicap` commands of the Makefile's demo target, in its order: the tests run on the
    installation `make demo` makes, whatever steps a module adds to it."""
    target = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ndemo:", 1)[1]
    steps = []
    for line in target.split("\n")[1:]:
        if line and not line.startswith("\t"):
            break
        command = line.strip().split("#", 1)[0].split()
        if command[:1] == ["$(HAICAP)"] and not command[-1].endswith("-report"):  # reports only print
            steps.append(command[1:])
    assert steps and steps[0][0] == "migrate", steps
    return steps


@pytest.fixture(scope="session")
def demo_env() -> dict[str, str]:
    """The environment of a demo installation (as `make demo` makes it) in a temp directory."""
    var = tempfile.mkdtemp(prefix="haicap-live-")
    env = {**os.environ, "HAICAP_VAR_DIR": var}
    env.pop("HAICAP_DATABASE_URL", None)
    for args in demo_steps():
        subprocess.run([*HAICAP, *args], env=env, cwd=ROOT, check=True, capture_output=True)
    return env


def haicap_command(env: dict[str, str], *args: str) -> str:
    """Run a `haicap` command against the demo installation; its standard output."""
    done = subprocess.run(
        [*HAICAP, *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    return done.stdout


@pytest.fixture(scope="session")
def demo_server(demo_env: dict[str, str]) -> Iterator[str]:
    """A real haicap server (gunicorn) on the demo installation; its base URL."""
    env = demo_env
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
