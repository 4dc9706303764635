"""The one-stop shop's writes: intake, the one transition function, rating.

Every write checks the actor's permission at the right unit, runs in a transaction, keeps the
control sheet (DossierEvent) and writes one audit event.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from haicap.core.audit import audit_record
from haicap.core.errors import ApplicationError, Conflict, NotFound
from haicap.core.fielderrors import Collector
from haicap.core.idempotency import Idempotency, key_and_fingerprint, replay_checked
from haicap.core.permissions import Actor, require_permission
from haicap.core.workflow import Step, transition_apply, user_of
from haicap.dossiers.codes import agency_code, by_code, online_reference
from haicap.dossiers.deadlines import CalendarClock, start_clock
from haicap.dossiers.effects import REASON_REQUIRED, items_clean
from haicap.dossiers.intake_insert import intake_insert
from haicap.dossiers.models import (
    Channel,
    Dossier,
    Payment,
    ReturnMethod,
    Status,
    SupplementRequest,
)
from haicap.dossiers.received import intake_checked, received_clean
from haicap.dossiers.rights import DossierAudit, DossierPerm
from haicap.dossiers.signals import dossier_changed
from haicap.dossiers.validation import Applicant
from haicap.dossiers.workflow import FLOW, INTAKE_STATUS
from haicap.procedures.models import OnlineLevel, Procedure
from haicap.procedures.selectors import procedure_settings_cached
from haicap.units.models import Level, Unit
from haicap.units.selectors import unit_in_force
from haicap.workdays.calendar import VN

NOT_OFFERED = gettext_lazy("Tỉnh {province} không cung cấp thủ tục {code}.")
NOT_ONLINE = (
    gettext_lazy("Tỉnh {province} chưa cung cấp trực tuyến thủ tục {code}: thời hạn giải quyết chưa được tỉnh "
    "kiểm chứng hoặc tỉnh chưa mở dịch vụ trực tuyến; vui lòng nộp tại bộ phận một cửa.")
)
NOT_BOUNDARY_FREE = gettext_lazy("Thủ tục {code} không phi địa giới: hồ sơ phải nộp tại {unit}.")
OTHER_PROVINCE = gettext_lazy("Cơ quan giải quyết {unit} ở tỉnh khác; chỉ tiếp nhận phi địa giới trong tỉnh.")
UNIT_NOT_IN_FORCE = gettext_lazy("Đơn vị {code} không còn hiệu lực.")
POINT_NOT_BOUNDARY_FREE = (
    gettext_lazy("Thủ tục {code} không phi địa giới: {point} chỉ tiếp nhận thủ tục phi địa giới; "
    "hồ sơ phải nộp tại xã, phường có thẩm quyền.")
)
COMPETENT_NEEDED = gettext_lazy("Chọn xã, phường (hoặc tỉnh) có thẩm quyền giải quyết hồ sơ.")
RATING_ONCE = gettext_lazy("Hồ sơ đã được đánh giá.")
RATING_NOT_RETURNED = gettext_lazy("Chỉ đánh giá được sau khi đã trả kết quả.")
DOSSIER_NOT_FOUND = gettext_lazy("Không tìm thấy hồ sơ «{code}».")
BAD_CHOICE = gettext_lazy("Giá trị «{value}» không hợp lệ cho {label}; chọn một trong: {allowed}.")
BAD_SETS = gettext_lazy("Số bộ hồ sơ phải là số nguyên từ 1 đến {most}.")
MOST_SETS = 50


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
    # the declaration entered online as an e-form, already checked (dossiers.eforms)
    declaration: dict[str, Any] = field(default_factory=dict)
    # ticked on the checklist: [{key, originals, certified, copies}]; None when the caller does
    # not use the checklist (then nothing is checked against it)
    received_items: list[dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        """Every caller (counter form, API, portal) gets the same 422 naming the field: an unknown
        channel or return method is never stored; every bad field is reported at once."""
        errors = Collector()
        for name, choices, label in (
            ("channel", Channel, gettext_lazy("kênh nộp")),
            ("return_method", ReturnMethod, gettext_lazy("hình thức trả kết quả")),
        ):
            value = getattr(self, name)
            if value not in choices.values:
                errors.add(
                    name,
                    BAD_CHOICE.format(
                        value=str(value)[:40], label=label, allowed=", ".join(choices.values)
                    ),
                )
        if not isinstance(self.sets, int) or not 1 <= self.sets <= MOST_SETS:
            errors.add("sets", BAD_SETS.format(most=MOST_SETS))
        errors.done()


def _unit_in_force(unit: Unit) -> Unit:
    if unit.valid_to is not None:
        raise ApplicationError(UNIT_NOT_IN_FORCE.format(code=unit.code), status=422)
    return unit


def _competent(intake: Intake, boundary_free: bool) -> Unit:
    province = intake.receiving_unit.province_code
    procedure = intake.procedure
    if intake.receiving_unit.level == Level.POINT:
        return _competent_from_point(intake, boundary_free)
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


def _competent_from_point(intake: Intake, boundary_free: bool) -> Unit:
    """A service point (the province centre or a branch, ADR 0015) receives any boundary-free
    procedure of its province and decides none: the competent unit is named, a commune or the
    province of the point."""
    point, procedure = intake.receiving_unit, intake.procedure
    if not boundary_free:
        raise ApplicationError(
            POINT_NOT_BOUNDARY_FREE.format(code=procedure.code, point=point.full_name),
            extra={"field": "procedure_code"},
            status=422,
        )
    competent = intake.competent_unit
    if competent is None and "commune" not in procedure.levels:
        competent = unit_in_force(Level.PROVINCE, point.province_code)
    if competent is None or competent.level not in (Level.COMMUNE, Level.PROVINCE):
        raise ApplicationError(COMPETENT_NEEDED, extra={"field": "competent_unit"}, status=422)
    competent = _unit_in_force(competent)
    if competent.province_code != point.province_code:
        raise ApplicationError(
            OTHER_PROVINCE.format(unit=competent.full_name),
            extra={"field": "competent_unit"},
            status=422,
        )
    return competent


def dossier_intake(
    intake: Intake,
    *,
    actor: Actor,
    outcome: str = "accept",
    missing_items: list[dict[str, str]] | None = None,
    refusal_reason: str = "",
    idempotency_key: str | Idempotency | None = None,
    now: dt.datetime | None = None,
) -> Dossier:
    """Create a dossier: accepted with a receipt (02), waiting for a supplement, refused (03), or
    — online — registered (01) for the desk to accept. A retried call with the same
    idempotency key returns the first dossier; a caller's key (`core.idempotency`) finds only
    that caller's dossier, and another request under it is refused."""
    key, request_fingerprint = key_and_fingerprint(idempotency_key)
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
                idempotency=(key, request_fingerprint),
                now=now,
            )
    except IntegrityError:
        if key:  # a retry (or a concurrent one) with the same key won the race
            existing = Dossier.objects.filter(
                idempotency_key=key,
                province_code=intake.receiving_unit.province_code,  # the key's scope
            ).first()
            if existing is not None:
                return replay_checked(existing, request_fingerprint)
        raise


