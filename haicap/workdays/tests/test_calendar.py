"""Deadlines around real holidays, and properties that must hold for any receipt time."""

import datetime as dt

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haicap.workdays.calendar import VN, TimeUnit, WorkCalendar, classify, due_at, effective_receipt

_vn = holidays.country_holidays("VN", years=range(2024, 2029))
CAL = WorkCalendar(frozenset(_vn.keys()), frozenset(_vn.weekend_workdays), frozenset())


def at(y, m, d, hh=9, mm=0):
    return dt.datetime(y, m, d, hh, mm, tzinfo=VN)


def test_reunification_and_labour_day_2025_with_the_swap():
    # 30/4, 1/5 and 2/5/2025 off (2/5 swapped for Saturday 26/4), then the weekend
    assert due_at(at(2025, 4, 29, 10), 3, TimeUnit.WORKING_DAYS, CAL) == at(2025, 5, 7, 17)
    # Friday 25/4 after 15:00 counts as Saturday 26/4, a worked day; one working day → Monday
    assert effective_receipt(at(2025, 4, 25, 16), CAL) == at(2025, 4, 26, 7, 30)
    assert due_at(at(2025, 4, 25, 16), 1, TimeUnit.WORKING_DAYS, CAL) == at(2025, 4, 28, 17)
    assert not CAL.is_working_day(dt.date(2025, 5, 2)) and CAL.is_working_day(dt.date(2025, 4, 26))


def test_tet_2026():
    # Tết: Monday 16/2 – Friday 20/2/2026, with the weekends either side
    assert due_at(at(2026, 2, 13, 9), 2, TimeUnit.WORKING_DAYS, CAL) == at(2026, 2, 24, 17)
    # calendar days ending in Tết roll to the next working day (Civil Code art. 148)
    assert due_at(at(2026, 2, 12, 10), 5, TimeUnit.DAYS, CAL) == at(2026, 2, 23, 17)
    # eight working hours from Friday 16:30 (after the cutoff): all of Monday 23/2
    assert due_at(at(2026, 2, 13, 16, 30), 8, TimeUnit.HOURS, CAL) == at(2026, 2, 23, 17)


def test_cutoff_at_15_00():
    before = due_at(at(2025, 7, 1, 14, 59), 1, TimeUnit.WORKING_DAYS, CAL)
    after = due_at(at(2025, 7, 1, 15, 0), 1, TimeUnit.WORKING_DAYS, CAL)
    assert before == at(2025, 7, 2, 17) and after == at(2025, 7, 3, 17)
    assert due_at(at(2025, 7, 1, 15, 30), 1, TimeUnit.WORKING_DAYS, CAL, cutoff=False) == at(
        2025, 7, 2, 17
    )


def test_hours_skip_lunch():
    assert due_at(at(2025, 7, 1, 10, 0), 2, TimeUnit.HOURS, CAL) == at(2025, 7, 1, 13, 30)


def test_months_end_on_the_last_day_of_a_short_month():
    assert due_at(at(2024, 12, 31, 9), 2, TimeUnit.MONTHS, CAL) == at(2025, 2, 28, 17)
    # 31/1/2025 fell in Tết 2025: the clock started on Monday 3/2
    assert due_at(at(2025, 1, 31, 9), 1, TimeUnit.MONTHS, CAL) == at(2025, 3, 3, 17)


def test_new_holiday_24_november_from_2026():
    assert not CAL.is_working_day(dt.date(2026, 11, 24))
    assert CAL.is_working_day(dt.date(2025, 11, 24))


def test_classification():
    due = at(2025, 7, 10, 17)
    assert classify(at(2025, 7, 9, 10), due) == "early"
    assert classify(at(2025, 7, 10, 16), due) == "on_time"
    assert classify(at(2025, 7, 11, 8), due) == "late"
    assert classify(at(2025, 7, 9, 10), due, supplement_requests=2) == "late"


def test_bad_input():
    with pytest.raises(ValueError):
        due_at(dt.datetime(2025, 7, 1, 9), 1, TimeUnit.WORKING_DAYS, CAL)  # naive datetime
    with pytest.raises(ValueError):
        due_at(at(2025, 7, 1), -1, TimeUnit.DAYS, CAL)
    with pytest.raises(ValueError):
        due_at(at(2025, 7, 1), 1, "weeks", CAL)


moments = st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2027, 12, 31)).map(
    lambda d: d.replace(tzinfo=VN)
)
units = st.sampled_from(list(TimeUnit))


@given(moments, st.integers(0, 40), units)
@settings(max_examples=300, deadline=None)
def test_due_is_after_receipt_and_within_working_time(received, amount, unit):
    due = due_at(received, amount, unit, CAL)
    assert due >= effective_receipt(received, CAL)
    assert CAL.is_working_day(due.date())
    if unit is not TimeUnit.HOURS:
        assert due.timetz().replace(tzinfo=None) == dt.time(17, 0)


@given(moments, st.integers(0, 30), units)
@settings(max_examples=300, deadline=None)
def test_more_time_never_ends_sooner(received, amount, unit):
    assert due_at(received, amount + 1, unit, CAL) >= due_at(received, amount, unit, CAL)


@given(st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)), st.integers(0, 30), st.integers(0, 30))
@settings(max_examples=300)
def test_working_days_add_up(day, a, b):
    assert CAL.add_working_days(CAL.add_working_days(day, a), b) == CAL.add_working_days(day, a + b)
    assert CAL.working_days_between(day, CAL.add_working_days(day, a)) == a


@given(moments, st.integers(1, 20))
@settings(max_examples=200, deadline=None)
def test_receipt_after_cutoff_is_receipt_next_working_morning(received, amount):
    local = received.astimezone(VN)
    if CAL.is_working_day(local.date()) and local.time() >= dt.time(15, 0):
        next_morning = dt.datetime.combine(
            CAL.next_working_day(local.date()), dt.time(8, 0), tzinfo=VN
        )
        assert due_at(received, amount, TimeUnit.WORKING_DAYS, CAL) == due_at(
            next_morning, amount, TimeUnit.WORKING_DAYS, CAL
        )
