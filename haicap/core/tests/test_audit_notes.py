"""An audit note that is one of our labels (a return 'Trực tuyến') reads in the reader's
language; a free note stays as it was written (the walk found 'Trực tuyến' in English)."""

import pytest
from django.test import Client

from haicap.core.audit import audit_record
from haicap.core.rights import CoreAudit
from haicap.core.roles import Role

pytestmark = pytest.mark.django_db


def test_a_label_note_is_translated_a_free_one_is_not(make_user, ben_thanh):  # type: ignore[no-untyped-def]
    leader = make_user("lanhdao", Role.UNIT_LEADER, ben_thanh)
    for note in ("Trực tuyến", "gọi lại cho bà Lan chiều nay"):
        audit_record(actor=leader, action=CoreAudit.USER_LOGIN, note=note, province_code="79",
                     unit_code="26743")
    client = Client()
    client.force_login(leader)
    client.cookies["django_language"] = "en"
    html = client.get("/audit/").content.decode()
    assert '<td data-testid="audit-note">Online</td>' in html
    assert "gọi lại cho bà Lan chiều nay" in html
