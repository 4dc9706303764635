"""The ten work pages of bench/pages.py ask the database the same number of questions whatever
the number of dossiers and reports: a page that starts asking once per row (N+1) fails here,
not in production. Counted with the Django test client, on a small workload and again after
three times as many dossiers were added."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from haicap.simulate.profile import Profile
from haicap.simulate.run import simulate
from tests.speed.conftest import bench_pages

# what each page may ask at most (sessions, memberships, the page's own reads); measured with
# a margin of two or three, so that a new question per page is a decision, not an accident
MAX_QUERIES = {
    "baseline_home": 6,
    "counter_queue": 16,
    "dossier_page": 16,
    "processing_queue": 14,
    "city_ranking": 22,
    "commune_view": 20,
    "late_list": 14,
    "report_queue": 16,
    "report_map": 6,
    "report_map_points": 4,
    "slip_pdf": 12,
    "register_pdf": 10,
    "register_year_pdf": 10,
}


def _workload(days: tuple[int, int], total: int, seed: int) -> None:
    today = dt.date.today()
    profile = dataclasses.replace(Profile(), total=total, feedback_per_dossier=0.1)
    simulate(
        "79",
        today - dt.timedelta(days=days[0]),
        today - dt.timedelta(days=days[1]),
        seed=seed,
        profile=profile,
    )


def _counts() -> dict[str, int]:
    bench = bench_pages()
    code, year, month = bench.sample_dossier()
    users = get_user_model().objects
    counts = {}
    for page in bench.pages(code, year, month):
        client = Client(HTTP_HOST="127.0.0.1")
        if page.role:
            client.force_login(users.get(username=page.role))
        client.get(page.path)  # per-process caches filled, as on a running server
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
        assert response.status_code == 200, (page.name, response.status_code)
        counts[page.name] = len(queries.captured_queries)
    return counts


@pytest.mark.django_db
# The per-process caches keep their entries for the whole test: with the default 30 s, an entry
# filled on an early page could expire while a slow machine drew the year's register, and the
# measured request then counted the refill (PostgreSQL lane under load: 6 queries against 5).
@override_settings(HAICAP_CACHE_SECONDS=3600)
def test_the_ten_pages_ask_as_many_queries_for_many_dossiers_as_for_few() -> None:
    call_command("demo_setup", stdout=io.StringIO())
    _workload((20, 1), 1000, seed=1)
    few = _counts()
    _workload((80, 21), 3000, seed=2)
    many = _counts()
    assert many == few
    over = {name: n for name, n in many.items() if n > MAX_QUERIES[name]}
    assert not over, over
    assert set(many) == set(MAX_QUERIES)
