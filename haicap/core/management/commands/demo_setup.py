"""`haicap demo_setup`: one demo account per role in Bến Thành (HCMC) and at the HCMC level."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from haicap.core.models import Membership
from haicap.core.roles import Role
from haicap.core.services import membership_grant
from haicap.units.models import Level, Unit

DEMO_PASSWORD = "haicap-demo-2025"
BEN_THANH = "26743"
SAI_GON = "26740"
HCMC = "79"
DEMO_ACCOUNTS = [
    # username, full name, role, unit level, unit code
    ("congdan", "Nguyễn Văn An", Role.CITIZEN, Level.COMMUNE, BEN_THANH),
    ("motcua.benthanh", "Trần Thị Bình", Role.COUNTER_OFFICER, Level.COMMUNE, BEN_THANH),
    ("xuly.benthanh", "Lê Văn Cường", Role.PROCESSING_OFFICER, Level.COMMUNE, BEN_THANH),
    ("lanhdao.benthanh", "Phạm Thị Dung", Role.UNIT_LEADER, Level.COMMUNE, BEN_THANH),
    ("ketoan.benthanh", "Bùi Thị Mai", Role.FINANCE_OFFICER, Level.COMMUNE, BEN_THANH),
    ("xuly.saigon", "Đỗ Minh Khoa", Role.PROCESSING_OFFICER, Level.COMMUNE, SAI_GON),
    ("quantri.hcm", "Hoàng Văn Em", Role.PROVINCE_ADMIN, Level.PROVINCE, HCMC),
    ("lanhdao.hcm", "Ngô Thị Hạnh", Role.UNIT_LEADER, Level.PROVINCE, HCMC),
    ("quantri.hethong", "Vũ Thị Giang", Role.SYSTEM_ADMIN, "", ""),
]


class Command(BaseCommand):
    help = "Create (or reset) the demo accounts, one per role, and print their logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", default=DEMO_PASSWORD)

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        User = get_user_model()
        rows = []
        for username, full_name, role, level, code in DEMO_ACCOUNTS:
            unit = None
            if level:
                unit = Unit.objects.current().filter(level=level, code=code).first()
                if unit is None:
                    raise CommandError(
                        f"unit {level} {code} missing: run 'haicap units load' first"
                    )
            family_and_middle, _, given = full_name.rpartition(" ")
            user, _ = User.objects.get_or_create(username=username)
            # Django shows "first last": Vietnamese order is family, middle, given name
            user.first_name, user.last_name = family_and_middle, given
            user.is_staff = role in (Role.PROVINCE_ADMIN, Role.SYSTEM_ADMIN)
            user.is_superuser = role == Role.SYSTEM_ADMIN
            user.set_password(options["password"])
            user.save()
            if not Membership.objects.filter(
                user=user, role=role, unit=unit, revoked_at__isnull=True
            ).exists():
                membership_grant(user=user, role=role, unit=unit, actor=None)
            rows.append((username, Role(role).label, unit.full_name if unit else "Toàn quốc"))
        self.stdout.write(f"Tài khoản demo (mật khẩu: {options['password']}):")
        for username, role_label, where in rows:
            self.stdout.write(f"  {username:<18} {role_label:<22} {where}")
