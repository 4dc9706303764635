import os

from django.db import connection


def test_the_lane_runs_on_the_database_it_claims():
    expected = "postgresql" if os.environ.get("HAICAP_PG_LANE") == "1" else "sqlite"
    assert connection.vendor == expected
