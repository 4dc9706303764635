"""Every route of haicap, as the URL configuration and the API's OpenAPI schema list them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

NINJA_MODULE = "ninja.operation"  # the resolver's patterns of API operations (see api_routes)


def _walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for p in patterns:
        if isinstance(p, URLResolver):  # include(), with or without a namespace
            yield from _walk(p.url_patterns, prefix + str(p.pattern))
        else:
            yield prefix + str(p.pattern), p


def html_routes() -> set[str]:
    """Route patterns of the pages (and every non-API URL), e.g. 'mot-cua/h/<str:code>/'."""
    return {
        route
        for route, p in _walk(get_resolver().url_patterns)
        if getattr(p.callback, "__module__", "") != NINJA_MODULE
    }


def ninja_resolver_routes() -> set[str]:
    """The API operations' URL patterns as the resolver has them, e.g. 'api/v1/dossiers/<code>'."""
    return {
        route
        for route, p in _walk(get_resolver().url_patterns)
        if getattr(p.callback, "__module__", "") == NINJA_MODULE
    }


def api_routes() -> set[str]:
    """API operations from the OpenAPI schema: 'GET /api/v1/dossiers/{code}'."""
    from haicap.api import api

    schema = api.get_openapi_schema()
    return {f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops}
