"""REST endpoints of the one-stop shop: intake (idempotent), queues, actions, forms, tracking."""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy
from ninja import Field, File, Form, Query, Router, Schema, UploadedFile
from ninja.pagination import paginate
from ninja.responses import Status as Reply
from ninja.security import django_auth

from haicap.core import idempotency
from haicap.core.clients import client_address
from haicap.core.errors import NotFound
from haicap.core.pagination import Paginated
from haicap.core.permissions import has_permission
from haicap.core.personal import mask_id, mask_phone
from haicap.core.rights import CorePerm
from haicap.core.tokens import TokenAuth
from haicap.core.uploads import MAX_FILE_BYTES
from haicap.dossiers import citizen
from haicap.dossiers.models import Channel, Dossier, ReturnMethod, Status
from haicap.dossiers.paperwork import form_response
from haicap.dossiers.selectors import dossier_for, dossier_queue
from haicap.dossiers.services import (
    Intake,
    allowed_actions,
    dossier_intake,
    dossier_transition,
)
from haicap.dossiers.slots import slot_label
from haicap.dossiers.validation import Applicant
from haicap.procedures.selectors import procedure_for_intake
from haicap.units.models import Unit
from haicap.units.selectors import unit_by_code

router = Router(tags=["dossiers"])
AUTH = [TokenAuth(), django_auth]
UNIT_NOT_FOUND = gettext_lazy("Không tìm thấy xã/phường/tỉnh mã «{code}» đang có hiệu lực.")


def unit_get(code: str, field: str) -> Unit:
    unit = unit_by_code(code)
    if unit is None:
        raise NotFound(UNIT_NOT_FOUND.format(code=code), extra={"field": field, "code": code})
    return unit


class ApplicantIn(Schema):
    name: str = Field(..., max_length=120, description="họ và tên")
    id_number: str = Field(..., max_length=20, description="số định danh cá nhân (CCCD), 12 chữ số")
    phone: str = Field(..., max_length=20, description="điện thoại di động hoặc cố định")
    address: str = Field(..., max_length=300, description="địa chỉ, dạng cũ hoặc mới")
    email: str = Field("", max_length=254)


class MissingItem(Schema):
    name: str
    kind: str = Field("original", description="original | certified | copy")
    reason: str = ""


class ReceivedItemIn(Schema):
    key: str = Field(..., description="khóa của giấy tờ trong danh mục của thủ tục", examples=["to-khai"])
    originals: int = Field(0, ge=0, le=20)
    certified: int = Field(0, ge=0, le=20, description="bản sao có chứng thực")
    copies: int = Field(0, ge=0, le=20)


class IntakeIn(Schema):
    procedure_code: str = Field(..., examples=["1.001193"])
    receiving_unit: str = Field(..., description="mã xã/phường nơi tiếp nhận", examples=["26743"])
    competent_unit: str = Field("", description="mã nơi giải quyết (trống: theo thủ tục)")
    return_unit: str = Field("", description="mã nơi trả kết quả (trống: nơi tiếp nhận)")
    channel: Channel = Channel.IN_PERSON
    applicant: ApplicantIn
    applicant_commune_code: str = Field("", max_length=5, pattern=r"^[0-9]*$")
    request: str = Field("", max_length=5000)
    sets: int = Field(1, ge=1, le=50)
    return_method: ReturnMethod = ReturnMethod.COUNTER
    outcome: str = Field("accept", description="accept | supplement | refuse (tại quầy)")
    missing_items: list[MissingItem] = []
    refusal_reason: str = ""
    received_items: list[ReceivedItemIn] | None = Field(
        None,
        description="giấy tờ đã nhận theo danh mục; có thì «accept» cần đủ giấy tờ bắt buộc, "
        "«supplement» liệt kê đúng các giấy tờ bắt buộc còn thiếu",
    )


class OnlineIn(Schema):
    procedure_code: str
    receiving_unit: str = Field(..., description="xã/phường chọn nộp (bất kỳ trong tỉnh)")
    competent_unit: str = ""
    applicant: ApplicantIn
    request: str = Field("", max_length=5000)
    return_method: ReturnMethod = ReturnMethod.ONLINE


