"""What each action of the dossier workflow does beyond the status, as pure functions.

Both writers call them: `dossiers.workflow` (one dossier at a time, through the engine) and the
simulator's bulk path (a day's dossiers as rows). An effect validates the action's parameters,
changes the dossier (a model instance or any object with its attributes) and says what else
must be written: a supplement request to file, the open ones to close. It reads no database:
what it needs from one (the officer, the due date before an apology) comes in `params`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from haicap.core.errors import ApplicationError, Conflict
from haicap.core.formatting import vnd, whole_number
from haicap.core.workflow import Step
from haicap.dossiers import deadlines
from haicap.dossiers.deadlines import Clock
from haicap.dossiers.models import PaidVia, Payment, ReturnMethod
from haicap.workdays.calendar import CUTOFF, VN, WorkCalendar, due_at

ITEMS_REQUIRED = gettext_lazy("Cần liệt kê đầy đủ các giấy tờ còn thiếu (tên, loại bản, lý do).")
REASON_REQUIRED = gettext_lazy("Cần ghi rõ lý do.")
APPRAISAL_TOO_LATE = (
    gettext_lazy("Đã quá 3 ngày làm việc kể từ khi tiếp nhận ({received:%d/%m/%Y}): không thể yêu cầu bổ sung.")
)
APOLOGY_ONCE = gettext_lazy("Hồ sơ đã được hẹn lại một lần; chỉ được hẹn lại một lần.")
APOLOGY_TOO_LATE = (
    gettext_lazy("Phải thông báo chậm muộn ít nhất 1 ngày làm việc trước hạn trả ({due:%d/%m/%Y}).")
)
APOLOGY_DATE = gettext_lazy("Ngày hẹn mới phải sau hạn trả hiện tại ({due:%d/%m/%Y}).")
APOLOGY_DATE_TOO_FAR = gettext_lazy("Ngày hẹn mới không được quá một năm sau hạn trả hiện tại ({due:%d/%m/%Y}).")
APOLOGY_MAX_DAYS = 366
APOLOGY_DATE_FORMAT = gettext_lazy("Ngày hẹn mới phải có dạng YYYY-MM-DD.")
CONSULT_DAYS = gettext_lazy("Thời hạn lấy ý kiến phải từ 1 đến 30 ngày làm việc.")
AMOUNT_POSITIVE = gettext_lazy("Số tiền phải lớn hơn 0.")
UNPAID = gettext_lazy("Hồ sơ chưa thu phí, lệ phí ({fee} đồng).")
BAD_RETURN_METHOD = gettext_lazy("Hình thức trả «{method}» không hợp lệ.")
ITEM_KINDS = ("original", "certified", "copy")


@dataclass
class DossierStep(Step):
    """A step of a dossier, with the supplement requests it files or closes."""

    file_supplement: tuple[str, list[dict[str, str]]] | None = None  # (phase, items)
    close_supplements: str = ""  # "intake": the intake one; "all": every open one


@dataclass(frozen=True)
class Units:
    """The dossier's three units (code and full name), as the effects print them."""

    receiving: Any
    competent: Any
    return_: Any


def items_clean(items: Any) -> list[dict[str, str]]:
    """The missing documents, each with a name, the kind of copy and the reason."""
    if not isinstance(items, list) or not items:
        raise ApplicationError(ITEMS_REQUIRED, extra={"field": "items"}, status=422)
    cleaned = []
    for i, item in enumerate(items, start=1):
        name = str(item.get("name", "")).strip() if isinstance(item, dict) else ""
        kind = item.get("kind", "original") if isinstance(item, dict) else ""
        if not name or kind not in ITEM_KINDS:
            raise ApplicationError(
                gettext("{message} (mục {i})").format(
                    message=ITEMS_REQUIRED, i=i
                ), extra={"field": "items", "item": i}, status=422
            )
        cleaned.append(
            {"name": name[:500], "kind": kind, "reason": str(item.get("reason", ""))[:500]}
        )
    return cleaned


def reason_clean(params: dict[str, Any], key: str = "reason") -> str:
    reason = str(params.get(key, "")).strip()
    if not reason:
        raise ApplicationError(REASON_REQUIRED, extra={"field": key}, status=422)
    return reason[:2000]


def _names(items: list[dict[str, str]]) -> str:
    return ", ".join(i["name"] for i in items)


Pure = Callable[[Any, dt.datetime, dict[str, Any], Units, Clock], DossierStep]


