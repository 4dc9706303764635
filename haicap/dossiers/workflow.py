"""The dossier workflow as data: which action moves which status to which, and who may do it;
run by the engine in `core.workflow`, with the effects of `dossiers.effects`.

`unit` names the unit whose staff may act: the one that received the dossier, the competent one
that processes it, or the one that returns the result (boundary-free intake separates them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from haicap.core.errors import ApplicationError, Conflict
from haicap.core.permissions import Actor
from haicap.core.workflow import BY_SYSTEM, Transition, Workflow, user_of
from haicap.dossiers import effects
from haicap.dossiers.assignment import assignable_officers
from haicap.dossiers.codes import agency_code, has_official_code, next_number
from haicap.dossiers.deadlines import CalendarClock
from haicap.dossiers.effects import DossierStep, Units
from haicap.dossiers.models import Dossier, DossierEvent, Status, SupplementRequest
from haicap.dossiers.rights import DossierAudit, DossierPerm
from haicap.dossiers.signals import dossier_changed
from haicap.workdays.calendar import VN

S = Status
PAID_PARAMS = ("booked_at", "transaction_id", "amount", "receipt")


TRANSITIONS: dict[str, Transition] = {
    "accept": Transition(
        frozenset({S.REGISTERED, S.SUPPLEMENT}),
        S.ACCEPTED,
        DossierPerm.RECEIVE,
        "receiving",
        _("Tiếp nhận"),
    ),
    "request_supplement": Transition(
        frozenset({S.REGISTERED}),
        S.SUPPLEMENT,
        DossierPerm.RECEIVE,
        "receiving",
        _("Yêu cầu bổ sung (khi tiếp nhận)"),
        params=("items",),
    ),
    "refuse": Transition(
        frozenset({S.REGISTERED, S.SUPPLEMENT}),
        S.NOT_ACCEPTED,
        DossierPerm.RECEIVE,
        "receiving",
        _("Từ chối tiếp nhận"),
        params=("reason",),
    ),
    "transfer": Transition(
        frozenset({S.ACCEPTED}),
        S.PROCESSING,
        DossierPerm.RECEIVE,
        "receiving",
        _("Chuyển cơ quan giải quyết"),
    ),
    "assign": Transition(
        frozenset({S.PROCESSING}),
        None,
        DossierPerm.ASSIGN,
        "competent",
        _("Phân công cán bộ xử lý"),
        params=("officer_id",),
    ),
    "consult": Transition(
        frozenset({S.PROCESSING}),
        None,
        DossierPerm.PROCESS,
        "competent",
        _("Lấy ý kiến cơ quan liên quan"),
        params=("body", "days"),
    ),
    "request_supplement_appraisal": Transition(
        frozenset({S.PROCESSING}),
        S.SUPPLEMENT,
        DossierPerm.PROCESS,
        "competent",
        _("Yêu cầu bổ sung (khi thẩm định)"),
        params=("items",),
    ),
    "supplement_received": Transition(
        frozenset({S.SUPPLEMENT}),
        S.PROCESSING,
        DossierPerm.PROCESS,
        "competent",
        _("Nhận hồ sơ bổ sung"),
    ),
    "apologize": Transition(
        frozenset({S.PROCESSING, S.SUPPLEMENT, S.AWAITING_PAYMENT}),
        None,
        DossierPerm.PROCESS,
        "competent",
        _("Xin lỗi và hẹn lại ngày trả"),
        params=("reason", "new_due"),
    ),
    "request_payment": Transition(
        frozenset({S.PROCESSING}),
        S.AWAITING_PAYMENT,
        DossierPerm.PROCESS,
        "competent",
        _("Chờ thực hiện nghĩa vụ tài chính"),
        params=("amount",),
    ),
    "payment_received": Transition(
        frozenset({S.AWAITING_PAYMENT}),
        S.PROCESSING,
        DossierPerm.PROCESS,
        "competent",
        _("Đã thực hiện nghĩa vụ tài chính"),
    ),
    # a transfer matched by haicap.payments: the platform records it, whoever imported the
    # statement (their own audit event names them); "matched" ends the wait for payment,
    # "recorded" notes a fee paid while the dossier is elsewhere in its course
    "payment_matched": Transition(
        frozenset({S.AWAITING_PAYMENT}),
        S.PROCESSING,
        DossierPerm.PROCESS,
        BY_SYSTEM,
        _("Đã nộp phí qua ngân hàng"),
        params=PAID_PARAMS,
    ),
    "payment_recorded": Transition(
        frozenset({S.REGISTERED, S.ACCEPTED, S.PROCESSING, S.SUPPLEMENT}),
        None,
        DossierPerm.PROCESS,
        BY_SYSTEM,
        _("Ghi nhận nộp phí qua ngân hàng"),
        params=PAID_PARAMS,
    ),
    "withdraw": Transition(
        frozenset({S.REGISTERED, S.ACCEPTED, S.PROCESSING, S.SUPPLEMENT, S.AWAITING_PAYMENT}),
        S.WITHDRAWAL_REQUESTED,
        DossierPerm.RECEIVE,
        "receiving",
        _("Công dân rút hồ sơ"),
        params=("reason",),
    ),
    "stop": Transition(
        frozenset(
            {S.ACCEPTED, S.PROCESSING, S.SUPPLEMENT, S.AWAITING_PAYMENT, S.WITHDRAWAL_REQUESTED}
        ),
        S.STOPPED,
        DossierPerm.STOP,
        "competent",
        _("Dừng xử lý"),
        params=("reason",),
    ),
    "complete": Transition(
        frozenset({S.PROCESSING}),
        S.PROCESSED,
        DossierPerm.PROCESS,
        "competent",
        _("Hoàn thành xử lý"),
        params=("note",),
    ),
    "return": Transition(
        frozenset({S.PROCESSED}),
        S.RETURNED,
        DossierPerm.RECEIVE,
        "return",
        _("Trả kết quả"),
        params=("method",),
    ),
}

# the status a dossier is created in, by the intake's outcome
INTAKE_STATUS = {
    "accept": S.ACCEPTED,
    "supplement": S.SUPPLEMENT,
    "refuse": S.NOT_ACCEPTED,
    "register": S.REGISTERED,
}

INTAKE_LABELS = {
    "intake_accept": _("Tiếp nhận"),
    "intake_supplement": _("Hướng dẫn bổ sung (khi tiếp nhận)"),
    "intake_refuse": _("Từ chối tiếp nhận"),
    "intake_register": _("Đăng ký trực tuyến"),
}


def action_label(action: str) -> str:
    """What the control sheet calls an action (in the active language)."""
    transition = TRANSITIONS.get(action)
    return str(transition.label if transition else INTAKE_LABELS.get(action, action))


SUPPLEMENT_ONCE = gettext_lazy("Hồ sơ đã có phiếu yêu cầu bổ sung khi tiếp nhận: chỉ yêu cầu một lần, đầy đủ.")
OFFICER_NOT_HERE = (
    gettext_lazy("Cán bộ được phân công phải là cán bộ xử lý đang làm việc tại {unit} "
    "(không phải tài khoản mô phỏng, cán bộ cấp tỉnh hay chính người phân công).")
)


def units_of(d: Dossier) -> Units:
    return Units(d.receiving_unit, d.competent_unit, d.return_unit)


def _officer(d: Dossier, params: dict[str, Any], actor: Actor | None) -> Any:
    """The officer named by `officer_id`, if the actor may assign them (dossiers.assignment)."""
    try:
        pk = int(params.get("officer_id") or 0)
    except (TypeError, ValueError):
        pk = 0
    unit = d.competent_unit
    officer = assignable_officers(unit, assigner=actor).filter(pk=pk).first()
    if officer is None:
        raise ApplicationError(
            OFFICER_NOT_HERE.format(unit=unit.full_name), extra={"field": "officer_id"}, status=422
        )
    return officer


def _due_before_apology(d: Dossier) -> Any:
    if not d.apologized:
        return None
    event = DossierEvent.objects.filter(dossier=d, action="apologize").order_by("-at").first()
    if event is None or "original_due" not in event.data:
        return None
    return dt.datetime.fromisoformat(event.data["original_due"])


def _database_params(
    d: Dossier, action: str, params: dict[str, Any], actor: Actor | None
) -> dict[str, Any]:
    """What the pure effect needs from the database, added to the action's parameters."""
    if (
        action == "request_supplement"
        and SupplementRequest.objects.filter(dossier=d, phase="intake").exists()
    ):
        raise Conflict(SUPPLEMENT_ONCE)
    if action == "assign":
        return {**params, "officer": _officer(d, params, actor)}
    if action == "complete":
        return {**params, "due_before_apology": _due_before_apology(d)}
    return params


