"""The one-stop pages through Django's test client: counter, dossier page, portal, tracking."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from haicap.dossiers.models import Attachment, Dossier, Status
from haicap.dossiers.tests.test_online_filing import DECLARATION

pytestmark = pytest.mark.django_db

FORM = {
    "receiving_unit": "26743",
    "procedure_code": "1.001193",
    "applicant_name": "Nguyễn Thị Mai",
    "applicant_id_number": "079190001234",
    "applicant_phone": "0903123456",
    "applicant_address": "25 Trần Quốc Thảo, Phường 9, Quận 3, TP.HCM",
    "request": "Đăng ký khai sinh cho con",
    "outcome": "accept",
    "sets": "1",
}


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_counter_receives_and_lands_on_the_dossier_with_its_slip(counter_officer):
    client = signed_in(counter_officer)
    assert client.get("/mot-cua/tiep-nhan/").status_code == 200
    response = client.post("/mot-cua/tiep-nhan/", {**FORM, "idempotency_key": "web-1"})
    dossier = Dossier.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/mot-cua/h/{dossier.code}/?in=01"
    page = client.get(response["Location"]).content.decode()
    assert "Nguyễn Thị Mai" in page and "mau-01.pdf" in page and "Chuyển cơ quan giải quyết" in page
    slip = client.get(f"/mot-cua/h/{dossier.code}/mau-01.pdf")
    assert slip.status_code == 200 and slip.content.startswith(b"%PDF")
    # a double click (same form token) makes no second dossier
    client.post("/mot-cua/tiep-nhan/", {**FORM, "idempotency_key": "web-1"})
    assert Dossier.objects.count() == 1


def test_counter_form_keeps_what_was_typed_and_names_the_error(counter_officer):
    client = signed_in(counter_officer)
    response = client.post("/mot-cua/tiep-nhan/", {**FORM, "applicant_id_number": "07919000"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "12 chữ số" in page and 'value="Nguyễn Thị Mai"' in page
    assert Dossier.objects.count() == 0


def test_address_lookup_and_procedure_picker(counter_officer):
    client = signed_in(counter_officer)
    html = client.get(
        "/mot-cua/tiep-nhan/dia-chi/", {"applicant_address": "P. Đa Kao, Q.1, TP.HCM"}
    ).content.decode()
    assert "Phường Tân Định" in html and "Phường Sài Gòn" in html  # a split ward: both, no guess
    html = client.get(
        "/mot-cua/tiep-nhan/thu-tuc/", {"q": "khai sinh", "receiving_unit": "26743"}
    ).content.decode()
    assert "1.001193" in html


def test_actions_from_the_dossier_page_and_a_wrong_move(counter_officer, processing_officer):
    officer = signed_in(counter_officer)
    officer.post("/mot-cua/tiep-nhan/", FORM)
    code = Dossier.objects.get().code
    assert officer.post(f"/mot-cua/h/{code}/thao-tac/transfer/").status_code == 302
    wrong = officer.post(f"/mot-cua/h/{code}/thao-tac/return/")
    assert wrong.status_code == 409 and "Thao tác được phép" in wrong.content.decode()
    processor = signed_in(processing_officer)
    assert (
        processor.post(
            f"/mot-cua/h/{code}/thao-tac/complete/", {"note": "Đã cấp giấy khai sinh"}
        ).status_code
        == 302
    )
    assert (
        officer.post(f"/mot-cua/h/{code}/thao-tac/return/", {"method": "counter"}).status_code
        == 302
    )
    assert Dossier.objects.get().status == Status.RETURNED


def test_queues_are_scoped_and_the_register_downloads(counter_officer, make_user, sai_gon):
    from haicap.core.roles import Role

    client = signed_in(counter_officer)
    client.post("/mot-cua/tiep-nhan/", FORM)
    code = Dossier.objects.get().code
    assert code in client.get("/mot-cua/?queue=transfer").content.decode()
    other = signed_in(make_user("motcua.saigon", Role.COUNTER_OFFICER, sai_gon))
    assert code not in other.get("/mot-cua/").content.decode()
    assert other.get(f"/mot-cua/h/{code}/").status_code == 404
    book = client.get("/mot-cua/so-theo-doi/", {"unit": "26743", "format": "xlsx"})
    assert load_workbook(io.BytesIO(book.content)).active.cell(3, 2).value == code
    assert other.get("/mot-cua/so-theo-doi/", {"unit": "26743"}).status_code == 403


def test_citizen_files_online_with_components_then_tracks(counter_officer):
    client = Client()
    page = client.get("/dich-vu-cong/1.001193/nop/")
    assert page.status_code == 200 and "Phường Bến Thành" in page.content.decode()
    data = {
        **{k: v for k, v in FORM.items() if k.startswith("applicant_")},
        "province": "79",
        "receiving_unit": "26743",
        **DECLARATION,  # the birth registration form, as an e-form
        "slot_giay-chung-sinh": SimpleUploadedFile(
            "giay-chung-sinh.pdf", b"%PDF-1.4 test", content_type="application/pdf"
        ),
    }
    response = client.post("/dich-vu-cong/1.001193/nop/", data)
    assert response.status_code == 201, response.content.decode()[:2000]
    dossier = Dossier.objects.get()
    assert dossier.status == Status.REGISTERED and dossier.attachments.count() == 1
    assert dossier.code in response.content.decode()
    # the file is kept outside the web root and only officers of the unit may fetch it
    attachment = Attachment.objects.get()
    assert (
        client.get(f"/mot-cua/h/{dossier.code}/tep/{attachment.pk}/").status_code == 302
    )  # to login
    assert (
        signed_in(counter_officer)
        .get(f"/mot-cua/h/{dossier.code}/tep/{attachment.pk}/")
        .status_code
        == 200
    )

    tracked = client.post("/tra-cuu/", {"code": dossier.code, "phone": "3456"}).content.decode()
    assert "Mới đăng ký" in tracked and "Hồ sơ nộp trực tuyến đã được ghi nhận" in tracked
    assert client.post("/tra-cuu/", {"code": dossier.code, "phone": "9999"}).status_code == 404


def test_a_wrong_file_type_leaves_no_dossier():
    data = {
        **{k: v for k, v in FORM.items() if k.startswith("applicant_")},
        "receiving_unit": "26743",
        **DECLARATION,
        "slot_giay-chung-sinh": SimpleUploadedFile("anh.gif", b"GIF89a....", "image/gif"),
    }
    response = Client().post("/dich-vu-cong/1.001193/nop/", data)
    assert response.status_code == 422 and "anh.gif" in response.content.decode()
    assert Dossier.objects.count() == 0


def test_rating_after_return(counter_officer, processing_officer):
    officer = signed_in(counter_officer)
    officer.post("/mot-cua/tiep-nhan/", FORM)
    code = Dossier.objects.get().code
    officer.post(f"/mot-cua/h/{code}/thao-tac/transfer/")
    signed_in(processing_officer).post(f"/mot-cua/h/{code}/thao-tac/complete/")
    officer.post(f"/mot-cua/h/{code}/thao-tac/return/")
    citizen = Client()
    page = citizen.post("/tra-cuu/", {"code": code, "phone": "3456"}).content.decode()
    assert "Gửi đánh giá" in page
    refused = citizen.post("/tra-cuu/danh-gia/", {"code": code, "phone": "3456", "satisfied": "no"})
    assert refused.status_code == 422  # a complaint needs its reason
    done = citizen.post("/tra-cuu/danh-gia/", {"code": code, "phone": "3456", "satisfied": "yes"})
    assert done.status_code == 200 and "Cảm ơn bạn đã đánh giá" in done.content.decode()
    assert Dossier.objects.get().rating_satisfied is True


def _answer(response) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Status and body (the form's CSRF token blanked): what a prober can compare."""
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
    return response.status_code, body


