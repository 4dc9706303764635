"""Windowed rate limits kept in the database, so that every server process counts the same.

The check and the record are one step: on PostgreSQL a transaction-scoped advisory lock on the
key serialises the attempts under one key (SQLite serialises every write anyway), so that
concurrent attempts cannot all pass on the same count.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from haicap.core.errors import ApplicationError
from haicap.core.models import RateLimitHit

TOO_MANY = gettext_lazy("Quá nhiều lần thử; vui lòng thử lại sau {minutes} phút.")


class RateLimited(ApplicationError):
    status = 429


def window_label(window: dt.timedelta) -> str:
    """ "1 giờ", "15 phút", "1 ngày": a window in words."""
    seconds = int(window.total_seconds())
    if seconds % 86400 == 0:
        return gettext("{value} ngày").format(value=seconds // 86400)
    if seconds % 3600 == 0:
        return gettext("{value} giờ").format(value=seconds // 3600)
    return gettext("{value} phút").format(value=max(1, seconds // 60))


def rate_limit_hit(
    key: str,
    *,
    limit: int,
    window: dt.timedelta,
    now: dt.datetime | None = None,
    message: Any = TOO_MANY,
) -> None:
    """Count one attempt under `key`; raise RateLimited once `limit` attempts fall in `window`.
    `message` may name {limit}, {window} and {minutes} (until the oldest attempt leaves the
    window); `extra.retry_after_s` (the Retry-After header) is that wait in seconds."""
    now = now or timezone.now()
    key = key[:120]
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [key])
        RateLimitHit.objects.filter(key=key, at__lt=now - window).delete()
        hits = RateLimitHit.objects.filter(key=key)
        if hits.count() >= limit:
            oldest = hits.order_by("at").values_list("at", flat=True).first() or now
            wait = max(1, math.ceil((oldest + window - now).total_seconds()))
            raise RateLimited(
                message.format(
                    limit=limit, window=window_label(window), minutes=max(1, math.ceil(wait / 60))
                ),
                extra={
                    "retry_after_s": wait,
                    "limit": limit,
                    "window_s": int(window.total_seconds()),
                },
            )
        RateLimitHit.objects.create(key=key, at=now)
