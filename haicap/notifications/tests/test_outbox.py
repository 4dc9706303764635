"""Messages to citizens are queued in the same transaction as the change they tell of: one per
step a citizen should hear of, none for a step rolled back, and never an ID number."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client

from haicap.dossiers.models import Dossier
from haicap.dossiers.services import dossier_intake, dossier_transition
from haicap.notifications.models import Kind, Message, MessageChannel, MessageStatus
from haicap.notifications.tests.conftest import ID_NUMBER, at

pytestmark = pytest.mark.django_db


def _kinds() -> list[str]:
    return list(Message.objects.order_by("pk").values_list("kind", flat=True))


def test_each_step_of_a_dossier_tells_the_citizen(
    intake, counter_officer, leader, processing_officer
):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    [received] = Message.objects.all()
    assert received.kind == Kind.RECEIVED and received.channel == MessageChannel.SMS
    assert received.recipient == "0903123456" and received.status == MessageStatus.PENDING
    assert d.code in received.body and "Phường Bến Thành" in received.body
    assert d.due_at.strftime("%d/%m/%Y") in received.body
    d = dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9, 30))
    d = dossier_transition(
        d, action="assign", actor=leader, officer_id=processing_officer.pk, now=at(2025, 7, 1, 10)
    )
    assert _kinds() == ["received"]  # hand-overs inside the centre say nothing
    d = dossier_transition(
        d,
        action="request_supplement_appraisal",
        actor=processing_officer,
        items=[{"name": "Giấy chứng sinh", "kind": "original", "reason": "bản mờ"}],
        now=at(2025, 7, 1, 11),
    )
    assert "Giấy chứng sinh" in Message.objects.get(kind=Kind.SUPPLEMENT).body
    d = dossier_transition(
        d, action="supplement_received", actor=processing_officer, now=at(2025, 7, 2, 9)
    )
    d = dossier_transition(
        d,
        action="apologize",
        actor=processing_officer,
        reason="chờ xác minh",
        new_due="2025-08-01",
        now=at(2025, 7, 2, 10),
    )
    assert "01/08/2025" in Message.objects.get(kind=Kind.LATE).body
    d = dossier_transition(d, action="complete", actor=processing_officer, now=at(2025, 7, 3, 9))
    ready = Message.objects.get(kind=Kind.RESULT_READY)
    assert "Phường Bến Thành" in ready.body  # no electronic result: at the desk
    assert _kinds() == ["received", "supplement", "late", "result_ready"]
    for message in Message.objects.all():
        assert ID_NUMBER not in message.body and "Nguyễn Thị Mai" not in message.body
        assert ID_NUMBER not in message.subject


def test_an_e_mail_address_gets_the_message_by_e_mail(intake, counter_officer):
    from dataclasses import replace

    applicant = replace(intake.applicant, email="mai@example.vn")
    dossier_intake(replace(intake, applicant=applicant), actor=counter_officer)
    [message] = Message.objects.all()
    assert (message.channel, message.recipient) == (MessageChannel.EMAIL, "mai@example.vn")


def test_a_change_rolled_back_sends_nothing(intake, counter_officer):
    """The message is a row of the change's own transaction: whatever undoes the change (a
    later failure in the same request) undoes the message."""
    with pytest.raises(RuntimeError), transaction.atomic():
        dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
        assert _kinds() == ["received"]
        raise RuntimeError("the request failed after the intake")
    assert not Dossier.objects.exists() and _kinds() == []


def test_the_electronic_result_is_announced_as_such(
    intake, counter_officer, leader, processing_officer
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    d = dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9, 30))
    client = Client()
    client.force_login(processing_officer)
    pdf = b"%PDF-1.7\n%%EOF\n"
    client.post(
        f"/mot-cua/h/{d.code}/thao-tac/complete/",
        {"result": SimpleUploadedFile("kq.pdf", pdf, "application/pdf")},
    )
    ready = Message.objects.get(kind=Kind.RESULT_READY)
    assert "kết quả điện tử" in ready.body and f"/tra-cuu/?ma={d.code}" in ready.body


def test_an_answered_report_tells_its_author_once_the_phone_is_confirmed(make_user):
    """By SMS to a confirmed phone; the contact code before it went only to that phone."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from haicap.core.roles import Role
    from haicap.core.tokens import token_issue
    from haicap.feedback.models import Report
    from haicap.units.models import Unit

    body = {
        "province_code": "79",
        "category": "drainage",
        "description": "Đường Nguyễn Huệ ngập sâu 30 cm sau mưa, xe máy chết máy.",
        "lat": 10.7745,
        "lon": 106.7005,
        "contact_phone": "0903 111 222",
    }
    code = Client().post("/api/v1/feedback", body, content_type="application/json").json()["code"]
    Report.objects.filter(code=code).update(contact_confirmed=True)
    saigon = Unit.objects.current().get(level="commune", code="26740")
    officer = make_user("xuly.saigon", Role.PROCESSING_OFFICER, saigon)
    api = Client(
        headers={"Authorization": f"Bearer {token_issue(user=officer, label='app', actor=None)}"}
    )
    api.post(f"/api/v1/feedback/{code}/actions/accept", {}, content_type="application/json")
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 64
    api.post(
        f"/api/v1/feedback/{code}/evidence",
        {"evidence": [SimpleUploadedFile("sau.png", png, "image/png")]},
    )
    answered = api.post(
        f"/api/v1/feedback/{code}/actions/answer",
        {"text": "Đã khơi thông cống rãnh, hết ngập."},
        content_type="application/json",
    )
    assert answered.status_code == 200
    [message] = Message.objects.filter(kind=Kind.FEEDBACK_ANSWERED)
    assert message.recipient == "0903111222" and f"/phan-anh/{code}/" in message.body
