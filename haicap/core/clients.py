"""Who is asking: the client's address, the key for per-client rate limits (pages and API alike)."""

from __future__ import annotations

from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address the request came from (behind the proxy, the one it set in REMOTE_ADDR)."""
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def client_ip(request: HttpRequest) -> str | None:
    """The client's address if it is an IP address, else None (a request made up by code, such
    as Django's force_login, has none): what sign-in throttling stores in its inet columns."""
    import ipaddress

    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
