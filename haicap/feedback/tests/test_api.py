"""The feedback REST API: send by app, read the public view, an officer acts with a token."""

import pytest
from django.test import Client

from haicap.core.roles import Role
from haicap.core.tokens import token_issue
from haicap.feedback.models import Report
from haicap.units.models import Unit

pytestmark = pytest.mark.django_db
BODY = {
    "province_code": "79",
    "category": "lighting",
    "description": "Đèn đường hỏng cả dãy trên đường Lê Lợi, tối om.",
    "lat": 10.7745,
    "lon": 106.7005,
}


def test_an_app_sends_and_reads_back_a_report():
    assert len(Client().get("/api/v1/feedback/categories?province=79").json()) == 11
    sent = Client().post("/api/v1/feedback", BODY, content_type="application/json")
    assert sent.status_code == 201, sent.content
    data = sent.json()
    assert data["status"] == "forwarded" and data["private_token"]
    assert (
        data["responsible_body"] == "Đơn vị quản lý chiếu sáng công cộng"
    )  # a utility, by category
    public = Client().get(f"/api/v1/feedback/{data['code']}").json()
    assert "private_token" not in public and [h["action"] for h in public["history"]] == [
        "submit",
        "forward",
    ]


def test_bad_input_names_the_field():
    response = Client().post(
        "/api/v1/feedback", {**BODY, "description": "ngắn"}, content_type="application/json"
    )
    assert response.status_code == 422 and response.json()["extra"]["field"] == "description"
    assert (
        Client()
        .post("/api/v1/feedback", {**BODY, "category": "x"}, content_type="application/json")
        .status_code
        == 404
    )
    assert Report.objects.count() == 0


def test_an_officer_accepts_through_the_api(make_user):
    code = (
        Client()
        .post("/api/v1/feedback", {**BODY, "category": "drainage"}, content_type="application/json")
        .json()["code"]
    )
    officer = make_user(
        "xuly.saigon",
        Role.PROCESSING_OFFICER,
        Unit.objects.current().get(level="commune", code="26740"),
    )
    client = Client(
        headers={"Authorization": f"Bearer {token_issue(user=officer, label='app', actor=None)}"}
    )
    assert client.get("/api/v1/feedback/queue").json()["count"] == 1
    accepted = client.post(
        f"/api/v1/feedback/{code}/actions/accept", {}, content_type="application/json"
    )
    assert accepted.status_code == 200 and "answer" in accepted.json()["allowed_actions"]
    wrong = client.post(
        f"/api/v1/feedback/{code}/actions/accept", {}, content_type="application/json"
    )
    assert wrong.status_code == 409
    no_evidence = client.post(
        f"/api/v1/feedback/{code}/actions/answer",
        {"text": "Đã khơi thông cống rãnh."},
        content_type="application/json",
    )
    assert no_evidence.status_code == 422 and no_evidence.json()["extra"]["field"] == "evidence"
