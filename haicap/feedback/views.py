"""The public's feedback pages: the list and map, sending a report (pin, address, photos), one
report's public page, and the author's private page (updates, rating, reopening)."""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from haicap.core import idempotency
from haicap.core.clients import client_address
from haicap.core.errors import ApplicationError, NotFound
from haicap.core.fielderrors import Collector, form_errors
from haicap.core.ratelimit import rate_limit_hit
from haicap.feedback.evidence import evidence_build
from haicap.feedback.limits import PER_CLIENT
from haicap.feedback.models import OPEN_STATUSES, Report
from haicap.feedback.selectors import categories_for, category_get, nearby_open, public_reports
from haicap.feedback.services import (
    Submission,
    contact_code_send,
    contact_confirm,
    report_submit,
    report_transition,
)
from haicap.units.models import Unit
from haicap.units.selectors import default_province, provinces_on

# the report form's fields as it labels them (the error summary's links)
REPORT_LABELS = {
    "category": _("Lĩnh vực"),
    "description": _("Nội dung"),
    "lat": _("Vĩ độ"),
    "lon": _("Kinh độ"),
    "address": _("Địa chỉ nơi xảy ra"),
    "photos": _("Ảnh (JPEG, PNG, PDF; tối đa 5 tệp, 10 MB mỗi tệp)"),
    "contact_name": _("Họ tên"),
    "contact_phone": _("Điện thoại"),
}


def _float(value: str, field: str) -> float | None:
    value = (value or "").strip().replace(",", ".")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise ApplicationError(
            gettext("«{value}» không phải toạ độ hợp lệ.").format(value=value), extra={"field": field}, status=422
        ) from None


def report_list(request: HttpRequest) -> HttpResponse:
    province = request.GET.get("province") or default_province()
    status = request.GET.get("status", "")
    reports = public_reports(province, request.GET.get("q", ""), status)
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/list.html",
        {
            "page": page,
            "province": province,
            "provinces": provinces_on(),
            "status": status,
            "q": request.GET.get("q", ""),
            "open_statuses": OPEN_STATUSES,
        },
    )


def report_points(request: HttpRequest) -> JsonResponse:
    """GeoJSON points of the public reports of a province (the last 500), for the map."""
    province = request.GET.get("province") or default_province()
    reports = public_reports(province).exclude(lat=None)[:500]
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [r.lon, r.lat]},
            "properties": {
                "code": r.code,
                "category": r.category.name,
                "status": r.get_status_display(),
                "open": r.status in OPEN_STATUSES,
                "url": f"/phan-anh/{r.code}/",
            },
        }
        for r in reports
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features})


def _centre(province: str) -> tuple[float, float] | None:
    """Where the pin map opens: the median of the province's commune centres, which stays on
    the mainland when a province reaches far islands."""
    points = [
        (lat, lon)
        for lat, lon in Unit.objects.current()
        .filter(level="commune", province_code=province)
        .values_list("centroid_lat", "centroid_lon")
        if lat is not None and lon is not None
    ]
    if not points:
        return None
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def report_new(request: HttpRequest) -> HttpResponse:
    province = request.POST.get("province") or request.GET.get("province") or default_province()
    centre = _centre(province)
    context: dict[str, Any] = {
        "centre": centre,
        "categories": categories_for(province),
        "province": province,
        "provinces": provinces_on(),
        "data": request.POST,
    }
    if request.method != "POST":
        return render(request, "feedback/new.html", context)
    post = request.POST
    try:
        rate_limit_hit(
            f"feedback:ip:{client_address(request)}", limit=PER_CLIENT[0], window=PER_CLIENT[1]
        )
        coordinates = Collector()
        lat = coordinates.run(_float, post.get("lat", ""), "lat")
        lon = coordinates.run(_float, post.get("lon", ""), "lon")
        coordinates.done()
        report = report_submit(
            Submission(
                province_code=province,
                category_code=post.get("category", ""),
                description=post.get("description", ""),
                lat=lat,
                lon=lon,
                address=post.get("address", ""),
                contact_name=post.get("contact_name", ""),
                contact_phone=post.get("contact_phone", ""),
                contact_email=post.get("contact_email", ""),
            ),
            actor=request.user,
            photos=evidence_build(request.FILES.getlist("photos")),
            idempotency_key=idempotency.from_form(request),
            client_key=f"ip:{client_address(request)}",
        )
    except ApplicationError as exc:
        context.update(form_errors(exc, REPORT_LABELS))
        return render(request, "feedback/new.html", context, status=exc.status)
    contact_code_send(report)
    return render(request, "feedback/sent.html", {"r": report}, status=201)


