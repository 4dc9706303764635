"""Places in front of people (docs/adr/0020-maps.md): the map assets every page with a map loads,
the small map of one place (a report's point, a dossier's ward), and a unit's name where a
record stores only its code.

    {% load places %}
    {% block head %}{% map_styles %}{% endblock %}
    {% small_map lat=r.lat lon=r.lon unit=r.commune_code label=r.code %}
    {{ d.applicant_commune_code|unit_name }}
    {% block scripts %}{% map_scripts %}{% endblock %}
"""

from __future__ import annotations

from typing import Any

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, format_html_join, json_script
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from haicap.core.maps import map_config
from haicap.units.models import Level, ServicePoint, Unit
from haicap.units.selectors import unit_by_code

register = template.Library()

STYLES = ("vendor/leaflet.css", "vendor/MarkerCluster.css", "vendor/MarkerCluster.Default.css")
SCRIPTS = ("vendor/leaflet.js", "vendor/leaflet.markercluster.js", "haicap/maps.js")


def _unit(unit: Unit | str | None) -> Unit | None:
    if isinstance(unit, Unit) or unit is None:
        return unit
    return unit_by_code(str(unit)) or _last_version(str(unit))


def _last_version(code: str) -> Unit | None:
    """A unit no longer in force (an old record's commune): its last version."""
    return (
        Unit.objects.filter(code=code.strip()).defer("boundary").order_by("-valid_to").first()
        if code.strip()
        else None
    )


@register.simple_tag
def map_styles() -> SafeString:
    return format_html_join(
        "", '<link rel="stylesheet" href="{}">', ((static(path),) for path in STYLES)
    )


@register.simple_tag(takes_context=True)
def map_scripts(context: template.Context, *page_scripts: str) -> SafeString:
    """Leaflet, its cluster plugin, the shared helper and then the page's own scripts; the
    configuration (tiles, words) is a JSON block the helper reads, never an inline script."""
    config = json_script(map_config(context.get("request")), "map-config")
    scripts = format_html_join(
        "", '<script src="{}"></script>', ((static(p),) for p in (*SCRIPTS, *page_scripts))
    )
    return format_html("{}{}", config, scripts)


@register.simple_tag
def small_map(
    *, lat: float | None = None, lon: float | None = None, unit: Unit | str | None = None,
    label: str = "",
) -> SafeString:
    """A small map of one place: the point when the record has one, and the boundary (or the
    centre) of its commune; a service point (the centre's branch where a result is collected)
    at its building in its ward; nothing at all when neither is known: no place is invented."""
    point = (float(lat), float(lon)) if lat is not None and lon is not None else None
    place = _unit(unit)
    where = place.full_name if place is not None else label
    if place is not None and place.level == Level.POINT:
        building = ServicePoint.objects.filter(unit=place).first()
        at = (building.lat, building.lon) if building is not None else (None, None)
        if point is None and at[0] is not None and at[1] is not None:
            point = (at[0], at[1])
        place = _unit(building.commune_code) if building and building.commune_code else None
    if place is not None and place.level != Level.COMMUNE:
        place = None
    if point is None and place is None:
        return SafeString("")
    attrs: dict[str, Any] = {"data-label": label or (place.full_name if place else "")}
    if point is not None:
        attrs["data-point"] = f"{point[0]!r},{point[1]!r}"
    if place is not None:
        attrs["data-boundary"] = reverse("units:commune_map", args=[place.code])
        attrs["data-unit"] = place.full_name
        if place.centroid_lat is not None and place.centroid_lon is not None:
            attrs["data-centre"] = f"{place.centroid_lat!r},{place.centroid_lon!r}"
    return format_html(
        '<div class="map small-map" data-small-map data-testid="small-map" role="img" '
        'aria-label="{}"{}></div>',
        _("Bản đồ: %(place)s") % {"place": where},
        format_html_join("", ' {}="{}"', attrs.items()),
    )


@register.filter
def unit_name(code: str | None) -> str:
    """The full name of the unit with this code ("Phường Bến Thành"): the version in force today,
    else its last one; the code itself only when no unit ever had it."""
    if not code:
        return ""
    unit = _unit(str(code))
    return unit.full_name if unit is not None else str(code)
