"""The one-stop shop's writes: intake, the one transition function, rating.

Every write checks the actor's permission at the right unit, runs in a transaction, keeps the
control sheet (DossierEvent) and writes one audit event.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from haicap.core.audit import audit_event_build, audit_record
from haicap.core.errors import ApplicationError, Conflict, NotFound
from haicap.core.models import AuditEvent
from haicap.core.permissions import Actor, has_permission, require_permission
from haicap.dossiers.codes import agency_code
from haicap.dossiers.intake_insert import intake_insert
from haicap.dossiers.models import (
    Channel,
    Dossier,
    DossierEvent,
    Payment,
    ReturnMethod,
    Status,
    SupplementRequest,
)
from haicap.dossiers.rights import DossierAudit, DossierPerm
from haicap.dossiers.signals import dossier_changed
from haicap.dossiers.validation import Applicant
from haicap.dossiers.workflow import TRANSITIONS, Transition
from haicap.procedures.models import Procedure
from haicap.procedures.selectors import procedure_settings_cached
from haicap.units.models import Level, Unit
from haicap.units.selectors import unit_in_force
from haicap.workdays.calendar import CUTOFF, VN, classify, due_at
from haicap.workdays.selectors import work_calendar

NOT_OFFERED = "Tỉnh {province} không cung cấp thủ tục {code}."
NOT_BOUNDARY_FREE = "Thủ tục {code} không phi địa giới: hồ sơ phải nộp tại {unit}."
OTHER_PROVINCE = "Cơ quan giải quyết {unit} ở tỉnh khác; chỉ tiếp nhận phi địa giới trong tỉnh."
UNIT_NOT_IN_FORCE = "Đơn vị {code} không còn hiệu lực."
WRONG_STATUS = "Hồ sơ {code} đang ở trạng thái «{status}»: không thể «{action}». Thao tác được phép: {allowed}."
UNKNOWN_ACTION = "Thao tác «{action}» không tồn tại."
ITEMS_REQUIRED = "Cần liệt kê đầy đủ các giấy tờ còn thiếu (tên, loại bản, lý do)."
SUPPLEMENT_ONCE = "Hồ sơ đã có phiếu yêu cầu bổ sung khi tiếp nhận: chỉ yêu cầu một lần, đầy đủ."
REASON_REQUIRED = "Cần ghi rõ lý do."
APPRAISAL_TOO_LATE = (
    "Đã quá 3 ngày làm việc kể từ khi tiếp nhận ({received:%d/%m/%Y}): không thể yêu cầu bổ sung."
)
APOLOGY_ONCE = "Hồ sơ đã được hẹn lại một lần; chỉ được hẹn lại một lần."
APOLOGY_TOO_LATE = (
    "Phải thông báo chậm muộn ít nhất 1 ngày làm việc trước hạn trả ({due:%d/%m/%Y})."
)
APOLOGY_DATE = "Ngày hẹn mới phải sau hạn trả hiện tại ({due:%d/%m/%Y})."
OFFICER_NOT_HERE = "Cán bộ được phân công phải có quyền xử lý hồ sơ tại {unit}."
RATING_ONCE = "Hồ sơ đã được đánh giá."
RATING_NOT_RETURNED = "Chỉ đánh giá được sau khi đã trả kết quả."
DOSSIER_NOT_FOUND = "Không tìm thấy hồ sơ «{code}»."


@dataclass(frozen=True)
class Intake:
    """What the counter (or the portal, or an integrator) sends in."""

    procedure: Procedure
    receiving_unit: Unit
    applicant: Applicant
    competent_unit: Unit | None = None
    return_unit: Unit | None = None
    channel: str = Channel.IN_PERSON
    request: str = ""
    sets: int = 1
    applicant_commune_code: str = ""
    return_method: str = ReturnMethod.COUNTER


def _user(actor: Actor | None) -> Any:
    """The signed-in user behind an actor, or None (anonymous citizen, system)."""
    return actor if actor is not None and actor.is_authenticated else None


def _unit_in_force(unit: Unit) -> Unit:
    if unit.valid_to is not None:
        raise ApplicationError(UNIT_NOT_IN_FORCE.format(code=unit.code), status=422)
    return unit


def _competent(intake: Intake, boundary_free: bool) -> Unit:
    province = intake.receiving_unit.province_code
    procedure = intake.procedure
    if intake.competent_unit is not None:
        competent = _unit_in_force(intake.competent_unit)
    elif "commune" in procedure.levels:
        competent = intake.receiving_unit
    else:
        province_unit = unit_in_force(Level.PROVINCE, province)
        assert province_unit is not None
        competent = province_unit
    if competent.province_code != province:
        raise ApplicationError(OTHER_PROVINCE.format(unit=competent.full_name), status=422)
    if (
        competent.level == Level.COMMUNE
        and competent != intake.receiving_unit
        and not boundary_free
    ):
        raise ApplicationError(
            NOT_BOUNDARY_FREE.format(code=procedure.code, unit=competent.full_name),
            extra={"competent_unit": competent.code},
            status=422,
        )
    return competent


def _event_rows(
    dossier: Dossier,
    *,
    action: str,
    actor: Actor | None,
    at: dt.datetime,
    from_status: int | None,
    from_unit: str = "",
    to_unit: str = "",
    note: str = "",
    data: dict[str, Any] | None = None,
) -> tuple[DossierEvent, AuditEvent]:
    """The control-sheet line and the audit event of one step, not yet saved; the audit note
    lacks the dossier code in front (the caller adds it once the code is known)."""
    user = _user(actor)
    event = DossierEvent(
        dossier=dossier if dossier.pk else None,
        at=at,
        action=action,
        from_status=from_status,
        to_status=dossier.status,
        from_unit_code=from_unit,
        to_unit_code=to_unit,
        actor=user,
        actor_label=user.get_username() if user else "hệ thống",
        note=note,
        data=data or {},
        province_code=dossier.province_code,
    )
    audit = audit_event_build(
        actor=actor,
        action=DossierAudit.CREATED
        if from_status is None
        else DossierAudit.TRANSITION,
        obj=dossier,
        province_code=dossier.province_code,
        unit_code=to_unit or dossier.holder_unit_code,
        from_state=str(from_status or ""),
        to_state=str(dossier.status),
        note=f"{action}: {note}",
    )
    return event, audit


def _event(dossier: Dossier, **step: Any) -> None:
    event, audit = _event_rows(dossier, **step)
    event.save()
    audit.note = f"{dossier.code} {audit.note}"[:2000]
    audit.save()


def _start_clock(dossier: Dossier, now: dt.datetime) -> None:
    dossier.received_at = now
    dossier.due_at = due_at(now, dossier.time_value, dossier.time_unit, work_calendar())
    dossier.original_due_at = dossier.due_at


def _items(items: Any) -> list[dict[str, str]]:
    if not isinstance(items, list) or not items:
        raise ApplicationError(ITEMS_REQUIRED, extra={"field": "items"}, status=422)
    cleaned = []
    for i, item in enumerate(items, start=1):
        name = str(item.get("name", "")).strip() if isinstance(item, dict) else ""
        kind = item.get("kind", "original") if isinstance(item, dict) else ""
        if not name or kind not in ("original", "certified", "copy"):
            raise ApplicationError(
                f"{ITEMS_REQUIRED} (mục {i})", extra={"field": "items", "item": i}, status=422
            )
        cleaned.append(
            {"name": name[:500], "kind": kind, "reason": str(item.get("reason", ""))[:500]}
        )
    return cleaned


def dossier_intake(
    intake: Intake,
    *,
    actor: Actor,
    outcome: str = "accept",
    missing_items: list[dict[str, str]] | None = None,
    refusal_reason: str = "",
    idempotency_key: str | None = None,
    now: dt.datetime | None = None,
) -> Dossier:
    """Create a dossier: accepted with a receipt (02), waiting for a supplement, refused (03), or
    — online — registered (01) for the desk to accept. A retried call with the same
    idempotency key returns the first dossier."""
    # a retry with a used key fails on the unique key and returns the first dossier: no look-up
    # before every intake, and the number it drew rolls back with it
    try:
        with transaction.atomic():
            return _intake(
                intake,
                actor=actor,
                outcome=outcome,
                missing_items=missing_items,
                refusal_reason=refusal_reason,
                idempotency_key=idempotency_key,
                now=now,
            )
    except IntegrityError:
        if idempotency_key:  # a concurrent retry with the same key won the race
            existing = Dossier.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return existing
        raise


def _intake(
    intake: Intake,
    *,
    actor: Actor,
    outcome: str,
    missing_items: list | None,
    refusal_reason: str,
    idempotency_key: str | None,
    now: dt.datetime | None,
) -> Dossier:
    now = now or timezone.now()
    receiving = _unit_in_force(intake.receiving_unit)
    province = receiving.province_code
    online = intake.channel == Channel.ONLINE and outcome == "register"
    if not online:
        require_permission(
            actor, DossierPerm.RECEIVE, province_code=province, unit_code=receiving.code
        )
    settings = procedure_settings_cached(intake.procedure, province, intake.channel)
    if not settings.offered:
        raise ApplicationError(
            NOT_OFFERED.format(province=province, code=intake.procedure.code), status=422
        )
    competent = _competent(intake, settings.boundary_free)
    return_unit = _unit_in_force(intake.return_unit) if intake.return_unit else receiving
    if outcome not in ("accept", "supplement", "refuse", "register"):
        raise ApplicationError(f"Kết quả tiếp nhận «{outcome}» không hợp lệ.", status=422)
    if outcome == "refuse" and not refusal_reason.strip():
        raise ApplicationError(REASON_REQUIRED, extra={"field": "refusal_reason"}, status=422)
    items = _items(missing_items) if outcome == "supplement" else []
    applicant = intake.applicant
    status = {
        "accept": Status.ACCEPTED,
        "supplement": Status.SUPPLEMENT,
        "refuse": Status.NOT_ACCEPTED,
        "register": Status.REGISTERED,
    }[outcome]
    day = now.astimezone(VN).date()
    dossier = Dossier(
        province_code=province,
        procedure=intake.procedure,
        receiving_unit=receiving,
        competent_unit=competent,
        return_unit=return_unit,
        holder_unit_code=receiving.code,
        channel=intake.channel,
        online_level=settings.online_level,
        status=status,
        applicant_name=applicant.name,
        applicant_id_number=applicant.id_number,
        applicant_phone=applicant.phone,
        applicant_email=applicant.email,
        applicant_address=applicant.address,
        applicant_commune_code=intake.applicant_commune_code,
        request=intake.request[:5000],
        sets=max(1, intake.sets),
        registered_at=now,
        time_value=settings.time_value,
        time_unit=settings.time_unit,
        time_verified=settings.time_verified,
        fee_vnd=settings.fee_vnd or 0,
        payment=Payment.UNPAID if settings.fee_vnd else Payment.NOT_REQUIRED,
        return_method=intake.return_method,
        idempotency_key=idempotency_key,
        created_by=_user(actor),
        note=refusal_reason.strip(),
    )
    if status == Status.ACCEPTED:
        _start_clock(dossier, now)
    event, audit = _event_rows(
        dossier,
        action=f"intake_{outcome}",
        actor=actor,
        at=now,
        from_status=None,
        to_unit=receiving.code,
        note=refusal_reason or ", ".join(i["name"] for i in items),
    )
    intake_insert(dossier, event, audit, agency=agency_code(receiving.code), day=day)
    if items:
        SupplementRequest.objects.create(
            dossier=dossier,
            at=now,
            phase="intake",
            items=items,
            officer=_user(actor),
        )
    dossier_changed.send(Dossier, before=None, after=dossier)
    return dossier


def allowed_actions(dossier: Dossier, actor: Actor | None = None) -> list[str]:
    names = [name for name, t in TRANSITIONS.items() if dossier.status in t.sources]
    if actor is None:
        return names
    return [n for n in names if _permitted(dossier, TRANSITIONS[n], actor)]


def _unit_for(dossier: Dossier, transition: Transition) -> Unit:
    return {
        "receiving": dossier.receiving_unit,
        "competent": dossier.competent_unit,
        "return": dossier.return_unit,
    }[transition.unit]


def _permitted(dossier: Dossier, transition: Transition, actor: Actor) -> bool:
    unit = _unit_for(dossier, transition)
    return has_permission(
        actor, transition.perm, province_code=unit.province_code, unit_code=unit.code
    )


def dossier_transition(
    dossier: Dossier, *, action: str, actor: Actor, now: dt.datetime | None = None, **params: Any
) -> Dossier:
    """Apply one action of the workflow table (dossiers.workflow.TRANSITIONS)."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise ApplicationError(
            UNKNOWN_ACTION.format(action=action),
            extra={"allowed_actions": list(TRANSITIONS)},
            status=400,
        )
    now = now or timezone.now()
    with transaction.atomic():
        dossier = (
            Dossier.objects.select_for_update()
            .select_related("receiving_unit", "competent_unit", "return_unit", "procedure")
            .get(pk=dossier.pk)
        )
        if dossier.status not in transition.sources:
            allowed = allowed_actions(dossier)
            raise Conflict(
                WRONG_STATUS.format(
                    code=dossier.code,
                    status=Status(dossier.status).label,
                    action=transition.label,
                    allowed=", ".join(allowed) or "không có",
                ),
                extra={"status": dossier.status, "allowed_actions": allowed},
            )
        unit = _unit_for(dossier, transition)
        require_permission(
            actor, transition.perm, province_code=unit.province_code, unit_code=unit.code
        )
        before, holder_before = dossier.status, dossier.holder_unit_code
        previous = copy.copy(dossier)
        note, data = _EFFECTS[action](dossier, now, actor, params)
        if transition.target is not None:
            dossier.status = transition.target
        dossier.save()
        dossier_changed.send(Dossier, before=previous, after=dossier)
        _event(
            dossier,
            action=action,
            actor=actor,
            at=now,
            from_status=before,
            from_unit=holder_before,
            to_unit=dossier.holder_unit_code,
            note=note,
            data=data,
        )
    return dossier


