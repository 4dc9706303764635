"""One definition of each fact about a dossier's time, used by every reader: the officers'
queues, the dossier page, the service index's counters and rebuild, and the simulator.

- The clock runs while the administration holds the dossier: accepted or processing. It stops
  while the applicant owes something (a supplement, a payment) and once a withdrawal is asked.
- A dossier is due at `due_at`; it is overdue when its clock runs and that moment has passed, so
  a dossier waiting for a supplement is neither late nor due soon (its due date is set anew when
  the supplement arrives).
- It finished on time when it was completed by the due date it had before any apology (an
  apology sets a new date but does not make the dossier on time) with at most one supplement
  request (the national index's rule); before the due day it is early.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from django.db.models import Q

from haicap.dossiers.models import Status
from haicap.workdays.calendar import VN, classify, due_at
from haicap.workdays.selectors import work_calendar

S = Status

# the administration holds the dossier and its clock runs
CLOCK_RUNNING: frozenset[int] = frozenset({S.ACCEPTED, S.PROCESSING})
# received and not finished: shown in the officers' lists (the clock may be stopped)
IN_HAND: frozenset[int] = frozenset(
    {S.ACCEPTED, S.PROCESSING, S.SUPPLEMENT, S.AWAITING_PAYMENT, S.WITHDRAWAL_REQUESTED}
)
DUE_SOON_WORKING_DAYS = 2


class Calendar(Protocol):
    def is_working_day(self, day: dt.date) -> bool: ...
    def next_working_day(self, day: dt.date, *, include: bool = False) -> dt.date: ...
    def add_working_days(self, day: dt.date, count: int) -> dt.date: ...


class Clock(Protocol):
    """Working-time arithmetic: the services use the live calendar, the simulator a cached one."""

    cal: Any

    def due(self, moment: dt.datetime, value: int, unit: str) -> dt.datetime: ...


class CalendarClock:
    """The clock of the running system: the calendar in force (with the swap days set)."""

    def __init__(self) -> None:
        self.cal = work_calendar()

    def due(self, moment: dt.datetime, value: int, unit: str) -> dt.datetime:
        return due_at(moment, value, unit, self.cal)


def clock_running(d: Any) -> bool:
    return d.status in CLOCK_RUNNING and d.due_at is not None


def is_overdue(d: Any, now: dt.datetime) -> bool:
    return clock_running(d) and d.due_at < now


def due_soon_limit(now: dt.datetime, cal: Calendar | None = None) -> dt.datetime:
    """The end of the second working day from now: "due soon" means due before then."""
    cal = cal or work_calendar()
    day = now.astimezone(VN).date()
    for _ in range(DUE_SOON_WORKING_DAYS):
        day = cal.next_working_day(day)
    return dt.datetime.combine(day, dt.time(23, 59), tzinfo=VN)


def is_due_soon(d: Any, now: dt.datetime) -> bool:
    return clock_running(d) and now <= d.due_at <= due_soon_limit(now)


def overdue_q(now: dt.datetime, *, since: dt.datetime | None = None) -> Q:
    """Overdue dossiers (due before `now`; with `since`, due from then on)."""
    q = Q(status__in=sorted(CLOCK_RUNNING), due_at__lt=now)
    return q & Q(due_at__gte=since) if since is not None else q


def due_soon_q(now: dt.datetime) -> Q:
    return Q(status__in=sorted(CLOCK_RUNNING), due_at__gte=now, due_at__lte=due_soon_limit(now))


def start_clock(d: Any, at: dt.datetime, clock: Clock) -> None:
    """Receipt: the clock starts and the appointment is set."""
    d.received_at = at
    d.due_at = d.original_due_at = clock.due(at, d.time_value, d.time_unit)


def restart_clock(d: Any, at: dt.datetime, clock: Clock) -> None:
    """The supplement arrived: the whole period counts again from now."""
    d.due_at = clock.due(at, d.time_value, d.time_unit)


def outcome(d: Any, finished_at: dt.datetime, due_before_apology: dt.datetime | None) -> str:
    """early | on_time | late, as the national index counts it."""
    due = due_before_apology if d.apologized and due_before_apology else d.due_at
    return classify(finished_at, due, d.supplement_requests)


def finished_on_time(d: Any) -> bool:
    return d.outcome in ("early", "on_time")
