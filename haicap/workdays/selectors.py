"""The calendar in force: the `holidays` package (VN) plus the swap days in the database."""

from __future__ import annotations

import datetime as dt
import time

import holidays

from haicap.workdays.calendar import WorkCalendar
from haicap.workdays.models import CalendarDay

YEARS = range(2015, 2036)
CACHE_SECONDS = 60.0
_cache: tuple[float, WorkCalendar] | None = None


def build_calendar() -> WorkCalendar:
    vn = holidays.country_holidays("VN", years=list(YEARS))
    working = set(getattr(vn, "weekend_workdays", set()))
    off: set = set()
    for day, kind in CalendarDay.objects.values_list("date", "kind"):
        if kind == CalendarDay.Kind.WORKING:
            working.add(day)
            off.discard(day)
        else:
            off.add(day)
            working.discard(day)
    return WorkCalendar(frozenset(vn.keys()), frozenset(working), frozenset(off))


def work_calendar() -> WorkCalendar:
    """Cached for a minute, so an administrator's change reaches every worker quickly."""
    global _cache
    now = time.monotonic()
    if _cache is None or now - _cache[0] > CACHE_SECONDS:
        _cache = (now, build_calendar())
    return _cache[1]


def reset_calendar() -> None:
    global _cache
    _cache = None


def holidays_of(year: int, language: str = "vi") -> list[tuple[dt.date, str]]:
    """Public holidays of a year with their names, for the calendar page."""
    lang = "vi" if language.startswith("vi") else "en_US"
    return sorted(holidays.country_holidays("VN", years=year, language=lang).items())
