"""Writes of citizen feedback: submit (validate, route, forward at once), the one transition
function, rating, escalation of overdue reports, moderation (hide, merge)."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import logging
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from haicap.core.audit import audit_event_build, audit_record
from haicap.core.errors import ApplicationError, Conflict, NotFound, PermissionDenied
from haicap.core.models import AuditEvent
from haicap.core.permissions import PERMISSION_DENIED, Actor, has_permission, require_permission
from haicap.core.personal import phone as clean_phone
from haicap.core.text import fold, nfc
from haicap.feedback.models import (
    Ban,
    Category,
    Channel,
    Evidence,
    Report,
    ReportEvent,
    ReportStatus,
)
from haicap.feedback.rights import FeedbackAudit, FeedbackPerm
from haicap.feedback.routing import Route, route_report
from haicap.feedback.selectors import category_get
from haicap.feedback.signals import report_changed
from haicap.feedback.workflow import TRANSITIONS, Transition
from haicap.units.selectors import unit_in_force
from haicap.workdays.calendar import VN, due_at
from haicap.workdays.selectors import work_calendar

S = ReportStatus
DESCRIPTION_LENGTH = "Nội dung phản ánh cần từ 10 đến 5.000 ký tự."
COMPLAINT = (
    "Đây là khiếu nại hoặc tố cáo: theo Luật Khiếu nại và Luật Tố cáo, đơn phải gửi trực tiếp "
    "đến cơ quan có thẩm quyền (Ban Tiếp công dân của {province}), không qua kênh phản ánh, "
    "kiến nghị. Nếu bạn chỉ muốn báo một sự việc cần xử lý, hãy viết lại nội dung không kèm "
    "yêu cầu khiếu nại, tố cáo."
)
WRONG_STATUS = (
    "Phản ánh {code} đang «{status}»: không thể «{action}». Thao tác được phép: {allowed}."
)
UNKNOWN_ACTION = "Thao tác «{action}» không tồn tại."
TEXT_REQUIRED = "Cần nội dung trả lời, cập nhật hoặc lý do (ít nhất 10 ký tự)."
EVIDENCE_REQUIRED = "Trả lời phải kèm ít nhất một ảnh hoặc tài liệu minh chứng."
BODY_REQUIRED = "Cần ghi rõ cơ quan có thẩm quyền xử lý."
COMMITTED_DATE = "Ngày hẹn trả lời phải từ hôm nay trở đi, dạng YYYY-MM-DD."
UNIT_NOT_HERE = "Đơn vị «{code}» không thuộc tỉnh của phản ánh."
TOKEN_WRONG = "Đường dẫn riêng của phản ánh không đúng."
RATING_REASON = "Cần ghi lý do không hài lòng."
COMPLAINT_WORDS = ("khiếu nại", "tố cáo")
BANNED = "Người gửi này đang bị tạm chặn gửi phản ánh do vi phạm quy định sử dụng."


def _user(actor: Actor | None) -> Any:
    return actor if actor is not None and actor.is_authenticated else None


def is_complaint(text: str) -> bool:
    """Formal complaints and denunciations follow other laws; recognised by their words (with
    diacritics, or folded when the text is written without any)."""
    text = nfc(text).lower()
    if any(word in text for word in COMPLAINT_WORDS):
        return True
    if fold(text) == text:  # written without diacritics
        return any(fold(word) in text for word in COMPLAINT_WORDS)
    return False


@dataclass(frozen=True)
class Submission:
    province_code: str
    category_code: str
    description: str
    lat: float | None = None
    lon: float | None = None
    address: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    channel: str = Channel.WEB


def _code(now: dt.datetime) -> str:
    return f"PA-{now.astimezone(VN):%y%m%d}-{secrets.token_hex(3).upper()}"


def _event_rows(
    report: Report,
    *,
    action: str,
    actor: Actor | None,
    at: dt.datetime,
    from_status: str = "",
    to_status: str = "",
    from_unit: str = "",
    note: str = "",
    public: bool = True,
    data: dict[str, Any] | None = None,
) -> tuple[ReportEvent, AuditEvent]:
    """One step's history line and audit event, not yet saved."""
    user = _user(actor)
    citizen = action in ("reopen", "close")
    to_status = to_status or report.status
    event = ReportEvent(
        report=report,
        at=at,
        action=action,
        from_status=from_status,
        to_status=to_status,
        from_unit_code=from_unit,
        to_unit_code=report.responsible_unit_code,
        actor=user,
        actor_label=user.get_username() if user else ("người dân" if citizen else "hệ thống"),
        note=note,
        public=public,
        data=data or {},
        province_code=report.province_code,
    )
    audit = audit_event_build(
        actor=actor,
        action=FeedbackAudit.CREATED
        if action == "submit"
        else FeedbackAudit.TRANSITION,
        obj=report,
        province_code=report.province_code,
        unit_code=report.responsible_unit_code,
        from_state=from_status,
        to_state=to_status,
        note=f"{report.code} {action}: {note}"[:2000],
    )
    return event, audit


