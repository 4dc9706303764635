"""Checks on what applicants type: names, addresses, e-mail, and (from core.personal) citizen ID
numbers and phone numbers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from haicap.core.errors import ApplicationError
from haicap.core.personal import citizen_id, phone
from haicap.core.text import nfc

NAME_INVALID = "Họ tên phải có từ 2 đến 120 ký tự chữ."
EMAIL_INVALID = "Thư điện tử «{value}» không hợp lệ."
ADDRESS_INVALID = "Địa chỉ phải có từ 5 đến 300 ký tự."


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
        name = " ".join(nfc(name or "").split())
        if not 2 <= len(name) <= 120 or not any(ch.isalpha() for ch in name):
            raise ApplicationError(NAME_INVALID, extra={"field": "applicant_name"}, status=422)
        address = " ".join(nfc(address or "").split())
        if not 5 <= len(address) <= 300:
            raise ApplicationError(
                ADDRESS_INVALID, extra={"field": "applicant_address"}, status=422
            )
        email = (email or "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise ApplicationError(
                    EMAIL_INVALID.format(value=email),
                    extra={"field": "applicant_email"},
                    status=422,
                ) from None
        return cls(name, citizen_id(id_number), phone(phone_number), address, email)


def applicant_from_form(data: Mapping[str, str]) -> Applicant:
    """The applicant from a web form's `applicant_*` fields (counter and portal)."""
    return Applicant.clean(
        name=data.get("applicant_name", ""),
        id_number=data.get("applicant_id_number", ""),
        phone_number=data.get("applicant_phone", ""),
        address=data.get("applicant_address", ""),
        email=data.get("applicant_email", ""),
    )
