"""The database is unavailable: 503 with Retry-After, JSON under /api/, a plain page elsewhere.

`OperationalError` and `InterfaceError` are what Django raises when the database cannot be
reached, has gone away, refuses connections, or cancels a statement (timeout, deadlock, SQLite
busy): all of them pass, so the client is told to try again rather than shown a 500. Three places
answer with `unavailable_response`: the API's exception handler (haicap/api.py), the web
middleware (a view's error) and `server_error`, the project's `handler500` (an error raised in
another middleware, e.g. loading the session). None of them touches the database or a template.
`HAICAP_RETRY_AFTER_SECONDS` (default 30) is the Retry-After value.
"""

from __future__ import annotations

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse

from haicap.core.error_pages import server_error as error_page

DATABASE_ERRORS: tuple[type[Exception], ...] = (OperationalError, InterfaceError)
MESSAGE = (
    "Cơ sở dữ liệu tạm thời không truy cập được; vui lòng thử lại sau ít phút. "
    "The database is temporarily unavailable; please try again in a few minutes."
)
PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>503 — Tạm thời gián đoạn</title></head>
<body><h1>Hệ thống tạm thời gián đoạn</h1><p>{message}</p></body></html>
"""

logger = logging.getLogger("haicap.outage")


def retry_after() -> int:
    return int(getattr(settings, "HAICAP_RETRY_AFTER_SECONDS", 30))


def unavailable_response(request: HttpRequest, exc: BaseException) -> HttpResponse:
    logger.error(
        "database unavailable (%s) for %s %s",
        type(exc).__name__,
        request.method,
        request.path,
        exc_info=exc,
    )
    seconds = retry_after()
    response: HttpResponse
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"message": MESSAGE, "extra": {"retry_after": seconds}}, status=503)
    else:
        response = HttpResponse(
            PAGE.format(message=MESSAGE), status=503, content_type="text/html; charset=utf-8"
        )
    response["Retry-After"] = str(seconds)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """`handler500`: a database outage that escaped the views is a 503 too; anything else is
    the site's 500 page (core.error_pages)."""
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_ERRORS):
        return unavailable_response(request, exc)
    return error_page(request)


__all__ = ["DATABASE_ERRORS", "server_error", "unavailable_response"]
