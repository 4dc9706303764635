"""Template context: the signed-in user's roles, for the navigation bar."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from haicap.core.permissions import active_memberships, has_permission
from haicap.core.roles import Perm


def memberships(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "memberships": [],
            "can_one_stop": False,
            "can_feedback": False,
            "can_metrics": False,
        }
    return {
        "memberships": active_memberships(user),
        "can_one_stop": has_permission(user, Perm.VIEW_DOSSIERS),
        "can_feedback": has_permission(user, Perm.HANDLE_FEEDBACK),
        "can_metrics": has_permission(user, Perm.VIEW_METRICS),
    }
