"""Working days and deadlines (Labour Code 2019 art. 112; Civil Code arts. 147-148): pure functions.

Deadlines end at the close of a working day. Receipt after 15:00 (or outside working hours, or on
a day off) counts as receipt at the opening of the next working day. A period in days starts the
day after receipt; when its last day is not a working day it ends at the close of the next one.
"""

from __future__ import annotations

import calendar as std_calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OPEN = dt.time(7, 30)
LUNCH_START = dt.time(11, 30)
LUNCH_END = dt.time(13, 0)
CLOSE = dt.time(17, 0)
CUTOFF = dt.time(15, 0)
# working periods of a working day, as (start, end) times
PERIODS = ((OPEN, LUNCH_START), (LUNCH_END, CLOSE))
MAX_SPAN_DAYS = 5 * 366  # no procedure runs longer; guards loops against bad input


class TimeUnit(StrEnum):
    HOURS = "hours"  # working hours
    DAYS = "days"  # calendar days
    WORKING_DAYS = "working_days"
    MONTHS = "months"


@dataclass(frozen=True)
class WorkCalendar:
    """Days off: weekends and public holidays, corrected by swap days (worked or off)."""

    holidays: frozenset[dt.date]
    extra_working: frozenset[dt.date] = frozenset()
    extra_off: frozenset[dt.date] = frozenset()

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.extra_off:
            return False
        if day in self.extra_working:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def next_working_day(self, day: dt.date, *, include: bool = False) -> dt.date:
        """The first working day after `day` (or `day` itself when `include` and it works)."""
        current = day if include else day + dt.timedelta(days=1)
        for _ in range(MAX_SPAN_DAYS):
            if self.is_working_day(current):
                return current
            current += dt.timedelta(days=1)
        raise ValueError(f"no working day within {MAX_SPAN_DAYS} days of {day}")

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The `count`-th working day after `day` (`day` itself does not count)."""
        if count < 0:
            raise ValueError("count must not be negative")
        current = day
        for _ in range(count):
            current = self.next_working_day(current)
        return current

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        days = (end - start).days
        if days > MAX_SPAN_DAYS:
            raise ValueError("span too long")
        return sum(self.is_working_day(start + dt.timedelta(days=i)) for i in range(1, days + 1))


def local(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("datetimes must be timezone-aware")
    return moment.astimezone(VN)


def effective_receipt(
    received_at: dt.datetime, cal: WorkCalendar, *, cutoff: bool = True
) -> dt.datetime:
    """When the clock starts: receipt after 15:00, after hours or on a day off moves to the
    opening of the next working day; receipt before opening moves to that day's opening."""
    moment = local(received_at)
    day, time = moment.date(), moment.time()
    late = time >= (CUTOFF if cutoff else CLOSE)
    if not cal.is_working_day(day) or late:
        return dt.datetime.combine(cal.next_working_day(day), OPEN, tzinfo=VN)
    if time < OPEN:
        return dt.datetime.combine(day, OPEN, tzinfo=VN)
    if LUNCH_START <= time < LUNCH_END:
        return dt.datetime.combine(day, LUNCH_END, tzinfo=VN)
    return moment


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, std_calendar.monthrange(year, month)[1]))


def _close(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, CLOSE, tzinfo=VN)


def due_at(
    received_at: dt.datetime,
    amount: int,
    unit: TimeUnit | str,
    cal: WorkCalendar,
    *,
    cutoff: bool = True,
) -> dt.datetime:
    """The deadline for a period of `amount` `unit`s from receipt."""
    if amount < 0:
        raise ValueError("amount must not be negative")
    unit = TimeUnit(unit)
    start = effective_receipt(received_at, cal, cutoff=cutoff)
    if unit is TimeUnit.WORKING_DAYS:
        return (
            _close(cal.add_working_days(start.date(), amount)) if amount else _close(start.date())
        )
    if unit is TimeUnit.DAYS:
        return _close(cal.next_working_day(start.date() + dt.timedelta(days=amount), include=True))
    if unit is TimeUnit.MONTHS:
        return _close(cal.next_working_day(add_months(start.date(), amount), include=True))
    return _add_working_hours(start, amount, cal)


def _add_working_hours(start: dt.datetime, hours: int, cal: WorkCalendar) -> dt.datetime:
    remaining = dt.timedelta(hours=hours)
    day, moment = start.date(), start
    for _ in range(MAX_SPAN_DAYS):
        if cal.is_working_day(day):
            for begin, end in PERIODS:
                period_start = max(moment, dt.datetime.combine(day, begin, tzinfo=VN))
                period_end = dt.datetime.combine(day, end, tzinfo=VN)
                if period_start >= period_end:
                    continue
                available = period_end - period_start
                if remaining <= available:
                    return period_start + remaining
                remaining -= available
        day = cal.next_working_day(day)
        moment = dt.datetime.combine(day, OPEN, tzinfo=VN)
    raise ValueError("period too long")


def classify(finished_at: dt.datetime, due: dt.datetime, supplement_requests: int = 0) -> str:
    """National index: early, on time or late; more than one supplement request is late."""
    if supplement_requests > 1 or finished_at > due:
        return "late"
    if local(finished_at).date() < local(due).date():
        return "early"
    return "on_time"