def _event(report: Report, **step: Any) -> None:
    event, audit = _event_rows(report, **step)
    event.save()
    audit.save()


def _sla_due(category: Category, now: dt.datetime) -> dt.datetime:
    return due_at(now, category.sla_working_days, "working_days", work_calendar(), cutoff=False)


def report_submit(
    submission: Submission,
    *,
    actor: Actor | None = None,
    photos: list[Evidence] | None = None,
    idempotency_key: str | None = None,
    client_key: str = "",
    attributes: dict[str, str] | None = None,
    now: dt.datetime | None = None,
) -> Report:
    """Validate, route and file a report; routed ones land in the unit's queue at once."""
    now = now or timezone.now()
    description = " ".join(nfc(submission.description or "").split())
    if not 10 <= len(description) <= 5000:
        raise ApplicationError(DESCRIPTION_LENGTH, extra={"field": "description"}, status=422)
    province = unit_in_force("province", submission.province_code)
    if province is None:
        raise NotFound(
            f"Không có tỉnh mã «{submission.province_code}».", extra={"field": "jurisdiction_id"}
        )
    if is_complaint(description):
        raise ApplicationError(
            COMPLAINT.format(province=province.full_name),
            extra={"field": "description", "redirect": "complaint"},
            status=422,
        )
    category = category_get(submission.province_code, submission.category_code)
    route = route_report(
        category=category,
        province_code=submission.province_code,
        lat=submission.lat,
        lon=submission.lon,
        address=submission.address,
    )
    phone = ""
    if submission.contact_phone.strip():
        phone = clean_phone(submission.contact_phone, field="contact_phone")
    banned = Ban.objects.filter(value__in=[v for v in (phone, client_key) if v]).filter(
        Q(until__isnull=True) | Q(until__gt=now)
    )
    if banned.exists():
        raise PermissionDenied(BANNED, extra={"field": "contact_phone" if phone else "client"})
    try:
        with transaction.atomic():
            return _file(
                submission,
                {k[:40]: str(v)[:300] for k, v in (attributes or {}).items()},
                description,
                category,
                route,
                phone,
                actor,
                photos or [],
                idempotency_key,
                client_key,
                now,
            )
    except IntegrityError:
        if idempotency_key:
            existing = Report.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return existing
        raise


def _file(
    submission: Submission,
    attributes: dict[str, str],
    description: str,
    category: Category,
    route: Route,
    phone: str,
    actor: Actor | None,
    photos: list[Evidence],
    idempotency_key: str | None,
    client_key: str,
    now: dt.datetime,
) -> Report:
    routed = not route.dispatch
    report = Report.objects.create(
        code=_code(now),
        province_code=submission.province_code,
        category=category,
        description=description,
        channel=submission.channel,
        lat=submission.lat,
        lon=submission.lon,
        address=nfc(submission.address)[:300],
        commune_code=route.commune_code,
        candidate_codes=route.candidates,
        near_boundary=route.near_boundary,
        responsible_unit_code=route.unit_code,
        responsible_body=route.body[:160],
        status=S.FORWARDED if routed else S.DISPATCH,
        created_at=now,
        forwarded_at=now if routed else None,
        due_at=_sla_due(category, now) if routed else None,
        contact_name=nfc(submission.contact_name).strip()[:120],
        contact_phone=phone,
        contact_email=submission.contact_email.strip()[:254],
        token=secrets.token_urlsafe(18),
        idempotency_key=idempotency_key,
        client_key=client_key[:64],
        attributes=attributes,
    )
    for photo in photos:
        photo.report = report
        photo.kind = "report"
        photo.save()
    # two steps at once: received, then forwarded to the unit (or to the dispatcher)
    note = report.responsible_body + (" (gần ranh giới xã/phường)" if report.near_boundary else "")
    steps = [
        _event_rows(
            report, action="submit", actor=actor, at=now, to_status=S.RECEIVED, note=route.reason
        ),
        _event_rows(
            report,
            action="forward" if routed else "to_dispatcher",
            actor=None,
            at=now,
            from_status=S.RECEIVED,
            note=note,
        ),
    ]
    ReportEvent.objects.bulk_create([event for event, _ in steps])
    AuditEvent.objects.bulk_create([audit for _, audit in steps])
    report_changed.send(Report, before=None, after=report)
    return report


