import pytest
from django.contrib.auth import get_user_model

from haicap.core.models import AuditEvent, Membership
from haicap.core.rights import CoreAudit

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
        action=CoreAudit.MEMBERSHIP_GRANTED, actor__username="root"
    ).exists()


def test_audit_log_cannot_be_edited_in_admin(admin_client):
    assert admin_client.get("/admin/core/auditevent/add/").status_code == 403


def test_api_tokens_are_listed_without_their_hash_and_revoked_with_an_audit_event(
    admin_client, make_user
):
    from django.test import Client

    from haicap.core.models import ApiToken
    from haicap.core.tokens import token_issue

    officer = make_user("tichhop.kiosk")
    raw = token_issue(user=officer, label="ki-ốt sảnh A", actor=None)
    token = ApiToken.objects.get()
    listing = admin_client.get("/admin/core/apitoken/").content.decode()
    assert "ki-ốt sảnh A" in listing and token.key_hash not in listing
    assert admin_client.get("/admin/core/apitoken/add/").status_code == 403
    api = Client(headers={"Authorization": f"Bearer {raw}"})
    assert api.get("/api/v1/dossiers").status_code == 200
    r = admin_client.post(
        "/admin/core/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk], "index": 0},
        follow=True,
    )
    assert "Đã thu hồi 1 token." in r.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert api.get("/api/v1/dossiers").status_code == 401
    revoked = admin_client.get("/admin/core/apitoken/", {"state": "revoked"}).content.decode()
    active = admin_client.get("/admin/core/apitoken/", {"state": "active"}).content.decode()
    assert "ki-ốt sảnh A" in revoked and "ki-ốt sảnh A" not in active
    assert AuditEvent.objects.filter(
        action=CoreAudit.MEMBERSHIP_REVOKED, actor__username="root", note__contains="ki-ốt"
    ).exists()
