"""Idempotency keys that belong to the caller who sent them.

A client may send `Idempotency-Key` so that a retried request (after a time-out, a dropped
connection) creates nothing twice. A key alone must never find someone else's record: the key
stored is a digest of the caller (signed-in user or API token's user, else the browser session,
else the client address) and the key it sent, so two callers' equal keys never meet. The request
itself is fingerprinted: the same key with another body is refused (422) instead of answered
with the first record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from haicap.core.clients import client_address
from haicap.core.errors import ApplicationError

HEADER = "Idempotency-Key"
KEY_MAX = 80
KEY_INVALID = gettext_lazy("Idempotency-Key phải có từ 1 đến 80 ký tự ASCII in được (chữ, số, dấu).")
KEY_REUSED = (
    gettext_lazy("Idempotency-Key này đã được dùng cho một yêu cầu khác; "
    "mỗi yêu cầu mới cần một khóa mới (chỉ gửi lại đúng yêu cầu cũ với khóa cũ).")
)


@dataclass(frozen=True)
class Idempotency:
    """What a service stores beside the record: the caller's key digest and the request's."""

    key: str
    fingerprint: str


def caller_scope(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        return f"session:{session.session_key}"
    return f"client:{client_address(request)}"


def fingerprint(payload: Any) -> str:
    """A digest of the request's content (key order and spacing do not matter)."""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def idempotency_of(request: HttpRequest, raw: str | None, payload: Any) -> Idempotency | None:
    """The caller's idempotency for this request, or None when it sent no key."""
    if raw is None or raw == "":
        return None
    if len(raw) > KEY_MAX or not (raw.isascii() and raw.isprintable()) or not raw.strip():
        raise ApplicationError(KEY_INVALID, extra={"field": HEADER}, status=422)
    digest = hashlib.sha256(f"{caller_scope(request)}\n{raw}".encode()).hexdigest()
    return Idempotency(key=digest, fingerprint=fingerprint(payload))


def replay_checked(existing: Any, request_fingerprint: str) -> Any:
    """The first record for a retried request; a different request with the same key is a 422."""
    stored = getattr(existing, "idempotency_fingerprint", "")
    if stored and request_fingerprint and stored != request_fingerprint:
        raise ApplicationError(KEY_REUSED, extra={"field": HEADER}, status=422)
    return existing


def key_and_fingerprint(given: str | Idempotency | None) -> tuple[str | None, str]:
    """What a service stores: a caller's `Idempotency`, or a key trusted code passed as it is."""
    if isinstance(given, Idempotency):
        return given.key, given.fingerprint
    return (given or None), ""


def from_header(request: HttpRequest, payload: Any) -> Idempotency | None:
    """An API request's idempotency: its `Idempotency-Key` header and its body."""
    return idempotency_of(request, request.headers.get(HEADER), payload)


FORM_FIELD = "idempotency_key"


def from_form(request: HttpRequest) -> Idempotency | None:
    """A form's idempotency: the key the page put in the form (new every page) and the fields."""
    fields = {
        k: v for k, v in request.POST.lists() if k not in (FORM_FIELD, "csrfmiddlewaretoken")
    }
    return idempotency_of(request, request.POST.get(FORM_FIELD), fields)
