"""The system administrator's page of messages: paginated, searchable by recipient, the phone
masked and confirmation codes hidden; nobody else may open it."""

from __future__ import annotations

import pytest
from django.test import Client

from haicap.core.roles import Role
from haicap.notifications.models import Kind
from haicap.notifications.outbox import message_queue
from haicap.units.models import Unit

pytestmark = pytest.mark.django_db


def _message(i: int, phone: str = "0903123456", kind: str = Kind.RECEIVED, body: str = "") -> None:
    message_queue(
        kind,
        province_code="79",
        object_type="dossier",
        object_code=f"26743-250701-{i:04d}",
        body=body or f"Hồ sơ 26743-250701-{i:04d} đã được tiếp nhận.",
        phone=phone,
    )


@pytest.fixture
def admin(make_user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(make_user("quantri", Role.SYSTEM_ADMIN, None))
    return client


def test_the_administrator_lists_searches_and_pages_messages(admin):
    for i in range(1, 56):
        _message(i)
    _message(99, phone="0912765432")
    page = admin.get("/he-thong/thong-bao/").content.decode()
    assert page.count("<tr><td>") == 50 and "Trang 1/2" in page
    assert "090****456" in page and "0903123456" not in page  # masked
    found = admin.get("/he-thong/thong-bao/?q=0912 765").content.decode()
    assert found.count("<tr><td>") == 1 and "26743-250701-0099" in found
    by_code = admin.get("/he-thong/thong-bao/?q=26743-250701-0007").content.decode()
    assert by_code.count("<tr><td>") == 1
    assert admin.get("/he-thong/thong-bao/?status=sent").content.decode().count("<tr><td>") == 0


def test_a_confirmation_code_is_not_shown_to_the_administrator(admin):
    _message(1, kind=Kind.CONTACT_CODE, body="Mã xác nhận cho phản ánh PA-1: 482915. Dùng một lần.")
    page = admin.get("/he-thong/thong-bao/").content.decode()
    assert "482915" not in page and "••••••" in page


def test_nobody_else_opens_it(make_user, ben_thanh):
    _message(1)
    assert Client().get("/he-thong/thong-bao/").status_code == 302  # to sign in
    for role in (Role.COUNTER_OFFICER, Role.UNIT_LEADER, Role.PROVINCE_ADMIN, Role.CITIZEN):
        unit = (
            ben_thanh
            if role != Role.PROVINCE_ADMIN
            else Unit.objects.current().get(level="province", code="79")
        )
        client = Client()
        client.force_login(make_user(f"u-{role}", role, unit))
        assert client.get("/he-thong/thong-bao/").status_code == 403, role
