"""Render ApplicationError raised by a web view as a page with its message and status, and a
database outage as a plain 503 page (core.outage)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haicap.core.errors import ApplicationError
from haicap.core.outage import DATABASE_ERRORS, unavailable_response


class ApplicationErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if isinstance(exc, ApplicationError):
            return render(request, "core/error.html", {"error": exc}, status=exc.status)
        if isinstance(exc, DATABASE_ERRORS):
            return unavailable_response(request, exc)
        return None
