"""The feedback workflow as data (like dossiers.workflow): which action moves a report from
which statuses to which, with what permission, and at whose unit.

`unit`: "responsible" (the unit whose queue it is in: a commune, or the province for its
departments and the dispatcher), "province" (the province's dispatcher), BY_HOLDER (the author,
with the report's private token), BY_SYSTEM (the platform itself: routing, escalation)."""

from __future__ import annotations

import secrets
from typing import Any

from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from haicap.core.errors import ApplicationError, PermissionDenied
from haicap.core.permissions import Actor
from haicap.core.workflow import BY_HOLDER, BY_SYSTEM, Step, Transition, Workflow
from haicap.feedback import effects
from haicap.feedback.models import Report, ReportEvent
from haicap.feedback.models import ReportStatus as S
from haicap.feedback.rights import FeedbackAudit, FeedbackPerm
from haicap.feedback.signals import report_changed
from haicap.units.selectors import unit_by_code
from haicap.workdays.selectors import work_calendar

OPEN = frozenset({S.RECEIVED, S.DISPATCH, S.FORWARDED, S.ACCEPTED, S.IN_PROGRESS, S.REOPENED})

TRANSITIONS: dict[str, Transition] = {
    "forward": Transition(
        frozenset({S.RECEIVED}), S.FORWARDED, "", BY_SYSTEM, _("Chuyển đơn vị xử lý")
    ),
    "to_dispatcher": Transition(
        frozenset({S.RECEIVED}), S.DISPATCH, "", BY_SYSTEM, _("Chuyển bộ phận điều phối")
    ),
    "reassign": Transition(
        OPEN | {S.REJECTED},
        S.FORWARDED,
        FeedbackPerm.DISPATCH,
        "province",
        _("Điều phối lại"),
        params=("unit_code", "body", "reason"),
    ),
    "accept": Transition(
        frozenset({S.FORWARDED, S.REOPENED}),
        S.ACCEPTED,
        FeedbackPerm.HANDLE,
        "responsible",
        _("Nhận xử lý"),
    ),
    "progress": Transition(
        frozenset({S.ACCEPTED, S.IN_PROGRESS}),
        S.IN_PROGRESS,
        FeedbackPerm.HANDLE,
        "responsible",
        _("Cập nhật tiến độ, hẹn ngày trả lời"),
        params=("text", "committed_date"),
    ),
    "answer": Transition(
        frozenset({S.ACCEPTED, S.IN_PROGRESS}),
        S.ANSWERED,
        FeedbackPerm.HANDLE,
        "responsible",
        _("Trả lời (kèm minh chứng)"),
        params=("text",),
    ),
    "reject": Transition(
        frozenset({S.FORWARDED, S.ACCEPTED}),
        S.REJECTED,
        FeedbackPerm.HANDLE,
        "responsible",
        _("Không thuộc thẩm quyền"),
        params=("body", "reason"),
    ),
    "escalate": Transition(OPEN, None, "", BY_SYSTEM, _("Quá hạn: báo cáo cấp trên")),
    "reopen": Transition(
        frozenset({S.ANSWERED, S.CLOSED}),
        S.REOPENED,
        "",
        BY_HOLDER,
        _("Người dân mở lại"),
        params=("reason",),
    ),
    "close": Transition(
        frozenset({S.ANSWERED}),
        S.CLOSED,
        "",
        BY_HOLDER,
        _("Đóng phản ánh"),
        params=("satisfied", "reason"),
    ),
}

TOKEN_WRONG = gettext_lazy("Đường dẫn riêng của phản ánh không đúng.")
EVIDENCE_REQUIRED = gettext_lazy("Trả lời phải kèm ít nhất một ảnh hoặc tài liệu minh chứng.")
UNIT_NOT_HERE = gettext_lazy("Đơn vị «{code}» không thuộc tỉnh của phản ánh.")
CITIZEN_ACTIONS = frozenset({"reopen", "close"})


def _database_params(r: Report, action: str, params: dict[str, Any]) -> dict[str, Any]:
    """What the pure effect needs from the database, checked and added to the parameters."""
    if action == "answer":
        effects.text_clean(params)  # the text first, as the form asks it first
    if action == "answer" and not r.evidence.filter(kind="answer").exists():
        raise ApplicationError(EVIDENCE_REQUIRED, extra={"field": "evidence"}, status=422)
    if action == "reassign":
        effects.text_clean(params, "reason")  # the reason first, as the form asks it first
        code = str(params.get("unit_code") or "").strip()
        unit = unit_by_code(code) if code else None
        if unit is None or unit.province_code != r.province_code:
            raise ApplicationError(
                UNIT_NOT_HERE.format(code=code), extra={"field": "unit_code"}, status=422
            )
        return {**params, "unit": unit}
    return params


def _effect(action: str) -> Any:
    pure = effects.EFFECTS[action]

    def run(r: Report, at: Any, actor: Actor | None, params: dict[str, Any]) -> Step:
        return pure(r, at, _database_params(r, action, params), work_calendar())

    return run


class FeedbackWorkflow(Workflow):
    model = Report
    history = ReportEvent
    record_field = "report"
    transitions = TRANSITIONS
    effects = {name: _effect(name) for name in TRANSITIONS}
    audit_created = FeedbackAudit.CREATED
    audit_transition = FeedbackAudit.TRANSITION
    changed = report_changed
    record_name = _("Phản ánh")
    action_labels = {"submit": _("Gửi phản ánh"), "merge": _("Gộp vào phản ánh trùng")}
    related = ("category",)

    def status_label(self, status: Any) -> str:
        return str(S(status).label)

    def holder(self, record: Any) -> str:
        return str(record.responsible_unit_code)

    def unit_of(self, record: Any, transition: Transition) -> tuple[str, str]:
        if transition.unit == "province" or record.responsible_unit_code == record.province_code:
            return record.province_code, ""
        return record.province_code, record.responsible_unit_code

    def possible(self, record: Any) -> list[str]:
        """What officers can do (the author's and the system's steps are not listed)."""
        return [
            n
            for n, t in self.transitions.items()
            if record.status in t.sources and t.unit not in (BY_SYSTEM, BY_HOLDER)
        ]

    def conflict_actions(self, record: Any, actor: Actor | None) -> list[str]:
        return self.allowed(record, actor)

    def authorize_other(
        self, record: Any, transition: Transition, actor: Actor | None, params: dict[str, Any]
    ) -> None:
        token = str(params.get("token") or "")
        if not token or not secrets.compare_digest(token, record.token):
            raise PermissionDenied(TOKEN_WRONG)

    def actor_label(self, actor: Actor | None, action: str) -> str:
        if action in CITIZEN_ACTIONS and not (actor and actor.is_authenticated):
            return "người dân"  # vi-only: stored as the history line's actor
        return super().actor_label(actor, action)


FLOW = FeedbackWorkflow()
