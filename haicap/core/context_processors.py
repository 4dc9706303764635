"""Template context: the signed-in user's roles, for the navigation bar."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from haicap.core.permissions import active_memberships, has_permission
from haicap.dossiers.rights import DossierPerm
from haicap.feedback.rights import FeedbackPerm
from haicap.metrics.rights import MetricsPerm


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
        "can_one_stop": has_permission(user, DossierPerm.VIEW),
        "can_feedback": has_permission(user, FeedbackPerm.HANDLE),
        "can_metrics": has_permission(user, MetricsPerm.VIEW),
    }
