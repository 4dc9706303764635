"""Checks on what applicants type: citizen ID numbers (CCCD), phone numbers, names, e-mail."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from haicap.core.errors import ApplicationError
from haicap.core.text import nfc

# Province codes of birth registration used in CCCD numbers (the 63 pre-2025 provinces).
_CCCD_PROVINCES = {
    "001",
    "002",
    "004",
    "006",
    "008",
    "010",
    "011",
    "012",
    "014",
    "015",
    "017",
    "019",
    "020",
    "022",
    "024",
    "025",
    "026",
    "027",
    "030",
    "031",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "040",
    "042",
    "044",
    "045",
    "046",
    "048",
    "049",
    "051",
    "052",
    "054",
    "056",
    "058",
    "060",
    "062",
    "064",
    "066",
    "067",
    "068",
    "070",
    "072",
    "074",
    "075",
    "077",
    "079",
    "080",
    "082",
    "083",
    "084",
    "086",
    "087",
    "089",
    "091",
    "092",
    "093",
    "094",
    "095",
    "096",
}
_PHONE = re.compile(r"^0(?:[35789]\d{8}|2\d{9})$")

ID_INVALID = "Số định danh cá nhân phải gồm đúng 12 chữ số."
ID_PROVINCE = (
    "Số định danh «{value}»: 3 chữ số đầu ({prefix}) không phải mã tỉnh nơi đăng ký khai sinh."
)
ID_CENTURY = "Số định danh «{value}»: chữ số thứ 4 và năm sinh ({year}) không hợp lệ."
PHONE_INVALID = (
    "Số điện thoại «{value}» không hợp lệ "
    "(di động: 10 số bắt đầu 03, 05, 07, 08, 09; cố định: 11 số bắt đầu 02)."
)
NAME_INVALID = "Họ tên phải có từ 2 đến 120 ký tự chữ."
EMAIL_INVALID = "Thư điện tử «{value}» không hợp lệ."
ADDRESS_INVALID = "Địa chỉ phải có từ 5 đến 300 ký tự."


def citizen_id(value: str, *, today: dt.date | None = None) -> str:
    digits = re.sub(r"\s", "", value or "")
    if not re.fullmatch(r"\d{12}", digits):
        raise ApplicationError(ID_INVALID, extra={"field": "applicant_id_number"}, status=422)
    if digits[:3] not in _CCCD_PROVINCES:
        raise ApplicationError(
            ID_PROVINCE.format(value=digits, prefix=digits[:3]),
            extra={"field": "applicant_id_number"},
            status=422,
        )
    century = int(digits[3]) // 2  # 0,1: 1900s; 2,3: 2000s; ...
    year = 1900 + century * 100 + int(digits[4:6])
    if year > (today or dt.date.today()).year or year < 1900:
        raise ApplicationError(
            ID_CENTURY.format(value=digits, year=year),
            extra={"field": "applicant_id_number"},
            status=422,
        )
    return digits


def phone(value: str) -> str:
    digits = re.sub(r"[\s.\-()]", "", value or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not _PHONE.match(digits):
        raise ApplicationError(
            PHONE_INVALID.format(value=value), extra={"field": "applicant_phone"}, status=422
        )
    return digits


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


def mask_id(value: str) -> str:
    return value[:3] + "******" + value[-3:] if len(value) == 12 else "***"


def mask_phone(value: str) -> str:
    return value[:3] + "****" + value[-3:] if len(value) >= 9 else "***"
