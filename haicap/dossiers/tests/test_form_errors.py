"""Every error of a form at once, each under its field with the field's label (ADR 21)."""

import re

import pytest
from django.test import Client

from haicap.dossiers.models import Dossier
from haicap.dossiers.tests.test_views import FORM, signed_in

pytestmark = pytest.mark.django_db

BAD = {
    "applicant_id_number": "07919000",
    "applicant_phone": "12345",
    "applicant_address": "x",
}


def field_error(page: str, name: str) -> str:
    found = re.search(rf'data-testid="field-error-{name}">([^<]*)<', page)
    return found.group(1) if found else ""


def test_the_counter_form_reports_every_bad_field_next_to_it(counter_officer):
    response = signed_in(counter_officer).post(
        "/mot-cua/tiep-nhan/", {**FORM, **BAD, "sets": "0"}
    )
    assert response.status_code == 422 and not Dossier.objects.exists()
    page = response.content.decode()
    for name in (*BAD, "sets"):
        assert field_error(page, name), name
        # the field is marked and points at its message
        assert f'id="f-{name}" aria-invalid="true" aria-describedby="e-{name}"' in page, name
    assert "12 chữ số" in field_error(page, "applicant_id_number")
    assert "12345" in field_error(page, "applicant_phone")
    # the summary links to each field by its label, never by its internal name
    summary = page.split('data-testid="form-error"')[1].split("</div>")[0]
    for label, name in (
        ("Số định danh cá nhân (CCCD)", "applicant_id_number"),
        ("Số điện thoại", "applicant_phone"),
        ("Địa chỉ cư trú", "applicant_address"),
        ("Số bộ hồ sơ", "sets"),
    ):
        assert f'<a href="#f-{name}">{label}: ' in summary, label
    assert "(applicant_address)" not in page and "applicant_address:" not in summary
    # what was typed is kept
    assert 'value="Nguyễn Thị Mai"' in page and 'value="12345"' in page
    # a good field is not marked
    assert 'id="f-applicant_name" aria-invalid' not in page


def test_the_counter_form_without_a_procedure_says_so_on_its_field(counter_officer):
    response = signed_in(counter_officer).post(
        "/mot-cua/tiep-nhan/", {**FORM, "procedure_code": "", "applicant_phone": "1"}
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert field_error(page, "procedure_code") == "Chọn thủ tục."
    assert field_error(page, "applicant_phone")


def test_the_api_answers_422_with_every_error_in_the_same_shape(counter_officer):
    from haicap.core.tokens import token_issue

    raw = token_issue(user=counter_officer, label="test", actor=counter_officer)
    body = {
        "procedure_code": "1.001193",
        "receiving_unit": "26743",
        "applicant": {
            "name": "Nguyễn Thị Mai",
            "id_number": "07919000",
            "phone": "12345",
            "address": "25 Trần Quốc Thảo, Phường 9, Quận 3, TP.HCM",
        },
    }
    response = Client().post(
        "/api/v1/dossiers", body, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 422, response.content
    data = response.json()
    # the first field stays where clients read it; all of them are under extra.errors
    assert data["extra"]["field"] == "applicant_id_number"
    assert set(data["extra"]["errors"]) == {"applicant_id_number", "applicant_phone"}
    assert "12 chữ số" in data["message"] and "12345" in data["message"]


def test_the_online_form_reports_the_applicant_the_declaration_and_the_files_at_once(
    birth_registration,
):
    from haicap.dossiers.tests.test_online_filing import APPLICANT, DECLARATION, URL

    data = {
        **APPLICANT,
        **DECLARATION,
        "applicant_id_number": "12345",
        "applicant_phone": "999",
        "decl_child_name": "",
        "decl_child_sex": "Khác",
    }
    response = Client().post(URL, data)  # and no birth certificate uploaded
    assert response.status_code == 422 and not Dossier.objects.exists()
    page = response.content.decode()
    for name in (
        "applicant_id_number",
        "applicant_phone",
        "decl_child_name",
        "decl_child_sex",
        "slot_giay-chung-sinh",
    ):
        assert field_error(page, name), name
        assert f'id="f-{name}" aria-invalid="true"' in page, name
    summary = page.split('data-testid="form-error"')[1].split("</div>")[0]
    assert '<a href="#f-applicant_phone">Số điện thoại (dùng để tra cứu): ' in summary
    assert '<a href="#f-decl_child_name">Họ, chữ đệm, tên người được khai sinh: ' in summary
    assert '<a href="#f-slot_giay-chung-sinh">Giấy chứng sinh: ' in summary
    assert 'value="Trần Minh Khôi"' not in page and 'value="Nguyễn Thị Mai"' in page


def test_an_officers_action_form_shows_its_error_under_its_field_and_keeps_the_text(
    counter_officer, processing_officer
):
    counter = signed_in(counter_officer)
    counter.post("/mot-cua/tiep-nhan/", FORM)
    code = Dossier.objects.get().code
    assert counter.post(f"/mot-cua/h/{code}/thao-tac/transfer/").status_code == 302
    processor = signed_in(processing_officer)
    response = processor.post(
        f"/mot-cua/h/{code}/thao-tac/apologize/",
        {"reason": "Chờ xác minh của Công an", "new_due": "10/07/2025"},
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert field_error(page, "new_due")
    assert '<a href="#f-new_due">Ngày hẹn mới: ' in page
    # only the apology's form is marked and keeps what was typed; the other forms stay clean
    apology = page.split('data-testid="action-apologize"')[1].split("</form>")[0]
    assert 'id="f-new_due" aria-invalid="true"' in apology
    assert 'value="Chờ xác minh của Công an"' in apology
    others = page.replace(apology, "")
    assert 'aria-invalid="true"' not in others and "Chờ xác minh của Công an" not in others
    # a supplement request with no item says so on its field
    response = processor.post(f"/mot-cua/h/{code}/thao-tac/request_supplement_appraisal/")
    assert response.status_code == 422
    assert field_error(response.content.decode(), "items")


def test_the_return_form_names_its_field(counter_officer, processing_officer):
    counter = signed_in(counter_officer)
    counter.post("/mot-cua/tiep-nhan/", FORM)
    code = Dossier.objects.get().code
    counter.post(f"/mot-cua/h/{code}/thao-tac/transfer/")
    signed_in(processing_officer).post(f"/mot-cua/h/{code}/thao-tac/complete/", {"note": "Xong"})
    response = counter.post(f"/mot-cua/h/{code}/thao-tac/return/", {"method": "bo-cau"})
    assert response.status_code == 422
    page = response.content.decode()
    assert field_error(page, "method") and '<a href="#f-method">Hình thức trả: ' in page
