"""The one-stop REST API as an integrator, a counter officer and a citizen meet it."""

import pytest
from django.test import Client

from haicap.core.models import ApiToken
from haicap.core.tokens import token_issue, token_revoke
from haicap.dossiers.models import Dossier, Status

pytestmark = pytest.mark.django_db

BODY: dict = {
    "procedure_code": "1.001193",
    "receiving_unit": "26743",
    "applicant": {
        "name": "Nguyễn Thị Mai",
        "id_number": "079190001234",
        "phone": "0903123456",
        "address": "25 Trần Quốc Thảo, Phường 9, Quận 3, TP.HCM",
    },
    "request": "Đăng ký khai sinh cho con",
}


@pytest.fixture
def officer_client(counter_officer) -> Client:
    token = token_issue(user=counter_officer, label="quầy 1", actor=None)
    return Client(headers={"Authorization": f"Bearer {token}"})


def test_intake_with_token_and_a_retry_never_makes_two(officer_client):
    first = officer_client.post(
        "/api/v1/dossiers",
        BODY,
        content_type="application/json",
        headers={"Idempotency-Key": "k-1"},
    )
    assert first.status_code == 201, first.content
    data = first.json()
    assert data["code"].startswith("26743-") and data["status"] == Status.ACCEPTED
    assert data["applicant_id_number"] == "079190001234"  # the officer needs it
    assert "transfer" in data["allowed_actions"]
    again = officer_client.post(
        "/api/v1/dossiers",
        BODY,
        content_type="application/json",
        headers={"Idempotency-Key": "k-1"},
    )
    assert again.json()["code"] == data["code"]
    assert Dossier.objects.count() == 1


