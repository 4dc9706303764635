"""The working calendar page: holidays and swap days of a year; administrators edit swap days."""

import pytest
from django.test import Client

from haicap.core.models import AuditEvent
from haicap.core.roles import Role
from haicap.workdays.models import CalendarDay

pytestmark = pytest.mark.django_db


def test_a_year_with_its_holidays_swap_days_and_working_days():
    page = Client().get("/lich/?year=2025").content.decode()
    assert "26/04/2025" in page and "02/05/2025" in page  # the 2025 swap
    assert "02/09/2025" in page  # National Day
    assert Client().get("/lich/?year=abc").status_code == 400


def test_the_system_administrator_adds_a_swap_day_and_officers_cannot(make_user, counter_officer):
    admin = Client()
    admin.force_login(make_user("qt", Role.SYSTEM_ADMIN, None))
    assert "swap-form" in admin.get("/lich/?year=2027").content.decode()
    response = admin.post(
        "/lich/ngay-hoan-doi/",
        {"date": "2027-05-03", "kind": "off", "note": "Quyết định hoán đổi 2027"},
    )
    assert (
        response.status_code == 302
        and CalendarDay.objects.filter(date="2027-05-03", kind="off").exists()
    )
    assert AuditEvent.objects.filter(object_type="workdays.calendarday").exists()
    assert (
        admin.post("/lich/ngay-hoan-doi/", {"date": "3/5/2027", "kind": "off"}).status_code == 422
    )
    officer = Client()
    officer.force_login(counter_officer)
    assert (
        officer.post(
            "/lich/ngay-hoan-doi/", {"date": "2027-05-04", "kind": "off", "note": "x"}
        ).status_code
        == 403
    )


def test_a_wrong_kind_is_refused_clearly(make_user):
    admin = Client()
    admin.force_login(make_user("qt", Role.SYSTEM_ADMIN, None))
    response = admin.post(
        "/lich/ngay-hoan-doi/", {"date": "2027-05-03", "kind": "holiday", "note": "x"}
    )
    assert (
        response.status_code == 422 and not CalendarDay.objects.filter(date="2027-05-03").exists()
    )
