"""Scenario fixtures: a birth registration at Bến Thành, officers of Bến Thành and Sài Gòn."""

from __future__ import annotations

import datetime as dt

import pytest

from haicap.core.roles import Role
from haicap.dossiers.services import Intake
from haicap.dossiers.validation import Applicant
from haicap.procedures.models import Procedure
from haicap.procedures.services import province_procedure_configure
from haicap.units.models import Unit
from haicap.workdays.calendar import VN

BIRTH = "1.001193"  # Đăng ký khai sinh (cấp xã)


@pytest.fixture
def birth_registration(db) -> Procedure:
    procedure = Procedure.objects.filter(code=BIRTH).first()
    if procedure is None:
        procedure = Procedure.objects.filter(
            level_codes__contains="commune", name__icontains="khai sinh"
        ).first()
    return procedure


@pytest.fixture
def sai_gon(db) -> Unit:
    return Unit.objects.current().get(level="commune", code="26740")


@pytest.fixture
def applicant() -> Applicant:
    return Applicant.clean(
        name="Nguyễn Thị Mai",
        id_number="079190001234",
        phone_number="0903 123 456",
        address="25 Trần Quốc Thảo, Phường 9, Quận 3, TP.HCM",
    )


@pytest.fixture
def intake(birth_registration, ben_thanh, applicant) -> Intake:
    return Intake(
        procedure=birth_registration,
        receiving_unit=ben_thanh,
        applicant=applicant,
        request="Đăng ký khai sinh cho con",
    )


@pytest.fixture
def processing_officer(make_user, ben_thanh):
    return make_user("xuly", Role.PROCESSING_OFFICER, ben_thanh)


@pytest.fixture
def leader(make_user, ben_thanh):
    return make_user("lanhdao", Role.UNIT_LEADER, ben_thanh)


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=VN)


# the HCMC centre's branch in old Quận 1 (ADR 15), and birth registration received anywhere
@pytest.fixture
def branch(db) -> Unit:  # type: ignore[no-untyped-def]
    return Unit.objects.current().get(level="point", code="79C01")


@pytest.fixture
def branch_officer(make_user, branch):  # type: ignore[no-untyped-def]
    return make_user("motcua.cnq1", Role.COUNTER_OFFICER, branch)


@pytest.fixture
def boundary_free(province_admin, birth_registration):  # type: ignore[no-untyped-def]
    province_procedure_configure(
        province_code="79",
        procedure=birth_registration,
        actor=province_admin,
        offered=True,
        boundary_free=True,
        online_level="partial",
        time_value=1,  # offered online only with a time the province verified
        time_unit="working_days",
    )
