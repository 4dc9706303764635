"""A person's identifiers as citizens type them: the 12-digit personal identification number
(CCCD) and Vietnamese phone numbers, checked and normalised; and their masked forms for anyone
not allowed to see personal data. Used by the one-stop shop and by citizen feedback."""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext_lazy

from haicap.core.errors import ApplicationError

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
# ASCII digits only: `\d` would also match Arabic-Indic and other scripts' digits. Full-width
# digits (０-９), which a Japanese/Chinese IME or a phone keyboard may type, are first
# normalised to ASCII: the citizen meant those digits, and what is stored is plain 0-9.
_PHONE = re.compile(r"^0(?:[35789][0-9]{8}|2[0-9]{9})$", re.ASCII)
_FULL_WIDTH = str.maketrans("０１２３４５６７８９＋", "0123456789+")

ID_INVALID = gettext_lazy("Số định danh cá nhân phải gồm đúng 12 chữ số.")
ID_PROVINCE = (
    gettext_lazy("Số định danh «{value}»: 3 chữ số đầu ({prefix}) không phải mã tỉnh nơi đăng ký khai sinh.")
)
ID_CENTURY = gettext_lazy("Số định danh «{value}»: chữ số thứ 4 và năm sinh ({year}) không hợp lệ.")
PHONE_INVALID = (
    gettext_lazy("Số điện thoại «{value}» không hợp lệ "
    "(di động: 10 số bắt đầu 03, 05, 07, 08, 09; cố định: 11 số bắt đầu 02).")
)


def citizen_id(value: str, *, today: dt.date | None = None) -> str:
    digits = re.sub(r"\s", "", (value or "").translate(_FULL_WIDTH))
    if not re.fullmatch(r"[0-9]{12}", digits):
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


def phone(value: str, *, field: str = "applicant_phone") -> str:
    digits = re.sub(r"[\s.\-()]", "", (value or "").translate(_FULL_WIDTH))
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not _PHONE.match(digits):
        raise ApplicationError(
            PHONE_INVALID.format(value=value), extra={"field": field}, status=422
        )
    return digits


def mask_id(value: str) -> str:
    return value[:3] + "******" + value[-3:] if len(value) == 12 else "***"


def mask_phone(value: str) -> str:
    return value[:3] + "****" + value[-3:] if len(value) >= 9 else "***"
