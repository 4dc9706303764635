"""Audit sign-ins and failed sign-ins (who, from which address; never the password)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from haicap.core.audit import audit_record
from haicap.core.rights import CoreAudit


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(actor=user, action=CoreAudit.USER_LOGIN, obj=user)


@receiver(user_login_failed)
def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any
) -> None:
    audit_record(
        actor=None,
        action=CoreAudit.USER_LOGIN_FAILED,
        note=f"username={credentials.get('username', '')}",
    )