# --- the one transition function ----------------------------------------------------------------


def allowed_actions(report: Report, actor: Actor | None) -> list[str]:
    names = [
        n
        for n, t in TRANSITIONS.items()
        if report.status in t.sources and t.unit in ("responsible", "province")
    ]
    if actor is None:
        return names
    return [n for n in names if _permitted(report, TRANSITIONS[n], actor)]


def _permitted(report: Report, transition: Transition, actor: Actor) -> bool:
    if transition.unit == "province" or report.responsible_unit_code == report.province_code:
        return has_permission(actor, transition.perm, province_code=report.province_code)
    return has_permission(
        actor,
        transition.perm,
        province_code=report.province_code,
        unit_code=report.responsible_unit_code,
    )


def report_transition(
    report: Report,
    *,
    action: str,
    actor: Actor | None,
    token: str = "",
    now: dt.datetime | None = None,
    **params: Any,
) -> Report:
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise ApplicationError(
            UNKNOWN_ACTION.format(action=action), extra={"allowed_actions": list(TRANSITIONS)}
        )
    now = now or timezone.now()
    with transaction.atomic():
        report = Report.objects.select_for_update().select_related("category").get(pk=report.pk)
        if report.status not in transition.sources:
            allowed = allowed_actions(report, actor)
            raise Conflict(
                WRONG_STATUS.format(
                    code=report.code,
                    status=S(report.status).label,
                    action=transition.label,
                    allowed=", ".join(allowed) or "không có",
                ),
                extra={"status": report.status, "allowed_actions": allowed},
            )
        if transition.unit == "citizen":
            if not token or not secrets.compare_digest(token, report.token):
                raise PermissionDenied(TOKEN_WRONG)
        elif transition.unit == "system":
            if actor is not None and actor.is_authenticated:
                raise PermissionDenied(PERMISSION_DENIED)
        elif actor is None or not _permitted(report, transition, actor):
            raise PermissionDenied(PERMISSION_DENIED, extra={"permission": transition.perm})
        before, unit_before = report.status, report.responsible_unit_code
        previous = copy.copy(report)
        note, data, public = _EFFECTS[action](report, now, params)
        if transition.target is not None:
            report.status = transition.target
        report.save()
        report_changed.send(Report, before=previous, after=report)
        _event(
            report,
            action=action,
            actor=actor,
            at=now,
            from_status=before,
            from_unit=unit_before,
            note=note,
            public=public,
            data=data,
        )
    return report


def _text(params: dict, key: str = "text") -> str:
    text = " ".join(nfc(str(params.get(key) or "")).split())
    if len(text) < 10:
        raise ApplicationError(TEXT_REQUIRED, extra={"field": key}, status=422)
    return text[:5000]


def _reassign(r: Report, now: dt.datetime, p: dict) -> tuple[str, dict, bool]:
    reason = _text(p, "reason")
    code = str(p.get("unit_code") or "").strip()
    level = "province" if len(code) == 2 else "commune"
    unit = unit_in_force(level, code)
    if unit is None or unit.province_code != r.province_code:
        raise ApplicationError(
            UNIT_NOT_HERE.format(code=code), extra={"field": "unit_code"}, status=422
        )
    r.responsible_unit_code = unit.code
    r.responsible_body = str(p.get("body") or f"UBND {unit.full_name}")[:160]
    if level == "commune" and not r.commune_code:
        r.commune_code = unit.code
    r.forwarded_at = now
    r.due_at = due_at(
        now, r.category.sla_working_days, "working_days", work_calendar(), cutoff=False
    )
    return f"→ {r.responsible_body}: {reason}", {"unit_code": unit.code, "reason": reason}, True


