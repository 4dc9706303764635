"""What each message says and to whom, queued in the outbox inside the caller's transaction.

A message names the dossier or report by its code and says what happened, when and where; it
never carries a personal identification number, nor the applicant's name or address (an SMS
is read on a lock screen). E-mail goes to the e-mail address given, else an SMS to the phone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import timezone

from haicap.notifications.models import Kind, Message, MessageChannel
from haicap.workdays.calendar import VN

SUBJECTS = {
    Kind.RECEIVED: "Hồ sơ {code} đã được tiếp nhận",
    Kind.SUPPLEMENT: "Hồ sơ {code} cần bổ sung",
    Kind.LATE: "Hồ sơ {code}: hẹn trả kết quả mới",
    Kind.RESULT_READY: "Hồ sơ {code} đã có kết quả",
    Kind.FEEDBACK_ANSWERED: "Phản ánh {code} đã được trả lời",
    Kind.CONTACT_CODE: "Mã xác nhận phản ánh {code}",
}
RECEIVED = "Hồ sơ {code} ({procedure}) đã được tiếp nhận tại {unit}. Hẹn trả kết quả: {due}."
SUPPLEMENT = "Hồ sơ {code} cần bổ sung: {items}. Vui lòng bổ sung tại {unit}."
LATE = (
    "Hồ sơ {code} không kịp trả đúng hẹn; {unit} xin lỗi ông/bà. Ngày hẹn trả kết quả mới: {due}."
)
RESULT_AT_DESK = "Hồ sơ {code} đã có kết quả. Mời ông/bà nhận kết quả tại {unit}."
RESULT_ONLINE = (
    "Hồ sơ {code} đã có kết quả điện tử: tải về tại trang tra cứu (mã hồ sơ và 4 số cuối "
    "điện thoại)."
)
TRACK = " Tra cứu: {url}/tra-cuu/?ma={code}"
ANSWERED = "Phản ánh {code} đã được {body} trả lời. Xem trả lời: {url}/phan-anh/{code}/"
CONTACT_CODE = (
    "Mã xác nhận số điện thoại cho phản ánh {code}: {secret}. Mã dùng một lần; "
    "không cung cấp mã này cho ai."
)
MAX_ITEMS_TEXT = 300


def _day(moment: dt.datetime | None) -> str:
    return moment.astimezone(VN).strftime("%d/%m/%Y") if moment else "—"


def _url() -> str:
    return str(getattr(settings, "HAICAP_PUBLIC_URL", "")).rstrip("/")


def message_queue(
    kind: str,
    *,
    province_code: str,
    object_type: str,
    object_code: str,
    body: str,
    phone: str = "",
    email: str = "",
    now: dt.datetime | None = None,
) -> Message | None:
    """Queue one message (in the caller's transaction): by e-mail if an address is given, else
    by SMS; None when the citizen gave neither."""
    if email:
        channel, recipient = MessageChannel.EMAIL, email
    elif phone:
        channel, recipient = MessageChannel.SMS, phone
    else:
        return None
    now = now or timezone.now()
    return Message.objects.create(
        province_code=province_code,
        kind=kind,
        channel=channel,
        recipient=recipient[:254],
        subject=SUBJECTS[Kind(kind)].format(code=object_code)[:200],
        body=body,
        object_type=object_type,
        object_code=object_code,
        next_attempt_at=now,
        created_at=now,
    )


def _dossier_message(kind: str, d: Any, body: str) -> Message | None:
    return message_queue(
        kind,
        province_code=d.province_code,
        object_type="dossier",
        object_code=d.code,
        body=body + TRACK.format(url=_url(), code=d.code),
        phone=d.applicant_phone,
        email=d.applicant_email,
    )


def dossier_received(d: Any) -> Message | None:
    return _dossier_message(
        Kind.RECEIVED,
        d,
        RECEIVED.format(
            code=d.code,
            procedure=d.procedure.name[:120],
            unit=d.receiving_unit.full_name,
            due=_day(d.due_at),
        ),
    )


def dossier_supplement(d: Any, items: list[dict[str, str]]) -> Message | None:
    names = ", ".join(i.get("name", "") for i in items)
    if len(names) > MAX_ITEMS_TEXT:
        names = names[: MAX_ITEMS_TEXT - 1] + "…"
    unit = d.competent_unit if d.received_at else d.receiving_unit
    return _dossier_message(
        Kind.SUPPLEMENT, d, SUPPLEMENT.format(code=d.code, items=names, unit=unit.full_name)
    )


def dossier_late(d: Any) -> Message | None:
    return _dossier_message(
        Kind.LATE,
        d,
        LATE.format(code=d.code, unit=d.competent_unit.full_name, due=_day(d.due_at)),
    )


def dossier_result_ready(d: Any) -> Message | None:
    if d.result_at is not None:
        body = RESULT_ONLINE.format(code=d.code)
    else:
        body = RESULT_AT_DESK.format(code=d.code, unit=d.return_unit.full_name)
    return _dossier_message(Kind.RESULT_READY, d, body)


def report_answered(r: Any) -> Message | None:
    """To the author who confirmed the phone, or gave an e-mail address."""
    return message_queue(
        Kind.FEEDBACK_ANSWERED,
        province_code=r.province_code,
        object_type="report",
        object_code=r.code,
        body=ANSWERED.format(code=r.code, body=r.responsible_body, url=_url()),
        phone=r.contact_phone if r.contact_confirmed else "",
        email=r.contact_email,
    )


def contact_code(r: Any, secret: str) -> Message | None:
    """The code that confirms the phone the author gave: always by SMS, to that phone."""
    return message_queue(
        Kind.CONTACT_CODE,
        province_code=r.province_code,
        object_type="report",
        object_code=r.code,
        body=CONTACT_CODE.format(code=r.code, secret=secret),
        phone=r.contact_phone,
    )