def _intake(
    intake: Intake,
    *,
    actor: Actor,
    outcome: str,
    missing_items: list | None,
    refusal_reason: str,
    idempotency: tuple[str | None, str],
    now: dt.datetime | None,
) -> Dossier:
    now = now or timezone.now()
    receiving = _unit_in_force(intake.receiving_unit)
    province = receiving.province_code
    if not (intake.channel == Channel.ONLINE and outcome == "register"):
        require_permission(
            actor, DossierPerm.RECEIVE, province_code=province, unit_code=receiving.code
        )
    settings = procedure_settings_cached(intake.procedure, province, intake.channel)
    if not settings.offered:
        raise ApplicationError(
            NOT_OFFERED.format(province=province, code=intake.procedure.code), status=422
        )
    if intake.channel == Channel.ONLINE and settings.online_level == OnlineLevel.NONE:
        raise ApplicationError(  # ADR 13: an unverified time is not offered online
            NOT_ONLINE.format(province=province, code=intake.procedure.code),
            status=422,
            extra={"field": "procedure_code", "procedure_code": intake.procedure.code},
        )
    competent = _competent(intake, settings.boundary_free)
    return_unit = _unit_in_force(intake.return_unit) if intake.return_unit else receiving
    received: list[dict[str, Any]] = []
    if intake.received_items is not None:
        received = received_clean(intake.procedure, intake.received_items)
        missing_items = intake_checked(intake.procedure, received, outcome, missing_items)
    items = _outcome_checked(outcome, refusal_reason, missing_items)
    dossier = _dossier_new(intake, settings, competent, return_unit, outcome, now)
    dossier.received_items = received
    dossier.idempotency_key, dossier.idempotency_fingerprint = idempotency
    dossier.created_by = user_of(actor)
    dossier.note = refusal_reason.strip()
    if dossier.status == Status.ACCEPTED:
        start_clock(dossier, now, CalendarClock())
    elif dossier.status == Status.REGISTERED:  # no number until the desk accepts it
        dossier.code = dossier.online_reference = online_reference(now.astimezone(VN).date())
        dossier.filed_by = user_of(actor)  # a signed-in citizen finds it in "my dossiers"
    event, audit = FLOW.rows(
        dossier,
        action=f"intake_{outcome}",
        actor=actor,
        at=now,
        from_status=None,
        step=Step(note=refusal_reason or ", ".join(i["name"] for i in items)),
    )
    day = now.astimezone(VN).date()
    intake_insert(dossier, event, audit, agency=agency_code(receiving.code), day=day)
    if items:
        SupplementRequest.objects.create(
            dossier=dossier, at=now, phase="intake", items=items, officer=user_of(actor)
        )
    dossier_changed.send(Dossier, before=None, after=dossier)
    return dossier


