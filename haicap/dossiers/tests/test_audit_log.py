"""The audit log speaks in words: action labels, objects as people know them, status labels,
settings changes field by field, in the reader's language (core.audit_words)."""

import re

import pytest
from django.test import Client
from django.utils import translation

from haicap.core.audit_words import audit_rows
from haicap.core.models import AuditEvent
from haicap.dossiers.services import dossier_intake, dossier_transition
from haicap.dossiers.tests.conftest import at
from haicap.procedures.services import province_procedure_configure

pytestmark = pytest.mark.django_db


def cells(html: str, testid: str) -> list[str]:
    return re.findall(rf'data-testid="{testid}">([^<]*)<', html)


def test_a_dossiers_steps_read_as_words(intake, counter_officer, leader):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9, 30))
    client = Client()
    client.force_login(leader)
    html = client.get("/audit/").content.decode()
    assert f"Hồ sơ {d.code}" in cells(html, "audit-object")
    actions = cells(html, "audit-action")
    assert "Tiếp nhận" in actions and "intake_accept" not in html
    assert "Đã tiếp nhận → Đang xử lý" in cells(html, "audit-change")
    assert f"dossiers.dossier {d.pk}" not in html and "2 → 4" not in html


def test_the_same_log_in_english(intake, counter_officer, leader):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9, 30))
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(leader)
    html = client.get("/audit/").content.decode()
    assert f"Dossier {d.code}" in cells(html, "audit-object")
    assert "Accepted → Processing" in cells(html, "audit-change")


def test_a_settings_change_reads_field_by_field(birth_registration, province_admin):
    province_procedure_configure(
        province_code="79",
        procedure=birth_registration,
        actor=province_admin,
        offered=True,
        boundary_free=True,
        online_level="partial",
        fee_vnd=8000,
    )
    with translation.override("vi"):
        (row,) = audit_rows(AuditEvent.objects.filter(object_type="procedures.provinceprocedure"))
    assert row.target == f"Thủ tục {birth_registration.code}"
    assert "Phi địa giới: " in row.change and "→ có" in row.change
    assert "Lệ phí (đồng): " in row.change and "8000" in row.change
    assert "Settings(" not in row.change + row.note and "partial" not in row.change


def test_units_are_named_and_unknown_objects_keep_their_number(ben_thanh):
    events = [
        AuditEvent(action=100, actor_label="a", object_type="units.unit", object_id=str(ben_thanh.pk)),
        AuditEvent(action=100, actor_label="a", object_type="units.unit", object_id="999999999"),
        AuditEvent(action=999, actor_label="a", object_type="nowhere.thing", object_id="7"),
    ]
    with translation.override("vi"):
        named, gone, unknown = audit_rows(events)
    assert named.target == f"Đơn vị {ben_thanh.full_name}"
    assert gone.target == "Đơn vị #999999999"
    assert unknown.target == "nowhere.thing 7" and unknown.action == "999"


def test_a_rating_reads_as_its_answer(intake, counter_officer, processing_officer, leader):
    # the rating is audited with 'satisfied'/'unsatisfied' as its new state, not a status: the
    # log answered 500 on it (the status field refused the word)
    from haicap.dossiers.services import dossier_rate

    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    d = dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9, 30))
    d = dossier_transition(
        d, action="assign", actor=leader, officer_id=processing_officer.pk, now=at(2025, 7, 1, 10)
    )
    d = dossier_transition(d, action="complete", actor=processing_officer, now=at(2025, 7, 1, 14))
    d = dossier_transition(
        d, action="return", actor=counter_officer, method="counter", now=at(2025, 7, 2, 8)
    )
    dossier_rate(d, satisfied=False, reason="Phải đi lại hai lần")
    client = Client()
    client.force_login(leader)
    response = client.get("/audit/")
    assert response.status_code == 200
    changes = cells(response.content.decode(), "audit-change")
    assert "Không hài lòng" in changes and "unsatisfied" not in response.content.decode()
