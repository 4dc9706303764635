"""The officers' one-stop screens: queues, counter intake, a dossier with its actions and forms,
the register. Thin: parse, check permission, call one service or selector, render."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from csp.decorators import csp_replace
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from haicap.core import idempotency
from haicap.core.errors import ApplicationError, NotFound, PermissionDenied
from haicap.core.fielderrors import Collector, form_errors
from haicap.core.permissions import PERMISSION_DENIED, has_permission, scope_for
from haicap.core.rights import CorePerm
from haicap.dossiers.counter_checklist import checklist_again
from haicap.dossiers.counter_form import _unit_by_code, intake_from_form
from haicap.dossiers.deadlines import is_overdue
from haicap.dossiers.models import ReturnMethod, Status
from haicap.dossiers.paperwork import FORMS, form_response, register_pdf, register_xlsx
from haicap.dossiers.results import ATTACH_STATUSES, max_result_bytes, result_attach
from haicap.dossiers.rights import DossierPerm
from haicap.dossiers.selectors import (
    QUEUES,
    dossier_for,
    dossier_queue,
    due_dates,
    processing_officers,
    queue_counts,
    search_units,
)
from haicap.dossiers.services import allowed_actions, dossier_intake, dossier_transition
from haicap.dossiers.validation import ACTION_LABELS, INTAKE_LABELS
from haicap.dossiers.workflow import TRANSITIONS, action_label
from haicap.procedures.selectors import procedure_search, procedure_settings
from haicap.units.address.convert import convert_address
from haicap.units.models import Unit
from haicap.units.points import is_point
from haicap.units.selectors import default_province, unit_by_code
from haicap.workdays.calendar import VN

# vi-only: the words an officer types, read
ITEM_KINDS = {"bản chính": "original", "bản sao có chứng thực": "certified", "bản sao": "copy"}  # vi-only: parsed


def _officer_units(request: HttpRequest, perm: str = DossierPerm.RECEIVE) -> list[Unit]:
    """The communes, service points (or provinces) where the signed-in officer holds `perm`,
    for pickers."""
    scope = scope_for(request.user, perm)
    units = Unit.objects.current().filter(
        code__in=sorted(scope.unit_codes), level__in=("commune", "point")
    )
    provinces = Unit.objects.current().filter(
        code__in=sorted(scope.province_codes), level="province"
    )
    return [*units, *provinces]


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    if scope_for(request.user, DossierPerm.VIEW).empty:
        raise PermissionDenied(PERMISSION_DENIED)
    name = request.GET.get("queue", "all")
    query = request.GET.get("q", "").strip()
    dossiers = dossier_queue(request.user, name, query=query)
    page = Paginator(dossiers, 30).get_page(request.GET.get("page"))
    now = timezone.now()
    before_apology = due_dates(page)
    for dossier in page:
        dossier.late = is_overdue(dossier, now)  # type: ignore[attr-defined]
        dossier.due_before = before_apology.get(dossier.pk)  # type: ignore[attr-defined]
    return render(
        request,
        "dossiers/queue.html",
        {
            "page": page,
            "queue": name,
            "queues": QUEUES,
            "counts": queue_counts(request.user),
            "q": query,
            "can_receive": has_permission(request.user, DossierPerm.RECEIVE),
            "register_units": _officer_units(request),
            "months": range(1, 13),
        },
    )


def new_form_key() -> str:
    """A key per rendered form: submitting the same form twice makes one dossier."""
    return "web-" + secrets.token_urlsafe(16)


def _missing_items(text: str) -> list[dict[str, str]]:
    """One item a line: `name; kind; reason` (kind: bản chính / bản sao / bản sao có chứng thực)."""
    items = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.split(";")]
        if not parts[0]:
            continue
        kind = ITEM_KINDS.get(parts[1].lower(), "original") if len(parts) > 1 else "original"
        items.append({"name": parts[0], "kind": kind, "reason": parts[2] if len(parts) > 2 else ""})
    return items


@login_required
def receive(request: HttpRequest) -> HttpResponse:
    units = _officer_units(request)
    if not units:
        raise PermissionDenied(PERMISSION_DENIED)
    context: dict[str, Any] = {
        "units": units,
        "data": request.POST,
        "error": None,
        "idempotency_key": request.POST.get("idempotency_key") or new_form_key(),
    }
    if request.method == "POST":
        post = request.POST
        try:
            intake = intake_from_form(post, default_unit=units[0])
            dossier = dossier_intake(
                intake,
                actor=request.user,
                outcome=post.get("outcome", "accept"),
                missing_items=_missing_items(post.get("missing_items", "")),
                refusal_reason=post.get("refusal_reason", ""),
                idempotency_key=idempotency.from_form(request),
            )
        except ApplicationError as exc:
            context.update(form_errors(exc, INTAKE_LABELS))
            context["checklist"] = checklist_again(post)
            return render(request, "dossiers/receive.html", context, status=exc.status)
        messages.success(request, gettext("Đã tạo hồ sơ {code}.").format(code=dossier.code))
        if dossier.due_at is not None:  # accepted: the slip opens for printing
            return redirect(reverse("dossiers:detail", args=[dossier.code]) + "?in=01")
        return redirect("dossiers:detail", code=dossier.code)
    return render(request, "dossiers/receive.html", context)


def _province_of(receiving_code: str) -> str:
    unit = unit_by_code(receiving_code)
    return unit.province_code if unit else default_province()


@login_required
def procedure_picker(request: HttpRequest) -> HttpResponse:
    """HTMX: procedures matching what the officer types, with time and fee in the province."""
    query = request.GET.get("q", "")
    receiving = unit_by_code(request.GET.get("receiving_unit", ""))
    province = receiving.province_code if receiving else default_province()
    rows = []
    if len(query.strip()) >= 2:
        # ranked by core.search: "đăng ký khai sinh" itself, then its special cases
        for procedure in procedure_search(query=query, level="commune")[:12]:
            rows.append((procedure, procedure_settings(procedure, province)))
    # a service point receives only boundary-free procedures (ADR 15): those first, the others
    # shown but not selectable
    at_point = receiving is not None and is_point(receiving)
    if at_point:
        rows.sort(key=lambda row: not row[1].boundary_free)
    return render(
        request,
        "dossiers/_procedure_picker.html",
        {"rows": rows, "q": query, "at_point": at_point},
    )


@login_required
def address_lookup(request: HttpRequest) -> HttpResponse:
    """HTMX: the applicant's address converted (old or new form) for the counter."""
    text = request.GET.get("applicant_address", "").strip()
    result = convert_address(text) if len(text) >= 3 else None
    return render(request, "dossiers/_address.html", {"result": result})