class DossierOut(Schema):
    code: str
    status: int
    status_label: str
    procedure_code: str
    procedure_name: str
    channel: str
    receiving_unit: str
    competent_unit: str
    return_unit: str
    applicant_name: str
    applicant_id_number: str
    applicant_phone: str
    registered_at: dt.datetime
    received_at: dt.datetime | None
    due_at: dt.datetime | None
    finished_at: dt.datetime | None
    outcome: str
    fee_vnd: int
    payment: str
    assigned_to: str | None
    allowed_actions: list[str] = []
    received_items: list[dict[str, Any]] = []


def dossier_out(dossier: Dossier, request: HttpRequest) -> dict[str, Any]:
    user = request.user
    personal = has_permission(
        user,
        CorePerm.VIEW_PERSONAL_DATA,
        province_code=dossier.province_code,
        unit_code=dossier.receiving_unit.code,
    ) or has_permission(
        user,
        CorePerm.VIEW_PERSONAL_DATA,
        province_code=dossier.province_code,
        unit_code=dossier.competent_unit.code,
    )
    return {
        "code": dossier.code,
        "status": dossier.status,
        "status_label": str(Status(dossier.status).label),
        "procedure_code": dossier.procedure.code,
        "procedure_name": dossier.procedure.name,
        "channel": dossier.channel,
        "receiving_unit": dossier.receiving_unit.code,
        "competent_unit": dossier.competent_unit.code,
        "return_unit": dossier.return_unit.code,
        "applicant_name": dossier.applicant_name,
        "applicant_id_number": dossier.applicant_id_number
        if personal
        else mask_id(dossier.applicant_id_number),
        "applicant_phone": dossier.applicant_phone
        if personal
        else mask_phone(dossier.applicant_phone),
        "registered_at": dossier.registered_at,
        "received_at": dossier.received_at,
        "due_at": dossier.due_at,
        "finished_at": dossier.finished_at,
        "outcome": dossier.outcome,
        "fee_vnd": dossier.fee_vnd,
        "payment": dossier.payment,
        "assigned_to": dossier.assigned_to.get_username() if dossier.assigned_to else None,
        "allowed_actions": allowed_actions(dossier, user) if user.is_authenticated else [],
        "received_items": dossier.received_items,
    }


def _intake_of(data: IntakeIn | OnlineIn, **more: Any) -> Intake:
    """The service's Intake from either body: the units looked up, the applicant checked."""
    applicant = data.applicant
    return Intake(
        procedure=procedure_for_intake(data.procedure_code),
        receiving_unit=unit_get(data.receiving_unit, "receiving_unit"),
        competent_unit=unit_get(data.competent_unit, "competent_unit")
        if data.competent_unit
        else None,
        applicant=Applicant.clean(
            name=applicant.name,
            id_number=applicant.id_number,
            phone_number=applicant.phone,
            address=applicant.address,
            email=applicant.email,
        ),
        request=data.request,
        return_method=data.return_method,
        **more,
    )


@router.post(
    "",
    response={201: DossierOut},
    auth=AUTH,
    summary="Tiếp nhận hồ sơ tại quầy hoặc từ hệ thống tích hợp (Idempotency-Key: gửi lại an toàn)",
)
def intake(request: HttpRequest, data: IntakeIn) -> Reply[dict[str, Any]]:
    dossier = dossier_intake(
        _intake_of(
            data,
            channel=data.channel,
            return_unit=unit_get(data.return_unit, "return_unit") if data.return_unit else None,
            sets=data.sets,
            applicant_commune_code=data.applicant_commune_code,
            received_items=None
            if data.received_items is None
            else [i.dict() for i in data.received_items],
        ),
        actor=request.user,
        outcome=data.outcome,
        missing_items=[i.dict() for i in data.missing_items],
        refusal_reason=data.refusal_reason,
        idempotency_key=idempotency.from_header(request, data.dict()),
    )
    return Reply(201, dossier_out(dossier, request))


class OnlineOut(Schema):
    code: str  # the reference TT-YYMMDD-XXXXXXXX until the desk accepts the dossier
    reference: str
    status_label: str
    tracking_url: str


@router.post(
    "/online",
    response={201: OnlineOut},
    summary="Công dân nộp hồ sơ trực tuyến (không cần tài khoản); tra cứu bằng mã và 4 số cuối điện thoại",
)
def online(request: HttpRequest, data: OnlineIn) -> Reply[dict[str, Any]]:
    filed = _intake_of(data, channel=Channel.ONLINE)
    citizen.online_intake_limit(client_address(request), filed.applicant.phone)
    dossier = dossier_intake(
        filed,
        actor=request.user,
        outcome="register",
        idempotency_key=idempotency.from_header(request, data.dict()),
    )
    return Reply(
        201,
        {
            "code": dossier.code,
            "status_label": str(Status(dossier.status).label),
            "tracking_url": f"/tra-cuu/?ma={dossier.code}",
            "reference": dossier.online_reference or dossier.code,
        },
    )


