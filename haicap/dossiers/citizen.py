"""What a citizen does without an account: find a dossier by its code and the last digits of the
phone number given at intake (rate-limited), attach components, rate the result."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy

from haicap.core.audit import audit_record
from haicap.core.errors import ApplicationError, Conflict, NotFound
from haicap.core.ratelimit import rate_limit_hit
from haicap.core.uploads import EXTENSIONS, upload_checked
from haicap.dossiers.codes import by_code
from haicap.dossiers.models import Attachment, Dossier, Status
from haicap.dossiers.rights import DossierAudit

TRACK_NOT_FOUND = gettext_lazy("Không tìm thấy hồ sơ với mã và 4 số cuối điện thoại này.")
DIGITS_INVALID = gettext_lazy("Nhập đúng 4 số cuối của số điện thoại đã khai khi nộp hồ sơ.")
PER_CLIENT = (10, dt.timedelta(minutes=15))  # attempts per client address
PER_DOSSIER = (20, dt.timedelta(hours=1))  # attempts per dossier code, from anywhere

MAX_FILES = 20
TOO_MANY_FILES = gettext_lazy("Tối đa 20 tệp cho một hồ sơ.")
NOT_ATTACHABLE = gettext_lazy("Hồ sơ {code} không còn nhận thêm giấy tờ (trạng thái «{status}»).")


def dossier_track(code: str, phone_digits: str, *, client: str) -> Dossier:
    """The dossier whose code and phone match; the same answer whether the code or the digits
    are wrong, so that guessing learns nothing."""
    digits = "".join(ch for ch in phone_digits if ch.isdigit())
    if len(digits) != 4:
        raise ApplicationError(DIGITS_INVALID, extra={"field": "phone"}, status=422)
    code = code.strip().upper()
    rate_limit_hit(f"track:ip:{client}", limit=PER_CLIENT[0], window=PER_CLIENT[1])
    rate_limit_hit(f"track:code:{code}", limit=PER_DOSSIER[0], window=PER_DOSSIER[1])
    dossier = (
        Dossier.objects.select_related(
            "procedure", "receiving_unit", "competent_unit", "return_unit"
        )
        .filter(by_code(code), applicant_phone__endswith=digits)
        .first()
    )
    if dossier is None:
        raise NotFound(TRACK_NOT_FOUND)
    return dossier


def _field(item_key: str) -> str:
    """The form field a file came in: its slot on the online form (dossiers.slots), or files."""
    return f"slot_{item_key}" if item_key else "files"


def attachments_add(
    dossier: Dossier, files: list[tuple[str, str, bytes]], *, item_keys: list[str] | None = None
) -> list[Attachment]:
    """Store (component, file name, content) triples; all or nothing. Files go under MEDIA_ROOT,
    which no URL serves: officers download them through a permission-checked view. `item_keys`
    name each file's checklist item (procedures.requirements), when it was uploaded for one."""
    if dossier.status not in (Status.REGISTERED, Status.SUPPLEMENT):
        raise Conflict(
            NOT_ATTACHABLE.format(code=dossier.code, status=Status(dossier.status).label)
        )
    if dossier.attachments.count() + len(files) > MAX_FILES:
        raise ApplicationError(TOO_MANY_FILES, extra={"field": "files"}, status=422)
    keys = item_keys or [""] * len(files)
    checked = [
        (component, name, content, upload_checked(name, content, field=_field(key)), key)
        for (component, name, content), key in zip(files, keys, strict=True)
    ]
    stored = []
    with transaction.atomic():
        for component, name, content, content_type, key in checked:
            extension = EXTENSIONS[content_type]
            digest = hashlib.sha256(content).hexdigest()[:16]
            attachment = Attachment(
                dossier=dossier,
                component=component[:1000] or name,
                item_key=key[:40],
                content_type=content_type,
                size=len(content),
            )
            attachment.file.save(
                f"{dossier.code}-{digest}.{extension}", ContentFile(content), save=False
            )
            attachment.save()
            stored.append(attachment)
        audit_record(
            actor=None,
            action=DossierAudit.TRANSITION,
            obj=dossier,
            province_code=dossier.province_code,
            unit_code=dossier.receiving_unit.code,
            note=f"{dossier.code}: {len(stored)} tệp đính kèm",
        )
    return stored


ONLINE_PER_CLIENT = (
    gettext_lazy("Đã nhận {limit} hồ sơ trực tuyến từ địa chỉ mạng này trong {window}: "
    "vui lòng thử lại sau {minutes} phút.")
)
ONLINE_PER_PHONE = (
    gettext_lazy("Số điện thoại này đã nộp {limit} hồ sơ trực tuyến trong {window}: "
    "vui lòng thử lại sau {minutes} phút hoặc nộp trực tiếp tại bộ phận một cửa.")
)


def online_intake_limit(client: str, phone: str) -> None:
    """Anonymous online filing, per client address an hour and per phone a day (settings
    HAICAP_ONLINE_INTAKE_PER_*): 429 with the wait. The phone is hashed in the key (personal
    data). Called before the intake's transaction, so that a refused filing counts too."""
    rate_limit_hit(
        f"online:ip:{client}",
        limit=settings.HAICAP_ONLINE_INTAKE_PER_CLIENT_HOUR,
        window=dt.timedelta(hours=1),
        message=ONLINE_PER_CLIENT,
    )
    if phone:
        digest = hashlib.sha256(phone.encode()).hexdigest()[:32]
        rate_limit_hit(
            f"online:phone:{digest}",
            limit=settings.HAICAP_ONLINE_INTAKE_PER_PHONE_DAY,
            window=dt.timedelta(days=1),
            message=ONLINE_PER_PHONE,
        )