@login_required
def unit_picker(request: HttpRequest) -> HttpResponse:
    """HTMX: communes of a province by name, for the competent or return unit."""
    units = search_units(
        _province_of(request.GET.get("receiving_unit", "")), request.GET.get("q", "")
    )
    return render(
        request,
        "dossiers/_unit_picker.html",
        {"units": units, "target": request.GET.get("target", "competent_unit")},
    )


def _action_context(request: HttpRequest, code: str) -> dict[str, Any]:
    dossier = dossier_for(request.user, code)
    actions = allowed_actions(dossier, request.user)
    return {
        "d": dossier,
        "status_label": Status(dossier.status).label,
        "actions": [(name, TRANSITIONS[name]) for name in actions],
        "events": [_labelled(e) for e in dossier.events.all()],
        "supplements": dossier.supplements.all(),
        "attachments": dossier.attachments.all(),
        "result": result_or_none(dossier),
        "can_attach_result": dossier.status in ATTACH_STATUSES
        and has_permission(
            request.user,
            DossierPerm.PROCESS,
            province_code=dossier.competent_unit.province_code,
            unit_code=dossier.competent_unit.code,
        ),
        "result_max_mb": max_result_bytes() // (1024 * 1024),
        "officers": processing_officers(dossier.competent_unit, assigner=request.user)
        if "assign" in actions
        else [],
        "forms": _available_forms(dossier),
        "due_before": due_dates([dossier]).get(dossier.pk),
        "now": timezone.now(),
        "return_methods": ReturnMethod.choices,
        "show_personal": has_permission(
            request.user,
            CorePerm.VIEW_PERSONAL_DATA,
            province_code=dossier.province_code,
            unit_code=dossier.receiving_unit.code,
        )
        or has_permission(
            request.user,
            CorePerm.VIEW_PERSONAL_DATA,
            province_code=dossier.province_code,
            unit_code=dossier.competent_unit.code,
        ),
    }


def result_or_none(dossier: Any) -> Any:
    return dossier.result if dossier.result_at is not None and _has_result(dossier) else None


def _has_result(dossier: Any) -> bool:
    try:
        dossier.result  # noqa: B018
    except ObjectDoesNotExist:
        return False
    return True


def _labelled(event: Any) -> Any:
    event.label = action_label(event.action)
    return event