def _outcome_checked(
    outcome: str, refusal_reason: str, missing_items: list | None
) -> list[dict[str, str]]:
    """The intake's outcome is one of the four, a refusal has its reason, a supplement request
    its items (returned, cleaned)."""
    if outcome not in INTAKE_STATUS:
        raise ApplicationError(gettext("Kết quả tiếp nhận «{outcome}» không hợp lệ.").format(
            outcome=outcome
        ), status=422)
    if outcome == "refuse" and not refusal_reason.strip():
        raise ApplicationError(REASON_REQUIRED, extra={"field": "refusal_reason"}, status=422)
    return items_clean(missing_items) if outcome == "supplement" else []


def _dossier_new(
    intake: Intake,
    settings: Any,
    competent: Unit,
    return_unit: Unit,
    outcome: str,
    now: dt.datetime,
) -> Dossier:
    """The dossier as the counter (or the portal) takes it in, not yet saved."""
    receiving, applicant = intake.receiving_unit, intake.applicant
    return Dossier(
        province_code=receiving.province_code,
        procedure=intake.procedure,
        receiving_unit=receiving,
        competent_unit=competent,
        return_unit=return_unit,
        holder_unit_code=receiving.code,
        channel=intake.channel,
        online_level=settings.online_level,
        status=INTAKE_STATUS[outcome],
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
        declaration=intake.declaration,
    )


def allowed_actions(dossier: Dossier, actor: Actor | None = None) -> list[str]:
    """The actions the dossier's status allows (for this actor, when one is given)."""
    return FLOW.possible(dossier) if actor is None else FLOW.allowed(dossier, actor)


def dossier_transition(
    dossier: Dossier, *, action: str, actor: Actor, now: dt.datetime | None = None, **params: Any
) -> Dossier:
    """Apply one action of the workflow table (dossiers.workflow.TRANSITIONS)."""
    return transition_apply(FLOW, dossier, action=action, actor=actor, now=now, **params)


def dossier_get(code: str) -> Dossier:
    dossier = (
        Dossier.objects.select_related(
            "procedure", "receiving_unit", "competent_unit", "return_unit"
        )
        .filter(by_code(code))
        .first()
    )
    if dossier is None:
        raise NotFound(DOSSIER_NOT_FOUND.format(code=code), extra={"code": code})
    return dossier


@transaction.atomic
def dossier_rate(
    dossier: Dossier,
    *,
    satisfied: bool,
    reason: str = "",
    actor: Actor | None = None,
    now: dt.datetime | None = None,
) -> Dossier:
    """The citizen's rating after return (the index's satisfaction figure); `actor` is the
    signed-in citizen, or None for one who rates with the dossier's code and phone."""
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
        actor=actor,
        action=DossierAudit.RATED,
        obj=dossier,
        province_code=dossier.province_code,
        unit_code=dossier.competent_unit.code,
        to_state="satisfied" if satisfied else "unsatisfied",
        note=dossier.rating_reason,
    )
    return dossier
