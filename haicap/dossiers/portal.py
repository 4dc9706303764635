"""The citizen's pages: choose a procedure (those the commune files most first) and file it
online: details pre-filled for a signed-in citizen, the declaration as an e-form, one upload
slot per checklist item; track a dossier by its code and the phone's last four digits; rate."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from haicap.core import idempotency
from haicap.core.clients import client_address
from haicap.core.errors import ApplicationError
from haicap.core.fielderrors import Collector, form_errors
from haicap.core.uploads import MAX_FILE_BYTES
from haicap.dossiers import citizen, popular, profiles
from haicap.dossiers.eforms import declaration_clean
from haicap.dossiers.models import Channel, Status
from haicap.dossiers.results import result_ready
from haicap.dossiers.selectors import citizen_history, search_units
from haicap.dossiers.services import Intake, dossier_intake, dossier_rate
from haicap.dossiers.slots import ACCEPT, ACCEPTED_LABEL, eform_of, slots_for, uploads_from
from haicap.dossiers.validation import APPLICANT_LABELS, applicant_from_form
from haicap.dossiers.views import new_form_key
from haicap.procedures.models import OnlineLevel
from haicap.procedures.selectors import (
    procedure_get,
    procedure_search,
    procedure_settings,
    province_settings_all,
)
from haicap.units.address.convert import convert_address
from haicap.units.models import Unit
from haicap.units.points import point_of, point_units, service_points
from haicap.units.selectors import default_province, provinces_on


def portal(request: HttpRequest) -> HttpResponse:
    """The procedures that can be filed online, those the chosen commune files most first."""
    query = request.GET.get("q", "")
    province = request.GET.get("province") or default_province()
    commune = request.GET.get("xa", profiles.home_commune(request.user))
    procedures = procedure_search(query=query, level="commune").filter(online_available=True)
    online = province_settings_all(province, procedures, "online")  # ADR 13: verified times only
    procedures = procedures.filter(
        pk__in=[pk for pk, s in online.items() if s.online_level != OnlineLevel.NONE]
    )
    procedures = popular.by_use(procedures, province_code=province, unit_code=commune)
    page = Paginator(procedures, 20).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "q": query,
        "province": province,
        "provinces": provinces_on(),
        "commune": commune,
        "communes": search_units(province, "", limit=400),
    }
    return render(request, "dossiers/portal.html", context)


def communes(request: HttpRequest) -> HttpResponse:
    """HTMX: the communes of the chosen province, for the receiving-centre select."""
    province = request.GET.get("province") or default_province()
    units = search_units(province, "", limit=400)
    return render(
        request,
        "dossiers/_commune_options.html",
        {"units": units, "points": point_units(province), "selected": ""},
    )


def address(request: HttpRequest) -> HttpResponse:
    """HTMX: the applicant's address converted to the new unit, as at the counter."""
    text = request.GET.get("applicant_address", "").strip()
    result = convert_address(text[:300]) if len(text) >= 3 else None
    return render(request, "dossiers/_address.html", {"result": result})


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
            gettext_lazy("Chọn xã/phường nơi nộp hồ sơ."), extra={"field": "receiving_unit"}, status=422
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
            gettext_lazy("Nộp tại trung tâm hoặc chi nhánh: chọn xã, phường giải quyết hồ sơ."),
            extra={"field": "competent_unit"},
            status=422,
        )
    return receiving, competent


def _submit_context(request: HttpRequest, procedure: Any) -> dict[str, Any]:
    province = request.POST.get("province") or request.GET.get("province") or default_province()
    slots = slots_for(procedure)
    data = request.POST if request.method == "POST" else profiles.prefill(request.user)
    if request.method != "POST" and request.GET.get("xa"):
        data = {**data, "receiving_unit": request.GET["xa"]}
    form = eform_of(slots)
    return {
        "procedure": procedure,
        "slots": slots,
        "eform": form,
        "eform_rows": [
            (heading, [(f, data.get(f.input_name, f.default)) for f in fields])
            for heading, fields in form.grouped()
        ]
        if form is not None
        else [],
        "accept": ACCEPT,
        "accepted_label": ACCEPTED_LABEL,
        "provinces": provinces_on(),
        "province": province,
        "communes": search_units(province, "", limit=400),
        "points": point_units(province),
        "point_rows": service_points(province),
        "data": data,
        "profile": profiles.profile_of(request.user),
        "settings": procedure_settings(procedure, province, Channel.ONLINE),
        "max_mb": MAX_FILE_BYTES // (1024 * 1024),
        "idempotency_key": request.POST.get("idempotency_key") or new_form_key(),
    }


def portal_labels(context: dict[str, Any]) -> dict[str, Any]:
    """The online form's fields by name, as the page labels them (the error summary's links)."""
    labels: dict[str, Any] = {
        **APPLICANT_LABELS,
        # the portal's own wording of three of them
        "applicant_id_number": _("Số định danh cá nhân (CCCD, 12 số)"),
        "applicant_phone": _("Số điện thoại (dùng để tra cứu)"),
        "applicant_address": _("Địa chỉ (dạng cũ hoặc mới đều được)"),
        "receiving_unit": _("Xã, phường nơi nộp hồ sơ"),
        "competent_unit": _("Xã, phường giải quyết (khi nộp tại trung tâm hoặc chi nhánh)"),
        "files": _("Thành phần hồ sơ"),
        "request": _("Nội dung yêu cầu"),
        "return_method": _("Nhận kết quả"),
    }
    if context["eform"] is not None:
        labels.update({f.input_name: _(f.label) for f in context["eform"].fields})
    labels.update({s.field: s.label for s in context["slots"]})
    return labels


def _file(request: HttpRequest, procedure: Any, context: dict[str, Any]) -> Any:
    """Check everything, then write the dossier, its declaration and its files in one go."""
    post = request.POST
    errors = Collector()  # every field is checked: all that is wrong is reported at once
    receiving, competent = errors.run(_receiving_places, post) or (None, None)
    form = context["eform"]
    declaration = (errors.run(declaration_clean, form, post) or {}) if form is not None else {}
    # an e-form with errors still counts as declared: its missing files are not asked for again
    declared = form is not None
    uploads = errors.run(uploads_from, context["slots"], request.FILES, post, declared=declared)
    applicant = errors.run(applicant_from_form, post)
    errors.done()
    assert receiving is not None and applicant is not None and uploads is not None
    commune = profiles.commune_of(applicant.address, post.get("applicant_commune_code", ""))
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
                applicant_commune_code=commune,
                declaration=declaration,
            ),
            actor=request.user,
            outcome="register",
            idempotency_key=idempotency.from_form(request),
        )
        if uploads and not dossier.attachments.exists():
            citizen.attachments_add(
                dossier,
                [(label, name, content) for _, label, name, content in uploads],
                item_keys=[key for key, *_ in uploads],
            )
        if request.user.is_authenticated and post.get("save_profile"):
            profiles.profile_save(request.user, applicant, commune)
    return dossier


def submit(request: HttpRequest, code: str) -> HttpResponse:
    procedure = procedure_get(code)
    context = _submit_context(request, procedure)
    if request.method != "POST":
        return render(request, "dossiers/portal_submit.html", context)
    try:
        dossier = _file(request, procedure, context)
    except ApplicationError as exc:
        context.update(form_errors(exc, portal_labels(context)))
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
