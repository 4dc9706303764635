"""Benchmark: dossiers accepted per second over HTTP, on PostgreSQL, behind gunicorn.

Starts a throwaway PostgreSQL cluster (or uses HAICAP_DATABASE_URL), loads the reference data and
the catalogue, issues an API token to a counter officer of HCMC, starts gunicorn as `make demo`
would, and drives it from this process with concurrent keep-alive clients:

1. intake at saturation: POST /api/v1/dossiers (birth registration and four other commune
   procedures at random HCMC wards, each with its own Idempotency-Key);
2. the baseline in the same run: GET /api/v1/health on the same server, same clients
   (1 and 2 alternate in rounds; medians reported);
3. intake paced at half the 300/s target (150/s), for the latency a counter officer feels.

Prints one JSON line. Targets: >= 300 accepted/s, p95 < 50 ms at 150/s, and intake costing no
more than 3x the trivial endpoint (ratio of saturated throughputs). Each saturated round also
reports the CPU time per request of the server's processes, of PostgreSQL and of this client
(from /proc), and from them a floor of the ratio: what the intake would cost if its own Python
work in the server were no more than the trivial request's.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys

from _http import Load, free_port, median_round, start_server
from _pg import throwaway_cluster
from _setup import ROOT, machine

PROCEDURES = ["1.001193", "1.000894", "1.001022", "2.000908", "1.000656"]


def prepare(database_url: str) -> tuple[str, list[str]]:
    """Migrate, load, and return a counter officer's API token and the HCMC ward codes."""
    os.environ["HAICAP_DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haicap.settings")
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    from django.contrib.auth import get_user_model

    from haicap.core.roles import Role
    from haicap.core.services import membership_grant
    from haicap.core.tokens import token_issue
    from haicap.procedures.loading import procedures_load
    from haicap.units.loading import units_load
    from haicap.units.models import Unit

    units_load()
    procedures_load()
    hcmc = Unit.objects.current().get(level="province", code="79")
    user, _ = get_user_model().objects.get_or_create(username="bench.motcua")
    if not user.memberships.filter(role=Role.COUNTER_OFFICER, unit=hcmc).exists():  # rerun
        membership_grant(user=user, role=Role.COUNTER_OFFICER, unit=hcmc, actor=None)
    wards = list(
        Unit.objects.current()
        .filter(level="commune", province_code="79")
        .values_list("code", flat=True)
    )
    from django.db import connections

    connections.close_all()
    return token_issue(user=user, label="bench", actor=None), wards


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=18)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--paced-rate", type=float, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    database_url = os.environ.get("HAICAP_DATABASE_URL") or throwaway_cluster()
    token, wards = prepare(database_url)
    port = free_port()
    server = start_server(port, args.workers, args.threads)
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    counter = iter(range(10**9))

    def intake(rng: random.Random) -> tuple[str, str, bytes, dict[str, str]]:
        n = next(counter)
        body = {
            "procedure_code": PROCEDURES[n % len(PROCEDURES)],
            "receiving_unit": rng.choice(wards),
            "applicant": {
                "name": "Nguyễn Thị Mai",
                "id_number": f"0791{rng.randint(80, 99)}{rng.randint(0, 999999):06d}",
                "phone": f"09{rng.randint(10000000, 99999999)}",
                "address": "25 Trần Quốc Thảo, P.9, Q.3, TP.HCM",
            },
            "request": "Đăng ký khai sinh cho con",
        }
        headers = {**auth, "Idempotency-Key": f"bench-{os.getpid()}-{n}"}
        return "POST", "/api/v1/dossiers", json.dumps(body).encode(), headers

    def trivial(rng: random.Random) -> tuple[str, str, None, dict[str, str]]:
        return "GET", "/api/v1/health", None, {}

    cpu = {"server_pid": server.pid}  # CPU time per request, by process, from /proc
    try:
        Load(port, intake, args.clients, 3).run()  # warm up: connections, caches, calendar
        # intake and baseline alternate in short rounds, so that a noisy moment of the machine
        # hits both; each figure is the median of the rounds
        rounds: dict[str, list[dict]] = {"intake": [], "baseline": []}
        for _ in range(args.rounds):
            rounds["intake"].append(
                Load(port, intake, args.clients, args.seconds / args.rounds, **cpu).run()
            )
            rounds["baseline"].append(
                Load(port, trivial, args.clients, args.seconds / args.rounds, **cpu).run()
            )
        paced = Load(port, intake, args.clients, args.seconds, rate=args.paced_rate).run()
    finally:
        server.terminate()
        server.wait(timeout=10)
    saturated, baseline = median_round(rounds["intake"]), median_round(rounds["baseline"])
    ratio = round(baseline["per_s"] / saturated["per_s"], 2) if saturated["per_s"] else None
    # where the ratio comes from: an intake can cost no less than what PostgreSQL and the client
    # spend on it plus what the server spends on the trivial request (the framework's own floor)
    mine, theirs = saturated["cpu_us_per_request"], baseline["cpu_us_per_request"]
    floor = round((theirs["server"] + mine["postgres"] + mine["client"]) / theirs["machine"], 2)
    print(
        json.dumps(
            {
                "benchmark": "intake",
                "server": f"gunicorn gthread {args.workers}x{args.threads}, PostgreSQL (synchronous_commit=off)",
                "clients": args.clients,
                "intake_saturated": saturated,
                "baseline_health_saturated": baseline,
                "intake_paced": {"target_per_s": args.paced_rate, **paced},
                "cost_ratio_intake_vs_trivial": ratio,
                "cost_ratio_floor_with_intake_python_as_cheap_as_trivial": floor,
                "targets": {"accepted_per_s": 300, "p95_ms_at_150_per_s": 50, "cost_ratio_max": 3},
                "pass": bool(
                    saturated["per_s"] >= 300
                    and paced["p95_ms"] < 50
                    and ratio is not None
                    and ratio <= 3
                ),
                "machine": machine(),
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
