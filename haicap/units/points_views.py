"""The public page of service points: where a citizen can file and collect a dossier beyond
the commune's own desk (the province centre and its branches), with addresses, hours and a map
drawn from our own data (no tile server: the list works without the map)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haicap.units import selectors
from haicap.units.points import service_points


def points_page(request: HttpRequest) -> HttpResponse:
    province = request.GET.get("province", "").strip() or selectors.default_province()
    query = request.GET.get("q", "").strip()
    points = service_points(province, query)
    page = Paginator(points, 50).get_page(request.GET.get("page"))
    districts = selectors.districts_of({p.old_district_code for p in page})
    for point in page:
        old = districts.get(point.old_district_code)
        point.old_district = f"UBND {old.full_name}" if old else ""  # type: ignore[attr-defined]
    markers = [
        {
            "code": p.unit.code,
            "name": p.unit.full_name,
            "address": p.address,
            "hours": p.hours_lines,
            "lat": p.lat,
            "lon": p.lon,
        }
        for p in page
        if p.lat is not None and p.lon is not None
    ]
    return render(
        request,
        "units/points.html",
        {
            "page": page,
            "province": province,
            "provinces": selectors.provinces_on(),
            "q": query,
            "markers": markers,
            "any_demo": any(p.demo for p in page),
        },
    )
