"""Benchmark: the ten most used work pages over HTTP, on PostgreSQL with a city's year of dossiers.

1. Data: a PostgreSQL cluster with the reference data, the demo accounts (one per role, in
   Bến Thành and at the HCMC level) and N dossiers of HCMC (province 79; default 1,000,000)
   filed over the last 365 days through the simulator's bulk path, spread over the 168 wards
   and the province's departments as the simulator spreads them, with their control sheets,
   supplement requests, citizen reports and index counters. The cluster is kept in
   `var/bench-pages/pg-<N>/` and reused by the next run with the same N (`--fresh` rebuilds it;
   `--database-url` uses an existing database instead).
2. A real gunicorn on loopback (2 workers × 4 threads, as `make demo`), one signed-in session
   per role (the sign-in itself is timed: `login`).
3. Each page: `--warmup` requests, then `--requests` requests one after another on one
   keep-alive connection, stopping early after `--seconds`; p50 and p95 of the time from
   sending the request to the last byte of the answer (loopback: the server's time).
   `GET /` in the same run is the baseline.

Prints one JSON line. Targets: p95 < 300 ms for each HTML page, < 800 ms for each PDF, and no
page's p95 over 8× the baseline's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import io
import json
import os
import re
import statistics
import sys
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

from _http import free_port, start_server
from _pg import kept_cluster
from _setup import ROOT, machine

WARD = "26743"  # Bến Thành: the demo accounts' ward
PG_SETTINGS = "-c synchronous_commit=off -c shared_buffers=512MB -c work_mem=16MB"
HTML_TARGET_MS, PDF_TARGET_MS, BASELINE_FACTOR = 300, 800, 8


@dataclass(frozen=True)
class Page:
    name: str
    role: str  # the demo account that opens it ("" for anonymous)
    path: str
    pdf: bool = False


def pages(dossier: str, year: int, month: int) -> list[Page]:
    """The ten most used pages, with `GET /` (the baseline) first."""
    return [
        Page("baseline_home", "", "/"),
        Page("counter_queue", "motcua.benthanh", "/mot-cua/"),
        Page("dossier_page", "motcua.benthanh", f"/mot-cua/h/{dossier}/"),
        Page("processing_queue", "xuly.benthanh", "/mot-cua/?queue=process"),
        Page("city_ranking", "lanhdao.hcm", "/chi-so/tinh/79/"),
        Page("commune_view", "lanhdao.benthanh", f"/chi-so/don-vi/{WARD}/"),
        Page("late_list", "lanhdao.benthanh", "/mot-cua/?queue=late"),
        Page("report_queue", "quantri.hcm", "/mot-cua/phan-anh/"),
        Page("report_map", "", "/phan-anh/"),
        Page("report_map_points", "", "/phan-anh/diem.geojson"),
        Page("slip_pdf", "motcua.benthanh", f"/mot-cua/h/{dossier}/mau-01.pdf", pdf=True),
        # the register as the picker offers it by default: a month (the last full one here)
        Page(
            "register_pdf",
            "motcua.benthanh",
            f"/mot-cua/so-theo-doi/?unit={WARD}&year={year}&month={month}",
            pdf=True,
        ),
        # and the whole year, the picker's other choice (not one of the ten: printed rarely)
        Page(
            "register_year_pdf",
            "motcua.benthanh",
            f"/mot-cua/so-theo-doi/?unit={WARD}&year={year}",
            pdf=True,
        ),
    ]


def generate(total: int) -> float:
    """HCMC's dossiers of the last 365 days (an unfinished run is resumed, with its dates)."""
    from dataclasses import replace

    from django.db import OperationalError

    from haicap.procedures.loading import procedures_load
    from haicap.simulate.models import Run
    from haicap.simulate.profile import Profile
    from haicap.simulate.run import simulate
    from haicap.units.loading import units_load

    units_load()
    procedures_load()
    today = dt.date.today()
    start, end = today - dt.timedelta(days=365), today - dt.timedelta(days=1)
    unfinished = Run.objects.filter(province_code="79", total=total).first()
    if unfinished is not None:
        start, end = unfinished.start, unfinished.end
    started = time.perf_counter()
    profile = replace(Profile(), total=total)
    for attempt in range(3):
        try:  # two writers on one province may deadlock on the daily sequence: the run resumes
            simulate("79", start, end, seed=1, profile=profile, workers=2 if attempt < 2 else 1)
            break
        except OperationalError as exc:
            print(f"  generation resumed after: {str(exc).splitlines()[0]}", file=sys.stderr)
    return round(time.perf_counter() - started, 1)


