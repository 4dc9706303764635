"""A birth registration at Bến Thành and its officers, for the messages its steps send."""

from __future__ import annotations

import datetime as dt

import pytest

from haicap.core.roles import Role
from haicap.dossiers.services import Intake
from haicap.dossiers.validation import Applicant
from haicap.procedures.models import Procedure
from haicap.workdays.calendar import VN

ID_NUMBER = "079190001234"


@pytest.fixture
def intake(db, ben_thanh) -> Intake:
    procedure = Procedure.objects.filter(code="1.001193").first()
    assert procedure is not None
    return Intake(
        procedure=procedure,
        receiving_unit=ben_thanh,
        applicant=Applicant.clean(
            name="Nguyễn Thị Mai",
            id_number=ID_NUMBER,
            phone_number="0903 123 456",
            address="25 Trần Quốc Thảo, Phường 9, Quận 3, TP.HCM",
        ),
        request="Đăng ký khai sinh cho con",
    )


@pytest.fixture
def processing_officer(make_user, ben_thanh):  # type: ignore[no-untyped-def]
    return make_user("xuly", Role.PROCESSING_OFFICER, ben_thanh)


@pytest.fixture
def leader(make_user, ben_thanh):  # type: ignore[no-untyped-def]
    return make_user("lanhdao", Role.UNIT_LEADER, ben_thanh)


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=VN)