def test_another_wards_officer_cannot_tell_a_real_code_from_a_made_up_one(
    counter_officer, make_user, sai_gon
):
    """Security finding 8: 403 for a real dossier and 404 for a made-up code told another
    unit's officer which codes exist; both must answer the same."""
    from haicap.core.roles import Role
    from haicap.core.tokens import token_issue

    signed_in(counter_officer).post("/mot-cua/tiep-nhan/", FORM)
    real = Dossier.objects.get().code
    made_up = real[:-4] + ("0000" if not real.endswith("0000") else "9999")
    other_user = make_user("motcua.saigon", Role.COUNTER_OFFICER, sai_gon)
    other = signed_in(other_user)
    for path in ("/mot-cua/h/{}/", "/mot-cua/h/{}/mau-01.pdf"):
        seen = [_answer(other.get(path.format(code))) for code in (real, made_up)]
        assert seen[0][0] == seen[1][0] == 404, path
        assert seen[0][1].replace(real, "X") == seen[1][1].replace(made_up, "X"), path
    token = token_issue(user=other_user, label="t", actor=None)
    api = Client(headers={"Authorization": f"Bearer {token}"})
    for path in ("/api/v1/dossiers/{}", "/api/v1/dossiers/{}/forms/01.pdf"):
        seen = [_answer(api.get(path.format(code))) for code in (real, made_up)]
        assert seen[0][0] == seen[1][0] == 404, path
        assert seen[0][1].replace(real, "X") == seen[1][1].replace(made_up, "X"), path
    accept = api.post(
        f"/api/v1/dossiers/{real}/actions/transfer", {}, content_type="application/json"
    )
    assert accept.status_code == 404
    assert Dossier.objects.get().status == Status.ACCEPTED  # nothing moved


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("channel", "bogus"),
        ("return_method", "bogus"),
        ("sets", "abc"),
        ("sets", "０２"),
        ("sets", "0"),
    ],
)
def test_the_counter_form_refuses_values_outside_their_lists(counter_officer, field, value):
    """Security finding 5: `channel=bogus` and `return_method=bogus` were stored from the form."""
    response = signed_in(counter_officer).post("/mot-cua/tiep-nhan/", {**FORM, field: value})
    assert response.status_code == 422
    assert response.context["error"].extra["field"] == field
    assert not Dossier.objects.exists()