def _available_forms(dossier: Any) -> list[tuple[str, str]]:
    available = ["06"]
    if dossier.due_at is not None:
        available.append("01")
    if dossier.supplements.exists():
        available.append("02")
    if dossier.status == Status.NOT_ACCEPTED:
        available.append("03")
    if dossier.apologized:
        available.append("04")
    if dossier.status == Status.STOPPED:
        available.append("05")
    return [(n, FORMS[n]) for n in sorted(available)]


@login_required
def detail(request: HttpRequest, code: str) -> HttpResponse:
    context = _action_context(request, code)
    # right after acceptance the receipt slip (form 01) opens for printing
    printable = ("01", FORMS["01"]) in context["forms"]
    context["print_form"] = "01" if request.GET.get("in") == "01" and printable else ""
    return render(request, "dossiers/detail.html", context)


@login_required
@require_POST
def act(request: HttpRequest, code: str, action: str) -> HttpResponse:
    dossier = dossier_for(request.user, code)
    post = request.POST
    params: dict[str, Any] = {
        k: post.get(k, "")
        for k in ("reason", "officer_id", "body", "days", "new_due", "amount", "method", "note")
        if post.get(k, "") != ""
    }
    if "items" in post:
        params["items"] = _missing_items(post["items"])
    try:
        errors = Collector()
        for key in ("officer_id", "days", "amount"):
            if key in params:
                if not str(params[key]).isdigit():
                    errors.add(key, gettext("«{value}» không phải số.").format(value=params[key]))
                else:
                    params[key] = int(params[key])
        errors.done()
        upload = request.FILES.get("result") if action == "complete" else None
        with transaction.atomic():  # the result and the completion, or neither
            if upload is not None:
                content = upload.read(max_result_bytes() + 1)
                result_attach(dossier, upload.name or "", content, actor=request.user)
            # acceptance gives an online dossier its official code: the page moves to it
            code = dossier_transition(dossier, action=action, actor=request.user, **params).code
    except ApplicationError as exc:
        context = _action_context(request, code)
        context.update(form_errors(exc, ACTION_LABELS))
        context.update(invalid_form=action, data=post)  # the action's form keeps what was typed
        return render(request, "dossiers/detail.html", context, status=exc.status)
    label = TRANSITIONS[action].label if action in TRANSITIONS else action
    messages.success(request, gettext("{label}: đã ghi nhận.").format(label=label))
    return redirect("dossiers:detail", code=code)


@login_required
@xframe_options_sameorigin  # the detail page shows the slip in a frame to print it
@csp_replace({"frame-ancestors": ["'self'"]})  # type: ignore[arg-type]
def form(request: HttpRequest, code: str, number: str) -> HttpResponse:
    return form_response(dossier_for(request.user, code), number)


@login_required
def attachment(request: HttpRequest, code: str, pk: int) -> FileResponse:
    dossier = dossier_for(request.user, code)
    item = dossier.attachments.filter(pk=pk).first()
    if item is None:
        raise NotFound(gettext_lazy("Không tìm thấy tệp đính kèm."))
    return FileResponse(item.file.open("rb"), content_type=item.content_type)


@login_required
def register(request: HttpRequest) -> HttpResponse:
    """Form 07: the dossier register of a receiving unit for a year or one month of it
    (`month`; its lines numbered as in the year), as PDF or Excel."""
    code = request.GET.get("unit", "")
    unit = _unit_by_code(code, "unit") if code else None
    if unit is None or not has_permission(
        request.user, DossierPerm.VIEW, province_code=unit.province_code, unit_code=unit.code
    ):
        raise PermissionDenied(PERMISSION_DENIED)
    year_text = request.GET.get("year", "") or str(timezone.now().astimezone(VN).year)
    if not year_text.isdigit() or not 2025 <= int(year_text) <= dt.date.today().year + 1:
        raise ApplicationError(
            gettext("Năm «{year_text}» không hợp lệ.").format(year_text=year_text), extra={"field": "year"}, status=422
        )
    year = int(year_text)
    month_text = request.GET.get("month", "").strip()
    if month_text and not (month_text.isdigit() and 1 <= int(month_text) <= 12):
        raise ApplicationError(
            gettext("Tháng «{month}» không hợp lệ: từ 1 đến 12, hoặc để trống cho cả năm.").format(
                month=month_text
            ),
            extra={"field": "month"},
            status=422,
        )
    month = int(month_text) if month_text else None
    period = f"{year}-{month:02d}" if month else str(year)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            register_xlsx(unit, year, month),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="so-theo-doi-{unit.code}-{period}.xlsx"'
        )
        return response
    response = HttpResponse(register_pdf(unit, year, month), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="so-theo-doi-{unit.code}-{period}.pdf"'
    return response
