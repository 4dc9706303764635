"""The security finding "anonymous online intake is unthrottled and consumes the ward's daily
numbers": online filings take no number of the daily sequence (acceptance draws it), and
anonymous filing and Open311 POST are rate-limited with 429 and Retry-After."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from haicap.dossiers.models import DailySequence, Dossier, Status
from haicap.dossiers.services import dossier_transition
from haicap.dossiers.tests.test_api import BODY
from haicap.feedback.open311 import key_issue
from haicap.feedback.tests.test_open311 import BASE, flood

pytestmark = pytest.mark.django_db


def online(client: Client, phone: str = "0903123456") -> Any:
    body = {**BODY, "return_method": "online", "applicant": {**BODY["applicant"], "phone": phone}}
    return client.post("/api/v1/dossiers/online", body, content_type="application/json")


def test_online_filings_leave_the_daily_sequence_alone_and_acceptance_numbers(
    settings, counter_officer
):
    settings.HAICAP_ONLINE_INTAKE_PER_CLIENT_HOUR = 100
    settings.HAICAP_ONLINE_INTAKE_PER_PHONE_DAY = 100
    refs = []
    for i in range(12):
        answer = online(Client(REMOTE_ADDR=f"10.0.0.{i}"), phone=f"09031234{i:02d}")
        assert answer.status_code == 201, answer.content
        refs.append(answer.json()["reference"])
    assert not DailySequence.objects.filter(agency_code="26743").exists()
    assert all(r.startswith("TT-") and len(r) == 18 for r in refs) and len(set(refs)) == 12
    dossier = Dossier.objects.get(online_reference=refs[0])
    assert dossier.code == refs[0] and dossier.status == Status.REGISTERED

    accepted = dossier_transition(dossier, action="accept", actor=counter_officer)
    assert accepted.code.startswith("26743-") and accepted.code.endswith("-0001")
    assert accepted.online_reference == refs[0]
    assert DailySequence.objects.get(agency_code="26743").last == 1
    # the citizen's reference still finds it, and so does the official code
    for code in (refs[0], accepted.code):
        tracked = Client().get(f"/api/v1/dossiers/{code}/tracking", {"phone": "3400"})
        assert tracked.status_code == 200, tracked.content
    # a refused online filing needs no official number
    refused = dossier_transition(
        Dossier.objects.get(online_reference=refs[1]),
        action="refuse",
        actor=counter_officer,
        reason="Không đúng thẩm quyền",
    )
    assert refused.code == refs[1] and DailySequence.objects.get(agency_code="26743").last == 1


def test_the_eleventh_filing_from_one_client_in_an_hour_is_refused(settings):
    settings.HAICAP_ONLINE_INTAKE_PER_PHONE_DAY = 100
    client = Client(REMOTE_ADDR="203.0.113.7")
    for i in range(10):
        assert online(client, phone=f"09880000{i:02d}").status_code == 201
    refused = online(client, phone="0988000099")
    assert refused.status_code == 429
    assert "10 hồ sơ" in refused.json()["message"] and "1 giờ" in refused.json()["message"]
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert Dossier.objects.count() == 10


def test_one_phone_files_five_a_day(settings):
    for i in range(5):
        assert online(Client(REMOTE_ADDR=f"198.51.100.{i}")).status_code == 201
    refused = online(Client(REMOTE_ADDR="198.51.100.99"))
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 3600
    assert "Số điện thoại này" in refused.json()["message"]


def test_open311_post_per_api_key(settings):
    settings.HAICAP_OPEN311_POST_PER_KEY_HOUR = 3
    api_key = key_issue(label="Ứng dụng thử nghiệm", province_code="79")
    for i in range(3):
        posted = Client(REMOTE_ADDR=f"192.0.2.{i}").post(f"{BASE}/requests.json", flood(api_key))
        assert posted.status_code == 201, posted.content
    refused = Client(REMOTE_ADDR="192.0.2.50").post(f"{BASE}/requests.json", flood(api_key))
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "api_key" in refused.json()[0]["description"]
