"""Core middleware: refuse text no column can store (NUL bytes, lone surrogates) before any view
sees it; render ApplicationError raised by a web view as a page with its message and status, and
a database outage as a plain 503 page (core.outage); sign idle staff out."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from haicap.core.error_pages import error_response, is_api, not_allowed_page
from haicap.core.errors import ApplicationError
from haicap.core.outage import DATABASE_ERRORS, unavailable_response
from haicap.core.permissions import active_memberships
from haicap.core.roles import Role

BAD_TEXT = gettext_lazy("Tham số «{field}» chứa ký tự không hợp lệ (NUL hoặc surrogate đơn lẻ).")
_BAD = re.compile("[\x00\ud800-\udfff]")


def _bad_in(value: Any, path: str) -> str | None:
    """The dotted path of the first string (or key) in value with a NUL or a lone surrogate."""
    if isinstance(value, str):
        return path if _BAD.search(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if _BAD.search(str(key)):
                return where
            if found := _bad_in(item, where):
                return found
    if isinstance(value, list):
        for i, item in enumerate(value):
            if found := _bad_in(item, f"{path}.{i}" if path else str(i)):
                return found
    return None


def bad_input_field(request: HttpRequest) -> str | None:
    """The query parameter or JSON body field holding a NUL byte or a lone surrogate, if any.
    (A query string's invalid UTF-8 is already replaced by Django; %00 and JSON's \\u0000 or
    \\ud800 are not.)"""
    for key, values in request.GET.lists():
        if _BAD.search(key):
            return key
        if any(_BAD.search(v) for v in values):
            return key
    if request.content_type == "application/json" and request.body:
        try:
            data = json.loads(request.body)
        except ValueError:
            return None  # the API's own parser answers malformed JSON with a 4xx
        return _bad_in(data, "")
    return None


class ApplicationErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        field = bad_input_field(request)
        if field is not None:
            return error_response(request, 400, BAD_TEXT.format(field=field), {"field": field})
        response = self.get_response(request)
        if response.status_code == 405 and not response.content and not is_api(request):
            return not_allowed_page(request, response)
        return response

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if isinstance(exc, ApplicationError):
            response = error_response(request, exc.status, exc.message, exc.extra)
            if exc.status == 429 and "retry_after_s" in exc.extra:
                response["Retry-After"] = str(exc.extra["retry_after_s"])
            return response
        if isinstance(exc, DATABASE_ERRORS):
            return unavailable_response(request, exc)
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
