"""Feedback as residents and officers meet it: routing by point and by old address, the
dispatcher, refusals, and the workflow from forwarding to the citizen's rating."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile

from haicap.core.errors import ApplicationError, Conflict, PermissionDenied
from haicap.core.roles import Role
from haicap.feedback.models import Evidence, ReportStatus
from haicap.feedback.selectors import categories_for, dispatcher_queue, nearby_open, unit_queue
from haicap.feedback.services import (
    Submission,
    is_complaint,
    report_moderate,
    report_submit,
    report_transition,
    reports_escalate,
)
from haicap.units.models import Unit
from haicap.workdays.calendar import VN

pytestmark = pytest.mark.django_db
S = ReportStatus
SAI_GON = (10.78058, 106.70291)  # inside Phường Sài Gòn (old Bến Nghé, Quận 1)
BA_DINH_HANOI = (21.03946, 105.8364)
NOW = dt.datetime(2025, 9, 8, 9, 0, tzinfo=VN)  # a Monday


def flood(**more) -> Submission:  # type: ignore[no-untyped-def]
    data = {
        "province_code": "79",
        "category_code": "drainage",
        "description": "Đường Nguyễn Huệ ngập sâu 30 cm sau mưa, xe máy chết máy hàng loạt.",
        "lat": SAI_GON[0],
        "lon": SAI_GON[1],
    }
    return Submission(**{**data, **more})


@pytest.fixture
def sai_gon_officer(make_user):  # type: ignore[no-untyped-def]
    return make_user(
        "xuly.saigon",
        Role.PROCESSING_OFFICER,
        Unit.objects.current().get(level="commune", code="26740"),
    )


def answer_photo(report) -> None:  # type: ignore[no-untyped-def]
    evidence = Evidence(report=report, kind="answer", content_type="image/png", size=8)
    evidence.file.save("nao-vet.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)


def test_default_categories_with_bodies_and_answer_times():
    codes = {c.code: c for c in categories_for("79")}
    assert {
        "roads",
        "lighting",
        "drainage",
        "waste",
        "construction",
        "land",
        "public-order",
        "trees",
        "water",
        "procedures",
        "other",
    } == set(codes)
    assert codes["water"].body_kind == "utility" and codes["procedures"].body_name == "Sở Nội vụ"
    assert all(c.sla_working_days > 0 for c in codes.values())


def test_a_pin_in_old_quan_1_lands_in_sai_gon_ward_with_a_working_day_deadline(sai_gon_officer):
    report = report_submit(flood(), now=NOW)
    assert report.status == S.FORWARDED and report.commune_code == "26740"
    assert (
        report.responsible_unit_code == "26740" and report.responsible_body == "UBND Phường Sài Gòn"
    )
    assert report.due_at == dt.datetime(
        2025, 9, 15, 17, 0, tzinfo=VN
    )  # 5 working days (2/9 is past)
    assert list(unit_queue(sai_gon_officer)) == [report]
    assert [e.action for e in report.events.all()] == ["submit", "forward"]


def test_an_old_address_routes_too_and_a_split_ward_goes_to_the_dispatcher(province_admin):
    by_address = report_submit(
        flood(lat=None, lon=None, address="45 Nguyễn Huệ, P. Bến Nghé, Q.1, TP.HCM")
    )
    assert by_address.responsible_unit_code == "26740"
    split = report_submit(flood(lat=None, lon=None, address="P. Đa Kao, Q.1, TP.HCM"))
    assert split.status == S.DISPATCH and sorted(split.candidate_codes) == ["26737", "26740"]
    assert split.responsible_unit_code == "79" and split in dispatcher_queue(province_admin)
    moved = report_transition(
        split,
        action="reassign",
        actor=province_admin,
        unit_code="26737",
        reason="Người dân xác nhận qua điện thoại: phía Tân Định",
    )
    assert moved.status == S.FORWARDED and moved.responsible_unit_code == "26737" and moved.due_at


def test_a_place_in_another_province_is_refused_naming_it():
    with pytest.raises(ApplicationError) as exc:
        report_submit(flood(lat=BA_DINH_HANOI[0], lon=BA_DINH_HANOI[1]))
    assert "Hà Nội" in exc.value.message and exc.value.extra["province_code"] == "01"
    with pytest.raises(ApplicationError) as exc:
        report_submit(flood(lat=48.85, lon=2.35))
    assert "ngoài lãnh thổ Việt Nam" in exc.value.message


def test_complaints_and_denunciations_are_redirected_not_filed():
    assert is_complaint("Tôi muốn TỐ CÁO cán bộ phường nhận hối lộ") and is_complaint(
        "khieu nai quyet dinh thu hoi dat"
    )
    assert not is_complaint("Đèn đường hỏng ở hẻm 12, tối om")
    with pytest.raises(ApplicationError) as exc:
        report_submit(flood(description="Tôi khiếu nại quyết định xử phạt của phường Sài Gòn"))
    assert exc.value.extra["redirect"] == "complaint" and "Luật Khiếu nại" in exc.value.message


def test_the_answer_needs_evidence_and_the_citizen_rates_or_reopens(sai_gon_officer):
    report = report_submit(flood(), now=NOW)
    report = report_transition(report, action="accept", actor=sai_gon_officer, now=NOW)
    with pytest.raises(ApplicationError) as exc:
        report_transition(
            report, action="answer", actor=sai_gon_officer, text="Đã nạo vét cống, hết ngập."
        )
    assert exc.value.extra["field"] == "evidence"
    answer_photo(report)
    report = report_transition(
        report,
        action="answer",
        actor=sai_gon_officer,
        text="Đã nạo vét cống, hết ngập.",
        now=NOW + dt.timedelta(days=1),
    )
    assert report.status == S.ANSWERED and report.events.last().data["on_time"] is True
    with pytest.raises(PermissionDenied):
        report_transition(report, action="close", actor=None, token="sai", satisfied=True)
    reopened = report_transition(
        report,
        action="reopen",
        actor=None,
        token=report.token,
        reason="Mưa hôm qua lại ngập như cũ, cống vẫn tắc.",
    )
    assert reopened.status == S.REOPENED
    report_transition(reopened, action="accept", actor=sai_gon_officer)
    report = report_transition(
        reopened, action="answer", actor=sai_gon_officer, text="Đã thay nắp cống, kiểm tra lại."
    )
    closed = report_transition(
        report, action="close", actor=None, token=report.token, satisfied=True
    )
    assert closed.status == S.CLOSED and closed.rating_satisfied is True


def test_not_ours_must_name_the_body_and_returns_to_the_dispatcher(sai_gon_officer, province_admin):
    report = report_submit(flood(category_code="construction"), now=NOW)
    with pytest.raises(ApplicationError):
        report_transition(
            report,
            action="reject",
            actor=sai_gon_officer,
            reason="Công trình do Sở quản lý trực tiếp",
        )
    report = report_transition(
        report,
        action="reject",
        actor=sai_gon_officer,
        body="Sở Xây dựng",
        reason="Công trình do Sở quản lý trực tiếp",
    )
    assert report.status == S.REJECTED and report in dispatcher_queue(province_admin)
    with pytest.raises(Conflict) as exc:
        report_transition(report, action="accept", actor=sai_gon_officer)
    assert exc.value.extra["allowed_actions"] == []


def test_officers_of_other_units_cannot_act(make_user):
    report = report_submit(flood(), now=NOW)
    stranger = make_user(
        "xuly.tandinh",
        Role.PROCESSING_OFFICER,
        Unit.objects.current().get(level="commune", code="26737"),
    )
    with pytest.raises(PermissionDenied):
        report_transition(report, action="accept", actor=stranger)
    assert list(unit_queue(stranger)) == []


def test_overdue_escalates_to_the_leader_then_the_province(sai_gon_officer):
    report = report_submit(flood(), now=NOW)
    assert reports_escalate(now=NOW + dt.timedelta(days=3)) == 0
    assert reports_escalate(now=dt.datetime(2025, 9, 16, 9, tzinfo=VN)) == 1
    assert reports_escalate(now=dt.datetime(2025, 9, 16, 10, tzinfo=VN)) == 0
    assert reports_escalate(now=dt.datetime(2025, 9, 18, 9, tzinfo=VN)) == 1
    report.refresh_from_db()
    assert report.escalation == 2 and report.events.filter(action="escalate").count() == 2


def test_a_progress_update_commits_a_date(sai_gon_officer):
    report = report_submit(flood(), now=NOW)
    report_transition(report, action="accept", actor=sai_gon_officer, now=NOW)
    report = report_transition(
        report,
        action="progress",
        actor=sai_gon_officer,
        now=NOW,
        text="Đã khảo sát, chờ xe hút bùn của công ty thoát nước",
        committed_date="2025-09-19",
    )
    assert report.status == S.IN_PROGRESS and report.committed_at.date() == dt.date(2025, 9, 19)
    with pytest.raises(ApplicationError):
        report_transition(
            report,
            action="progress",
            actor=sai_gon_officer,
            now=NOW,
            text="Cập nhật tiến độ mới",
            committed_date="2025-01-01",
        )


def test_duplicates_nearby_and_the_moderator_merges(province_admin):
    first = report_submit(flood(), now=NOW)
    second = report_submit(flood(lat=SAI_GON[0] + 0.0005), now=NOW)  # about 55 m away
    far = report_submit(flood(lat=SAI_GON[0] + 0.01), now=NOW)
    assert nearby_open(second.category, SAI_GON[0] + 0.0005, SAI_GON[1], exclude_pk=second.pk) == [
        first
    ]
    assert far not in nearby_open(first.category, SAI_GON[0], SAI_GON[1])
    merged = report_moderate(
        second, actor=province_admin, duplicate_of=first, reason="Cùng điểm ngập"
    )
    assert merged.status == S.CLOSED and merged.duplicate_of == first
    merged_line = merged.events.last()  # closing is a step of its timeline, like any other
    assert merged_line.action == "merge" and merged_line.to_status == S.CLOSED


def test_a_point_on_the_edge_between_wards_is_flagged():
    inside = report_submit(flood(), now=NOW)
    corner, centre = (10.77579, 106.69908), SAI_GON  # a corner of Sài Gòn ward, then 2 m inside
    step = 2 / 111_320 / ((centre[0] - corner[0]) ** 2 + (centre[1] - corner[1]) ** 2) ** 0.5
    lat, lon = (corner[i] + step * (centre[i] - corner[i]) for i in (0, 1))
    edge = report_submit(flood(lat=lat, lon=lon), now=NOW)
    assert not inside.near_boundary and edge.near_boundary


def test_a_banned_sender_is_refused(province_admin):
    report = report_submit(flood(contact_phone="0903 111 222"), client_key="ip:10.0.0.7", now=NOW)
    from haicap.feedback.services import sender_ban

    assert sender_ban(report, actor=province_admin, reason="Gửi tin rác liên tục", days=7) == [
        "0903111222",
        "ip:10.0.0.7",
    ]
    with pytest.raises(PermissionDenied):
        report_submit(flood(contact_phone="0903111222"), now=NOW)
    with pytest.raises(PermissionDenied):
        report_submit(flood(), client_key="ip:10.0.0.7", now=NOW)
    assert report_submit(flood(), client_key="ip:10.0.0.8", now=NOW).pk  # others still can


def test_a_wrong_contact_phone_names_the_contact_field_and_writes_nothing():
    from haicap.feedback.models import Report

    with pytest.raises(ApplicationError) as caught:
        report_submit(flood(contact_phone="0123"), now=NOW)
    assert caught.value.status == 422
    assert caught.value.extra["field"] == "contact_phone"
    assert "0123" in str(caught.value)
    assert not Report.objects.exists()