# --- what each action does, beyond the status -------------------------------------------------
Effect = Any


def _accept(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    SupplementRequest.objects.filter(dossier=d, phase="intake", completed_at__isnull=True).update(
        completed_at=now
    )
    _start_clock(d, now)
    return "", {"due_at": d.due_at.isoformat() if d.due_at else None}


def _request_supplement(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    if SupplementRequest.objects.filter(dossier=d, phase="intake").exists():
        raise Conflict(SUPPLEMENT_ONCE)
    items = _items(p.get("items"))
    SupplementRequest.objects.create(
        dossier=d, at=now, phase="intake", items=items, officer=_user(actor)
    )
    return ", ".join(i["name"] for i in items), {"items": items}


def _reason(p: dict, key: str = "reason") -> str:
    reason = str(p.get(key, "")).strip()
    if not reason:
        raise ApplicationError(REASON_REQUIRED, extra={"field": key}, status=422)
    return reason[:2000]


def _refuse(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    d.note = _reason(p)
    return d.note, {}


def _transfer(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    # paper moves the same working day, or the next working morning after 15:00 (online: at once)
    local = now.astimezone(VN)
    cal = work_calendar()
    by = (
        local.date()
        if local.time() < CUTOFF and cal.is_working_day(local.date())
        else cal.next_working_day(local.date())
    )
    d.holder_unit_code = d.competent_unit.code
    return f"{d.receiving_unit.full_name} → {d.competent_unit.full_name}", {
        "transfer_by": by.isoformat()
    }


def _assign(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    from django.contrib.auth import get_user_model

    officer = get_user_model().objects.filter(pk=int(p.get("officer_id") or 0)).first()
    unit = d.competent_unit
    if officer is None or not has_permission(
        officer, DossierPerm.PROCESS, province_code=unit.province_code, unit_code=unit.code
    ):
        raise ApplicationError(
            OFFICER_NOT_HERE.format(unit=unit.full_name), extra={"field": "officer_id"}, status=422
        )
    d.assigned_to = officer
    return officer.get_username(), {"officer_id": officer.pk}


def _consult(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    body = _reason(p, "body")
    days = int(p.get("days") or 0)
    if not 1 <= days <= 30:
        raise ApplicationError(
            "Thời hạn lấy ý kiến phải từ 1 đến 30 ngày làm việc.",
            extra={"field": "days"},
            status=422,
        )
    reply_by = due_at(now, days, "working_days", work_calendar(), cutoff=False)
    return f"{body} (trả lời trước {reply_by:%d/%m/%Y})", {
        "body": body,
        "reply_by": reply_by.isoformat(),
    }


def _request_supplement_appraisal(
    d: Dossier, now: dt.datetime, actor: Actor, p: dict
) -> tuple[str, dict]:
    assert d.received_at is not None
    cal = work_calendar()
    if cal.working_days_between(d.received_at.astimezone(VN).date(), now.astimezone(VN).date()) > 3:
        raise Conflict(APPRAISAL_TOO_LATE.format(received=d.received_at.astimezone(VN)))
    items = _items(p.get("items"))
    SupplementRequest.objects.create(
        dossier=d, at=now, phase="appraisal", items=items, officer=_user(actor)
    )
    d.supplement_requests += 1
    d.paused_at = now
    return ", ".join(i["name"] for i in items), {"items": items}


def _supplement_received(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    SupplementRequest.objects.filter(dossier=d, completed_at__isnull=True).update(completed_at=now)
    d.paused_at = None
    d.due_at = due_at(now, d.time_value, d.time_unit, work_calendar())  # the clock restarts
    return "", {"due_at": d.due_at.isoformat()}


def _apologize(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    if d.apologized:
        raise Conflict(APOLOGY_ONCE)
    assert d.due_at is not None
    reason = _reason(p)
    cal = work_calendar()
    due_day = d.due_at.astimezone(VN).date()
    if cal.working_days_between(now.astimezone(VN).date(), due_day) < 1:
        raise Conflict(APOLOGY_TOO_LATE.format(due=due_day))
    try:
        new_day = dt.date.fromisoformat(str(p.get("new_due")))
    except ValueError:
        raise ApplicationError(
            "Ngày hẹn mới phải có dạng YYYY-MM-DD.", extra={"field": "new_due"}, status=422
        ) from None
    if new_day <= due_day:
        raise ApplicationError(
            APOLOGY_DATE.format(due=due_day), extra={"field": "new_due"}, status=422
        )
    old = d.due_at
    d.due_at = dt.datetime.combine(
        cal.next_working_day(new_day, include=True), dt.time(17, 0), tzinfo=VN
    )
    d.apologized = True
    return reason, {
        "original_due": old.isoformat(),
        "new_due": d.due_at.isoformat(),
        "reason": reason,
    }


def _request_payment(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    amount = int(p.get("amount") or d.fee_vnd or 0)
    if amount <= 0:
        raise ApplicationError("Số tiền phải lớn hơn 0.", extra={"field": "amount"}, status=422)
    d.fee_vnd, d.payment = amount, Payment.UNPAID
    return f"{amount} đồng", {"amount": amount}


def _payment_received(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    d.payment = Payment.PAID
    return "", {}


def _withdraw(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    d.note = _reason(p)
    return d.note, {}


def _stop(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    d.note = _reason(p)
    d.finished_at = now
    return d.note, {}


def _complete(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    assert d.due_at is not None
    if d.payment == Payment.UNPAID and d.fee_vnd:
        raise Conflict(f"Hồ sơ chưa thu phí, lệ phí ({d.fee_vnd} đồng).")
    d.finished_at = now
    # an apology sets a new date but does not make the dossier on time: the national index
    # counts it against the date before the apology
    due = _due_before_apology(d) if d.apologized else d.due_at
    d.outcome = classify(now, due, d.supplement_requests)
    d.holder_unit_code = d.return_unit.code
    return str(p.get("note", ""))[:2000], {"outcome": d.outcome}


def _due_before_apology(d: Dossier) -> dt.datetime:
    event = DossierEvent.objects.filter(dossier=d, action="apologize").order_by("-at").first()
    if event is None or "original_due" not in event.data:
        assert d.due_at is not None
        return d.due_at
    return dt.datetime.fromisoformat(event.data["original_due"])


def _return(d: Dossier, now: dt.datetime, actor: Actor, p: dict) -> tuple[str, dict]:
    method = p.get("method") or d.return_method
    if method not in ReturnMethod.values:
        raise ApplicationError(
            f"Hình thức trả «{method}» không hợp lệ.", extra={"field": "method"}, status=422
        )
    d.return_method, d.returned_at = method, now
    return str(ReturnMethod(method).label), {"method": method}


_EFFECTS: dict[str, Effect] = {
    "accept": _accept,
    "request_supplement": _request_supplement,
    "refuse": _refuse,
    "transfer": _transfer,
    "assign": _assign,
    "consult": _consult,
    "request_supplement_appraisal": _request_supplement_appraisal,
    "supplement_received": _supplement_received,
    "apologize": _apologize,
    "request_payment": _request_payment,
    "payment_received": _payment_received,
    "withdraw": _withdraw,
    "stop": _stop,
    "complete": _complete,
    "return": _return,
}
assert set(_EFFECTS) == set(TRANSITIONS)


def dossier_get(code: str) -> Dossier:
    dossier = (
        Dossier.objects.select_related(
            "procedure", "receiving_unit", "competent_unit", "return_unit"
        )
        .filter(code=code)
        .first()
    )
    if dossier is None:
        raise NotFound(DOSSIER_NOT_FOUND.format(code=code), extra={"code": code})
    return dossier


@transaction.atomic
def dossier_rate(
    dossier: Dossier, *, satisfied: bool, reason: str = "", now: dt.datetime | None = None
) -> Dossier:
    """The citizen's rating after return (the index's satisfaction figure)."""
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    previous = copy.copy(dossier)
    if dossier.status != Status.RETURNED:
        raise Conflict(RATING_NOT_RETURNED)
    if dossier.rated_at is not None:
        raise Conflict(RATING_ONCE)
    if not satisfied and not reason.strip():
        raise ApplicationError(REASON_REQUIRED, extra={"field": "reason"}, status=422)
    dossier.rating_satisfied, dossier.rating_reason = satisfied, reason.strip()[:500]
    dossier.rated_at = now or timezone.now()
    dossier.save(update_fields=["rating_satisfied", "rating_reason", "rated_at"])
    dossier_changed.send(Dossier, before=previous, after=dossier)
    audit_record(
        actor=None,
        action=DossierAudit.RATED,
        obj=dossier,
        province_code=dossier.province_code,
        unit_code=dossier.competent_unit.code,
        to_state="satisfied" if satisfied else "unsatisfied",
        note=dossier.rating_reason,
    )
    return dossier
