"""bench/pages.py cannot rot: its dry run lists the pages it times, and its verdict applies the
targets (p95 under 300 ms for a page, 800 ms for a PDF, at most 8× the baseline's p95). That
every page it times answers 200 is checked by test_page_queries, which opens the same list."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.speed.conftest import BENCH, bench_pages


def test_the_dry_run_lists_the_ten_pages_and_the_baseline() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "pages.py"), "--dry-run"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    plan = json.loads(done.stdout)["plan"]
    assert [p["page"] for p in plan][:2] == ["baseline_home", "counter_queue"]
    assert {p["page"] for p in plan} >= {
        "dossier_page",
        "processing_queue",
        "city_ranking",
        "commune_view",
        "late_list",
        "report_queue",
        "report_map",
        "report_map_points",
        "slip_pdf",
        "register_pdf",
    }


def test_the_verdict_names_each_page_over_its_target_or_over_8x_the_baseline() -> None:
    bench = bench_pages()
    results = {
        "baseline_home": {"p95_ms": 20.0},
        "counter_queue": {"p95_ms": 150.0},  # under 300 ms, under 160 ms (8 × 20)
        "city_ranking": {"p95_ms": 170.0},  # under 300 ms, over 8 × the baseline
        "dossier_page": {"p95_ms": 310.0},  # over 300 ms
        "slip_pdf": {"p95_ms": 790.0},  # a PDF: under 800 ms, but 39.5 × the baseline
    }
    kinds = {name: name.endswith("_pdf") for name in results}
    verdict = bench.verdict(results, kinds)
    assert verdict["not_met"] == ["city_ranking", "dossier_page", "slip_pdf"]
    assert results["counter_queue"]["x_baseline"] == 7.5
    assert results["slip_pdf"]["target_ms"] == 800
