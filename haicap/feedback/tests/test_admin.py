"""The categories are edited in the Django admin, as docs/feedback.md says; each save audited."""

import pytest
from django.contrib.auth import get_user_model

from haicap.core.models import AuditEvent
from haicap.feedback.models import Category
from haicap.feedback.rights import FeedbackAudit

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", password="pw"))
    return client


def test_a_province_redefines_a_default_category_and_it_is_audited(admin_client):
    default = Category.objects.filter(province_code="").order_by("code").first()
    assert default is not None
    listing = admin_client.get("/admin/feedback/category/")
    assert listing.status_code == 200 and default.name in listing.content.decode()
    r = admin_client.post(
        "/admin/feedback/category/add/",
        {
            "province_code": "79",
            "code": default.code,
            "name": default.name,
            "name_en": default.name_en,
            "description": "",
            "body_kind": default.body_kind,
            "body_name": "",
            "sla_working_days": 4,
            "disabled_on": "",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    own = Category.objects.get(province_code="79", code=default.code)
    assert own.sla_working_days == 4
    event = AuditEvent.objects.get(action=FeedbackAudit.CATEGORY_SAVED)
    assert event.actor_label == "root" and event.province_code == "79"
    assert event.data["changed"]["sla_working_days"] == ["", "4"]

    page = admin_client.get(f"/admin/feedback/category/{own.pk}/change/")
    assert page.status_code == 200
    r = admin_client.post(
        f"/admin/feedback/category/{own.pk}/change/",
        {
            "province_code": "79",
            "code": own.code,
            "name": own.name,
            "name_en": own.name_en,
            "description": "",
            "body_kind": own.body_kind,
            "body_name": "",
            "sla_working_days": 6,
            "disabled_on": "",
        },
    )
    assert r.status_code == 302
    last = AuditEvent.objects.filter(action=FeedbackAudit.CATEGORY_SAVED).latest("pk")
    assert last.data["changed"] == {"sla_working_days": ["4", "6"]}


def test_a_category_is_never_deleted(admin_client):
    category = Category.objects.first()
    assert category is not None
    r = admin_client.get(f"/admin/feedback/category/{category.pk}/delete/")
    assert r.status_code == 403
