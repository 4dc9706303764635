"""Benchmark: routing citizen reports to the responsible commune.

1. Batch: N synthetic reports (default 1,000,000): 90% pinned points drawn inside random wards of
   HCMC and Hanoi (each point's ward is known by construction), 10% old-format addresses from the
   official table. Routed with `route_points` (vectorised STRtree look-up and the near-boundary
   check) and `route_address` (the converter), against a same-run baseline that asks every
   commune polygon of the province whether it contains the point (for a sample).
2. HTTP: POST /open311/v2/requests.json with an api_key, from concurrent keep-alive clients,
   against gunicorn on a throwaway PostgreSQL cluster, beside GET /api/v1/health.

Prints one JSON line. Targets: 50,000 reports/s in batch, 200 accepted/s over HTTP, 100% of
pinned reports routed to the ward that contains the point.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import urllib.parse

import numpy as np
import shapely
from _http import Load, free_port, median_round, start_server
from _pg import throwaway_cluster
from _setup import ROOT, machine

PROVINCES = ("79", "01")


def points_inside(
    geometries: dict[str, shapely.Geometry], n: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """n points, each drawn inside a random ward (rejection sampling in its bounding box)."""
    codes = sorted(geometries)
    lats, lons, expected = np.empty(n), np.empty(n), []
    picks = rng.integers(0, len(codes), n)
    filled = 0
    while filled < n:
        batch = picks[filled : filled + 50_000]
        for code_index in np.unique(batch):
            code = codes[code_index]
            want = int((batch == code_index).sum())
            geometry = geometries[code]
            west, south, east, north = geometry.bounds
            got = []
            while len(got) < want:
                xs = rng.uniform(west, east, want * 3)
                ys = rng.uniform(south, north, want * 3)
                inside = shapely.contains_xy(geometry, xs, ys)
                got += list(zip(ys[inside], xs[inside], strict=True))
            for lat, lon in got[:want]:
                lats[filled], lons[filled] = lat, lon
                expected.append(code)
                filled += 1
    return lats, lons, expected


def prepare() -> None:
    """A throwaway PostgreSQL cluster (or HAICAP_DATABASE_URL), migrated, with the units."""
    os.environ["HAICAP_DATABASE_URL"] = os.environ.get("HAICAP_DATABASE_URL") or throwaway_cluster()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haicap.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    from haicap.units.loading import units_load

    units_load()


def batch(n: int, seed: int) -> dict[str, object]:
    from haicap.feedback.routing import route_address, route_points
    from haicap.units.locate import locator
    from haicap.units.models import Succession, Unit

    rng = np.random.default_rng(seed)
    n_points = n * 9 // 10
    n_addresses = n - n_points
    geometries = {
        u.code: shapely.from_geojson(u.boundary)
        for u in Unit.objects.current()
        .filter(level="commune", province_code__in=PROVINCES)
        .exclude(boundary="")
    }
    province_of = dict(
        Unit.objects.current()
        .filter(level="commune", province_code__in=PROVINCES)
        .values_list("code", "province_code")
    )
    lats, lons, expected = points_inside(geometries, n_points, rng)
    # old wards of the two cities that went whole into one new ward: an address names one answer
    whole = list(
        Succession.objects.filter(
            successor__province_code__in=PROVINCES, relation="whole", predecessor__level="commune"
        )
        .select_related("predecessor")
        .values_list(
            "predecessor__full_name",
            "predecessor__district_code",
            "successor__code",
            "successor__province_code",
        )
    )
    districts = dict(Unit.objects.filter(level="district").values_list("code", "full_name"))
    cities = {"79": "TP.HCM", "01": "Hà Nội"}
    sample = [whole[i] for i in rng.integers(0, len(whole), n_addresses)]
    addresses = [
        (
            f"{rng.integers(1, 300)} đường số {rng.integers(1, 40)}, {ward}, {districts.get(d, '')}, {cities[p]}",
            code,
            p,
        )
        for ward, d, code, p in sample
    ]
    locator()  # built once per process, as in a server: not part of the routing rate

    start = time.perf_counter()
    routed: list = []
    by_province: dict[str, list[int]] = {p: [] for p in PROVINCES}
    for i, code in enumerate(expected):
        by_province[province_of[code]].append(i)
    for province, idx in by_province.items():
        routes = route_points(lats[idx], lons[idx], province)
        routed += [(i, r) for i, r in zip(idx, routes, strict=True)]
    point_s = time.perf_counter() - start
    start = time.perf_counter()
    address_hits = 0
    for text, code, province in addresses:
        route = route_address(text, province)
        address_hits += route.commune_code == code
    address_s = time.perf_counter() - start

    # correct: the ward it went to contains the point (where simplified boundaries overlap, a
    # point lies in two wards and either is right); the ward it was drawn in is the usual answer
    by_code: dict[str, list[int]] = {}
    for i, r in routed:
        by_code.setdefault(getattr(r, "commune_code", "") or "-", []).append(i)
    correct = sum(
        int(shapely.contains_xy(geometries[code], lons[idx], lats[idx]).sum())
        for code, idx in by_code.items()
        if code in geometries
    )
    as_drawn = sum(1 for i, r in routed if getattr(r, "commune_code", None) == expected[i])
    near = sum(1 for _, r in routed if getattr(r, "near_boundary", False))

    naive_n = min(2_000, n_points)
    polygons = [(c, g) for c, g in geometries.items()]
    shapely.prepare([g for _, g in polygons])
    start = time.perf_counter()
    for i in range(naive_n):
        point = shapely.Point(lons[i], lats[i])
        next((c for c, g in polygons if g.contains(point)), None)
    naive_rate = naive_n / (time.perf_counter() - start)
    return {
        "reports": n,
        "batch_per_s": round(n / (point_s + address_s)),
        "points_per_s": round(n_points / point_s),
        "addresses_per_s": round(n_addresses / address_s) if n_addresses else None,
        "pinned_routed_to_containing_ward": round(correct / n_points * 100, 4),
        "pinned_routed_to_the_ward_drawn_in": round(as_drawn / n_points * 100, 4),
        "addresses_routed_as_official_table": round(address_hits / n_addresses * 100, 2)
        if n_addresses
        else None,
        "near_boundary_flagged_share": round(near / n_points * 100, 2),
        "baseline_scan_all_wards_per_s": round(naive_rate),
    }


def http(seconds: float, clients: int, workers: int, threads: int) -> dict[str, object]:
    from django.db import connections

    from haicap.feedback.open311 import key_issue

    key = key_issue(label="bench", province_code="79")
    connections.close_all()
    port = free_port()
    server = start_server(port, workers, threads)
    centre = (10.7806, 106.7000)

    def post(rng: random.Random) -> tuple[str, str, bytes, dict[str, str]]:
        body = urllib.parse.urlencode(
            {
                "api_key": key,
                "jurisdiction_id": "79",
                "service_code": rng.choice(["drainage", "waste", "roads", "lighting"]),
                "lat": f"{centre[0] + rng.uniform(-0.03, 0.03):.6f}",
                "long": f"{centre[1] + rng.uniform(-0.03, 0.03):.6f}",
                "description": "Phản ánh thử tải: đường ngập sau mưa, cần xử lý.",
            }
        )
        return (
            "POST",
            "/open311/v2/requests.json",
            body.encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    def trivial(rng: random.Random) -> tuple[str, str, None, dict[str, str]]:
        return "GET", "/api/v1/health", None, {}

    try:
        Load(port, post, clients, 3).run()
        posts = median_round([Load(port, post, clients, seconds / 3).run() for _ in range(3)])
        baseline = median_round([Load(port, trivial, clients, seconds / 6).run() for _ in range(3)])
    finally:
        server.terminate()
        server.wait(timeout=10)
    return {
        "open311_post": posts,
        "baseline_health": baseline,
        "server": f"gunicorn gthread {workers}x{threads}, PostgreSQL (synchronous_commit=off)",
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1022)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    prepare()
    figures = batch(args.n, args.seed)
    figures.update(http(args.seconds, args.clients, args.workers, args.threads))
    accepted = figures["open311_post"]["per_s"]  # type: ignore[index]
    figures.update(
        {
            "benchmark": "feedback_routing",
            "targets": {
                "batch_per_s": 50_000,
                "accepted_per_s": 200,
                "pinned_routed_to_containing_ward": 100.0,
            },
            "pass": bool(
                figures["batch_per_s"] >= 50_000
                and accepted >= 200  # type: ignore[operator]
                and figures["pinned_routed_to_containing_ward"] == 100.0
            ),
            "machine": machine(),
        }
    )
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
