import os

import pytest
from django.db import connection


def test_the_lane_runs_on_the_database_it_claims():
    expected = "postgresql" if os.environ.get("HAICAP_PG_LANE") == "1" else "sqlite"
    assert connection.vendor == expected


@pytest.mark.django_db
def test_the_test_cluster_logs_no_failing_statement_text():
    """scripts/test.sh starts PostgreSQL so that its log holds no ID or phone number."""
    if os.environ.get("HAICAP_PG_LANE") != "1":
        return
    with connection.cursor() as cursor:
        for name, value in (("log_min_error_statement", "panic"), ("log_error_verbosity", "terse")):
            cursor.execute(f"SHOW {name}")
            assert cursor.fetchone() == (value,), name