class QueueFilter(Schema):
    queue: str = Field(
        "all", description="receive | transfer | process | due_soon | late | return | all"
    )
    unit: str = Field("", description="mã xã/phường")
    q: str = Field("", description="mã hồ sơ, tên người nộp, số cuối điện thoại")


@router.get(
    "", response=list[DossierOut], auth=AUTH, summary="Hồ sơ trong phạm vi đơn vị của người dùng"
)
@paginate(Paginated)
def queue(request: HttpRequest, filters: Query[QueueFilter]) -> list[dict[str, Any]]:
    dossiers = dossier_queue(request.user, filters.queue, unit_code=filters.unit, query=filters.q)
    return _LazyOut(dossiers, request)  # type: ignore[return-value]


class _LazyOut:
    """A queryset whose page is turned into dicts only after pagination slices it."""

    def __init__(self, queryset: Any, request: HttpRequest):
        self.queryset, self.request = queryset, request

    def __len__(self) -> int:
        return int(self.queryset.count())

    def count(self) -> int:
        return len(self)

    def __getitem__(self, items: slice) -> list[dict[str, Any]]:
        return [dossier_out(d, self.request) for d in self.queryset[items]]


@router.get(
    "/{code}", response=DossierOut, auth=AUTH, summary="Một hồ sơ, với các thao tác được phép"
)
def detail(request: HttpRequest, code: str) -> dict[str, Any]:
    return dossier_out(dossier_for(request.user, code), request)


class ActionIn(Schema):
    reason: str = ""
    items: list[MissingItem] = []
    officer_id: int | None = None
    body: str = ""
    days: int | None = Field(None, ge=-1000, le=1000)
    new_due: dt.date | None = None
    amount: int | None = Field(None, ge=-(2**31), le=2**31 - 1, description="đồng")
    method: str = ""
    note: str = ""


@router.post(
    "/{code}/actions/{action}",
    response=DossierOut,
    auth=AUTH,
    summary="Thực hiện một thao tác; sai trạng thái → 409 kèm các thao tác được phép",
)
def act(request: HttpRequest, code: str, action: str, data: ActionIn) -> dict[str, Any]:
    dossier = dossier_for(request.user, code)
    params = data.dict(exclude_none=True)
    params["items"] = [i.dict() for i in data.items]
    if data.new_due is not None:
        params["new_due"] = data.new_due.isoformat()
    dossier = dossier_transition(dossier, action=action, actor=request.user, **params)
    return dossier_out(dossier, request)


@router.get("/{code}/forms/{number}.pdf", auth=AUTH, summary="Biểu mẫu 01-06 (PDF)")
def form(request: HttpRequest, code: str, number: str) -> HttpResponse:
    return form_response(dossier_for(request.user, code), number)


# --- the citizen, with the dossier code and the phone's last four digits ------------------------


class AttachmentOut(Schema):
    component: str
    item_key: str
    content_type: str
    size: int


@router.post(
    "/{code}/attachments",
    response={201: list[AttachmentOut]},
    summary="Tải lên thành phần hồ sơ (PDF/JPEG/PNG, tối đa 10 MB mỗi tệp)",
)
def attachments(
    request: HttpRequest,
    code: str,
    phone: Form[str],
    files: File[list[UploadedFile]],
    component: Form[str] = "",
    item_key: Form[str] = "",
) -> Reply[list[Any]]:
    dossier = citizen.dossier_track(code, phone, client=client_address(request))
    if item_key:  # the slot of the checklist it is for: labelled with the item's name
        component = slot_label(dossier.procedure, item_key)
    stored = citizen.attachments_add(
        dossier,
        [(component or (f.name or ""), f.name or "", f.read(MAX_FILE_BYTES + 1)) for f in files],
        item_keys=[item_key] * len(files),
    )
    return Reply(201, stored)


# the electronic result's endpoints (dossiers.results_api), under the same /dossiers prefix
from haicap.dossiers.results_api import router as results_router  # noqa: E402
from haicap.dossiers.tracking_api import router as tracking_router  # noqa: E402

router.add_router("", results_router)
router.add_router("", tracking_router)