def accept(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    deadlines.start_clock(d, at, clock)
    return DossierStep(data={"due_at": d.due_at.isoformat()}, close_supplements="intake")


def request_supplement(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    items = items_clean(p.get("items"))
    return DossierStep(
        note=_names(items), data={"items": items}, file_supplement=("intake", items)
    )


def with_reason(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    """Refusal and withdrawal: the reason is the dossier's note."""
    d.note = reason_clean(p)
    return DossierStep(note=d.note)


def transfer(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    # paper moves the same working day, or the next working morning after 15:00
    local = at.astimezone(VN)
    by = (
        local.date()
        if local.time() < CUTOFF and clock.cal.is_working_day(local.date())
        else clock.cal.next_working_day(local.date())
    )
    d.holder_unit_code = u.competent.code
    return DossierStep(
        note=f"{u.receiving.full_name} → {u.competent.full_name}",
        data={"transfer_by": by.isoformat()},
    )


def assign(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    officer = p["officer"]  # checked by the caller: may process dossiers at the competent unit
    d.assigned_to_id = officer.pk
    return DossierStep(note=officer.get_username(), data={"officer_id": officer.pk})


def consult(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    body = reason_clean(p, "body")
    days = int(p.get("days") or 0)
    if not 1 <= days <= 30:
        raise ApplicationError(CONSULT_DAYS, extra={"field": "days"}, status=422)
    reply_by = _working_days_later(at, days, clock)
    return DossierStep(
        note=f"{body} (trả lời trước {reply_by:%d/%m/%Y})",
        data={"body": body, "reply_by": reply_by.isoformat()},
    )


def _calendar(clock: Clock) -> WorkCalendar:
    """The calendar itself (the simulator's clock wraps it in a cache)."""
    cal = getattr(clock.cal, "cal", clock.cal)
    assert isinstance(cal, WorkCalendar)
    return cal


def _working_days_later(at: dt.datetime, days: int, clock: Clock) -> dt.datetime:
    return due_at(at, days, "working_days", _calendar(clock), cutoff=False)


def request_supplement_appraisal(
    d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock
) -> DossierStep:
    received = d.received_at.astimezone(VN).date()
    if _working_days_between(clock, received, at.astimezone(VN).date()) > 3:
        raise Conflict(APPRAISAL_TOO_LATE.format(received=d.received_at.astimezone(VN)))
    items = items_clean(p.get("items"))
    d.supplement_requests += 1
    d.paused_at = at
    return DossierStep(
        note=_names(items), data={"items": items}, file_supplement=("appraisal", items)
    )


def _working_days_between(clock: Clock, start: dt.date, end: dt.date) -> int:
    return _calendar(clock).working_days_between(start, end)


def supplement_received(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    d.paused_at = None
    deadlines.restart_clock(d, at, clock)
    return DossierStep(data={"due_at": d.due_at.isoformat()}, close_supplements="all")


def apologize(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    if d.apologized:
        raise Conflict(APOLOGY_ONCE)
    reason = reason_clean(p)
    due_day = d.due_at.astimezone(VN).date()
    if _working_days_between(clock, at.astimezone(VN).date(), due_day) < 1:
        raise Conflict(APOLOGY_TOO_LATE.format(due=due_day))
    try:
        new_day = dt.date.fromisoformat(str(p.get("new_due")))
    except ValueError:
        raise ApplicationError(
            APOLOGY_DATE_FORMAT, extra={"field": "new_due"}, status=422
        ) from None
    if new_day <= due_day:
        raise ApplicationError(
            APOLOGY_DATE.format(due=due_day), extra={"field": "new_due"}, status=422
        )
    if (new_day - due_day).days > APOLOGY_MAX_DAYS:
        raise ApplicationError(
            APOLOGY_DATE_TOO_FAR.format(due=due_day), extra={"field": "new_due"}, status=422
        )
    old = d.due_at
    d.due_at = dt.datetime.combine(
        clock.cal.next_working_day(new_day, include=True), dt.time(17, 0), tzinfo=VN
    )
    d.apologized = True
    return DossierStep(
        note=reason,
        data={
            "original_due": old.astimezone(dt.UTC).isoformat(),
            "new_due": d.due_at.isoformat(),
            "reason": reason,
        },
    )


def request_payment(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    amount = whole_number(p.get("amount") or d.fee_vnd or 0)  # "50.000" as the page shows it
    if amount is None or amount <= 0:
        raise ApplicationError(AMOUNT_POSITIVE, extra={"field": "amount"}, status=422)
    d.fee_vnd, d.payment = amount, Payment.UNPAID
    with translation.override("vi"):  # the history's words are Vietnamese
        note = vnd(amount)
    return DossierStep(note=note, data={"amount": amount})


def payment_received(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    d.payment, d.paid_at, d.paid_via = Payment.PAID, at, PaidVia.COUNTER
    return DossierStep()


def paid_by_transfer(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    """A bank transfer matched to the dossier (haicap.payments): the fee is paid, at the time
    the bank booked it; the step names the transaction and the receipt."""
    d.payment, d.paid_at, d.paid_via = Payment.PAID, p["booked_at"], PaidVia.TRANSFER
    data = {k: p[k] for k in ("transaction_id", "amount", "receipt") if k in p}
    with translation.override("vi"):
        note = f"{vnd(p.get('amount'))}, {p.get('receipt', '')}"
    return DossierStep(note=note, data=data)


def stop(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    d.note = reason_clean(p)
    d.finished_at = at
    return DossierStep(note=d.note)


def complete(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    if d.payment == Payment.UNPAID and d.fee_vnd:
        raise Conflict(UNPAID.format(fee=d.fee_vnd))
    d.finished_at = at
    d.outcome = deadlines.outcome(d, at, p.get("due_before_apology"))
    d.holder_unit_code = u.return_.code
    return DossierStep(note=str(p.get("note", ""))[:2000], data={"outcome": d.outcome})


def return_(d: Any, at: dt.datetime, p: dict, u: Units, clock: Clock) -> DossierStep:
    method = p.get("method") or d.return_method
    if method not in ReturnMethod.values:
        raise ApplicationError(
            BAD_RETURN_METHOD.format(method=method), extra={"field": "method"}, status=422
        )
    d.return_method, d.returned_at = method, at
    return DossierStep(note=str(ReturnMethod(method).label), data={"method": method})


EFFECTS: dict[str, Pure] = {
    "accept": accept,
    "request_supplement": request_supplement,
    "refuse": with_reason,
    "transfer": transfer,
    "assign": assign,
    "consult": consult,
    "request_supplement_appraisal": request_supplement_appraisal,
    "supplement_received": supplement_received,
    "apologize": apologize,
    "request_payment": request_payment,
    "payment_received": payment_received,
    "payment_matched": paid_by_transfer,
    "payment_recorded": paid_by_transfer,
    "withdraw": with_reason,
    "stop": stop,
    "complete": complete,
    "return": return_,
}
