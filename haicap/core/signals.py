"""Audit sign-ins, failed sign-ins and lockouts (who, from which address; never the password)."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from haicap.core.audit import audit_record
from haicap.core.clients import client_address
from haicap.core.rights import CoreAudit


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    data = {"ip": client_address(request)} if request is not None else {}
    audit_record(actor=user, action=CoreAudit.USER_LOGIN, obj=user, data=data)


@receiver(user_login_failed)
def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any
) -> None:
    audit_record(
        actor=None,
        action=CoreAudit.USER_LOGIN_FAILED,
        note=f"username={credentials.get('username', '')}",
        data={"ip": client_address(request)} if request is not None else {},
    )


@receiver(user_locked_out)
def on_locked_out(
    sender: Any, request: Any = None, username: str = "", ip_address: str = "", **kw: Any
) -> None:
    """django-axes refused a sign-in: too many failures for this account from this address."""
    audit_record(
        actor=None,
        action=CoreAudit.LOGIN_LOCKED,
        note=f"username={username or ''}",
        data={"ip": ip_address or ""},
    )