def nearby(request: HttpRequest) -> HttpResponse:
    """HTMX: open reports of the same kind within 200 m, before the citizen sends another."""
    try:
        lat, lon = (
            _float(request.GET.get("lat", ""), "lat"),
            _float(request.GET.get("lon", ""), "lon"),
        )
        province = request.GET.get("province") or default_province()
        category = category_get(province, request.GET.get("category", ""))
    except (ApplicationError, NotFound):
        return HttpResponse("")
    found = nearby_open(category, lat, lon) if lat is not None and lon is not None else []
    return render(request, "feedback/_nearby.html", {"reports": found})


def _public_report(code: str) -> Report:
    report = Report.objects.select_related("category").filter(code=code, hidden=False).first()
    if report is None:
        raise NotFound(gettext("Không tìm thấy phản ánh «{code}».").format(code=code))
    return report


def report_detail(request: HttpRequest, code: str) -> HttpResponse:
    report = _public_report(code)
    return render(
        request,
        "feedback/detail.html",
        {
            "r": report,
            "events": report.events.filter(public=True),
            "evidence": report.evidence.all(),
        },
    )


def evidence_file(request: HttpRequest, code: str, pk: int) -> FileResponse:
    item = _public_report(code).evidence.filter(pk=pk).first()
    if item is None:
        raise NotFound(gettext_lazy("Không tìm thấy tệp."))
    return FileResponse(item.file.open("rb"), content_type=item.content_type)


def _private(token: str) -> Report:
    report = Report.objects.select_related("category").filter(token=token).first()
    if report is None:
        raise NotFound(gettext_lazy("Đường dẫn riêng không đúng hoặc đã hết hạn."))
    return report


def _private_page(
    request: HttpRequest, report: Report, token: str, error: ApplicationError | None = None
) -> HttpResponse:
    context = {
        "r": report,
        "events": report.events.all(),
        "evidence": report.evidence.all(),
        "token": token,
        "error": error,
    }
    return render(request, "feedback/private.html", context, status=error.status if error else 200)


def report_private(request: HttpRequest, token: str) -> HttpResponse:
    return _private_page(request, _private(token), token)


RESEND_LIMIT = (3, dt.timedelta(hours=1))


@require_POST
def report_citizen_action(request: HttpRequest, token: str, action: str) -> HttpResponse:
    """The author closes with a rating, or reopens with a reason."""
    report = _private(token)
    if action not in ("close", "reopen", "confirm", "resend"):
        raise NotFound(gettext("Thao tác «{action}» không có.").format(action=action))
    if action == "resend":  # a new confirmation code, at most RESEND_LIMIT an hour (SMS cost)
        if report.contact_phone and not report.contact_confirmed:
            try:
                rate_limit_hit(
                    f"feedback:resend:{report.pk}", limit=RESEND_LIMIT[0], window=RESEND_LIMIT[1]
                )
            except ApplicationError as exc:
                return _private_page(request, report, token, exc)
            contact_code_send(report)
        return redirect("feedback:private", token=token)
    if action == "confirm":
        try:
            contact_confirm(report, request.POST.get("code", ""), actor=request.user)
        except ApplicationError as exc:
            return _private_page(request, report, token, exc)
        return redirect("feedback:private", token=token)
    params: dict[str, Any] = {"reason": request.POST.get("reason", "")}
    if action == "close":
        params["satisfied"] = {"yes": True, "no": False}.get(request.POST.get("satisfied", ""))
    try:
        report_transition(report, action=action, actor=None, token=token, **params)
    except ApplicationError as exc:
        return _private_page(request, report, token, exc)
    return redirect("feedback:private", token=token)
