"""The citizen's pages: choose a procedure and file it online with its components; track a
dossier by its code and the phone's last four digits; rate the result."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from haicap.core import idempotency
from haicap.core.clients import client_address
from haicap.core.errors import ApplicationError
from haicap.core.uploads import MAX_FILE_BYTES
from haicap.dossiers import citizen
from haicap.dossiers.models import Channel, Status
from haicap.dossiers.results import result_ready
from haicap.dossiers.selectors import citizen_history, search_units
from haicap.dossiers.services import Intake, dossier_intake, dossier_rate
from haicap.dossiers.validation import applicant_from_form
from haicap.dossiers.views import new_form_key
from haicap.procedures.selectors import procedure_get, procedure_search, procedure_settings
from haicap.units.models import Unit
from haicap.units.points import point_of, point_units, service_points
from haicap.units.selectors import default_province, provinces_on

MAX_COMPONENT_INPUTS = 8
NO_FILES = "Cần tải lên ít nhất một thành phần hồ sơ (PDF, JPEG hoặc PNG)."


def portal(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    procedures = procedure_search(query=query, level="commune").filter(online_available=True)
    page = Paginator(procedures, 20).get_page(request.GET.get("page"))
    return render(request, "dossiers/portal.html", {"page": page, "q": query})


def communes(request: HttpRequest) -> HttpResponse:
    """HTMX: the communes of the chosen province, for the receiving-centre select."""
    province = request.GET.get("province") or default_province()
    units = search_units(province, "", limit=400)
    return render(
        request,
        "dossiers/_commune_options.html",
        {"units": units, "points": point_units(province), "selected": ""},
    )


def _components(procedure: Any) -> list[str]:
    names = [str(c.get("name", "")) for c in procedure.components if c.get("name")]
    return [n[:300] for n in names[:MAX_COMPONENT_INPUTS]]


def _receiving_places(post: Any) -> tuple[Unit, Unit | None]:
    """Where the citizen files (a commune, or a service point of the province: ADR 0015) and,
    at a service point, the commune competent to decide."""
    receiving = (
        Unit.objects.current()
        .filter(level__in=("commune", "point"), code=post.get("receiving_unit", ""))
        .first()
    )
    if receiving is None:
        raise ApplicationError(
            "Chọn xã/phường nơi nộp hồ sơ.", extra={"field": "receiving_unit"}, status=422
        )
    if receiving.level != "point":
        return receiving, None
    competent = (
        Unit.objects.current()
        .filter(level="commune", code=post.get("competent_unit", ""))
        .first()
    )
    if competent is None:
        raise ApplicationError(
            "Nộp tại trung tâm hoặc chi nhánh: chọn xã, phường giải quyết hồ sơ.",
            extra={"field": "competent_unit"},
            status=422,
        )
    return receiving, competent


def submit(request: HttpRequest, code: str) -> HttpResponse:
    procedure = procedure_get(code)
    province = request.POST.get("province") or request.GET.get("province") or default_province()
    context: dict[str, Any] = {
        "procedure": procedure,
        "components": _components(procedure),
        "provinces": provinces_on(),
        "province": province,
        "communes": search_units(province, "", limit=400),
        "points": point_units(province),
        "point_rows": service_points(province),
        "data": request.POST,
        "settings": procedure_settings(procedure, province, Channel.ONLINE),
        "max_mb": MAX_FILE_BYTES // (1024 * 1024),
        "idempotency_key": request.POST.get("idempotency_key") or new_form_key(),
    }
    if request.method != "POST":
        return render(request, "dossiers/portal_submit.html", context)
    post = request.POST
    try:
        files = []
        for i, name in enumerate(context["components"]):
            files += [
                (name, f.name or "", f.read(MAX_FILE_BYTES + 1))
                for f in request.FILES.getlist(f"file_{i}")
            ]
        files += [
            ("Giấy tờ khác", f.name or "", f.read(MAX_FILE_BYTES + 1))
            for f in request.FILES.getlist("file_other")
        ]
        if not files:
            raise ApplicationError(NO_FILES, extra={"field": "files"}, status=422)
        receiving, competent = _receiving_places(post)
        applicant = applicant_from_form(post)
        citizen.online_intake_limit(client_address(request), applicant.phone)
        with transaction.atomic():  # a bad file leaves no dossier behind, and no used number
            dossier = dossier_intake(
                Intake(
                    procedure=procedure,
                    receiving_unit=receiving,
                    competent_unit=competent,
                    applicant=applicant,
                    channel=Channel.ONLINE,
                    request=post.get("request", ""),
                    return_method=post.get("return_method", "online"),
                ),
                actor=request.user,
                outcome="register",
                idempotency_key=idempotency.from_form(request),
            )
            if not dossier.attachments.exists():
                citizen.attachments_add(dossier, files)
    except ApplicationError as exc:
        context["error"] = exc
        return render(request, "dossiers/portal_submit.html", context, status=exc.status)
    return render(request, "dossiers/portal_done.html", {"d": dossier}, status=201)


def _track_context(dossier: Any) -> dict[str, Any]:
    return {
        "d": dossier,
        "status_label": Status(dossier.status).label,
        "history": citizen_history(dossier),
        "can_rate": dossier.status == Status.RETURNED and dossier.rated_at is None,
        "result_ready": result_ready(dossier),
        # a centre or branch returns the result: where it is and when it is open (ADR 15)
        "return_point": point_of(dossier.return_unit),
    }


def track(request: HttpRequest) -> HttpResponse:
    """GET: the form (the slip's QR code fills in the code). POST: the dossier, if it matches."""
    code = (request.POST.get("code") or request.GET.get("ma", "")).strip()
    context: dict[str, Any] = {"code": code, "phone": ""}
    if request.method == "POST":
        phone = request.POST.get("phone", "")
        try:
            dossier = citizen.dossier_track(code, phone, client=client_address(request))
        except ApplicationError as exc:
            context["error"] = exc
            return render(request, "dossiers/track.html", context, status=exc.status)
        context.update(_track_context(dossier), phone=phone)
    return render(request, "dossiers/track.html", context)


@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    code, phone = request.POST.get("code", "").strip(), request.POST.get("phone", "")
    context: dict[str, Any] = {"code": code, "phone": phone}
    try:
        dossier = citizen.dossier_track(code, phone, client=client_address(request))
        context.update(_track_context(dossier))
        dossier = dossier_rate(
            dossier,
            satisfied=request.POST.get("satisfied") == "yes",
            reason=request.POST.get("reason", ""),
            actor=request.user,
        )
    except ApplicationError as exc:
        context["error"] = exc
        return render(request, "dossiers/track.html", context, status=exc.status)
    context.update(_track_context(dossier), rated=True)
    return render(request, "dossiers/track.html", context)