def _accept(r: Report, now: dt.datetime, p: dict) -> tuple[str, dict, bool]:
    return "", {}, True


def _progress(r: Report, now: dt.datetime, p: dict) -> tuple[str, dict, bool]:
    text = _text(p)
    try:
        day = dt.date.fromisoformat(str(p.get("committed_date")))
    except ValueError:
        raise ApplicationError(
            COMMITTED_DATE, extra={"field": "committed_date"}, status=422
        ) from None
    if day < now.astimezone(VN).date():
        raise ApplicationError(COMMITTED_DATE, extra={"field": "committed_date"}, status=422)
    r.committed_at = dt.datetime.combine(
        work_calendar().next_working_day(day, include=True), dt.time(17), tzinfo=VN
    )
    return (
        f"{text} (hẹn trả lời {r.committed_at:%d/%m/%Y})",
        {"committed_at": r.committed_at.isoformat()},
        True,
    )


def _answer(r: Report, now: dt.datetime, p: dict) -> tuple[str, dict, bool]:
    text = _text(p)
    if not r.evidence.filter(kind="answer").exists():
        raise ApplicationError(EVIDENCE_REQUIRED, extra={"field": "evidence"}, status=422)
    r.answer, r.answered_at = text, now
    return (
        text,
        {"on_time": bool(r.due_at is None or now <= max(r.due_at, r.committed_at or r.due_at))},
        True,
    )


def _reject(r: Report, now: dt.datetime, p: dict) -> tuple[str, dict, bool]:
    body = " ".join(str(p.get("body") or "").split())
    if len(body) < 3:
        raise ApplicationError(BODY_REQUIRED, extra={"field": "body"}, status=422)
    reason = _text(p, "reason")
    return f"Thuộc thẩm quyền: {body}. {reason}", {"body": body, "reason": reason}, True


def _escalate(r: Report, now: dt.datetime, p: dict) -> tuple[str, dict, bool]:
    r.escalation = min(2, r.escalation + 1)
    to = "lãnh đạo đơn vị" if r.escalation == 1 else "cấp tỉnh"
    return f"Quá hạn trả lời: báo cáo {to}", {"level": r.escalation}, False


def _reopen(r: Report, now: dt.datetime, p: dict) -> tuple[str, dict, bool]:
    reason = _text(p, "reason")
    r.closed_at = None
    r.due_at = due_at(
        now, r.category.sla_working_days, "working_days", work_calendar(), cutoff=False
    )
    return reason, {}, True


def _close(r: Report, now: dt.datetime, p: dict) -> tuple[str, dict, bool]:
    satisfied = p.get("satisfied")
    reason = " ".join(str(p.get("reason") or "").split())[:500]
    if satisfied is False and not reason:
        raise ApplicationError(RATING_REASON, extra={"field": "reason"}, status=422)
    r.rating_satisfied, r.rating_reason, r.closed_at = satisfied, reason, now
    label = {True: "hài lòng", False: "không hài lòng", None: "không đánh giá"}[satisfied]
    return f"{label}{': ' + reason if reason else ''}", {"satisfied": satisfied}, True


_EFFECTS = {
    "forward": _accept,
    "to_dispatcher": _accept,
    "reassign": _reassign,
    "accept": _accept,
    "progress": _progress,
    "answer": _answer,
    "reject": _reject,
    "escalate": _escalate,
    "reopen": _reopen,
    "close": _close,
}
assert set(_EFFECTS) == set(TRANSITIONS)


def reports_escalate(now: dt.datetime | None = None) -> int:
    """Escalate overdue open reports: to the unit's leader when the due time (or the committed
    date) has passed, to the province two working days later. Returns how many moved."""
    now = now or timezone.now()
    cal = work_calendar()
    moved = 0
    for report in Report.objects.filter(
        status__in=[s for s in TRANSITIONS["escalate"].sources], escalation__lt=2, due_at__lt=now
    ):
        assert report.due_at is not None  # filtered above
        deadline = max(report.due_at, report.committed_at or report.due_at)
        if deadline >= now:
            continue
        second = dt.datetime.combine(
            cal.add_working_days(deadline.astimezone(VN).date(), 2),
            deadline.astimezone(VN).time(),
            tzinfo=VN,
        )
        if report.escalation == 0 or (report.escalation == 1 and now > second):
            report_transition(report, action="escalate", actor=None, now=now)
            moved += 1
    return moved


