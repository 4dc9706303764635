import pytest

from haicap.core.errors import ApplicationError, Conflict, PermissionDenied
from haicap.core.models import AuditEvent, Membership
from haicap.core.permissions import has_permission, require_permission, scope_for
from haicap.core.rights import CoreAudit, CorePerm
from haicap.core.roles import Role
from haicap.core.services import ROLE_NOT_ALLOWED_AT_LEVEL, membership_grant, membership_revoke
from haicap.units.models import Unit
from haicap.units.rights import UnitsPerm


def test_counter_officer_is_scoped_to_their_ward(counter_officer):
    assert has_permission(counter_officer, UnitsPerm.CONVERT_ADDRESSES, unit_code="26743")
    assert not has_permission(counter_officer, UnitsPerm.CONVERT_ADDRESSES, unit_code="26740")
    assert not has_permission(counter_officer, CorePerm.VIEW_AUDIT)
    with pytest.raises(PermissionDenied):
        require_permission(counter_officer, CorePerm.VIEW_PERSONAL_DATA, unit_code="00070")


def test_province_admin_covers_every_commune_of_the_province(province_admin):
    scope = scope_for(province_admin, CorePerm.VIEW_AUDIT)
    assert scope.covers(province_code="79", unit_code="26740")
    assert not scope.covers(province_code="01", unit_code="00070")
    assert Unit.objects.current().communes().filter(scope.q()).count() == 168


def test_anonymous_and_roleless_users_have_empty_scope(make_user):
    from django.contrib.auth.models import AnonymousUser

    assert scope_for(AnonymousUser(), CorePerm.VIEW_AUDIT).empty
    assert scope_for(make_user("nobody"), CorePerm.VIEW_AUDIT).empty
    assert Unit.objects.filter(scope_for(make_user("x"), CorePerm.VIEW_AUDIT).q()).count() == 0


def test_grant_is_audited_and_checks_the_actor(province_admin, make_user, ben_thanh):
    officer = make_user("officer")
    membership = membership_grant(
        user=officer, role=Role.PROCESSING_OFFICER, unit=ben_thanh, actor=province_admin
    )
    event = AuditEvent.objects.get(
        action=CoreAudit.MEMBERSHIP_GRANTED, object_id=str(membership.pk)
    )
    assert (
        event.actor == province_admin and event.unit_code == "26743" and event.province_code == "79"
    )
    with pytest.raises(Conflict):
        membership_grant(
            user=officer, role=Role.PROCESSING_OFFICER, unit=ben_thanh, actor=province_admin
        )
    hanoi_ward = Unit.objects.current().get(level="commune", code="00070")
    with pytest.raises(PermissionDenied):
        membership_grant(
            user=officer, role=Role.COUNTER_OFFICER, unit=hanoi_ward, actor=province_admin
        )
    membership_revoke(membership=membership, actor=province_admin, reason="chuyển công tác")
    assert not Membership.objects.filter(user=officer, revoked_at__isnull=True).exists()
    assert AuditEvent.objects.filter(
        action=CoreAudit.MEMBERSHIP_REVOKED, note="chuyển công tác"
    ).exists()


def test_roles_only_at_their_levels_and_only_in_units_in_force(make_user, ben_thanh):
    user = make_user("u")
    with pytest.raises(ApplicationError) as exc:
        membership_grant(user=user, role=Role.PROVINCE_ADMIN, unit=ben_thanh, actor=None)
    assert "Quản trị cấp tỉnh" in exc.value.message
    assert ROLE_NOT_ALLOWED_AT_LEVEL.split("«")[0] in exc.value.message
    old_ward = Unit.objects.get(level="commune", code="26737", valid_from__isnull=True)
    with pytest.raises(ApplicationError):
        membership_grant(user=user, role=Role.COUNTER_OFFICER, unit=old_ward, actor=None)
