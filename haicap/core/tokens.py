"""API tokens for integrators and kiosks: issued to one user, stored only as a hash, revocable."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from haicap.core.audit import audit_record
from haicap.core.models import ApiToken
from haicap.core.permissions import Actor, active_memberships
from haicap.core.rights import CoreAudit
from haicap.core.ttlcache import TTLCache


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def token_issue(*, user: Any, label: str, actor: Actor | None) -> str:
    """A new token for `user`; the raw value is shown once and never stored."""
    raw = "hc_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, key_hash=_hash(raw), label=label[:100])
    audit_record(
        actor=actor,
        action=CoreAudit.MEMBERSHIP_GRANTED,
        obj=token,
        note=f"API token «{label}» cho {user}",
    )
    return raw


# token hash -> (token id, the user with memberships loaded); the user is reused, the token is
# not trusted: every request checks that it is still unrevoked by one primary-key query, so that
# a revocation (or a user made inactive) in any process is refused at the next request. The cache
# saves the user and memberships query (ADR 5); memberships may lag HAICAP_CACHE_SECONDS.
_users: TTLCache[tuple[int, Any] | None] = TTLCache("api tokens")


def _still_valid(token_id: int) -> bool:
    return ApiToken.objects.filter(
        pk=token_id, revoked_at__isnull=True, user__is_active=True
    ).exists()


def token_user(raw: str) -> Any:
    loaded = False

    def load() -> tuple[int, Any] | None:
        nonlocal loaded
        loaded = True
        token = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=_hash(raw), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if token is None:
            return None
        active_memberships(token.user)  # loaded once, kept with the cached user
        return token.pk, token.user

    key = _hash(raw)
    hit = _users.get(key, load)
    if hit is None:
        return None
    token_id, user = hit
    if not loaded and not _still_valid(token_id):
        return None  # revoked or deactivated since it was cached, maybe in another process
    return user


def token_revoke(*, token: ApiToken, actor: Actor | None) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    _users.clear()
    audit_record(
        actor=actor,
        action=CoreAudit.MEMBERSHIP_REVOKED,
        obj=token,
        note=f"API token «{token.label}»",
    )


class TokenAuth(HttpBearer):
    """`Authorization: Bearer hc_...`: the request acts as the token's user."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_user(token)
        if user is not None:
            request.user = user
        return user