def supplements_write(d: Dossier, step: DossierStep, at: Any, actor: Actor | None) -> None:
    """File or close the supplement requests a step asks for."""
    if step.close_supplements:
        open_ones = SupplementRequest.objects.filter(dossier=d, completed_at__isnull=True)
        if step.close_supplements == "intake":
            open_ones = open_ones.filter(phase="intake")
        open_ones.update(completed_at=at)
    if step.file_supplement is not None:
        phase, items = step.file_supplement
        SupplementRequest.objects.create(
            dossier=d, at=at, phase=phase, items=items, officer=user_of(actor)
        )


def official_code_draw(
    d: Any, step: DossierStep, at: Any, receiving_code: str, number: Callable[[str, dt.date], int]
) -> None:
    """Acceptance of an online dossier: its number of the receiving agency's daily sequence
    (the day it is accepted), the reference kept in `online_reference`; the step records both.
    The simulator's bulk path calls it too, with a `number` that numbers its rows later."""
    if has_official_code(d):
        return
    agency, day = agency_code(receiving_code), at.astimezone(VN).date()
    official_code_set(d, step, f"{agency}-{day:%y%m%d}-{number(agency, day):04d}")


def official_code_set(d: Any, step: Any, code: str) -> None:
    """`d` gets `code`; the step's note and data (a Step, or a control-sheet row) say so."""
    d.code = code
    note = f"{code} (mã tra cứu {d.online_reference})"  # vi-only: stored note
    data = {"code": code, "online_reference": d.online_reference}
    if isinstance(step, dict):
        step["note"], step["data"] = note, {**step["data"], **data}
    else:
        step.note, step.data = note, {**step.data, **data}


