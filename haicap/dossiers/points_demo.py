"""The service-point demo for `make demo` (ADR 0015): a counter officer at the HCMC centre's
branch in old Quận 1, the demo procedures made boundary-free in HCMC by its administrator, and
dossiers received at the branch for Phường Bến Thành in each state the branch meets. Made
through the same services as real ones; idempotent (each dossier keyed `demo-point-N`)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from haicap.core.models import Membership
from haicap.core.roles import Role
from haicap.core.services import membership_grant
from haicap.dossiers.demo import PROCEDURES, _Accounts, _demo_accounts, _demo_applicant, _walk_path
from haicap.dossiers.models import Dossier
from haicap.dossiers.services import Intake, dossier_intake
from haicap.procedures.models import OnlineLevel, Procedure, ProvinceProcedure
from haicap.procedures.selectors import procedure_settings
from haicap.procedures.services import province_procedure_configure
from haicap.units.models import Level, Unit
from haicap.workdays.calendar import VN

BRANCH = "79C01"  # Chi nhánh Quận 1 (cũ), Trung tâm Phục vụ hành chính công TP.HCM
COMPETENT = "26743"  # Phường Bến Thành
OFFICER = ("motcua.cnq1", "Lý Thị Kim", Role.COUNTER_OFFICER)
PATHS: list[list[str]] = [
    [],
    ["transfer"],
    ["transfer", "assign"],
    ["transfer", "assign", "complete"],
    ["transfer", "assign", "complete", "return"],
]


@dataclass(frozen=True)
class PointsDemo:
    login: str
    branch: str
    made: int
    boundary_free: int


def _branch_officer(password: str) -> Any:
    branch = Unit.objects.current().get(level=Level.POINT, code=BRANCH)
    username, full_name, role = OFFICER
    family_and_middle, _, given = full_name.rpartition(" ")
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.first_name, user.last_name = family_and_middle, given
    user.set_password(password)
    user.save()
    if not Membership.objects.filter(
        user=user, role=role, unit=branch, revoked_at__isnull=True
    ).exists():
        membership_grant(user=user, role=role, unit=branch, actor=None)
    return user


def _boundary_free(procedures: list[Procedure]) -> int:
    """HCMC's administrator makes the demo procedures boundary-free, keeping every other
    setting the province has; returns how many changed."""
    admin = get_user_model().objects.filter(username="quantri.hcm").first()
    if admin is None:
        raise RuntimeError("run 'haicap demo_setup' first: quantri.hcm is missing")
    changed = 0
    for procedure in procedures:
        config = ProvinceProcedure.objects.filter(province_code="79", procedure=procedure).first()
        if config is not None and config.boundary_free:
            continue
        # online as the province has it (or partial where the catalogue has a channel), but
        # never on a processing time the province has not verified
        online = config.online_level if config else OnlineLevel.PARTIAL
        if not procedure.online_available and not config:
            online = OnlineLevel.NONE
        if not procedure_settings(procedure, "79").time_verified:
            online = OnlineLevel.NONE
        province_procedure_configure(
            province_code="79",
            procedure=procedure,
            actor=admin,
            offered=config.offered if config else True,
            boundary_free=True,
            online_level=online,
            fee_vnd=config.fee_vnd if config else None,
            time_value=config.time_value if config else None,
            time_unit=config.time_unit if config else "",
            time_verified=config.time_verified if config else None,
        )
        changed += 1
    return changed


@transaction.atomic
def points_demo(password: str, count: int = 10) -> PointsDemo:
    officer = _branch_officer(password)
    commune = _demo_accounts()
    accounts = _Accounts(officer, commune.processor, commune.leader)
    procedures = list(Procedure.objects.filter(code__in=PROCEDURES).order_by("code"))
    changed = _boundary_free(procedures)
    branch = Unit.objects.current().get(level=Level.POINT, code=BRANCH)
    ben_thanh = Unit.objects.current().get(level=Level.COMMUNE, code=COMPETENT)
    rng = random.Random(79)
    start = timezone.now().astimezone(VN).replace(hour=8, minute=30, second=0, microsecond=0)
    made = 0
    for n in range(count):
        key = f"demo-point-{n}"
        applicant = _demo_applicant(rng)  # drawn every time: the same people on every run
        if Dossier.objects.filter(idempotency_key=key).exists():
            continue
        when = start - dt.timedelta(days=(count - n) // 4, minutes=-23 * (n % 7))
        dossier = dossier_intake(
            Intake(
                procedure=procedures[n % len(procedures)],
                receiving_unit=branch,
                competent_unit=ben_thanh,
                applicant=applicant,
                request="Hồ sơ minh hoạ nộp tại chi nhánh (demo)",
            ),
            actor=officer,
            idempotency_key=key,
            now=when,
        )
        _walk_path(dossier, PATHS[n % len(PATHS)], when, accounts)
        made += 1
    return PointsDemo(OFFICER[0], branch.full_name, made, changed)
