"""Writes of the core: granting and revoking memberships."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from haicap.core.audit import audit_record
from haicap.core.errors import ApplicationError, Conflict
from haicap.core.models import Membership
from haicap.core.permissions import Actor, require_permission
from haicap.core.rights import CoreAudit, CorePerm
from haicap.core.roles import ROLE_LEVELS, Role
from haicap.core.ttlcache import clear_all_caches
from haicap.units.models import Unit

ROLE_NOT_ALLOWED_AT_LEVEL = gettext_lazy("Vai trò «{role}» không áp dụng cho đơn vị cấp «{level}».")
MEMBERSHIP_EXISTS = gettext_lazy("Người dùng đã có vai trò này tại đơn vị này.")
UNIT_NOT_IN_FORCE = gettext_lazy("Đơn vị «{unit}» không còn hiệu lực; chỉ phân quyền tại đơn vị đang hoạt động.")


@transaction.atomic
def membership_grant(
    *, user: User, role: str, unit: Unit | None, actor: Actor | None
) -> Membership:
    level = unit.level if unit is not None else "national"
    if level not in ROLE_LEVELS[Role(role)]:
        raise ApplicationError(
            ROLE_NOT_ALLOWED_AT_LEVEL.format(role=Role(role).label, level=level),
            extra={"role": role, "level": level},
        )
    if unit is not None and unit.valid_to is not None:
        raise ApplicationError(UNIT_NOT_IN_FORCE.format(unit=unit.full_name))
    if actor is not None:
        require_permission(
            actor,
            CorePerm.MANAGE_MEMBERSHIPS,
            province_code=unit.province_code if unit else "",
            unit_code=unit.code if unit else "",
        )
    if Membership.objects.filter(user=user, role=role, unit=unit, revoked_at__isnull=True).exists():
        raise Conflict(MEMBERSHIP_EXISTS)
    membership = Membership.objects.create(
        user=user, role=role, unit=unit, province_code=unit.province_code if unit else ""
    )
    audit_record(
        actor=actor,
        action=CoreAudit.MEMBERSHIP_GRANTED,
        obj=membership,
        province_code=membership.province_code,
        unit_code=unit.code if unit else "",
        to_state=role,
        note=f"{user.get_username()} → {role} @ {unit.full_name if unit else 'toàn quốc'}",
    )
    clear_all_caches()  # now, for reads later in this transaction; again once committed
    transaction.on_commit(clear_all_caches)  # cached API users carry their memberships
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership, actor: Actor | None, reason: str) -> Membership:
    if actor is not None:
        require_permission(
            actor,
            CorePerm.MANAGE_MEMBERSHIPS,
            province_code=membership.province_code,
            unit_code=membership.unit.code if membership.unit else "",
        )
    membership.revoked_at = timezone.now()
    membership.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action=CoreAudit.MEMBERSHIP_REVOKED,
        obj=membership,
        province_code=membership.province_code,
        from_state=membership.role,
        note=reason,
    )
    clear_all_caches()  # now, for reads later in this transaction; again once committed
    transaction.on_commit(clear_all_caches)
    return membership
