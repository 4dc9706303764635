"""What each action of the feedback workflow does beyond the status, as pure functions: the
workflow (`feedback.workflow`) and the simulator's bulk path both call them. An effect validates
the action's parameters and changes the report (a model instance or any object with its
attributes); what it needs from the database (the unit a report is reassigned to, whether the
answer has evidence) is checked by the caller and comes in `params`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy

from haicap.core.errors import ApplicationError
from haicap.core.text import nfc
from haicap.core.workflow import Step
from haicap.feedback import deadlines
from haicap.workdays.calendar import VN, WorkCalendar, due_at

TEXT_REQUIRED = gettext_lazy("Cần nội dung trả lời, cập nhật hoặc lý do (ít nhất 10 ký tự).")
BODY_REQUIRED = gettext_lazy("Cần ghi rõ cơ quan có thẩm quyền xử lý.")
COMMITTED_DATE = gettext_lazy("Ngày hẹn trả lời phải từ hôm nay trở đi, dạng YYYY-MM-DD.")
RATING_REASON = gettext_lazy("Cần ghi lý do không hài lòng.")
# vi-only: the rating's words in the stored history note
SATISFACTION = {True: "hài lòng", False: "không hài lòng", None: "không đánh giá"}  # vi-only: note


def text_clean(params: dict[str, Any], key: str = "text") -> str:
    text = " ".join(nfc(str(params.get(key) or "")).split())
    if len(text) < 10:
        raise ApplicationError(TEXT_REQUIRED, extra={"field": key}, status=422)
    return text[:5000]


def sla_due(r: Any, at: dt.datetime, cal: WorkCalendar) -> dt.datetime:
    """The answer is due `sla_working_days` after the report reached the unit."""
    return due_at(at, r.category.sla_working_days, "working_days", cal, cutoff=False)


Pure = Callable[[Any, dt.datetime, dict[str, Any], Any], Step]


def reassign(r: Any, at: dt.datetime, p: dict, cal: Any) -> Step:
    reason = text_clean(p, "reason")
    unit = p["unit"]  # checked by the caller: a unit in force of the report's province
    r.responsible_unit_code = unit.code
    r.responsible_body = str(p.get("body") or f"UBND {unit.full_name}")[:160]
    if unit.level == "commune" and not r.commune_code:
        r.commune_code = unit.code
    r.forwarded_at = at
    r.due_at = sla_due(r, at, cal)
    return Step(f"→ {r.responsible_body}: {reason}", {"unit_code": unit.code, "reason": reason})


def nothing(r: Any, at: dt.datetime, p: dict, cal: Any) -> Step:
    return Step()


def progress(r: Any, at: dt.datetime, p: dict, cal: Any) -> Step:
    text = text_clean(p)
    try:
        day = dt.date.fromisoformat(str(p.get("committed_date")))
    except ValueError:
        raise ApplicationError(
            COMMITTED_DATE, extra={"field": "committed_date"}, status=422
        ) from None
    if day < at.astimezone(VN).date():
        raise ApplicationError(COMMITTED_DATE, extra={"field": "committed_date"}, status=422)
    r.committed_at = dt.datetime.combine(
        cal.next_working_day(day, include=True), dt.time(17), tzinfo=VN
    )
    return Step(
        f"{text} (hẹn trả lời {r.committed_at:%d/%m/%Y})",
        {"committed_at": r.committed_at.isoformat()},
    )


def answer(r: Any, at: dt.datetime, p: dict, cal: Any) -> Step:
    text = text_clean(p)  # the evidence is checked by the caller
    r.answer, r.answered_at = text, at
    return Step(text, {"on_time": deadlines.answered_on_time(r, at)})


def reject(r: Any, at: dt.datetime, p: dict, cal: Any) -> Step:
    body = " ".join(str(p.get("body") or "").split())
    if len(body) < 3:
        raise ApplicationError(BODY_REQUIRED, extra={"field": "body"}, status=422)
    reason = text_clean(p, "reason")
    return Step(f"Thuộc thẩm quyền: {body}. {reason}", {"body": body, "reason": reason})


def escalate(r: Any, at: dt.datetime, p: dict, cal: Any) -> Step:
    r.escalation = min(2, r.escalation + 1)
    to = gettext_lazy("lãnh đạo đơn vị") if r.escalation == 1 else gettext_lazy("cấp tỉnh")
    return Step(f"Quá hạn trả lời: báo cáo {to}", {"level": r.escalation}, public=False)


def reopen(r: Any, at: dt.datetime, p: dict, cal: Any) -> Step:
    reason = text_clean(p, "reason")
    r.closed_at = None
    r.due_at = sla_due(r, at, cal)
    return Step(reason)


def close(r: Any, at: dt.datetime, p: dict, cal: Any) -> Step:
    satisfied = p.get("satisfied")
    reason = " ".join(str(p.get("reason") or "").split())[:500]
    if satisfied is False and not reason:
        raise ApplicationError(RATING_REASON, extra={"field": "reason"}, status=422)
    r.rating_satisfied, r.rating_reason, r.closed_at = satisfied, reason, at
    return Step(
        f"{SATISFACTION[satisfied]}{': ' + reason if reason else ''}", {"satisfied": satisfied}
    )


EFFECTS: dict[str, Pure] = {
    "forward": nothing,
    "to_dispatcher": nothing,
    "reassign": reassign,
    "accept": nothing,
    "progress": progress,
    "answer": answer,
    "reject": reject,
    "escalate": escalate,
    "reopen": reopen,
    "close": close,
}
