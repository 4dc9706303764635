"""REST endpoints for the procedure catalogue."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from haicap.core.pagination import Paginated
from haicap.procedures.models import Procedure
from haicap.procedures.requirements import checklist_for
from haicap.procedures.selectors import procedure_get, procedure_search, procedure_settings

router = Router(tags=["procedures"])


class ChannelOut(Schema):
    channel: str
    time_value: float | None
    time_unit: str | None
    fee_vnd: int | None
    description: str


class ComponentOut(Schema):
    name: str
    originals: int
    copies: int
    template: str
    presented: bool


class ProcedureOut(Schema):
    code: str
    name: str
    field: str
    levels: list[str]
    online_available: bool
    channels: list[ChannelOut]


class SettingsOut(Schema):
    offered: bool
    boundary_free: bool
    online_level: str
    time_value: int
    time_unit: str
    time_verified: bool
    fee_vnd: int | None


class ProcedureDetailOut(ProcedureOut):
    competent_body: str
    implementing_body: str
    components: list[ComponentOut]
    result: str
    legal_basis: list[dict[str, str]]
    conditions: str
    parse_problems: list[list[str]]
    province_settings: SettingsOut | None


class ProcedureFilter(Schema):
    q: str = Field("", description="tìm theo tên, mã, lĩnh vực; có dấu hoặc không dấu")
    level: str = Field("", description="commune | province | ministry")
    field: str = Field("", description="lĩnh vực, ví dụ «Hộ tịch»")


@router.get("", response=list[ProcedureOut], summary="Danh mục thủ tục (tìm kiếm, phân trang)")
@paginate(Paginated)
def list_procedures(request: HttpRequest, filters: Query[ProcedureFilter]) -> list[Procedure]:
    return procedure_search(query=filters.q, level=filters.level, field=filters.field)  # type: ignore[return-value]


@router.get(
    "/{code}", response=ProcedureDetailOut, summary="Một thủ tục, với cấu hình của tỉnh nếu có"
)
def procedure_detail(request: HttpRequest, code: str, province: str = "") -> dict:
    procedure = procedure_get(code)
    data = {
        f: getattr(procedure, f)
        for f in ProcedureDetailOut.model_fields
        if f != "province_settings"
    }
    data["province_settings"] = (
        procedure_settings(procedure, province).__dict__ if province else None
    )
    return data


class ChecklistItemOut(Schema):
    key: str = Field(..., description="khóa ổn định: dùng trong received_items khi tiếp nhận")
    name: str
    kind: str = Field(..., description="submit (nộp) | present (xuất trình, đối chiếu rồi trả lại)")
    required: bool
    condition: str = Field(..., description="«Trường hợp…»: giấy tờ chỉ cần khi điều kiện đúng")
    originals: int
    certified: int
    copies: int
    form_name: str
    eform: bool
    detail: str


class ChecklistOut(Schema):
    code: str
    curated: bool = Field(..., description="đã rà soát bằng tay (không: hệ thống đọc từ danh mục)")
    items: list[ChecklistItemOut]
    notes: list[str]


@router.get(
    "/{code}/checklist",
    response=ChecklistOut,
    summary="Danh mục giấy tờ: nộp, xuất trình, theo trường hợp, và lưu ý",
)
def procedure_checklist(request: HttpRequest, code: str) -> dict:
    procedure = procedure_get(code)
    return {"code": procedure.code, **checklist_for(procedure).as_dict()}
