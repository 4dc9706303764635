import pytest
from django.contrib.auth import get_user_model

from haicap.core.models import AuditAction, AuditEvent, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("root", password="pw")
    client.force_login(user)
    return client


def test_unit_admin_searches_without_diacritics(admin_client):
    page = admin_client.get("/admin/units/unit/", {"q": "ben thanh"}).content.decode()
    assert "Phường Bến Thành" in page


def test_membership_granted_through_admin_is_audited(admin_client, make_user, ben_thanh):
    officer = make_user("officer")
    r = admin_client.post(
        "/admin/core/membership/add/",
        {"user": officer.pk, "role": "counter_officer", "unit": ben_thanh.pk},
    )
    assert r.status_code == 302
    assert Membership.objects.filter(user=officer, role="counter_officer").exists()
    assert AuditEvent.objects.filter(
        action=AuditAction.MEMBERSHIP_GRANTED, actor__username="root"
    ).exists()


def test_audit_log_cannot_be_edited_in_admin(admin_client):
    assert admin_client.get("/admin/core/auditevent/add/").status_code == 403
