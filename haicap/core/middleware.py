"""Render ApplicationError raised by a web view as a page with its message and status; sign
idle staff out."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from haicap.core.errors import ApplicationError
from haicap.core.permissions import active_memberships
from haicap.core.roles import Role


class ApplicationErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if isinstance(exc, ApplicationError):
            return render(request, "core/error.html", {"error": exc}, status=exc.status)
        return None


IDLE_KEY = "haicap_last_seen"


def is_staff_user(user: Any) -> bool:
    """Officers and administrators: a membership with any role but citizen, or Django staff."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return any(m.role != Role.CITIZEN for m in active_memberships(user))


class StaffIdleTimeoutMiddleware:
    """Sign staff out after HAICAP_STAFF_IDLE_SECONDS without a request.

    Citizens keep the session's whole age (SESSION_COOKIE_AGE). The time of the last request is
    kept in the session, written at most once a minute so that a page's burst of requests does
    not rewrite the session row each time.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        limit = settings.HAICAP_STAFF_IDLE_SECONDS
        if user is not None and limit > 0 and is_staff_user(user):
            now = int(time.time())
            last = request.session.get(IDLE_KEY)
            if isinstance(last, int) and now - last > limit:
                logout(request)
                if request.path.startswith("/api/"):
                    # the API answers as to anyone signed out (401), not with a login page
                    return self.get_response(request)
                messages.info(
                    request,
                    _("Phiên làm việc đã hết hạn do không hoạt động; vui lòng đăng nhập lại."),
                )
                return redirect_to_login(request.get_full_path())
            if not isinstance(last, int) or now - last >= 60:
                request.session[IDLE_KEY] = now
        return self.get_response(request)
