"""Reads of dossiers: officers' queues scoped to their units, one dossier if the actor may see it,
and the citizen's view of a dossier (status history in plain words)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from haicap.core.errors import NotFound
from haicap.core.permissions import Actor, Scope, scope_for
from haicap.core.search import search, shorter
from haicap.dossiers.assignment import assignable_officers
from haicap.dossiers.codes import by_code
from haicap.dossiers.deadlines import due_soon_q, overdue_q
from haicap.dossiers.models import Dossier, DossierEvent, Status
from haicap.dossiers.rights import DossierPerm
from haicap.procedures.selectors import related_detail
from haicap.units.models import Unit
from haicap.units.selectors import unit_ids
from haicap.workdays.calendar import VN

S = Status
DOSSIER_NOT_FOUND = gettext_lazy("Không tìm thấy hồ sơ «{code}».")
UNKNOWN_QUEUE = gettext_lazy("Hàng đợi «{queue}» không tồn tại; chọn một trong: {allowed}.")

QUEUES: dict[str, Any] = {
    "receive": gettext_lazy("Chờ tiếp nhận"),
    "transfer": gettext_lazy("Chờ chuyển xử lý"),
    "process": gettext_lazy("Đang xử lý"),
    "due_soon": gettext_lazy("Sắp đến hạn (2 ngày làm việc)"),
    "late": gettext_lazy("Quá hạn"),
    "return": gettext_lazy("Chờ trả kết quả"),
    "all": gettext_lazy("Tất cả"),
}


# what a queue's row and a dossier's page show, in the same query; the units' boundaries (up to
# 130 KB of GeoJSON a commune) are left out: no list or page of a dossier draws them
WITH_UNITS = ("procedure", "receiving_unit", "competent_unit", "return_unit", "assigned_to")
UNIT_BOUNDARIES = ("receiving_unit__boundary", "competent_unit__boundary", "return_unit__boundary")
LIST_DEFER = UNIT_BOUNDARIES + related_detail("procedure")


def _scope_q(scope: Scope, prefix: str) -> Q:
    return scope.q_by_unit_id(unit_id_field=f"{prefix}_unit_id")


def visible_dossiers(actor: Actor) -> QuerySet[Dossier]:
    """Dossiers that any of the actor's units received, processes or returns."""
    scope = scope_for(actor, DossierPerm.VIEW)
    if scope.empty:
        return Dossier.objects.none()
    q = _scope_q(scope, "receiving") | _scope_q(scope, "competent") | _scope_q(scope, "return")
    return Dossier.objects.filter(q)


def dossier_queue(
    actor: Actor,
    queue: str = "all",
    *,
    unit_code: str = "",
    query: str = "",
    now: dt.datetime | None = None,
) -> QuerySet[Dossier]:
    if queue not in QUEUES:
        raise NotFound(UNKNOWN_QUEUE.format(queue=queue, allowed=", ".join(QUEUES)))
    now = now or timezone.now()
    receive = scope_for(actor, DossierPerm.RECEIVE)
    process = scope_for(actor, DossierPerm.PROCESS)
    dossiers = visible_dossiers(actor)
    if queue == "receive":
        dossiers = dossiers.filter(_scope_q(receive, "receiving"), status=S.REGISTERED)
        dossiers = dossiers | visible_dossiers(actor).filter(
            _scope_q(receive, "receiving"), status=S.SUPPLEMENT, received_at__isnull=True
        )
    elif queue == "transfer":
        dossiers = dossiers.filter(_scope_q(receive, "receiving"), status=S.ACCEPTED)
    elif queue == "process":
        dossiers = dossiers.filter(
            _scope_q(process, "competent"),
            status__in=(S.PROCESSING, S.AWAITING_PAYMENT, S.WITHDRAWAL_REQUESTED),
        ) | visible_dossiers(actor).filter(
            _scope_q(process, "competent"), status=S.SUPPLEMENT, received_at__isnull=False
        )
    elif queue == "due_soon":
        dossiers = dossiers.filter(due_soon_q(now))
    elif queue == "late":
        dossiers = dossiers.filter(overdue_q(now))
    elif queue == "return":
        dossiers = dossiers.filter(_scope_q(receive, "return"), status=S.PROCESSED)
    if unit_code:
        ids = unit_ids([unit_code])
        dossiers = dossiers.filter(
            Q(receiving_unit_id__in=ids) | Q(competent_unit_id__in=ids) | Q(return_unit_id__in=ids)
        )
    order = (
        ("due_at", "pk") if queue in ("process", "due_soon", "late") else ("-registered_at", "-pk")
    )
    # by the applicant's name, the code, the online reference or the phone (core.search): the
    # best match first, then the queue's own order
    return search(dossiers, query, order=order).select_related(*WITH_UNITS).defer(*LIST_DEFER)


def queue_counts(actor: Actor, *, now: dt.datetime | None = None) -> dict[str, int]:
    return {name: dossier_queue(actor, name, now=now).count() for name in QUEUES if name != "all"}


