import datetime as dt

import pytest

from haicap.core.errors import PermissionDenied
from haicap.core.models import AuditEvent
from haicap.workdays.rights import CalendarAudit
from haicap.workdays.selectors import build_calendar
from haicap.workdays.services import calendar_day_set

pytestmark = pytest.mark.django_db


def test_seeded_swaps_are_in_the_calendar():
    cal = build_calendar()
    assert cal.is_working_day(dt.date(2025, 4, 26))
    assert not cal.is_working_day(dt.date(2025, 5, 2))


def test_administrator_adds_a_swap_day_and_it_is_audited(make_user):
    admin = make_user("root")
    admin.is_superuser = True
    admin.save()
    calendar_day_set(date=dt.date(2027, 1, 2), kind="working", note="làm bù", actor=admin)
    assert build_calendar().is_working_day(dt.date(2027, 1, 2))  # a Saturday
    assert AuditEvent.objects.filter(action=CalendarAudit.CHANGED).exists()


def test_officers_cannot_edit_the_calendar(counter_officer):
    with pytest.raises(PermissionDenied):
        calendar_day_set(date=dt.date(2027, 1, 4), kind="off", note="", actor=counter_officer)
