"""Benchmark: point → commune with the STRtree locator, against a naive scan, same run.

Draws points inside the bounding boxes of random communes (some fall in the sea, as real
reports do), locates them in bulk (`locate_many`) and one at a time (`locate`, as the API does),
and as a baseline scans every prepared polygon for a sample. Prints one JSON line; the bulk
rate's target is 200,000 points a second. The tree's answers are checked against the scan.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
import shapely
from _setup import django_with_reference_data, machine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    django_with_reference_data()
    from haicap.units.locate import Locator

    start = time.perf_counter()
    locator = Locator.from_database()
    build_s = time.perf_counter() - start

    rng = np.random.default_rng(args.seed)
    bounds = shapely.bounds(locator.geometries)
    picks = rng.integers(0, len(bounds), args.n)
    box = bounds[picks]
    lons = box[:, 0] + rng.random(args.n) * (box[:, 2] - box[:, 0])
    lats = box[:, 1] + rng.random(args.n) * (box[:, 3] - box[:, 1])

    start = time.perf_counter()
    bulk = locator.locate_many(lats, lons)
    bulk_rate = args.n / (time.perf_counter() - start)

    single_n = min(args.n, 20_000)
    start = time.perf_counter()
    single = [locator.locate(lats[i], lons[i]) for i in range(single_n)]
    single_rate = single_n / (time.perf_counter() - start)

    naive_n = min(args.n, 300)
    start = time.perf_counter()
    naive = []
    for i in range(naive_n):
        point = shapely.Point(lons[i], lats[i])
        hits = [
            code
            for code, geom in zip(locator.codes, locator.geometries, strict=True)
            if geom.contains(point)
        ]
        naive.append(hits)
    naive_rate = naive_n / (time.perf_counter() - start)

    agree = sum((bulk[i] in hits) if hits else bulk[i] is None for i, hits in enumerate(naive))
    inside = sum(code is not None for code in bulk)
    print(
        json.dumps(
            {
                "benchmark": "locate",
                "points": args.n,
                "inside_share": round(inside / args.n, 4),
                "index_build_s": round(build_s, 2),
                "bulk_points_per_s": round(bulk_rate),
                "single_points_per_s": round(single_rate),
                "naive_points_per_s": round(naive_rate, 1),
                "ratio_bulk_vs_naive": round(bulk_rate / naive_rate),
                "single_agrees_with_bulk": single == bulk[:single_n],
                "agreement_with_naive": f"{agree}/{naive_n}",
                "target": {"bulk_points_per_s": 200_000},
                "pass": bulk_rate >= 200_000 and agree == naive_n and single == bulk[:single_n],
                "machine": machine(),
            }
        )
    )


if __name__ == "__main__":
    main()
