"""Checks on what applicants type: names, addresses, e-mail, and (from core.personal) citizen ID
numbers and phone numbers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from haicap.core.errors import ApplicationError, NotFound
from haicap.core.fielderrors import Collector
from haicap.core.personal import citizen_id, phone
from haicap.core.text import nfc
from haicap.procedures.models import Procedure
from haicap.procedures.selectors import procedure_for_intake

NAME_INVALID = gettext_lazy("Họ tên phải có từ 2 đến 120 ký tự chữ.")
EMAIL_INVALID = gettext_lazy("Thư điện tử «{value}» không hợp lệ.")
ADDRESS_INVALID = gettext_lazy("Địa chỉ phải có từ 5 đến 300 ký tự.")
# the fields of a dossier's action forms (assign, consult, supplement, apology, fee, return…)
ACTION_LABELS = {
    "officer_id": _("Cán bộ"),
    "body": _("Cơ quan lấy ý kiến"),
    "days": _("Số ngày làm việc"),
    "items": _("Giấy tờ cần bổ sung"),
    "reason": _("Lý do"),
    "new_due": _("Ngày hẹn mới"),
    "amount": _("Số tiền (đồng)"),
    "method": _("Hình thức trả"),
    "note": _("Ghi chú kết quả"),
    "result": _("Kết quả điện tử (PDF, có chữ ký số)"),
}
PROCEDURE_NEEDED = gettext_lazy("Chọn thủ tục.")
PROCEDURE_UNKNOWN = gettext_lazy("Không có thủ tục mã «{code}».")

# the applicant's fields as the counter and the portal label them (the error summary's links)
APPLICANT_LABELS = {
    "applicant_name": _("Họ và tên"),
    "applicant_id_number": _("Số định danh cá nhân (CCCD)"),
    "applicant_phone": _("Số điện thoại"),
    "applicant_email": _("Thư điện tử"),
    "applicant_address": _("Địa chỉ cư trú"),
}
INTAKE_LABELS = {
    "receiving_unit": _("Nơi tiếp nhận"),
    "procedure_code": _("Thủ tục"),
    "received": _("Giấy tờ đã nhận"),
    **APPLICANT_LABELS,
    "request": _("Nội dung yêu cầu"),
    "sets": _("Số bộ hồ sơ"),
    "return_method": _("Hình thức trả kết quả"),
    "competent_unit": _("Nơi giải quyết"),
    "return_unit": _("Nơi trả kết quả"),
    "missing_items": _("Giấy tờ cần bổ sung"),
    "refusal_reason": _("Lý do từ chối"),
}


@dataclass(frozen=True)
class Applicant:
    name: str
    id_number: str
    phone: str
    address: str
    email: str = ""

    @classmethod
    def clean(
        cls, *, name: str, id_number: str, phone_number: str, address: str, email: str = ""
    ) -> Applicant:
        """Every field is checked: all that is wrong is one `FieldErrors` (a bad citizen ID and
        a bad phone are both reported)."""
        errors = Collector()
        name = " ".join(nfc(name or "").split())
        if not 2 <= len(name) <= 120 or not any(ch.isalpha() for ch in name):
            errors.add("applicant_name", NAME_INVALID)
        id_number = errors.run(citizen_id, id_number, field="applicant_id_number") or ""
        phone_number = errors.run(phone, phone_number, field="applicant_phone") or ""
        address = " ".join(nfc(address or "").split())
        if not 5 <= len(address) <= 300:
            errors.add("applicant_address", ADDRESS_INVALID)
        email = (email or "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.add("applicant_email", EMAIL_INVALID.format(value=email))
        errors.done()
        return cls(name, id_number, phone_number, address, email)


def applicant_from_form(data: Mapping[str, str]) -> Applicant:
    """The applicant from a web form's `applicant_*` fields (counter and portal)."""
    return Applicant.clean(
        name=data.get("applicant_name", ""),
        id_number=data.get("applicant_id_number", ""),
        phone_number=data.get("applicant_phone", ""),
        address=data.get("applicant_address", ""),
        email=data.get("applicant_email", ""),
    )


def intake_procedure(code: str) -> Procedure:
    """The procedure a form names, or a 422 on its field (a form's blank or stale choice is bad
    input, not a missing page)."""
    code = (code or "").strip()
    if not code:
        raise ApplicationError(PROCEDURE_NEEDED, extra={"field": "procedure_code"}, status=422)
    try:
        return procedure_for_intake(code)
    except NotFound:
        raise ApplicationError(
            PROCEDURE_UNKNOWN.format(code=code[:40]), extra={"field": "procedure_code"}, status=422
        ) from None
