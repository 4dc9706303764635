"""The dossier workflow as data: which action moves which status to which, and who may do it.

`unit` names the unit whose staff may act: the one that received the dossier, the competent one
that processes it, or the one that returns the result (boundary-free intake separates them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from haicap.dossiers.models import Status
from haicap.dossiers.rights import DossierPerm

S = Status


@dataclass(frozen=True)
class Transition:
    sources: frozenset[int]
    target: int | None  # None: the status does not change (a recorded step)
    perm: str
    unit: str  # receiving | competent | return
    label: Any  # a lazily translated string


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
    ),
    "refuse": Transition(
        frozenset({S.REGISTERED, S.SUPPLEMENT}),
        S.NOT_ACCEPTED,
        DossierPerm.RECEIVE,
        "receiving",
        _("Từ chối tiếp nhận"),
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
    ),
    "consult": Transition(
        frozenset({S.PROCESSING}),
        None,
        DossierPerm.PROCESS,
        "competent",
        _("Lấy ý kiến cơ quan liên quan"),
    ),
    "request_supplement_appraisal": Transition(
        frozenset({S.PROCESSING}),
        S.SUPPLEMENT,
        DossierPerm.PROCESS,
        "competent",
        _("Yêu cầu bổ sung (khi thẩm định)"),
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
    ),
    "request_payment": Transition(
        frozenset({S.PROCESSING}),
        S.AWAITING_PAYMENT,
        DossierPerm.PROCESS,
        "competent",
        _("Chờ thực hiện nghĩa vụ tài chính"),
    ),
    "payment_received": Transition(
        frozenset({S.AWAITING_PAYMENT}),
        S.PROCESSING,
        DossierPerm.PROCESS,
        "competent",
        _("Đã thực hiện nghĩa vụ tài chính"),
    ),
    "withdraw": Transition(
        frozenset({S.REGISTERED, S.ACCEPTED, S.PROCESSING, S.SUPPLEMENT, S.AWAITING_PAYMENT}),
        S.WITHDRAWAL_REQUESTED,
        DossierPerm.RECEIVE,
        "receiving",
        _("Công dân rút hồ sơ"),
    ),
    "stop": Transition(
        frozenset(
            {S.ACCEPTED, S.PROCESSING, S.SUPPLEMENT, S.AWAITING_PAYMENT, S.WITHDRAWAL_REQUESTED}
        ),
        S.STOPPED,
        DossierPerm.STOP,
        "competent",
        _("Dừng xử lý"),
    ),
    "complete": Transition(
        frozenset({S.PROCESSING}),
        S.PROCESSED,
        DossierPerm.PROCESS,
        "competent",
        _("Hoàn thành xử lý"),
    ),
    "return": Transition(
        frozenset({S.PROCESSED}), S.RETURNED, DossierPerm.RECEIVE, "return", _("Trả kết quả")
    ),
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