def test_bad_input_is_422_with_the_field_and_nothing_is_written(officer_client):
    bad = {**BODY, "applicant": {**BODY["applicant"], "id_number": "12345"}}
    response = officer_client.post("/api/v1/dossiers", bad, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["extra"]["field"] == "applicant_id_number"
    bad_phone = {**BODY, "applicant": {**BODY["applicant"], "phone": "12"}}
    assert (
        officer_client.post(
            "/api/v1/dossiers", bad_phone, content_type="application/json"
        ).status_code
        == 422
    )
    assert Dossier.objects.count() == 0


def test_unknown_procedure_or_unit_is_404(officer_client):
    response = officer_client.post(
        "/api/v1/dossiers", {**BODY, "procedure_code": "9.999999"}, content_type="application/json"
    )
    assert response.status_code == 404 and "9.999999" in response.json()["message"]
    response = officer_client.post(
        "/api/v1/dossiers", {**BODY, "receiving_unit": "99999"}, content_type="application/json"
    )
    assert response.status_code == 404 and response.json()["extra"]["field"] == "receiving_unit"


def test_wrong_state_is_409_with_allowed_actions(officer_client):
    code = officer_client.post("/api/v1/dossiers", BODY, content_type="application/json").json()[
        "code"
    ]
    response = officer_client.post(
        f"/api/v1/dossiers/{code}/actions/return", {}, content_type="application/json"
    )
    assert response.status_code == 409
    assert "transfer" in response.json()["extra"]["allowed_actions"]
    ok = officer_client.post(
        f"/api/v1/dossiers/{code}/actions/transfer", {}, content_type="application/json"
    )
    assert ok.status_code == 200 and ok.json()["status"] == Status.PROCESSING


def test_anonymous_and_revoked_tokens_are_refused(counter_officer):
    assert (
        Client().post("/api/v1/dossiers", BODY, content_type="application/json").status_code == 401
    )
    raw = token_issue(user=counter_officer, label="cũ", actor=None)
    token_revoke(token=ApiToken.objects.get(label="cũ"), actor=None)
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    assert client.get("/api/v1/dossiers").status_code == 401


def test_officers_see_only_their_units(officer_client, make_user, sai_gon):
    from haicap.core.roles import Role

    officer_client.post("/api/v1/dossiers", BODY, content_type="application/json")
    other = make_user("motcua.saigon", Role.COUNTER_OFFICER, sai_gon)
    client = Client(
        headers={"Authorization": f"Bearer {token_issue(user=other, label='x', actor=None)}"}
    )
    assert client.get("/api/v1/dossiers").json()["count"] == 0
    code = Dossier.objects.get().code
    assert client.get(f"/api/v1/dossiers/{code}").status_code == 404  # as if it did not exist
    listing = officer_client.get("/api/v1/dossiers?queue=transfer").json()
    assert listing["count"] == 1 and listing["items"][0]["code"] == code


def test_citizen_submits_online_uploads_tracks_and_is_rate_limited():
    client = Client()
    response = client.post(
        "/api/v1/dossiers/online",
        {**BODY, "return_method": "online"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    code = response.json()["code"]
    assert Dossier.objects.get(code=code).status == Status.REGISTERED

    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("to-khai.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    up = client.post(
        f"/api/v1/dossiers/{code}/attachments",
        {"phone": "3456", "component": "Tờ khai", "files": [pdf]},
    )
    assert up.status_code == 201 and up.json()[0]["content_type"] == "application/pdf"
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    bad = client.post(f"/api/v1/dossiers/{code}/attachments", {"phone": "3456", "files": [fake]})
    assert bad.status_code == 422 and "virus.pdf" in bad.json()["message"]

    tracked = client.get(f"/api/v1/dossiers/{code}/tracking?phone=3456")
    assert tracked.status_code == 200
    assert tracked.json()["history"][0]["text"].startswith("Hồ sơ nộp trực tuyến")
    wrong = client.get(f"/api/v1/dossiers/{code}/tracking?phone=0000")
    assert wrong.status_code == 404
    statuses = [
        client.get(f"/api/v1/dossiers/{code}/tracking?phone=0000").status_code for _ in range(10)
    ]
    assert statuses[-1] == 429


def test_openapi_lists_the_dossier_endpoints():
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/dossiers" in paths and "/api/v1/dossiers/{code}/actions/{action}" in paths


def test_tokens_are_issued_and_revoked_from_the_command_line(counter_officer):
    import io

    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("dossiers", "token", "motcua", "--label", "quầy 2", stdout=out)
    raw = out.getvalue().rsplit(" ", 1)[1].strip()
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    assert client.get("/api/v1/dossiers").status_code == 200
    with pytest.raises(CommandError, match="no active token «quầy 9»"):
        call_command("dossiers", "revoke-token", "motcua", "--label", "quầy 9")
    out = io.StringIO()
    call_command("dossiers", "revoke-token", "motcua", "--label", "quầy 2", stdout=out)
    assert "Revoked 1 token(s) of motcua: quầy 2" in out.getvalue()
    assert client.get("/api/v1/dossiers").status_code == 401
    with pytest.raises(CommandError, match=r"no user «ai\.do»"):
        call_command("dossiers", "revoke-token", "ai.do")


def test_a_token_revoked_in_another_process_is_refused_at_the_next_request(counter_officer):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    raw = token_issue(user=counter_officer, label="ki-ốt", actor=None)
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    assert client.get("/api/v1/dossiers").status_code == 200  # now cached in this process
    with CaptureQueriesContext(connection) as cached:
        assert client.get("/api/v1/dossiers").status_code == 200
    token_queries = [q for q in cached.captured_queries if "apitoken" in q["sql"]]
    assert len(token_queries) == 1  # the cached user costs one primary-key check, no more
    # another worker revokes it: this process's cache is not cleared
    ApiToken.objects.filter(label="ki-ốt").update(revoked_at=timezone.now())
    assert client.get("/api/v1/dossiers").status_code == 401
    ApiToken.objects.filter(label="ki-ốt").update(revoked_at=None)
    assert client.get("/api/v1/dossiers").status_code == 200
    get_user_model().objects.filter(pk=counter_officer.pk).update(is_active=False)
    assert client.get("/api/v1/dossiers").status_code == 401
