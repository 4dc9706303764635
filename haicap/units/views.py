"""Unit directory and converter pages. Thin: parse, check permission, call selectors, render."""

from __future__ import annotations

import datetime as dt
import json

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from haicap.core.audit import audit_record
from haicap.core.errors import ApplicationError, NotFound
from haicap.core.formatting import decimal
from haicap.core.permissions import require_permission
from haicap.units import selectors
from haicap.units.address.batch import convert_csv_text, convert_text_lines, decode_upload
from haicap.units.models import Kind, Level, Unit
from haicap.units.rights import UnitsAudit, UnitsPerm

MAX_PASTED_LINES = 200
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
TOO_MANY_LINES = gettext_lazy("Tối đa {n} địa chỉ mỗi lần dán; với danh sách dài hơn, hãy tải lên tệp CSV.")
UPLOAD_TOO_LARGE = gettext_lazy("Tệp quá lớn ({size} MB); tối đa 5 MB.")
UPLOAD_MISSING = gettext_lazy("Chưa chọn tệp CSV.")


def _date_param(request: HttpRequest) -> dt.date | None:
    value = request.GET.get("on", "")
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApplicationError(
            _("Ngày «%(value)s» không hợp lệ; dùng dạng YYYY-MM-DD.") % {"value": value},
            status=400,
        ) from None


def province_list(request: HttpRequest) -> HttpResponse:
    on = _date_param(request)
    provinces = list(selectors.provinces_on(on))
    counts = selectors.commune_counts(on)
    rows = []
    for p in provinces:
        kinds = counts.get(p.code, {})
        rows.append({"unit": p, "total": sum(kinds.values()), "kinds": kinds})
    return render(
        request,
        "units/province_list.html",
        {"rows": rows, "on": on, "total": sum(r["total"] for r in rows)},
    )


def province_detail(request: HttpRequest, code: str) -> HttpResponse:
    on = _date_param(request)
    province = selectors.unit_get(level=Level.PROVINCE, code=code, date=on)
    kind = request.GET.get("kind", "")
    query = request.GET.get("q", "")
    communes = selectors.unit_search(query=query, province_code=code, kind=kind, date=on)
    page = Paginator(communes, 50).get_page(request.GET.get("page"))
    kinds = selectors.commune_counts(on).get(code, {})
    context = {
        "province": province,
        "page": page,
        "kind": kind,
        "q": query,
        "on": on,
        "kinds": [(k, Kind(k).label, n) for k, n in sorted(kinds.items())],
        "total": sum(kinds.values()),
        "versions": selectors.unit_versions(province),
        "formed_from": selectors.formed_from(province),
    }
    template = (
        "units/_commune_rows.html"
        if request.headers.get("HX-Request")
        else "units/province_detail.html"
    )
    return render(request, template, context)


def _feature(unit: Unit) -> dict:
    return {
        "type": "Feature",
        "properties": {
            "code": unit.code,
            "name": unit.full_name,
            "label": unit.name,  # written on the map where it fits (maps.js)
            "centre": (
                [unit.centroid_lat, unit.centroid_lon] if unit.centroid_lat is not None else None
            ),
            "kind": unit.kind,
            "url": f"/units/c/{unit.code}/",
        },
        "geometry": json.loads(unit.boundary),
    }


def province_map(request: HttpRequest, code: str) -> JsonResponse:
    communes = Unit.objects.current().communes().filter(province_code=code).exclude(boundary="")
    if not communes.exists():
        raise NotFound(_("Không có ranh giới cho tỉnh mã «%(code)s».") % {"code": code})
    return JsonResponse(
        {"type": "FeatureCollection", "features": [_feature(u) for u in communes]},
        headers={"Cache-Control": "public, max-age=86400"},
    )


def commune_map(request: HttpRequest, code: str) -> JsonResponse:
    unit = selectors.unit_get(level=Level.COMMUNE, code=code)
    features = [_feature(unit)] if unit.boundary else []
    return JsonResponse(
        {"type": "FeatureCollection", "features": features},
        headers={"Cache-Control": "public, max-age=86400"},
    )


