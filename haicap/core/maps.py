"""Maps, once for every page (docs/adr/0020-maps.md): what the shared script
`static/haicap/maps.js` needs to know (the tile source, its attribution, the words it shows)
and the Content-Security-Policy that lets a page with a map load exactly that tile host.

Pages draw a map with the `places` template tags (`map_styles`, `map_scripts`, `small_map`);
the tags mark the request, and `MapTilesCSPMiddleware` adds the tile host to that response's
img-src. Pages without a map, and every page while HAICAP_MAP_TILES is empty, allow no
other host.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

MAP_DRAWN = "_haicap_map_drawn"


def tile_origin() -> str:
    """The scheme and host of the configured tile server, or "" when tiles are off."""
    url = settings.HAICAP_MAP_TILES
    if not url:
        return ""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def map_config(request: HttpRequest | None) -> dict[str, Any]:
    """The settings and the words of maps.js for this request; marks the request as drawing a
    map so that its response allows the tile host."""
    if request is not None:
        setattr(request, MAP_DRAWN, True)
    tiles = settings.HAICAP_MAP_TILES
    return {
        "tiles": tiles,
        "attribution": settings.HAICAP_MAP_ATTRIBUTION if tiles else "",
        "maxZoom": settings.HAICAP_MAP_MAX_ZOOM,
        "text": {
            "locate": _("Vị trí của tôi"),
            "here": _("Bạn đang ở đây (sai số khoảng %(m)s m)"),
            "locating": _("Đang xác định vị trí…"),
            "noLocation": _("Không xác định được vị trí: %(reason)s"),
            "noBoundary": _("Không tải được ranh giới"),
        },
    }


class MapTilesCSPMiddleware:
    """Adds the tile host to img-src of a response whose page drew a map (after django-csp's
    middleware in MIDDLEWARE, so that it runs before the header is written)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        origin = tile_origin()
        if origin and getattr(request, MAP_DRAWN, False):
            update = dict(getattr(response, "_csp_update", None) or {})
            update["img-src"] = [*update.get("img-src", []), origin]
            response._csp_update = update  # type: ignore[attr-defined]
        return response
