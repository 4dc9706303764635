"""Core middleware: refuse text no column can store (NUL bytes, lone surrogates) before any view
sees it; render ApplicationError raised by a web view as a page with its message and status, and
a database outage as a plain 503 page (core.outage)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from haicap.core.errors import ApplicationError
from haicap.core.outage import DATABASE_ERRORS, unavailable_response

BAD_TEXT = "Tham số «{field}» chứa ký tự không hợp lệ (NUL hoặc surrogate đơn lẻ)."
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
            error = ApplicationError(
                BAD_TEXT.format(field=field), extra={"field": field}, status=400
            )
            if request.path.startswith("/api/"):
                return JsonResponse({"message": error.message, "extra": error.extra}, status=400)
            return render(request, "core/error.html", {"error": error}, status=400)
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if isinstance(exc, ApplicationError):
            response = render(request, "core/error.html", {"error": exc}, status=exc.status)
            if exc.status == 429 and "retry_after_s" in exc.extra:
                response["Retry-After"] = str(exc.extra["retry_after_s"])
            return response
        if isinstance(exc, DATABASE_ERRORS):
            return unavailable_response(request, exc)
        return None