def _effect(action: str) -> Any:
    pure = effects.EFFECTS[action]

    def run(d: Dossier, at: Any, actor: Actor | None, params: dict[str, Any]) -> DossierStep:
        step = pure(d, at, _database_params(d, action, params, actor), units_of(d), CalendarClock())
        supplements_write(d, step, at, actor)
        if action == "accept":  # in the transition's transaction: a rollback gives it back
            official_code_draw(d, step, at, d.receiving_unit.code, next_number)
        return step

    return run


class DossierWorkflow(Workflow):
    model = Dossier
    history = DossierEvent
    record_field = "dossier"
    transitions = TRANSITIONS
    effects = {name: _effect(name) for name in TRANSITIONS}
    audit_created = DossierAudit.CREATED
    audit_transition = DossierAudit.TRANSITION
    changed = dossier_changed
    record_name = _("Hồ sơ")
    action_labels = INTAKE_LABELS
    related = ("receiving_unit", "competent_unit", "return_unit", "procedure")

    def possible(self, record: Any) -> list[str]:
        """The state's actions, less an apology once the one allowed new date was given."""
        actions = super().possible(record)
        if record.apologized or record.due_at is None:
            actions = [a for a in actions if a != "apologize"]
        return actions

    def conflict_actions(self, record: Any, actor: Actor | None) -> list[str]:
        """What a 409 lists: the officers' actions the state allows, not the platform's own
        (a bank transfer recorded by haicap.payments is nobody's to do)."""
        return [a for a in self.possible(record) if self.transitions[a].unit != BY_SYSTEM]

    def status_label(self, status: Any) -> str:
        return str(Status(status).label)

    def holder(self, record: Any) -> str:
        return str(record.holder_unit_code)

    def unit_of(self, record: Any, transition: Transition) -> tuple[str, str]:
        unit = {
            "receiving": record.receiving_unit,
            "competent": record.competent_unit,
            "return": record.return_unit,
        }[transition.unit]
        return unit.province_code, unit.code


FLOW = DossierWorkflow()
