"""The feedback REST API: send by app, read the public view, an officer acts with a token."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
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


PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64


def _bearer(user) -> Client:  # type: ignore[no-untyped-def]
    return Client(
        headers={"Authorization": f"Bearer {token_issue(user=user, label='app', actor=None)}"}
    )


@pytest.fixture
def accepted(make_user):  # type: ignore[no-untyped-def]
    """A drainage report in Phường Sài Gòn, accepted by its officer through the API."""
    code = (
        Client()
        .post("/api/v1/feedback", {**BODY, "category": "drainage"}, content_type="application/json")
        .json()["code"]
    )
    saigon = Unit.objects.current().get(level="commune", code="26740")
    client = _bearer(make_user("xuly.saigon", Role.PROCESSING_OFFICER, saigon))
    assert (
        client.post(
            f"/api/v1/feedback/{code}/actions/accept", {}, content_type="application/json"
        ).status_code
        == 200
    )
    return code, client


def test_an_officer_uploads_evidence_then_answers_through_the_api(accepted):
    from haicap.core.models import AuditEvent

    code, client = accepted
    answer = {"text": "Đã khơi thông cống rãnh, hết ngập."}
    without = client.post(
        f"/api/v1/feedback/{code}/actions/answer", answer, content_type="application/json"
    )
    assert without.status_code == 422 and without.json()["extra"]["field"] == "evidence"
    uploaded = client.post(
        f"/api/v1/feedback/{code}/evidence",
        {"evidence": [SimpleUploadedFile("sau.png", PNG, "image/png")]},
    )
    assert uploaded.status_code == 201, uploaded.content
    [item] = uploaded.json()
    assert (
        item["content_type"] == "image/png" and item["url"] == f"/phan-anh/{code}/tep/{item['id']}/"
    )
    assert Client().get(item["url"]).status_code == 200
    audit = AuditEvent.objects.filter(object_id=str(Report.objects.get(code=code).pk))
    [step] = audit.filter(note__contains="minh chứng")
    assert step.unit_code == "26740" and step.data["evidence"] == [item["id"]]
    answered = client.post(
        f"/api/v1/feedback/{code}/actions/answer", answer, content_type="application/json"
    )
    assert answered.status_code == 200 and answered.json()["status"] == "answered"
    late = client.post(
        f"/api/v1/feedback/{code}/evidence", {"evidence": [SimpleUploadedFile("x.png", PNG)]}
    )
    assert late.status_code == 409  # answered: nothing more to prove


def test_a_bad_evidence_file_is_refused_naming_the_field(accepted):
    code, client = accepted
    gif = client.post(
        f"/api/v1/feedback/{code}/evidence",
        {"evidence": [SimpleUploadedFile("anh.png", b"GIF89a....", "image/png")]},
    )
    assert gif.status_code == 422
    assert gif.json()["extra"] == {"field": "evidence", "file": "anh.png"}
    six = client.post(
        f"/api/v1/feedback/{code}/evidence",
        {"evidence": [SimpleUploadedFile(f"{n}.png", PNG) for n in range(6)]},
    )
    assert six.status_code == 422 and six.json()["extra"]["field"] == "evidence"
    none = client.post(f"/api/v1/feedback/{code}/evidence", {})
    assert none.status_code == 422 and "evidence" in none.content.decode()
    assert not Report.objects.get(code=code).evidence.exists()


def test_another_units_officer_cannot_upload_evidence(accepted, make_user):
    code, _ = accepted
    tan_dinh = Unit.objects.current().get(level="commune", code="26737")
    other = _bearer(make_user("xuly.tandinh", Role.PROCESSING_OFFICER, tan_dinh))
    refused = other.post(
        f"/api/v1/feedback/{code}/evidence", {"evidence": [SimpleUploadedFile("a.png", PNG)]}
    )
    assert refused.status_code == 403
    assert (
        Client()
        .post(f"/api/v1/feedback/{code}/evidence", {"evidence": [SimpleUploadedFile("a.png", PNG)]})
        .status_code
        == 401
    )
    assert not Report.objects.get(code=code).evidence.exists()


# Who may call the officers' write routes of a report in Phường Sài Gòn: (route, body) × caller.
OFFICER_ROUTES = [
    ("actions/progress", {"text": "Đang xử lý, hẹn tuần sau."}),
    ("actions/answer", {"text": "Đã khơi thông cống rãnh, hết ngập."}),
    ("evidence", None),  # multipart: one PNG in «evidence»
]


@pytest.mark.parametrize(("route", "body"), OFFICER_ROUTES)
@pytest.mark.parametrize(
    ("caller", "status"), [("anonymous", 401), ("roleless", 403), ("tan_dinh", 403)]
)
def test_permission_matrix_of_the_officer_routes(accepted, make_user, route, body, caller, status):  # type: ignore[no-untyped-def]
    code, _ = accepted
    if caller == "anonymous":
        client = Client()
    elif caller == "roleless":
        client = _bearer(make_user("khong.quyen"))
    else:
        tan_dinh = Unit.objects.current().get(level="commune", code="26737")
        client = _bearer(make_user("xuly.tandinh", Role.PROCESSING_OFFICER, tan_dinh))
    url = f"/api/v1/feedback/{code}/{route}"
    if body is None:
        response = client.post(url, {"evidence": [SimpleUploadedFile("a.png", PNG)]})
    else:
        response = client.post(url, body, content_type="application/json")
    assert response.status_code == status, (route, caller, response.content)
