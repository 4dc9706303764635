"""REST endpoints for feedback (beside Open311): send a report, read its public view, and the
officers' queue and actions."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext
from ninja import Field, File, Router, Schema, UploadedFile
from ninja.pagination import paginate
from ninja.responses import Status as Reply
from ninja.security import django_auth

from haicap.core import idempotency
from haicap.core.clients import client_address
from haicap.core.errors import NotFound
from haicap.core.pagination import Paginated
from haicap.core.ratelimit import rate_limit_hit
from haicap.core.tokens import TokenAuth
from haicap.feedback.evidence import answer_evidence_add
from haicap.feedback.limits import PER_CLIENT
from haicap.feedback.models import Channel, Report
from haicap.feedback.selectors import categories_for, unit_queue
from haicap.feedback.services import Submission, allowed_actions, report_submit, report_transition
from haicap.units.selectors import default_province

router = Router(tags=["feedback"])
AUTH = [TokenAuth(), django_auth]


class CategoryOut(Schema):
    code: str
    name: str
    body_kind: str
    body_name: str
    sla_working_days: int


class ReportIn(Schema):
    province_code: str = Field(..., examples=["79"])
    category: str = Field(
        ..., description="mã lĩnh vực (xem /feedback/categories)", examples=["drainage"]
    )
    description: str = Field(..., max_length=5000)
    lat: float | None = Field(None, ge=-90, le=90, allow_inf_nan=False)
    lon: float | None = Field(None, ge=-180, le=180, allow_inf_nan=False)
    address: str = Field(
        "", max_length=300, description="địa chỉ dạng cũ hoặc mới, khi không có toạ độ"
    )
    contact_name: str = Field("", max_length=120)
    contact_phone: str = Field("", max_length=20)


class EventOut(Schema):
    at: dt.datetime
    action: str
    label: str
    note: str


class ReportOut(Schema):
    code: str
    category: str
    description: str
    status: str
    status_label: str
    responsible_body: str
    commune_code: str
    candidate_codes: list[str]
    near_boundary: bool
    lat: float | None
    lon: float | None
    created_at: dt.datetime
    due_at: dt.datetime | None
    committed_at: dt.datetime | None
    answer: str
    history: list[EventOut]


class SentOut(ReportOut):
    private_token: str = Field(..., description="giữ bí mật: theo dõi, đánh giá, mở lại")


def report_out(report: Report, *, everything: bool = False) -> dict[str, Any]:
    events = report.events.all() if everything else report.events.filter(public=True)
    return {
        "code": report.code,
        "category": report.category.code,
        "description": report.description,
        "status": report.status,
        "status_label": str(report.get_status_display()),
        "responsible_body": report.responsible_body,
        "commune_code": report.commune_code,
        "candidate_codes": report.candidate_codes,
        "near_boundary": report.near_boundary,
        "lat": report.lat,
        "lon": report.lon,
        "created_at": report.created_at,
        "due_at": report.due_at,
        "committed_at": report.committed_at,
        "answer": report.answer,
        "history": [
            {"at": e.at, "action": e.action, "label": e.label, "note": e.note} for e in events
        ],
    }


@router.get("/categories", response=list[CategoryOut], summary="Lĩnh vực phản ánh của một tỉnh")
def categories(request: HttpRequest, province: str = "") -> list[Any]:
    return categories_for(province or default_province())


@router.post("", response={201: SentOut}, summary="Gửi phản ánh (giới hạn số lần mỗi máy)")
def send(request: HttpRequest, data: ReportIn) -> Reply[dict[str, Any]]:
    rate_limit_hit(
        f"feedback:ip:{client_address(request)}", limit=PER_CLIENT[0], window=PER_CLIENT[1]
    )
    report = report_submit(
        Submission(
            province_code=data.province_code,
            category_code=data.category,
            description=data.description,
            lat=data.lat,
            lon=data.lon,
            address=data.address,
            contact_name=data.contact_name,
            contact_phone=data.contact_phone,
            channel=Channel.APP,
        ),
        idempotency_key=idempotency.from_header(request, data.dict()),
        client_key=f"ip:{client_address(request)}",
    )
    return Reply(201, {**report_out(report), "private_token": report.token})


class QueueOut(Schema):
    code: str
    category: str
    status: str
    due_at: dt.datetime | None
    responsible_unit_code: str
    near_boundary: bool
    escalation: int


@router.get("/queue", response=list[QueueOut], auth=AUTH, summary="Phản ánh cần xử lý của đơn vị")
@paginate(Paginated)
def queue(request: HttpRequest) -> list[Any]:
    return [
        {
            **{
                f: getattr(r, f)
                for f in (
                    "code",
                    "status",
                    "due_at",
                    "responsible_unit_code",
                    "near_boundary",
                    "escalation",
                )
            },
            "category": r.category.code,
        }
        for r in unit_queue(request.user)[:1000]
    ]


@router.get(
    "/{code}", response=ReportOut, summary="Một phản ánh (công khai, không có dữ liệu cá nhân)"
)
def detail(request: HttpRequest, code: str) -> dict[str, Any]:
    report = Report.objects.select_related("category").filter(code=code, hidden=False).first()
    if report is None:
        raise NotFound(gettext("Không tìm thấy phản ánh «{code}».").format(code=code))
    return report_out(report)


class ActionIn(Schema):
    text: str = ""
    reason: str = ""
    body: str = ""
    unit_code: str = ""
    committed_date: dt.date | None = None


class ActedOut(ReportOut):
    allowed_actions: list[str]


@router.post(
    "/{code}/actions/{action}",
    response=ActedOut,
    auth=AUTH,
    summary="Thao tác của cán bộ: accept, progress, answer (cần minh chứng đã tải lên: /evidence), reject, reassign",
)
def act(request: HttpRequest, code: str, action: str, data: ActionIn) -> dict[str, Any]:
    report = Report.objects.filter(code=code).first()
    if report is None:
        raise NotFound(gettext("Không tìm thấy phản ánh «{code}».").format(code=code))
    # report_transition checks the role at the report's unit, as for the web pages
    params = {k: v for k, v in data.dict().items() if v not in ("", None)}
    if data.committed_date:
        params["committed_date"] = data.committed_date.isoformat()
    report = report_transition(report, action=action, actor=request.user, **params)
    return {
        **report_out(report, everything=True),
        "allowed_actions": allowed_actions(report, request.user),
    }


class EvidenceOut(Schema):
    id: int
    url: str
    content_type: str
    size: int


@router.post(
    "/{code}/evidence",
    response={201: list[EvidenceOut]},
    auth=AUTH,
    summary="Tải lên minh chứng trả lời (multipart, trường «evidence», tối đa 5 tệp PDF/JPEG/PNG, "
    "10 MB mỗi tệp), trước thao tác answer",
)
def evidence(
    request: HttpRequest, code: str, evidence: File[list[UploadedFile]]
) -> Reply[list[dict[str, Any]]]:
    report = Report.objects.filter(code=code).first()
    if report is None:
        raise NotFound(gettext("Không tìm thấy phản ánh «{code}».").format(code=code))
    # scoped like the answer itself: HANDLE_FEEDBACK at the report's responsible unit
    stored = answer_evidence_add(report, actor=request.user, files=evidence)
    return Reply(
        201,
        [
            {
                "id": item.pk,
                "url": reverse("feedback:evidence", kwargs={"code": report.code, "pk": item.pk}),
                "content_type": item.content_type,
                "size": item.size,
            }
            for item in stored
        ],
    )