def commune_detail(request: HttpRequest, code: str) -> HttpResponse:
    on = _date_param(request)
    unit = selectors.unit_get(level=Level.COMMUNE, code=code, date=on)
    if unit.valid_from is None:
        return old_unit_detail(request, Level.COMMUNE, code)
    links = selectors.formed_from(unit)
    districts = selectors.districts_of({link.predecessor.district_code for link in links})
    province = selectors.unit_get(level=Level.PROVINCE, code=unit.province_code, date=on)
    return render(
        request,
        "units/commune_detail.html",
        {
            "unit": unit,
            "province": province,
            "origins": [(link, districts.get(link.predecessor.district_code)) for link in links],
            "versions": selectors.unit_versions(unit),
            "became": selectors.became(unit),
        },
    )


def old_unit_detail(request: HttpRequest, level: str, code: str) -> HttpResponse:
    if level not in Level.values:
        raise NotFound(_("Cấp đơn vị «%(level)s» không tồn tại.") % {"level": level})
    unit = (
        Unit.objects.filter(level=level, code=code, valid_from__isnull=True)
        .defer("boundary")
        .first()
    )
    if unit is None:
        raise NotFound(selectors.UNIT_NOT_FOUND.format(code=code))
    district = selectors.districts_of({unit.district_code}).get(unit.district_code)
    province = selectors.old_provinces_of({unit.province_code}).get(unit.province_code)
    children = selectors.old_children(unit)
    return render(
        request,
        "units/old_unit.html",
        {
            "unit": unit,
            "district": district if level == Level.COMMUNE else None,
            "province": province,
            "became": selectors.became(unit),
            "districts": children if level == Level.PROVINCE else [],
            "children": [(c, selectors.became(c)) for c in children if c.level == Level.COMMUNE],
        },
    )


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    current = selectors.unit_search(query=query)[:30] if query else []
    old = selectors.unit_search(query=query, date=dt.date(2025, 6, 30))[:30] if query else []
    districts = (
        selectors.unit_search(query=query, level=Level.DISTRICT, include_ended=True)[:10]
        if query
        else []
    )
    template = (
        "units/_search_results.html" if request.headers.get("HX-Request") else "units/search.html"
    )
    return render(
        request, template, {"q": query, "current": current, "old": old, "districts": districts}
    )


@require_http_methods(["GET", "POST"])
def convert_page(request: HttpRequest) -> HttpResponse:
    text = (
        request.POST.get("addresses", "") if request.method == "POST" else request.GET.get("a", "")
    )
    results = []
    error = ""
    if text.strip():
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) > MAX_PASTED_LINES:
            error = TOO_MANY_LINES.format(n=MAX_PASTED_LINES)
        else:
            results = convert_text_lines(text)
    template = (
        "units/_convert_results.html" if request.headers.get("HX-Request") else "units/convert.html"
    )
    return render(
        request,
        template,
        {"addresses": text, "results": results, "error": error},
        status=422 if error else 200,
    )


@login_required
@require_http_methods(["POST"])
def convert_csv(request: HttpRequest) -> HttpResponse:
    require_permission(request.user, UnitsPerm.CONVERT_ADDRESSES)
    upload = request.FILES.get("file")
    if upload is None:
        raise ApplicationError(UPLOAD_MISSING, status=422)
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        raise ApplicationError(
            UPLOAD_TOO_LARGE.format(size=decimal(upload.size / 1048576, 1)), status=422
        )
    try:
        text = decode_upload(upload.read())
    except ValueError as exc:
        raise ApplicationError(str(exc), status=422) from exc
    output, summary = convert_csv_text(text)
    if summary.rows == 0 and summary.errors:
        raise ApplicationError(
            summary.errors[0].message, extra={"line": summary.errors[0].line}, status=422
        )
    with transaction.atomic():
        audit_record(
            actor=request.user,
            action=UnitsAudit.ADDRESSES_CONVERTED,
            note=f"{upload.name}: {summary.line()}",
            data={"rows": summary.rows, "errors": [e.line for e in summary.errors][:100]},
        )
    response = HttpResponse("\ufeff" + output, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="dia-chi-da-chuyen-doi.csv"'
    response["X-Haicap-Summary"] = summary.line().encode("ascii", "ignore").decode()
    return response
