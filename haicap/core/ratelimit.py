"""Windowed rate limits kept in the database, so that every server process counts the same."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from haicap.core.errors import ApplicationError
from haicap.core.models import RateLimitHit

TOO_MANY = "Quá nhiều lần thử; vui lòng thử lại sau {minutes} phút."


class RateLimited(ApplicationError):
    status = 429


def rate_limit_hit(
    key: str, *, limit: int, window: dt.timedelta, now: dt.datetime | None = None
) -> None:
    """Count one attempt under `key`; raise RateLimited once `limit` attempts fall in `window`."""
    now = now or timezone.now()
    with transaction.atomic():
        RateLimitHit.objects.filter(key=key, at__lt=now - window).delete()
        if RateLimitHit.objects.filter(key=key).count() >= limit:
            minutes = max(1, int(window.total_seconds() // 60))
            raise RateLimited(
                TOO_MANY.format(minutes=minutes),
                extra={"retry_after_s": int(window.total_seconds())},
            )
        RateLimitHit.objects.create(key=key[:120], at=now)
