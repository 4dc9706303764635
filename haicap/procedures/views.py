"""Catalogue pages. Thin: parse, check permission, call a selector or service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from haicap.core.errors import ApplicationError
from haicap.core.fielderrors import INPUT_STATUSES, Collector, form_errors
from haicap.core.permissions import scope_for
from haicap.procedures.models import OnlineLevel, Procedure, TimeUnitChoice
from haicap.procedures.requirements import checklist_for
from haicap.procedures.rights import ProcedurePerm
from haicap.procedures.selectors import (
    procedure_fields,
    procedure_get,
    procedure_search,
    procedure_settings,
)
from haicap.procedures.services import province_procedure_configure
from haicap.units.selectors import default_province


def _admin_province(request: HttpRequest) -> str:
    """The province whose catalogue the signed-in administrator configures (first in scope)."""
    scope = scope_for(request.user, ProcedurePerm.MANAGE)
    if scope.everything:
        return request.GET.get("province", "") or default_province()
    return sorted(scope.province_codes)[0] if scope.province_codes else ""


def procedure_list(request: HttpRequest) -> HttpResponse:
    query, level, field = (
        request.GET.get("q", ""),
        request.GET.get("level", ""),
        request.GET.get("field", ""),
    )
    page = Paginator(procedure_search(query=query, level=level, field=field), 25).get_page(
        request.GET.get("page")
    )
    template = (
        "procedures/_rows.html" if request.headers.get("HX-Request") else "procedures/list.html"
    )
    return render(
        request,
        template,
        {
            "page": page,
            "q": query,
            "level": level,
            "field": field,
            "fields": procedure_fields(),
        },
    )


# what the parser could not read, said for the province's administrator (never to the public)
UNREAD = {
    "time_unit": _("thời hạn giải quyết không ghi đơn vị (ngày, ngày làm việc…)"),
    "time": _("không đọc được thời hạn giải quyết"),
    "fee": _("không đọc được phí, lệ phí"),
    "channels": _("không đọc được cách thức thực hiện"),
    "components": _("không đọc được thành phần hồ sơ"),
    "result": _("không ghi kết quả thực hiện"),
    "legal_basis": _("không đọc được số hiệu văn bản căn cứ pháp lý"),
}


def _unread(procedure: Procedure) -> list[str]:
    fields = {str(name) for name, *_ in procedure.parse_problems or []}
    fields |= {name for name, _ in checklist_for(procedure).problems}
    return [str(label) for name, label in UNREAD.items() if name in fields]


def _public_checklist(procedure: Procedure) -> dict[str, Any]:
    checklist = checklist_for(procedure)
    return {
        "items": checklist.items,
        "required_submit": [i for i in checklist.to_submit() if i.required],
        "required_present": [i for i in checklist.to_present() if i.required],
        "conditional": checklist.conditional(),
        "notes": checklist.notes,
        "curated": checklist.curated,
    }


def procedure_detail(request: HttpRequest, code: str) -> HttpResponse:
    procedure = procedure_get(code)
    province = _admin_province(request) if request.user.is_authenticated else ""
    return render(request, "procedures/detail.html", _detail_context(procedure, province))


# the province's configuration form, as it labels its fields (the error summary's links)
CONFIGURE_LABELS = {
    "online_level": _("Mức trực tuyến"),
    "fee_vnd": _("Lệ phí (đồng, để trống: theo danh mục)"),
    "time_value": _("Thời hạn"),
    "time_unit": _("Thời hạn"),
}


def _detail_context(procedure: Any, province: str) -> dict[str, Any]:
    return {
        "procedure": procedure,
        "checklist": _public_checklist(procedure),
        "unread": _unread(procedure) if province else [],
        "province": province,
        "settings": procedure_settings(procedure, province) if province else None,
        "online_levels": OnlineLevel.choices,
        "time_units": TimeUnitChoice.choices,
    }


def _int_or_none(value: str, field: str) -> int | None:
    value = value.strip().replace(".", "").replace(",", "")
    if not value:
        return None
    if not value.isdigit():
        raise ApplicationError(
            gettext("«{value}» không phải là số nguyên không âm.").format(
                value=value
            ), extra={"field": field}, status=422
        )
    return int(value)


@login_required
@require_POST
def procedure_configure(request: HttpRequest, code: str) -> HttpResponse:
    procedure = procedure_get(code)
    province = _admin_province(request)
    try:
        numbers = Collector()  # the fee and the time both checked before the service
        fee = numbers.run(_int_or_none, request.POST.get("fee_vnd", ""), "fee_vnd")
        time = numbers.run(_int_or_none, request.POST.get("time_value", ""), "time_value")
        numbers.done()
        province_procedure_configure(
            province_code=province,
            procedure=procedure,
            actor=request.user,
            offered=request.POST.get("offered") == "on",
            boundary_free=request.POST.get("boundary_free") == "on",
            # a form without the field keeps the level in force
            online_level=request.POST.get("online_level")
            or procedure_settings(procedure, province).online_level,
            fee_vnd=fee,
            time_value=time,
            time_unit=request.POST.get("time_unit", ""),
        )
    except ApplicationError as exc:
        if exc.status not in INPUT_STATUSES:
            raise
        context = _detail_context(procedure, province)
        context.update(form_errors(exc, CONFIGURE_LABELS), typed=request.POST)
        return render(request, "procedures/detail.html", context, status=exc.status)
    saved = gettext("Đã lưu cấu hình thủ tục {code} cho tỉnh {province}.")
    messages.success(request, saved.format(code=procedure.code, province=province))
    return redirect("procedures:detail", code=code)