def prepare(total: int, fresh_cluster: bool) -> dict[str, Any]:
    """Migrate, generate the dossiers unless a finished run is there, create the accounts;
    return the figures of the data set."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    from django.db import connection, connections

    from haicap.dossiers.models import Dossier
    from haicap.feedback.models import Report
    from haicap.simulate.models import Run

    generated_s = None
    if not Run.objects.filter(province_code="79", finished_at__isnull=False).exists():
        generated_s = generate(total)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    call_command("demo_setup", stdout=io.StringIO())  # the accounts, with DEMO_PASSWORD
    figures = {
        "dossiers": Dossier.objects.count(),
        "reports": Report.objects.count(),
        "ward_dossiers": Dossier.objects.filter(receiving_unit__code=WARD).count(),
        "generated_s": generated_s,
        "cluster_reused": not fresh_cluster and generated_s is None,
    }
    connections.close_all()
    return figures


def sample_dossier() -> tuple[str, int, int]:
    """A dossier Bến Thành received whose slip exists (it has a due date), the latest one, and
    the year and month of the register to print (the last full month)."""
    from haicap.dossiers.models import Dossier

    code = (
        Dossier.objects.filter(receiving_unit__code=WARD, due_at__isnull=False)
        .order_by("-registered_at")
        .values_list("code", flat=True)
        .first()
    )
    if code is None:
        raise SystemExit(f"no dossier received at {WARD}: generate more dossiers")
    last_month = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    return code, last_month.year, last_month.month


class Session:
    """One keep-alive connection with the cookies of one signed-in account."""

    def __init__(self, port: int, host: str = "127.0.0.1"):
        self.conn = http.client.HTTPConnection(host, port, timeout=120)
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: str | None = None, headers: dict | None = None
    ) -> tuple[int, bytes, float]:
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        content = response.read()
        seconds = time.perf_counter() - started
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content, seconds

    def login(self, username: str) -> float:
        from haicap.core.management.commands.demo_setup import DEMO_PASSWORD

        status, body, _ = self.request("GET", "/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if status != 200 or token is None:
            raise SystemExit(f"/login/ answered {status} without a form")
        form = urllib.parse.urlencode(
            {
                "username": username,
                "password": DEMO_PASSWORD,
                "csrfmiddlewaretoken": token[1].decode(),
            }
        )
        status, _, seconds = self.request(
            "POST",
            "/login/",
            form,
            {"Content-Type": "application/x-www-form-urlencoded", "Referer": "http://127.0.0.1/"},
        )
        if status != 302:
            raise SystemExit(f"signing in as {username} answered {status}")
        return seconds


def quantile(samples: list[float], q: int) -> float:
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


def time_page(session: Session, page: Page, warmup: int, requests: int, seconds: float) -> dict:
    for _ in range(warmup):
        status, body, _ = session.request("GET", page.path)
        if status != 200:
            raise SystemExit(f"{page.name}: GET {page.path} answered {status}: {body[:300]!r}")
        if page.pdf and not body.startswith(b"%PDF"):
            raise SystemExit(f"{page.name}: GET {page.path} is not a PDF")
    samples: list[float] = []
    size = 0
    stop = time.perf_counter() + seconds
    while len(samples) < requests and (not samples or time.perf_counter() < stop):
        status, body, took = session.request("GET", page.path)
        if status != 200:
            raise SystemExit(f"{page.name}: GET {page.path} answered {status}")
        samples.append(took * 1000)
        size = len(body)
    return {
        "p50_ms": round(quantile(samples, 50), 1),
        "p95_ms": round(quantile(samples, 95), 1),
        "requests": len(samples),
        "kib": round(size / 1024, 1),
    }


def verdict(results: dict[str, dict], kinds: dict[str, bool]) -> dict[str, Any]:
    baseline = results["baseline_home"]["p95_ms"]
    over = []
    for name, figures in results.items():
        if name == "baseline_home":
            continue
        target = PDF_TARGET_MS if kinds[name] else HTML_TARGET_MS
        figures["target_ms"] = target
        figures["x_baseline"] = round(figures["p95_ms"] / baseline, 1) if baseline else None
        if figures["p95_ms"] >= target or (baseline and figures["p95_ms"] > 8 * baseline):
            over.append(name)
    return {"baseline_p95_ms": baseline, "max_x_baseline": BASELINE_FACTOR, "not_met": over}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=30, help="at most, per page")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database-url", help="an existing database instead of the kept cluster")
    parser.add_argument("--fresh", action="store_true", help="rebuild the kept cluster")
    parser.add_argument("--only", help="comma-separated page names (the baseline always runs)")
    parser.add_argument("--dry-run", action="store_true", help="list the pages and stop")
    args = parser.parse_args(argv)
    if args.dry_run:
        plan = [
            {"page": p.name, "as": p.role or "anonymous", "path": p.path}
            for p in pages("<code>", 0, 0)
        ]
        print(json.dumps({"benchmark": "pages", "plan": plan}, ensure_ascii=False))
        return {"plan": plan}
    fresh = False
    if args.database_url:
        os.environ["HAICAP_DATABASE_URL"] = args.database_url
    else:
        directory = ROOT / "var" / "bench-pages" / f"pg-{args.dossiers}"
        if args.fresh:
            import shutil

            shutil.rmtree(directory, ignore_errors=True)
        os.environ["HAICAP_DATABASE_URL"], fresh = kept_cluster(str(directory), PG_SETTINGS)
    os.environ["HAICAP_VAR_DIR"] = str(ROOT / "var" / "bench-pages" / "var")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haicap.settings")
    sys.path.insert(0, str(ROOT))
    data = prepare(args.dossiers, fresh)
    chosen = pages(*sample_dossier())
    if args.only:
        wanted = {"baseline_home", *args.only.split(",")}
        chosen = [p for p in chosen if p.name in wanted]
    port = free_port()
    server = start_server(port, args.workers, args.threads)
    try:
        sessions: dict[str, Session] = {"": Session(port)}
        logins = []
        for role in sorted({p.role for p in chosen if p.role}):
            sessions[role] = Session(port)
            logins.append(sessions[role].login(role) * 1000)
        results = {}
        for p in chosen:
            try:
                results[p.name] = time_page(
                    sessions[p.role], p, args.warmup, args.requests, args.seconds
                )
            except OSError as exc:  # a worker killed past gunicorn's time limit (30 s)
                raise SystemExit(f"{p.name}: GET {p.path}: {exc!r}") from exc
            print(f"  {p.name}: {results[p.name]}", file=sys.stderr, flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    summary = verdict(results, {p.name: p.pdf for p in chosen})
    with open("/proc/loadavg") as f:
        load = f.read().split()[:3]
    with open("/proc/cpuinfo") as f:
        cpu = next((line.split(":", 1)[1].strip() for line in f if "model name" in line), "")
    result = {
        "benchmark": "pages",
        **data,
        "pages": results,
        "login_ms": [round(v, 1) for v in logins],
        **summary,
        "server": f"gunicorn {args.workers}x{args.threads}",
        "machine": {**machine(), "cpu_model": cpu, "load_before_after": load},
    }
    print(json.dumps(result, ensure_ascii=False))
    return result


if __name__ == "__main__":
    main()
