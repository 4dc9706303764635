"""The feedback pages through Django's test client: send, public page, private page, officer."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from haicap.core.errors import ApplicationError
from haicap.core.roles import Role
from haicap.feedback.models import Report, ReportStatus
from haicap.units.models import Unit

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64
FORM = {
    "province": "79",
    "category": "drainage",
    "description": "Đường Nguyễn Huệ ngập sâu 30 cm sau mưa, xe máy chết máy.",
    "lat": "10.78058",
    "lon": "106.70291",
    "contact_name": "Trần Văn Hải",
    "contact_phone": "0903 111 222",
}


@pytest.fixture
def officer(make_user):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(
        make_user(
            "xuly.saigon",
            Role.PROCESSING_OFFICER,
            Unit.objects.current().get(level="commune", code="26740"),
        )
    )
    return client


def test_send_a_report_with_a_photo_then_see_it_public_without_personal_data():
    page = Client().get("/phan-anh/gui/?province=79")
    assert page.status_code == 200 and "Thoát nước, ngập úng" in page.content.decode()
    sent = Client().post(
        "/phan-anh/gui/", {**FORM, "photos": SimpleUploadedFile("ngap.png", PNG, "image/png")}
    )
    assert sent.status_code == 201, sent.content.decode()[:1500]
    report = Report.objects.get()
    assert "UBND Phường Sài Gòn" in sent.content.decode() and report.evidence.count() == 1
    public = Client().get(f"/phan-anh/{report.code}/").content.decode()
    assert report.description in public and "0903" not in public and "Trần Văn Hải" not in public
    assert report.code in Client().get("/phan-anh/?province=79").content.decode()
    points = Client().get("/phan-anh/diem.geojson?province=79").json()
    assert points["features"][0]["properties"]["code"] == report.code


def test_bad_input_names_the_problem_and_keeps_the_text():
    response = Client().post("/phan-anh/gui/", {**FORM, "lat": "abc"})
    assert response.status_code == 422 and "toạ độ" in response.content.decode()
    assert FORM["description"] in response.content.decode()
    gif = SimpleUploadedFile("a.gif", b"GIF89a....", "image/gif")
    response = Client().post("/phan-anh/gui/", {**FORM, "photos": gif})
    assert response.status_code == 422 and "a.gif" in response.content.decode()
    assert Report.objects.count() == 0


def test_nearby_reports_are_suggested_before_sending():
    Client().post("/phan-anh/gui/", FORM)
    html = (
        Client()
        .get(
            "/phan-anh/gui/gan-day/",
            {"lat": "10.7808", "lon": "106.7029", "category": "drainage", "province": "79"},
        )
        .content.decode()
    )
    assert Report.objects.get().code in html


def test_the_officer_answers_with_evidence_and_the_citizen_rates(officer):
    Client().post("/phan-anh/gui/", FORM)
    report = Report.objects.get()
    queue = officer.get("/mot-cua/phan-anh/").content.decode()
    assert report.code in queue
    assert officer.post(f"/mot-cua/phan-anh/{report.code}/thao-tac/accept/").status_code == 302
    no_photo = officer.post(
        f"/mot-cua/phan-anh/{report.code}/thao-tac/answer/", {"text": "Đã nạo vét cống, hết ngập."}
    )
    assert no_photo.status_code == 422 and "minh chứng" in no_photo.content.decode()
    answered = officer.post(
        f"/mot-cua/phan-anh/{report.code}/thao-tac/answer/",
        {
            "text": "Đã nạo vét cống, hết ngập.",
            "evidence": SimpleUploadedFile("sau.png", PNG, "image/png"),
        },
    )
    assert answered.status_code == 302
    public = Client().get(f"/phan-anh/{report.code}/").content.decode()
    assert "Đã nạo vét cống" in public and "/tep/" in public
    private = Client().get(f"/phan-anh/rieng/{report.token}/").content.decode()
    assert "Đánh giá và đóng" in private
    Client().post(f"/phan-anh/rieng/{report.token}/close/", {"satisfied": "yes"})
    report.refresh_from_db()
    assert report.status == ReportStatus.CLOSED and report.rating_satisfied is True
    # the queue's figures: one report, answered on time, rated satisfied, nothing open
    Client().post("/phan-anh/gui/", {**FORM, "description": FORM["description"] + " Lần hai."})
    from haicap.feedback.selectors import feedback_figures

    officer_user = User.objects.get(username="xuly.saigon")
    assert feedback_figures(officer_user) == {
        "total": 2, "answered": 1, "on_time": 1.0, "satisfied": 1.0, "open": 1, "overdue": 0,
    }


def test_officers_elsewhere_and_the_public_cannot_act(make_user):
    Client().post("/phan-anh/gui/", FORM)
    code = Report.objects.get().code
    assert Client().get(f"/mot-cua/phan-anh/{code}/").status_code == 302  # to sign in
    other = Client()
    other.force_login(
        make_user(
            "tandinh",
            Role.PROCESSING_OFFICER,
            Unit.objects.current().get(level="commune", code="26737"),
        )
    )
    assert other.get(f"/mot-cua/phan-anh/{code}/").status_code == 404  # as if missing
    assert Client().get("/phan-anh/rieng/sai-token/").status_code == 404


def _codes_sent() -> list[str]:
    """The confirmation codes in the notifications outbox (what the SMS gateway delivers)."""
    from haicap.notifications.models import Kind, Message

    bodies = Message.objects.filter(kind=Kind.CONTACT_CODE).order_by("pk")
    return [re.search(r": (\d{6})\.", m.body).group(1) for m in bodies]  # type: ignore[union-attr]


def test_the_contact_is_confirmed_with_the_code_sent(caplog):
    with caplog.at_level("DEBUG"):
        Client().post("/phan-anh/gui/", FORM)
    report = Report.objects.get()
    [code] = _codes_sent()
    assert code not in caplog.text  # in the outbox for the phone only, in no log
    from haicap.notifications.models import Message

    assert Message.objects.get().recipient == "0903111222"
    page = Client().post(
        f"/phan-anh/rieng/{report.token}/confirm/",
        {"code": "000000" if code != "000000" else "111111"},
    )
    assert page.status_code == 422
    Client().post(f"/phan-anh/rieng/{report.token}/confirm/", {"code": code})
    report.refresh_from_db()
    assert report.contact_confirmed


def test_a_confirmation_code_allows_five_tries_then_a_new_one_is_needed():
    Client().post("/phan-anh/gui/", FORM)
    report = Report.objects.get()
    code = _codes_sent()[-1]
    wrong = "000000" if code != "000000" else "111111"
    url = f"/phan-anh/rieng/{report.token}/"
    statuses = [Client().post(url + "confirm/", {"code": wrong}).status_code for _ in range(5)]
    assert statuses == [422, 422, 422, 422, 429]
    late = Client().post(url + "confirm/", {"code": code})  # the right code, too late
    assert late.status_code == 429 and "Gửi lại mã" in late.content.decode()
    report.refresh_from_db()
    assert not report.contact_confirmed
    assert Client().post(url + "resend/").status_code == 302
    fresh = _codes_sent()[-1]
    assert len(_codes_sent()) == 2
    assert Client().post(url + "confirm/", {"code": fresh}).status_code == 302
    report.refresh_from_db()
    assert report.contact_confirmed and report.confirmation_hash == ""


def test_a_wrong_code_says_how_many_tries_are_left():
    from haicap.feedback.services import confirmation_code, contact_confirm

    Client().post("/phan-anh/gui/", FORM)
    report = Report.objects.get()
    code = confirmation_code(report)
    with pytest.raises(ApplicationError) as wrong:
        contact_confirm(report, "999999" if code != "999999" else "888888")
    assert wrong.value.status == 422 and wrong.value.extra["attempts_left"] == 4
    assert "còn 4 lần thử" in wrong.value.message


def test_resending_the_code_is_limited():
    Client().post("/phan-anh/gui/", FORM)
    report = Report.objects.get()
    url = f"/phan-anh/rieng/{report.token}/resend/"
    assert [Client().post(url).status_code for _ in range(4)] == [302, 302, 302, 429]
