"""Shared by the HTTP benchmarks: start gunicorn as `make demo` would, and drive it with
keep-alive clients from this process (threads, each on one connection; optionally paced)."""

from __future__ import annotations

import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from typing import Any

from _setup import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


TICK = os.sysconf("SC_CLK_TCK")


def _proc_cpu(stat: str) -> tuple[int, float]:
    """(parent pid, CPU seconds) from a /proc/<pid>/stat line."""
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def cpu_seconds(server_pid: int) -> dict[str, float]:
    """CPU seconds used so far by the server (gunicorn and its workers), PostgreSQL (every
    `postgres` process: backends, WAL writer, autovacuum), this client, and the machine as a
    whole (busy time of all cores), read from /proc."""
    out = {"server": 0.0, "postgres": 0.0, "client": 0.0}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:  # ended meanwhile
            continue
        ppid, seconds = _proc_cpu(stat)
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        if int(pid) in (server_pid,) or ppid == server_pid:
            out["server"] += seconds
        elif name == "postgres":
            out["postgres"] += seconds
        elif int(pid) == os.getpid():
            out["client"] += seconds
    with open("/proc/stat") as f:
        ticks = [int(v) for v in f.readline().split()[1:]]
    out["machine"] = (sum(ticks) - ticks[3] - ticks[4]) / TICK  # all but idle and iowait
    return out


def start_server(port: int, workers: int, threads: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "haicap.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread",
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=2)
            return server
        except OSError as exc:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                log = server.stderr.read().decode()[-2000:]  # type: ignore[union-attr]
                raise SystemExit("gunicorn did not start: " + log) from exc
            time.sleep(0.2)


class Load:
    """`clients` threads, each on one keep-alive connection, for `seconds`; optionally paced."""

    def __init__(
        self,
        port: int,
        make_request,
        clients: int,
        seconds: float,
        rate: float | None = None,
        server_pid: int | None = None,
    ):
        self.port, self.make_request, self.clients = port, make_request, clients
        self.server_pid = server_pid
        self.seconds, self.rate = seconds, rate
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.lock = threading.Lock()

    def client(self, index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        rng = random.Random(index)
        interval = self.clients / self.rate if self.rate else 0.0
        next_at = time.perf_counter() + rng.random() * interval
        end = time.perf_counter() + self.seconds
        mine, codes = [], {}
        while True:
            now = time.perf_counter()
            if now >= end:
                break
            if interval:
                if next_at > now:
                    time.sleep(next_at - now)
                next_at += interval
            method, path, body, headers = self.make_request(rng)
            start = time.perf_counter()
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            codes[response.status] = codes.get(response.status, 0) + 1
        conn.close()
        with self.lock:
            self.latencies += mine
            for status, n in codes.items():
                self.statuses[status] = self.statuses.get(status, 0) + n

    def run(self) -> dict[str, Any]:
        threads = [threading.Thread(target=self.client, args=(i,)) for i in range(self.clients)]
        cpu_before = cpu_seconds(self.server_pid) if self.server_pid else None
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
        cpu: dict[str, dict[str, int]] = {}
        if cpu_before is not None and self.latencies:
            after = cpu_seconds(self.server_pid)  # type: ignore[arg-type]
            cpu = {
                "cpu_us_per_request": {
                    kind: round((after[kind] - cpu_before[kind]) / len(self.latencies) * 1e6)
                    for kind in after
                }
            }
        ok = sum(n for s, n in self.statuses.items() if s < 300)
        quantiles = (
            statistics.quantiles(self.latencies, n=100) if len(self.latencies) > 1 else [0] * 99
        )
        return {
            "per_s": round(ok / elapsed, 1),
            "p50_ms": round(quantiles[49] * 1000, 2),
            "p95_ms": round(quantiles[94] * 1000, 2),
            "requests": len(self.latencies),
            "errors": len(self.latencies) - ok,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            **cpu,
        }


def median_round(results: list[dict]) -> dict:
    """The round with the median throughput, with every round's throughput beside it."""
    ordered = sorted(results, key=lambda r: r["per_s"])
    return {**ordered[len(ordered) // 2], "rounds_per_s": [r["per_s"] for r in results]}
