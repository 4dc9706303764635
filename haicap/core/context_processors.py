"""Template context: the signed-in user's roles and the work pages they may open (declared by
each app with `core.navigation.work_link`), for the navigation bar."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from haicap.core.navigation import work_links_for
from haicap.core.permissions import active_memberships


def memberships(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"memberships": [], "work_links": []}
    return {"memberships": active_memberships(user), "work_links": work_links_for(user)}
