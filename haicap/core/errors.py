"""The one error type services raise; the API and views render it as {"message", "extra"}."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise


class ApplicationError(Exception):
    """A rule of the domain was broken; `status` is the HTTP status the API answers with."""

    status: int = 400

    def __init__(
        self,
        message: str | Promise,
        *,
        extra: dict[str, Any] | None = None,
        status: int | None = None,
    ):
        # a lazily translated message is read now, in the language of the request that failed
        message = str(message)
        super().__init__(message)
        self.message = message
        self.extra = extra or {}
        if status is not None:
            self.status = status


class PermissionDenied(ApplicationError):
    status = 403


class NotFound(ApplicationError):
    status = 404


class Conflict(ApplicationError):
    status = 409
