"""The public page of service points: where a citizen can file and collect a dossier beyond
the commune's own desk (the province centre and its branches), with addresses, hours and a map
drawn from our own data (no tile server: the list works without the map)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from haicap.core.errors import ApplicationError, PermissionDenied
from haicap.core.permissions import PERMISSION_DENIED, has_permission
from haicap.units import selectors
from haicap.units.points import point_get, service_point_update, service_points
from haicap.units.rights import UnitsPerm


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
            "can_edit": has_permission(
                request.user, UnitsPerm.MANAGE_POINTS, province_code=province
            ),
        },
    )


@login_required
def point_edit(request: HttpRequest, code: str) -> HttpResponse:
    """The province administrator corrects a point's address, hours and phone (audited)."""
    point = point_get(code)
    if not has_permission(request.user, UnitsPerm.MANAGE_POINTS, province_code=point.province_code):
        raise PermissionDenied(PERMISSION_DENIED)
    context: dict[str, Any] = {"point": point, "data": request.POST or None, "error": None}
    if request.method == "POST":
        try:
            service_point_update(
                point,
                actor=request.user,
                address=request.POST.get("address", ""),
                hours=request.POST.get("hours", ""),
                phone=request.POST.get("phone", ""),
            )
        except ApplicationError as exc:
            context["error"] = exc
            return render(request, "units/point_edit.html", context, status=exc.status)
        messages.success(request, _("Đã lưu thông tin điểm tiếp nhận."))
        return redirect(f"{reverse('points:list')}?province={point.province_code}#diem-{code}")
    return render(request, "units/point_edit.html", context)
