"""The one permission helper: which units an actor may act on, for a given permission.

Every module scopes its reads and writes through `scope_for` / `require_permission`, so that a
counter officer of Bến Thành sees Bến Thành, a province administrator of HCMC sees all 168 units,
and a system administrator sees everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q
from django.utils.translation import gettext_lazy

from haicap.core.errors import PermissionDenied
from haicap.core.models import Membership
from haicap.core.registry import role_permissions
from haicap.core.roles import Role

Actor = AbstractBaseUser | AnonymousUser

PERMISSION_DENIED = gettext_lazy("Bạn không có quyền thực hiện thao tác này cho đơn vị này.")


@dataclass(frozen=True)
class Scope:
    """The units in which an actor holds a permission."""

    everything: bool = False
    province_codes: frozenset[str] = frozenset()
    unit_codes: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.everything or self.province_codes or self.unit_codes)

    def covers(self, *, province_code: str = "", unit_code: str = "") -> bool:
        if self.everything:
            return True
        if province_code and province_code in self.province_codes:
            return True
        return bool(unit_code) and unit_code in self.unit_codes

    def q(self, *, province_field: str = "province_code", unit_field: str = "unit_code") -> Q:
        """A filter for querysets; matches nothing when the scope is empty."""
        if self.everything:
            return Q()
        q = Q(pk__in=[])
        if self.province_codes:
            q |= Q(**{f"{province_field}__in": sorted(self.province_codes)})
        if self.unit_codes:
            q |= Q(**{f"{unit_field}__in": sorted(self.unit_codes)})
        return q

    def q_by_unit_id(self, *, unit_id_field: str, province_field: str = "province_code") -> Q:
        """As `q`, for records that point at their unit with a foreign key: the scope's codes
        become the units' ids, so that the filter uses the key's own index instead of a join to
        the units table (`<fk>__code__in` read every row on PostgreSQL; ADR 22)."""
        if self.everything:
            return Q()
        from haicap.units.selectors import unit_ids

        q = Q(pk__in=[])
        if self.province_codes:
            q |= Q(**{f"{province_field}__in": sorted(self.province_codes)})
        if self.unit_codes:
            q |= Q(**{f"{unit_id_field}__in": unit_ids(self.unit_codes)})
        return q


def active_memberships(actor: Actor) -> list[Membership]:
    if not actor.is_authenticated:
        return []
    cached: list[Membership] | None = getattr(actor, "_haicap_memberships", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user_id=actor.pk, revoked_at__isnull=True).select_related(
                "unit"
            )
        )
        actor._haicap_memberships = cached  # type: ignore[union-attr,attr-defined]
    return cached


def scope_for(actor: Actor, perm: str) -> Scope:
    if not actor.is_authenticated:
        return Scope()
    if getattr(actor, "is_superuser", False):
        return Scope(everything=True)
    provinces: set[str] = set()
    units: set[str] = set()
    for membership in active_memberships(actor):
        if perm not in role_permissions(membership.role):
            continue
        if membership.role == Role.SYSTEM_ADMIN or membership.unit is None:
            return Scope(everything=True)
        if membership.unit.level == "province":
            provinces.add(membership.unit.province_code)
        else:
            units.add(membership.unit.code)
    return Scope(province_codes=frozenset(provinces), unit_codes=frozenset(units))


def has_permission(
    actor: Actor, perm: str, *, province_code: str = "", unit_code: str = ""
) -> bool:
    """True if the actor holds `perm` for the unit (or, with no unit given, anywhere)."""
    scope = scope_for(actor, perm)
    if not province_code and not unit_code:
        return not scope.empty
    return scope.covers(province_code=province_code, unit_code=unit_code)


def require_permission(
    actor: Actor, perm: str, *, province_code: str = "", unit_code: str = ""
) -> None:
    if not has_permission(actor, perm, province_code=province_code, unit_code=unit_code):
        raise PermissionDenied(
            PERMISSION_DENIED,
            extra={"permission": perm, "province_code": province_code, "unit_code": unit_code},
        )
