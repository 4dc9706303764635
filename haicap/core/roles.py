"""Roles, and the levels of unit at which each may be held.

What each role may do is granted by the apps themselves, each in its rights module: see
haicap.core.registry (`grant`, `role_permissions`, `ROLE_PERMISSIONS`)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CITIZEN = "citizen", _("Công dân")
    COUNTER_OFFICER = "counter_officer", _("Cán bộ một cửa")
    PROCESSING_OFFICER = "processing_officer", _("Cán bộ xử lý")
    UNIT_LEADER = "unit_leader", _("Lãnh đạo đơn vị")
    PROVINCE_ADMIN = "province_admin", _("Quản trị cấp tỉnh")
    FINANCE_OFFICER = "finance_officer", _("Cán bộ tài chính, kế toán")
    SYSTEM_ADMIN = "system_admin", _("Quản trị hệ thống")


# Roles that a membership may hold at each level of unit.
ROLE_LEVELS: dict[str, frozenset[str]] = {
    Role.CITIZEN: frozenset({"commune", "province"}),
    # a counter officer also at a service point (a province centre's branch, ADR 0015)
    Role.COUNTER_OFFICER: frozenset({"commune", "province", "point"}),
    Role.PROCESSING_OFFICER: frozenset({"commune", "province"}),
    Role.UNIT_LEADER: frozenset({"commune", "province"}),
    Role.PROVINCE_ADMIN: frozenset({"province"}),
    Role.FINANCE_OFFICER: frozenset({"commune", "province"}),
    Role.SYSTEM_ADMIN: frozenset({"national"}),
}
