"""Who a leader may assign a dossier to: the one definition, read by the assignment list on the
dossier page and checked again by the `assign` transition.

An assignable officer holds a processing role (one that may process dossiers and does not
assign them) in a live membership *at the competent unit itself*: not through a province-level
membership when the unit is a commune, never the leader who assigns, and an active account
that can sign in (the simulator's accounts cannot). The simulator's own leaders are such
accounts too: an assigner who cannot sign in may assign the officers who cannot either, so that
a simulated province runs through the same services.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from haicap.core.models import Membership
from haicap.core.registry import ROLE_PERMISSIONS
from haicap.core.workflow import user_of
from haicap.dossiers.rights import DossierPerm
from haicap.units.models import Unit


def processing_roles() -> list[str]:
    """Roles that process dossiers and do not assign them (processing officers, not leaders)."""
    return sorted(
        role
        for role, perms in ROLE_PERMISSIONS.items()
        if DossierPerm.PROCESS in perms and DossierPerm.ASSIGN not in perms
    )


def _signs_in(user: Any) -> bool:
    return bool(user is not None and user.is_active and user.has_usable_password())


def assignable_officers(unit: Unit, *, assigner: Any) -> QuerySet[Any]:
    """The officers `assigner` may give a dossier of `unit` to, by name."""
    members = Membership.objects.filter(
        unit__code=unit.code,
        unit__level=unit.level,
        role__in=processing_roles(),
        revoked_at__isnull=True,
    ).values_list("user_id", flat=True)
    users = get_user_model().objects.filter(pk__in=members)
    leader = user_of(assigner)
    if leader is not None:
        users = users.exclude(pk=leader.pk)
    if leader is None or _signs_in(leader):
        users = users.filter(is_active=True).exclude(password__startswith="!")
    return users.order_by("last_name", "first_name", "username")


def officer_label(user: Any) -> str:
    return str(user.get_full_name() or user.get_username())
