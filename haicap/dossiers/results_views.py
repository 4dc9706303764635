"""Pages of electronic results: officers download and attach it from the dossier's page; the
citizen downloads it from tracking (code and the phone's last four digits) once it is ready,
or, signed in, from their own online dossier after return."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from haicap.core.clients import client_address
from haicap.core.errors import ApplicationError
from haicap.core.fielderrors import form_errors
from haicap.dossiers import citizen
from haicap.dossiers.results import (
    max_result_bytes,
    result_attach,
    result_for_citizen,
    result_for_owner,
    result_of,
    result_response,
)
from haicap.dossiers.selectors import dossier_for
from haicap.dossiers.validation import ACTION_LABELS
from haicap.dossiers.views import _action_context


@login_required
def result(request: HttpRequest, code: str) -> FileResponse:
    """The electronic result, for officers who may see the dossier (404 for others)."""
    return result_response(result_of(dossier_for(request.user, code)))


@login_required
@require_POST
def result_upload(request: HttpRequest, code: str) -> HttpResponse:
    """Attach or replace the electronic result of a dossier being processed or processed."""
    dossier = dossier_for(request.user, code)
    upload = request.FILES.get("result")
    try:
        content = upload.read(max_result_bytes() + 1) if upload is not None else b""
        name = (upload.name or "") if upload is not None else ""
        result_attach(dossier, name, content, actor=request.user)
    except ApplicationError as exc:
        context = _action_context(request, code)
        context.update(form_errors(exc, ACTION_LABELS), invalid_form="result_upload")
        return render(request, "dossiers/detail.html", context, status=exc.status)
    messages.success(request, gettext_lazy("Đã đính kèm kết quả điện tử."))
    return redirect("dossiers:detail", code=code)


@require_POST
def track_result(request: HttpRequest) -> FileResponse:
    """The electronic result, to whoever passes the tracking check (code and the phone's last
    four digits, rate-limited), once it is ready; 404 otherwise, as for a missing dossier."""
    code, phone = request.POST.get("code", "").strip(), request.POST.get("phone", "")
    dossier = citizen.dossier_track(code, phone, client=client_address(request))
    return result_response(result_for_citizen(dossier))


@login_required
def mine(request: HttpRequest, code: str) -> FileResponse:
    """The signed-in citizen's own online dossier's result, after return (404 otherwise)."""
    return result_response(result_for_owner(request.user, code))
