"""Sign-in lockouts (django-axes): lifting them, always through the audit log."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haicap.core.audit import audit_record
from haicap.core.permissions import Actor
from haicap.core.rights import CoreAudit


def login_unlock(*, username: str = "", ip_address: str = "", actor: Actor | None) -> int:
    """Forget the failed sign-ins of `username` (from `ip_address`, if given); the count removed.

    Either may be empty, not both. Every pair removed is written to the audit log.
    """
    if not username and not ip_address:
        raise ValueError("login_unlock needs a username or an address")
    attempts = AccessAttempt.objects.all()
    if username:
        attempts = attempts.filter(username=username)
    if ip_address:
        attempts = attempts.filter(ip_address=ip_address)
    return login_unlock_attempts(attempts, actor=actor)


def login_unlock_attempts(attempts: object, *, actor: Actor | None) -> int:
    """Remove the given AccessAttempt rows (a queryset), auditing each (admin action, command)."""
    with transaction.atomic():
        rows = list(attempts.select_for_update())  # type: ignore[attr-defined]
        for attempt in rows:
            audit_record(
                actor=actor,
                action=CoreAudit.LOGIN_UNLOCKED,
                note=f"username={attempt.username or ''}",
                data={"ip": attempt.ip_address or "", "failures": attempt.failures_since_start},
            )
        AccessAttempt.objects.filter(pk__in=[a.pk for a in rows]).delete()
    return len(rows)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the lockout page (429), saying when to try again."""
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = max(1, int(cool_off.total_seconds() // 60)) if cool_off else 0  # 0: until unlocked
    response = render(
        request,
        "core/locked_out.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes},
        status=429,
    )
    if minutes:
        response["Retry-After"] = str(minutes * 60)
    return response
