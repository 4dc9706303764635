"""Template context: the signed-in user's roles, for the navigation bar."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from haicap.core.permissions import active_memberships


def memberships(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"memberships": []}
    return {"memberships": active_memberships(user)}
