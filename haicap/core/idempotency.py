"""The Idempotency-Key header, checked: at most as long as the column that stores it."""

from __future__ import annotations

from django.http import HttpRequest

from haicap.core.errors import ApplicationError

MAX_LENGTH = 80  # Dossier.idempotency_key, Report.idempotency_key
TOO_LONG = "Idempotency-Key dài quá {n} ký tự."


def idempotency_key(request: HttpRequest) -> str | None:
    key = request.headers.get("Idempotency-Key") or None
    if key is not None and len(key) > MAX_LENGTH:
        raise ApplicationError(
            TOO_LONG.format(n=MAX_LENGTH), extra={"field": "Idempotency-Key"}, status=422
        )
    return key
