"""Working-time arithmetic for the simulation's plans, with the calendar's answers and the due
dates remembered (planning asks the same days again and again)."""

from __future__ import annotations

import datetime as dt
import random

from haicap.workdays.calendar import CUTOFF, VN, WorkCalendar, due_at


class _CachedCalendar:
    """A WorkCalendar whose answers are remembered (planning asks the same days again and
    again)."""

    def __init__(self, cal: WorkCalendar) -> None:
        self.cal = cal
        self._working: dict[dt.date, bool] = {}
        self._next: dict[tuple[dt.date, bool], dt.date] = {}
        self._add: dict[tuple[dt.date, int], dt.date] = {}
        self._between: dict[tuple[dt.date, dt.date], int] = {}

    def is_working_day(self, day: dt.date) -> bool:
        found = self._working.get(day)
        if found is None:
            found = self._working[day] = self.cal.is_working_day(day)
        return found

    def next_working_day(self, day: dt.date, *, include: bool = False) -> dt.date:
        key = (day, include)
        found = self._next.get(key)
        if found is None:
            found = self._next[key] = self.cal.next_working_day(day, include=include)
        return found

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        key = (day, count)
        found = self._add.get(key)
        if found is None:
            found = self._add[key] = self.cal.add_working_days(day, count)
        return found

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        key = (start, end)
        found = self._between.get(key)
        if found is None:
            found = self._between[key] = self.cal.working_days_between(start, end)
        return found


class Clock:
    """Working-time arithmetic for planning (seconds resolution), and due dates cached by the
    only things they depend on for day-based periods: the day and whether after 15:00."""

    def __init__(self, cal: WorkCalendar) -> None:
        self.cal = _CachedCalendar(cal)
        self._due: dict[tuple, dt.datetime] = {}

    def due(self, moment: dt.datetime, value: int, unit: str) -> dt.datetime:
        local = moment.astimezone(VN)
        key = (local.date(), local.time() >= CUTOFF, value, unit)
        found = self._due.get(key)
        if found is None:
            found = self._due[key] = due_at(moment, value, unit, self.cal.cal)
        return found

    def working_time(
        self, rng: random.Random, day: dt.date, after: dt.time | None = None
    ) -> dt.datetime:
        """A random moment of the working hours of `day` (after `after`)."""
        start = (
            7 * 3600 + 1800
            if after is None
            else after.hour * 3600 + after.minute * 60 + after.second + 1
        )
        start = max(start, 7 * 3600 + 1800)
        end = 17 * 3600 - 60
        if start >= end:
            start = end - 1
        second = rng.randrange(start, end)
        if 11 * 3600 + 1800 <= second < 13 * 3600:  # lunch: the afternoon
            second += 5400 if second + 5400 < end else 0
        return dt.datetime.combine(
            day, dt.time(second // 3600, second // 60 % 60, second % 60), tzinfo=VN
        )

    def later(self, rng: random.Random, moment: dt.datetime, low: int, high: int) -> dt.datetime:
        """`low`..`high` minutes later, moved to the next working morning if past closing."""
        local = moment.astimezone(VN) + dt.timedelta(
            minutes=rng.randint(low, high), seconds=rng.randint(0, 59)
        )
        if self.cal.is_working_day(local.date()) and dt.time(7, 30) <= local.time() < dt.time(17):
            return local
        day = local.date() if local.time() < dt.time(7, 30) else local.date() + dt.timedelta(days=1)
        day = self.cal.next_working_day(day, include=True)
        return dt.datetime.combine(day, dt.time(7, 30), tzinfo=VN) + dt.timedelta(
            minutes=rng.randint(0, 90)
        )

    def days_later(
        self, rng: random.Random, moment: dt.datetime, low: int, high: int
    ) -> dt.datetime:
        day = self.cal.add_working_days(moment.astimezone(VN).date(), rng.randint(low, high))
        return self.working_time(rng, day)