def dossier_for(actor: Actor, code: str) -> Dossier:
    """One dossier, if the actor may see it. A dossier the actor may not see answers exactly as
    one that does not exist (404, same message): another unit's officer cannot probe codes."""
    dossier = (
        Dossier.objects.select_related(*WITH_UNITS)
        .defer(*UNIT_BOUNDARIES)
        .filter(by_code(code))
        .first()
    )
    if dossier is None or not visible_dossiers(actor).filter(pk=dossier.pk).exists():
        raise NotFound(DOSSIER_NOT_FOUND.format(code=code), extra={"code": code})
    return dossier


def processing_officers(unit: Unit, *, assigner: Actor) -> list[Any]:
    """The leader's assignment list: whom `assigner` may give a dossier of `unit` to."""
    return list(assignable_officers(unit, assigner=assigner))


def due_dates(dossiers: Iterable[Dossier]) -> dict[int, dt.datetime]:
    """For each rescheduled dossier (by pk), the due date it had before the apology: the date
    the late and due-soon lists show beside the new one. One query for a page of rows."""
    ids = [d.pk for d in dossiers if d.apologized]
    dates: dict[int, dt.datetime] = {}
    events = DossierEvent.objects.filter(dossier_id__in=ids, action="apologize").order_by("at")
    for dossier_id, data in events.values_list("dossier_id", "data"):
        if isinstance(data, dict) and data.get("original_due"):
            dates[dossier_id] = dt.datetime.fromisoformat(data["original_due"])
    return dates


# --- the citizen's view -----------------------------------------------------------------------

PLAIN: dict[str, Any] = {
    "intake_register": gettext_lazy("Hồ sơ nộp trực tuyến đã được ghi nhận, đang chờ bộ phận một cửa kiểm tra."),
    "intake_accept": gettext_lazy("Hồ sơ đã được tiếp nhận."),
    "intake_supplement": gettext_lazy("Hồ sơ chưa đủ: cần bổ sung giấy tờ (xem phiếu yêu cầu bổ sung)."),
    "intake_refuse": gettext_lazy("Hồ sơ không được tiếp nhận."),
    "accept": gettext_lazy("Hồ sơ đã được tiếp nhận."),
    "request_supplement": gettext_lazy("Hồ sơ chưa đủ: cần bổ sung giấy tờ (xem phiếu yêu cầu bổ sung)."),
    "refuse": gettext_lazy("Hồ sơ không được tiếp nhận."),
    "transfer": gettext_lazy("Hồ sơ đã được chuyển đến cơ quan giải quyết."),
    "assign": gettext_lazy("Hồ sơ đã được giao cho cán bộ xử lý."),
    "consult": gettext_lazy("Cơ quan giải quyết đang lấy ý kiến cơ quan liên quan."),
    "request_supplement_appraisal": gettext_lazy("Khi thẩm định, hồ sơ cần bổ sung; thời hạn tạm dừng "
    "và được tính lại khi nhận đủ."),
    "supplement_received": gettext_lazy("Đã nhận giấy tờ bổ sung; hồ sơ tiếp tục được xử lý."),
    "apologize": gettext_lazy("Hồ sơ bị chậm: cơ quan giải quyết xin lỗi và hẹn lại ngày trả."),
    "request_payment": gettext_lazy("Cần nộp phí, lệ phí (nghĩa vụ tài chính) để tiếp tục."),
    "payment_received": gettext_lazy("Đã nhận phí, lệ phí."),
    "withdraw": gettext_lazy("Đã ghi nhận yêu cầu rút hồ sơ."),
    "stop": gettext_lazy("Hồ sơ đã dừng xử lý."),
    "complete": gettext_lazy("Đã có kết quả; chờ trả kết quả."),
    "return": gettext_lazy("Đã trả kết quả."),
}
OUTCOME_WORDS = {
    "early": gettext_lazy("trước hạn"),
    "on_time": gettext_lazy("đúng hạn"),
    "late": gettext_lazy("quá hạn"),
}
FINISHED = gettext_lazy("Đã giải quyết xong ({outcome}).")
# What the citizen is shown beside the plain sentence: reasons they need, not internal notes.
PUBLIC_NOTES = {"intake_refuse", "refuse", "apologize", "withdraw", "stop", "return"}


@dataclass(frozen=True)
class HistoryLine:
    at: dt.datetime
    text: str
    where: str
    note: str


def citizen_history(dossier: Dossier) -> list[HistoryLine]:
    units = {
        u.code: u.full_name
        for u in (dossier.receiving_unit, dossier.competent_unit, dossier.return_unit)
    }
    lines = []
    event: DossierEvent
    for event in dossier.events.all():
        text = str(PLAIN.get(event.action, event.action))
        if event.action == "complete":
            outcome = OUTCOME_WORDS.get(event.data.get("outcome", ""), "")
            text = str(FINISHED).format(outcome=outcome)
        lines.append(
            HistoryLine(
                at=event.at.astimezone(VN),
                text=text,
                where=units.get(event.to_unit_code, ""),
                note=event.note if event.action in PUBLIC_NOTES else "",
            )
        )
    return lines


def search_units(province_code: str, query: str, limit: int = 20) -> list[Unit]:
    """Communes of a province by name without diacritics, for pickers (competent, return)."""
    units = Unit.objects.current().filter(level="commune", province_code=province_code)
    return list(search(units, query, ties=(shorter(),), order=("name",))[:limit])
