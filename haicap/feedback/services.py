"""Writes of citizen feedback: submit (validate, route, forward at once), the one transition
function, rating, escalation of overdue reports, moderation (hide, merge)."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from haicap.core.audit import audit_record
from haicap.core.errors import ApplicationError, NotFound, PermissionDenied
from haicap.core.fielderrors import Collector
from haicap.core.idempotency import Idempotency, key_and_fingerprint, replay_checked
from haicap.core.models import AuditEvent
from haicap.core.permissions import Actor, require_permission
from haicap.core.personal import phone as clean_phone
from haicap.core.text import fold, nfc
from haicap.core.workflow import SYSTEM, Step, transition_apply
from haicap.feedback import deadlines
from haicap.feedback.effects import sla_due
from haicap.feedback.models import (
    OPEN_STATUSES,
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
from haicap.feedback.workflow import FLOW
from haicap.units.selectors import unit_in_force
from haicap.workdays.calendar import VN
from haicap.workdays.selectors import work_calendar

S = ReportStatus
DESCRIPTION_LENGTH = gettext_lazy("Nội dung phản ánh cần từ 10 đến 5.000 ký tự.")
COMPLAINT = (
    gettext_lazy("Đây là khiếu nại hoặc tố cáo: theo Luật Khiếu nại và Luật Tố cáo, đơn phải gửi trực tiếp "
    "đến cơ quan có thẩm quyền (Ban Tiếp công dân của {province}), không qua kênh phản ánh, "
    "kiến nghị. Nếu bạn chỉ muốn báo một sự việc cần xử lý, hãy viết lại nội dung không kèm "
    "yêu cầu khiếu nại, tố cáo.")
)
COMPLAINT_WORDS = ("khiếu nại", "tố cáo")  # vi-only: words looked for in the text
BANNED = gettext_lazy("Người gửi này đang bị tạm chặn gửi phản ánh do vi phạm quy định sử dụng.")


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


def report_submit(
    submission: Submission,
    *,
    actor: Actor | None = None,
    photos: list[Evidence] | None = None,
    idempotency_key: str | Idempotency | None = None,
    client_key: str = "",
    attributes: dict[str, str] | None = None,
    now: dt.datetime | None = None,
) -> Report:
    """Validate, route and file a report; routed ones land in the unit's queue at once. A
    caller's idempotency key (`core.idempotency`) finds only that caller's report again, so the
    private token is never handed to anyone else."""
    now = now or timezone.now()
    key, request_fingerprint = key_and_fingerprint(idempotency_key)
    errors = Collector()  # the description, the place and the phone reported at once
    description = errors.run(_description_checked, submission) or ""
    category = category_get(submission.province_code, submission.category_code)
    route = errors.run(
        route_report,
        category=category,
        province_code=submission.province_code,
        lat=submission.lat,
        lon=submission.lon,
        address=submission.address,
    )
    phone = errors.run(_sender_checked, submission, client_key, now) or ""
    errors.done()
    assert route is not None
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
                (key, request_fingerprint),
                client_key,
                now,
            )
    except IntegrityError:
        if key:
            existing = Report.objects.filter(
                idempotency_key=key, province_code=submission.province_code
            ).first()
            if existing is not None:
                return replay_checked(existing, request_fingerprint)
        raise


def _description_checked(submission: Submission) -> str:
    """The description, 10 to 5,000 characters, for a province that exists, and not a formal
    complaint (those go to the citizens' reception office by law)."""
    description = " ".join(nfc(submission.description or "").split())
    if not 10 <= len(description) <= 5000:
        raise ApplicationError(DESCRIPTION_LENGTH, extra={"field": "description"}, status=422)
    province = unit_in_force("province", submission.province_code)
    if province is None:
        raise NotFound(
            gettext("Không có tỉnh mã «{province_code}».").format(
                province_code=submission.province_code
            ), extra={"field": "jurisdiction_id"}
        )
    if is_complaint(description):
        raise ApplicationError(
            COMPLAINT.format(province=province.full_name),
            extra={"field": "description", "redirect": "complaint"},
            status=422,
        )
    return description


def _sender_checked(submission: Submission, client_key: str, now: dt.datetime) -> str:
    """The contact phone, cleaned ("" if none); refused while the phone or client is banned."""
    phone = ""
    if submission.contact_phone.strip():
        phone = clean_phone(submission.contact_phone, field="contact_phone")
    banned = Ban.objects.filter(value__in=[v for v in (phone, client_key) if v]).filter(
        Q(until__isnull=True) | Q(until__gt=now)
    )
    if banned.exists():
        raise PermissionDenied(BANNED, extra={"field": "contact_phone" if phone else "client"})
    return phone


def _file(
    submission: Submission,
    attributes: dict[str, str],
    description: str,
    category: Category,
    route: Route,
    phone: str,
    actor: Actor | None,
    photos: list[Evidence],
    idempotency: tuple[str | None, str],
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
        due_at=sla_due(SimpleNamespace(category=category), now, work_calendar()) if routed else None,
        contact_name=nfc(submission.contact_name).strip()[:120],
        contact_phone=phone,
        contact_email=submission.contact_email.strip()[:254],
        token=secrets.token_urlsafe(18),
        idempotency_key=idempotency[0],
        idempotency_fingerprint=idempotency[1],
        client_key=client_key[:64],
        attributes=attributes,
    )
    for photo in photos:
        photo.report = report
        photo.kind = "report"
        photo.save()
    _first_steps_write(report, route, actor, now)
    report_changed.send(Report, before=None, after=report)
    return report


def _first_steps_write(report: Report, route: Route, actor: Actor | None, now: dt.datetime) -> None:
    """Two steps at once: received, then forwarded to the unit (or to the dispatcher)."""
    routed = not route.dispatch
    near = " (gần ranh giới xã/phường)"  # vi-only: a stored note
    note = report.responsible_body + (near if report.near_boundary else "")
    steps = [
        FLOW.rows(
            report,
            action="submit",
            actor=actor,
            at=now,
            from_status=None,
            to_status=S.RECEIVED,
            step=Step(route.reason),
        ),
        FLOW.rows(
            report,
            action="forward" if routed else "to_dispatcher",
            actor=SYSTEM,
            at=now,
            from_status=S.RECEIVED,
            step=Step(note),
        ),
    ]
    for _, audit in steps:
        audit.note = f"{report.code} {audit.note}"[:2000]
    ReportEvent.objects.bulk_create([event for event, _ in steps])
    AuditEvent.objects.bulk_create([audit for _, audit in steps])


# --- transitions, through the engine -------------------------------------------------------------


def allowed_actions(report: Report, actor: Actor | None) -> list[str]:
    return FLOW.possible(report) if actor is None else FLOW.allowed(report, actor)


def report_transition(
    report: Report,
    *,
    action: str,
    actor: Actor | None,
    token: str = "",
    now: dt.datetime | None = None,
    **params: Any,
) -> Report:
    """Apply one action of the workflow table (feedback.workflow.TRANSITIONS); the author's
    actions (reopen, close) are authorised by the report's private `token`."""
    return transition_apply(FLOW, report, action=action, actor=actor, now=now, token=token, **params)


def reports_escalate(now: dt.datetime | None = None) -> int:
    """Escalate overdue open reports: to the unit's leader when the due time (or the committed
    date) has passed, to the province two working days later. Returns how many moved."""
    now = now or timezone.now()
    cal = work_calendar()
    moved = 0
    for report in Report.objects.filter(
        deadlines.overdue_q(now), escalation__lt=2
    ):
        deadline = deadlines.deadline(report)
        assert deadline is not None  # filtered above
        second = dt.datetime.combine(
            cal.add_working_days(deadline.astimezone(VN).date(), 2),
            deadline.astimezone(VN).time(),
            tzinfo=VN,
        )
        if report.escalation == 0 or (report.escalation == 1 and now > second):
            report_transition(report, action="escalate", actor=SYSTEM, now=now)
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
        raise ApplicationError(gettext_lazy("Cần ghi lý do."), extra={"field": "reason"}, status=422)
    report = FLOW.lock(report)
    previous = copy.copy(report)
    if hide is not None:
        report.hidden = hide
    if duplicate_of is not None:
        if duplicate_of.pk == report.pk or duplicate_of.province_code != report.province_code:
            raise ApplicationError(
                gettext_lazy("Không thể gộp vào phản ánh này."), extra={"field": "duplicate_of"}, status=422
            )
        report.duplicate_of = duplicate_of
        if report.status in OPEN_STATUSES:
            report.status, report.closed_at = S.CLOSED, timezone.now()
    report.save()
    report_changed.send(Report, before=previous, after=report)
    if report.status != previous.status:  # merged: the timeline says where it went
        event, _ = FLOW.rows(
            report,
            action="merge",
            actor=actor,
            at=report.closed_at or timezone.now(),
            from_status=previous.status,
            from_unit=previous.responsible_unit_code,
            step=Step(f"Gộp vào phản ánh {duplicate_of.code if duplicate_of else ''}"),
        )
        event.save()
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
        raise ApplicationError(gettext_lazy("Cần ghi lý do chặn."), extra={"field": "reason"}, status=422)
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
    """Send the author a code confirming the phone they gave: queued in the notifications
    outbox in the same transaction as the code's digest, and delivered by SMS through the
    deployment's gateway (`haicap notify send`); no log line carries it."""
    from haicap.notifications.outbox import contact_code

    if report.contact_phone and not report.contact_confirmed:
        with transaction.atomic():
            contact_code(report, confirmation_code(report))


# A code allows CONFIRM_ATTEMPTS tries (HAICAP_CONFIRM_ATTEMPTS, default 5), counted per code in
# the database (core RateLimitHit, so every process counts the same); then it is void (VOID_CODE
# in confirmation_hash, which no digest equals) and the author asks for a new one.
VOID_CODE = "void"
CONFIRM_WRONG = gettext_lazy("Mã xác nhận không đúng; còn {left} lần thử.")
CONFIRM_VOID = gettext_lazy("Mã xác nhận đã bị huỷ sau {n} lần nhập sai; hãy bấm «Gửi lại mã» để nhận mã mới.")
CONFIRM_NONE = gettext_lazy("Chưa có mã xác nhận; hãy bấm «Gửi lại mã» để nhận mã.")


def _confirm_attempts() -> int:
    from django.conf import settings

    return max(1, int(getattr(settings, "HAICAP_CONFIRM_ATTEMPTS", 5)))


def confirmation_code(report: Report) -> str:
    """A 6-digit code for the contact given (sent by SMS or e-mail by the deployment's sender);
    it replaces any earlier code, and its tries are counted afresh."""
    code = f"{secrets.randbelow(10**6):06d}"
    report.confirmation_hash = hashlib.sha256(f"{report.token}:{code}".encode()).hexdigest()
    report.save(update_fields=["confirmation_hash"])
    return code


def contact_confirm(report: Report, code: str, *, actor: Actor | None = None) -> Report:
    """The author confirms the phone they gave with the code sent to it (audited). A wrong code
    is a 422 saying how many tries are left; the last wrong try voids the code (429)."""
    from haicap.core.models import RateLimitHit

    limit = _confirm_attempts()
    digest = hashlib.sha256(f"{report.token}:{code.strip()}".encode()).hexdigest()
    error: ApplicationError | None = None
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)  # tries counted in turn
        stored = locked.confirmation_hash
        key = f"feedback:confirm:{locked.pk}:{stored[:16]}"
        if stored == VOID_CODE:
            error = ApplicationError(
                CONFIRM_VOID.format(n=limit), extra={"field": "code"}, status=429
            )
        elif not stored:
            error = ApplicationError(CONFIRM_NONE, extra={"field": "code"}, status=422)
        elif secrets.compare_digest(digest, stored):
            RateLimitHit.objects.filter(key=key).delete()
            report.contact_confirmed = True
            report.confirmation_hash = locked.confirmation_hash = ""  # a code is used once
            report.save(update_fields=["contact_confirmed", "confirmation_hash"])
            audit_record(
                actor=actor,
                action=FeedbackAudit.CONTACT_CONFIRMED,
                obj=report,
                province_code=report.province_code,
                unit_code=report.responsible_unit_code,
                note=f"{report.code}: xác nhận số điện thoại liên hệ",
            )
        else:
            RateLimitHit.objects.create(key=key, at=timezone.now())
            used = RateLimitHit.objects.filter(key=key).count()
            if used >= limit:
                RateLimitHit.objects.filter(key=key).delete()
                report.confirmation_hash = VOID_CODE
                report.save(update_fields=["confirmation_hash"])
                error = ApplicationError(
                    CONFIRM_VOID.format(n=limit), extra={"field": "code"}, status=429
                )
            else:
                error = ApplicationError(
                    CONFIRM_WRONG.format(left=limit - used),
                    extra={"field": "code", "attempts_left": limit - used},
                    status=422,
                )
    if error is not None:  # raised after the commit, so that the counted try stays counted
        raise error
    return report
