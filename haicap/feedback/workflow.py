"""The feedback workflow as data (like dossiers.workflow): which action moves a report from
which statuses to which, with what permission, and at whose unit.

`unit`: "responsible" (the unit whose queue it is in: a commune, or the province for its
departments and the dispatcher), "province" (the province's dispatcher), "citizen" (the author,
with the report's private token), "system" (the platform itself: routing, escalation)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from haicap.feedback.models import ReportStatus as S
from haicap.feedback.rights import FeedbackPerm


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str | None  # None: the status stays (a recorded step)
    perm: str
    unit: str
    label: Any


OPEN = frozenset({S.RECEIVED, S.DISPATCH, S.FORWARDED, S.ACCEPTED, S.IN_PROGRESS, S.REOPENED})

TRANSITIONS: dict[str, Transition] = {
    "forward": Transition(
        frozenset({S.RECEIVED}), S.FORWARDED, "", "system", _("Chuyển đơn vị xử lý")
    ),
    "to_dispatcher": Transition(
        frozenset({S.RECEIVED}), S.DISPATCH, "", "system", _("Chuyển bộ phận điều phối")
    ),
    "reassign": Transition(
        OPEN | {S.REJECTED},
        S.FORWARDED,
        FeedbackPerm.DISPATCH,
        "province",
        _("Điều phối lại"),
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
    ),
    "answer": Transition(
        frozenset({S.ACCEPTED, S.IN_PROGRESS}),
        S.ANSWERED,
        FeedbackPerm.HANDLE,
        "responsible",
        _("Trả lời (kèm minh chứng)"),
    ),
    "reject": Transition(
        frozenset({S.FORWARDED, S.ACCEPTED}),
        S.REJECTED,
        FeedbackPerm.HANDLE,
        "responsible",
        _("Không thuộc thẩm quyền"),
    ),
    "escalate": Transition(OPEN, None, "", "system", _("Quá hạn: báo cáo cấp trên")),
    "reopen": Transition(
        frozenset({S.ANSWERED, S.CLOSED}), S.REOPENED, "", "citizen", _("Người dân mở lại")
    ),
    "close": Transition(frozenset({S.ANSWERED}), S.CLOSED, "", "citizen", _("Đóng phản ánh")),
}