@transaction.atomic
def report_moderate(
    report: Report,
    *,
    actor: Actor,
    hide: bool | None = None,
    duplicate_of: Report | None = None,
    reason: str = "",
) -> Report:
    """Hide a report from the public page, or merge it into an earlier one (it is closed)."""
    require_permission(actor, FeedbackPerm.MODERATE, province_code=report.province_code)
    if not reason.strip():
        raise ApplicationError("Cần ghi lý do.", extra={"field": "reason"}, status=422)
    previous = copy.copy(report)
    if hide is not None:
        report.hidden = hide
    if duplicate_of is not None:
        if duplicate_of.pk == report.pk or duplicate_of.province_code != report.province_code:
            raise ApplicationError(
                "Không thể gộp vào phản ánh này.", extra={"field": "duplicate_of"}, status=422
            )
        report.duplicate_of = duplicate_of
        if report.status in TRANSITIONS["escalate"].sources:
            report.status, report.closed_at = S.CLOSED, timezone.now()
    report.save()
    report_changed.send(Report, before=previous, after=report)
    audit_record(
        actor=actor,
        action=FeedbackAudit.MODERATED,
        obj=report,
        province_code=report.province_code,
        unit_code=report.responsible_unit_code,
        to_state=report.status,
        note=f"{report.code}: {'ẩn' if report.hidden else 'hiện'}"
        + (f", gộp vào {duplicate_of.code}" if duplicate_of else "")
        + f" — {reason.strip()}",
    )
    return report


@transaction.atomic
def sender_ban(report: Report, *, actor: Actor, reason: str, days: int | None = 30) -> list[str]:
    """Refuse further reports from this report's phone and client, for `days` (None: for good)."""
    require_permission(actor, FeedbackPerm.MODERATE, province_code=report.province_code)
    if len(reason.strip()) < 5:
        raise ApplicationError("Cần ghi lý do chặn.", extra={"field": "reason"}, status=422)
    until = timezone.now() + dt.timedelta(days=days) if days else None
    # an app's key stands for all its users: only an address (ip:…) or a phone is banned
    values = [
        v for v in (report.contact_phone, report.client_key) if v and not v.startswith("o311:")
    ]
    for value in values:
        Ban.objects.update_or_create(
            value=value, defaults={"reason": reason.strip()[:300], "until": until}
        )
    audit_record(
        actor=actor,
        action=FeedbackAudit.MODERATED,
        obj=report,
        province_code=report.province_code,
        note=f"{report.code}: chặn người gửi ({len(values)} định danh) — {reason.strip()}",
    )
    return values


def contact_code_send(report: Report) -> None:
    """Send the author a code confirming the phone they gave. The deployment's SMS gateway reads
    the `haicap.sms` log (the phone is masked in every other log); nothing leaves this process."""
    if report.contact_phone and not report.contact_confirmed:
        code = confirmation_code(report)
        logging.getLogger("haicap.sms").info(
            "to=%s code=%s report=%s", report.contact_phone, code, report.code
        )


def confirmation_code(report: Report) -> str:
    """A 6-digit code for the contact given (sent by SMS or e-mail by the deployment's sender)."""
    code = f"{secrets.randbelow(10**6):06d}"
    report.confirmation_hash = hashlib.sha256(f"{report.token}:{code}".encode()).hexdigest()
    report.save(update_fields=["confirmation_hash"])
    return code


def contact_confirm(report: Report, code: str) -> Report:
    digest = hashlib.sha256(f"{report.token}:{code.strip()}".encode()).hexdigest()
    if not report.confirmation_hash or not secrets.compare_digest(digest, report.confirmation_hash):
        raise ApplicationError("Mã xác nhận không đúng.", extra={"field": "code"}, status=422)
    report.contact_confirmed = True
    report.save(update_fields=["contact_confirmed"])
    return report
