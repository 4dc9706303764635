"""REST endpoints a citizen reaches without an account: tracking with the dossier's code and the
last four digits of the phone (rate limited), and the rating after the result is returned."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from haicap.core.clients import client_address
from haicap.dossiers import citizen
from haicap.dossiers.models import Dossier, Status
from haicap.dossiers.results import result_ready
from haicap.dossiers.selectors import citizen_history
from haicap.dossiers.services import dossier_rate

router = Router(tags=["dossiers"])


class HistoryOut(Schema):
    at: dt.datetime
    text: str
    where: str
    note: str


class TrackOut(Schema):
    code: str
    procedure_name: str
    status_label: str
    receiving_unit: str
    competent_unit: str
    return_unit: str
    due_at: dt.datetime | None
    history: list[HistoryOut]
    can_rate: bool
    rating_satisfied: bool | None
    result_ready: bool = False


def track_out(dossier: Dossier) -> dict[str, Any]:
    return {
        "code": dossier.code,
        "procedure_name": dossier.procedure.name,
        "status_label": str(Status(dossier.status).label),
        "receiving_unit": dossier.receiving_unit.full_name,
        "competent_unit": dossier.competent_unit.full_name,
        "return_unit": dossier.return_unit.full_name,
        "due_at": dossier.due_at,
        "history": [h.__dict__ for h in citizen_history(dossier)],
        "can_rate": dossier.status == Status.RETURNED and dossier.rated_at is None,
        "rating_satisfied": dossier.rating_satisfied,
        "result_ready": result_ready(dossier),
    }


@router.get(
    "/{code}/tracking",
    response=TrackOut,
    summary="Công dân tra cứu: mã hồ sơ + 4 số cuối điện thoại (giới hạn số lần thử)",
)
def tracking(request: HttpRequest, code: str, phone: str) -> dict[str, Any]:
    return track_out(citizen.dossier_track(code, phone, client=client_address(request)))


class RatingIn(Schema):
    phone: str = Field(..., description="4 số cuối điện thoại")
    satisfied: bool
    reason: str = Field("", max_length=500)


@router.post("/{code}/rating", response=TrackOut, summary="Đánh giá sau khi nhận kết quả")
def rating(request: HttpRequest, code: str, data: RatingIn) -> dict[str, Any]:
    dossier = citizen.dossier_track(code, data.phone, client=client_address(request))
    rated = dossier_rate(dossier, satisfied=data.satisfied, reason=data.reason, actor=request.user)
    return track_out(rated)
