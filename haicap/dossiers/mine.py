"""A signed-in citizen's own dossiers ("Hồ sơ của tôi"): those they filed online
(`Dossier.filed_by`), each with its status, due date and history in plain words; another
person's dossier answers 404 exactly as a missing one. Pages and the `/api/v1/me` router."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from ninja import Router, Schema
from ninja.pagination import paginate
from ninja.security import django_auth

from haicap.core.errors import NotFound, PermissionDenied
from haicap.core.pagination import Paginated
from haicap.core.permissions import PERMISSION_DENIED, Actor, has_permission
from haicap.core.tokens import TokenAuth
from haicap.dossiers import profiles
from haicap.dossiers.codes import by_code
from haicap.dossiers.models import Dossier, Status
from haicap.dossiers.rights import DossierPerm
from haicap.dossiers.selectors import citizen_history
from haicap.dossiers.services import DOSSIER_NOT_FOUND
from haicap.workdays.calendar import VN

PER_PAGE = 20


def _require_own(actor: Actor) -> None:
    if not has_permission(actor, DossierPerm.OWN):
        raise PermissionDenied(PERMISSION_DENIED, extra={"permission": DossierPerm.OWN})


def my_dossiers(actor: Actor) -> QuerySet[Dossier]:
    """The dossiers the actor filed online, newest first (403 without `dossiers.own`)."""
    _require_own(actor)
    return (
        Dossier.objects.filter(filed_by_id=actor.pk)
        .select_related("procedure", "receiving_unit", "competent_unit", "return_unit")
        .prefetch_related("events")
        .order_by("-registered_at", "-pk")
    )


def my_dossier(actor: Actor, code: str) -> Dossier:
    """One of the actor's own dossiers, by its code or online reference; anyone else's is a
    404 with the words of a missing one."""
    dossier = my_dossiers(actor).filter(by_code(code.strip().upper())).first()
    if dossier is None:
        raise NotFound(DOSSIER_NOT_FOUND.format(code=code), extra={"code": code})
    return dossier


# --- pages ------------------------------------------------------------------------------------


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    page = Paginator(my_dossiers(request.user), PER_PAGE).get_page(request.GET.get("page"))
    rows = [(d, Status(d.status).label) for d in page]
    context = {"page": page, "rows": rows, "profile": profiles.profile_of(request.user)}
    return render(request, "dossiers/mine.html", context)


@login_required
@require_POST
def profile_forget(request: HttpRequest) -> HttpResponse:
    """The citizen deletes the details saved for pre-filling (audited)."""
    _require_own(request.user)
    if profiles.profile_delete(request.user):
        messages.success(request, _("Đã xoá thông tin đã lưu."))
    return redirect("dossiers:mine")


@login_required
def mine_detail(request: HttpRequest, code: str) -> HttpResponse:
    dossier = my_dossier(request.user, code)
    return render(
        request,
        "dossiers/mine_detail.html",
        {
            "d": dossier,
            "status_label": Status(dossier.status).label,
            "history": citizen_history(dossier),
            "attachments": dossier.attachments.order_by("pk"),
        },
    )


# --- the API ----------------------------------------------------------------------------------

router = Router(tags=["me"])
AUTH = [TokenAuth(), django_auth]


class HistoryOut(Schema):
    at: dt.datetime
    text: str
    where: str
    note: str


class MyDossierOut(Schema):
    code: str
    reference: str
    procedure_code: str
    procedure_name: str
    status: int
    status_label: str
    receiving_unit: str
    competent_unit: str
    registered_at: dt.datetime
    received_at: dt.datetime | None
    due_at: dt.datetime | None
    finished_at: dt.datetime | None
    returned_at: dt.datetime | None
    history: list[HistoryOut]


def my_dossier_out(dossier: Dossier) -> dict[str, Any]:
    return {
        "code": dossier.code,
        "reference": dossier.online_reference or "",
        "procedure_code": dossier.procedure.code,
        "procedure_name": dossier.procedure.name,
        "status": dossier.status,
        "status_label": str(Status(dossier.status).label),
        "receiving_unit": dossier.receiving_unit.full_name,
        "competent_unit": dossier.competent_unit.full_name,
        "registered_at": dossier.registered_at.astimezone(VN),
        "received_at": dossier.received_at,
        "due_at": dossier.due_at,
        "finished_at": dossier.finished_at,
        "returned_at": dossier.returned_at,
        "history": [h.__dict__ for h in citizen_history(dossier)],
    }


class _Page:
    """The queryset, turned into dicts only after pagination has sliced it."""

    def __init__(self, queryset: QuerySet[Dossier]):
        self.queryset = queryset

    def __len__(self) -> int:
        return int(self.queryset.count())

    def count(self) -> int:
        return len(self)

    def __getitem__(self, items: slice) -> list[dict[str, Any]]:
        return [my_dossier_out(d) for d in self.queryset[items]]


@router.get(
    "/dossiers",
    response=list[MyDossierOut],
    auth=AUTH,
    summary="Hồ sơ công dân đã nộp trực tuyến (đã đăng nhập): trạng thái, hẹn trả, lịch sử",
)
@paginate(Paginated)
def dossiers(request: HttpRequest) -> list[dict[str, Any]]:
    return _Page(my_dossiers(request.user))  # type: ignore[return-value]


@router.get(
    "/dossiers/{code}",
    response=MyDossierOut,
    auth=AUTH,
    summary="Một hồ sơ của chính công dân (hồ sơ của người khác: 404)",
)
def dossier(request: HttpRequest, code: str) -> dict[str, Any]:
    return my_dossier_out(my_dossier(request.user, code))
