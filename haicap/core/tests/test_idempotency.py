"""Security finding 13.1: an Idempotency-Key belongs to the caller who sent it. Replaying someone
else's key finds nothing of theirs; the same key with another body is refused; a true retry
gets back what the same caller already received."""

import pytest
from django.test import Client

from haicap.core.tokens import token_issue
from haicap.dossiers.models import Dossier
from haicap.dossiers.tests.test_api import BODY as DOSSIER
from haicap.feedback.models import Report
from haicap.feedback.tests.test_api import BODY as REPORT

pytestmark = pytest.mark.django_db


def _post(client: Client, path: str, body: dict, key: str, **extra):  # type: ignore[no-untyped-def]
    return client.post(
        path, body, content_type="application/json", headers={"Idempotency-Key": key}, **extra
    )


def test_an_anonymous_replay_of_a_counters_key_gets_nothing_of_theirs(counter_officer):
    token = token_issue(user=counter_officer, label="quầy 1", actor=None)
    counter = Client(headers={"Authorization": f"Bearer {token}"})
    first = _post(counter, "/api/v1/dossiers", DOSSIER, "demo-0")
    assert first.status_code == 201
    replay = _post(Client(), "/api/v1/dossiers/online", DOSSIER, "demo-0")
    assert replay.status_code == 201
    assert replay.json()["code"] != first.json()["code"]  # a dossier of its own, not theirs
    assert Dossier.objects.count() == 2


def test_a_replayed_feedback_key_never_hands_out_the_authors_private_token():
    author = _post(Client(), "/api/v1/feedback", REPORT, "app-42", REMOTE_ADDR="10.1.1.1")
    assert author.status_code == 201
    other = {**REPORT, "description": "Rác thải đổ trộm bên bờ kênh Nhiêu Lộc cả tuần nay."}
    attacker = _post(Client(), "/api/v1/feedback", other, "app-42", REMOTE_ADDR="10.9.9.9")
    assert attacker.status_code == 201
    assert attacker.json()["private_token"] != author.json()["private_token"]
    assert attacker.json()["code"] != author.json()["code"]
    # the same client replaying the same request is a retry: the answer it already had
    retry = _post(Client(), "/api/v1/feedback", REPORT, "app-42", REMOTE_ADDR="10.1.1.1")
    assert retry.json()["private_token"] == author.json()["private_token"]
    assert Report.objects.count() == 2


def test_the_same_key_with_another_body_is_refused_naming_the_header(counter_officer):
    token = token_issue(user=counter_officer, label="quầy 1", actor=None)
    counter = Client(headers={"Authorization": f"Bearer {token}"})
    assert _post(counter, "/api/v1/dossiers", DOSSIER, "k-7").status_code == 201
    changed = {**DOSSIER, "request": "Đăng ký khai sinh cho con thứ hai"}
    refused = _post(counter, "/api/v1/dossiers", changed, "k-7")
    assert refused.status_code == 422
    assert refused.json()["extra"]["field"] == "Idempotency-Key"
    assert Dossier.objects.count() == 1


@pytest.mark.parametrize("key", ["x" * 81, "khóa-có-dấu", " "])
def test_a_key_that_is_not_a_short_ascii_token_is_refused(key):
    response = _post(Client(), "/api/v1/feedback", REPORT, key)
    assert response.status_code == 422 and response.json()["extra"]["field"] == "Idempotency-Key"
    assert not Report.objects.exists()
