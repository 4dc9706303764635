"""Who is asking: the client's address, the key for per-client rate limits (pages and API alike)."""

from __future__ import annotations

from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address the request came from (behind the proxy, the one it set in REMOTE_ADDR)."""
    return str(request.META.get("REMOTE_ADDR", "unknown"))
