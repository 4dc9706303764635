"""Security finding 8 (the tracking rate limit races: 11 of 40 concurrent tries passed a limit
of 10) and finding 2 (online intake limits): forty clients at once on PostgreSQL, each on its own
committed connection, against the real limits; exactly the limit passes, the rest get the 429
with a wait. SQLite serialises every write, so the race only exists on the PostgreSQL lane."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

import pytest
from django.db import connection

from haicap.core.models import RateLimitHit
from haicap.core.ratelimit import RateLimited
from haicap.core.tests.own_connection import in_own_connection
from haicap.dossiers.citizen import PER_CLIENT, dossier_track, online_intake_limit

ATTEMPTS = 40

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        os.environ.get("HAICAP_PG_LANE") != "1",
        reason="concurrent writers need the PostgreSQL lane",
    ),
]


def _at_once(attempt: Callable[[int], None]) -> tuple[int, list[RateLimited]]:
    """Run `attempt` in ATTEMPTS threads released together: (passed, the 429s)."""
    start = threading.Barrier(ATTEMPTS, timeout=30)
    passed, refused, errors = [], [], []
    lock = threading.Lock()

    def run(i: int) -> None:
        try:
            start.wait()
            attempt(i)
            with lock:
                passed.append(i)
        except RateLimited as exc:
            with lock:
                refused.append(exc)
        except BaseException as exc:  # anything else fails the test below
            with lock:
                errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(ATTEMPTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a client hung"
    assert not errors, errors
    return len(passed), refused




@pytest.fixture
def fresh_keys():  # type: ignore[no-untyped-def]
    """The limits' rows the threads committed are removed afterwards."""
    yield
    in_own_connection(
        lambda: RateLimitHit.objects.filter(
            key__in=["track:ip:203.0.113.7", "online:ip:198.51.100.9"]
        ).delete()
        or RateLimitHit.objects.filter(key__startswith="track:code:26743-310103-").delete()
        or RateLimitHit.objects.filter(key__startswith="online:phone:").delete()
    )


def test_forty_tracking_tries_at_once_pass_the_per_client_limit_exactly(fresh_keys):
    def track(i: int) -> None:
        try:
            dossier_track(f"26743-310103-{i:04d}", "1234", client="203.0.113.7")
        except RateLimited:
            raise
        except Exception as exc:  # no such dossier: the try counted, as a guess would
            if getattr(exc, "status", None) != 404:
                raise

    passed, refused = _at_once(track)
    assert passed == PER_CLIENT[0]
    assert len(refused) == ATTEMPTS - PER_CLIENT[0]
    assert all(exc.extra["retry_after_s"] >= 1 for exc in refused)
    stored = in_own_connection(
        lambda: RateLimitHit.objects.filter(key="track:ip:203.0.113.7").count()
    )
    assert stored == PER_CLIENT[0]


def test_forty_online_filings_at_once_from_one_address_pass_its_hourly_limit_exactly(
    settings, fresh_keys
):
    settings.HAICAP_ONLINE_INTAKE_PER_CLIENT_HOUR = 5
    passed, refused = _at_once(lambda i: online_intake_limit("198.51.100.9", f"09{i:08d}"))
    assert passed == 5 and len(refused) == ATTEMPTS - 5
