"""The counter form's checklist fragment (HTMX, when the procedure changes) and the checklist
shown again, with the officer's ticks, when the form comes back with an error."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from haicap.core.errors import NotFound, PermissionDenied
from haicap.core.permissions import PERMISSION_DENIED, scope_for
from haicap.dossiers.received import checklist_rows
from haicap.dossiers.rights import DossierPerm
from haicap.procedures.models import Procedure
from haicap.units.models import Unit


def _receives_somewhere(request: HttpRequest) -> bool:
    """The counter form's own test: a commune or province where the officer receives."""
    scope = scope_for(request.user, DossierPerm.RECEIVE)
    units = Unit.objects.current()
    return (
        units.filter(code__in=sorted(scope.unit_codes), level="commune").exists()
        or units.filter(code__in=sorted(scope.province_codes), level="province").exists()
    )


def checklist_again(post: Any) -> dict[str, Any] | None:
    """After a refusal the form comes back with the officer's ticks."""
    code = post.get("checklist_for", "")
    procedure = Procedure.objects.filter(code=code).first() if code else None
    return checklist_rows(procedure, post) if procedure else None


@login_required
def checklist(request: HttpRequest) -> HttpResponse:
    """HTMX: the chosen procedure's checklist, to tick what the citizen hands in."""
    if not _receives_somewhere(request):
        raise PermissionDenied(PERMISSION_DENIED)
    code = request.GET.get("procedure_code", "").strip()
    procedure = Procedure.objects.filter(code=code).first() if code else None
    if procedure is None:
        raise NotFound(gettext("Không có thủ tục mã «{value}».").format(
            value=code[:40]
        ), extra={"field": "procedure_code"})
    return render(request, "dossiers/_checklist.html", {"checklist": checklist_rows(procedure)})
