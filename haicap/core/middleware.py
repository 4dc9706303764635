"""Render ApplicationError raised by a web view as a page with its message and status."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haicap.core.errors import ApplicationError


class ApplicationErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if isinstance(exc, ApplicationError):
            response = render(request, "core/error.html", {"error": exc}, status=exc.status)
            if exc.status == 429 and "retry_after_s" in exc.extra:
                response["Retry-After"] = str(exc.extra["retry_after_s"])
            return response
        return None
