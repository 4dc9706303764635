"""The branch in old Quận 1 through the pages: its counter officer receives a boundary-free
birth registration for Phường Bến Thành, Bến Thành processes it, the branch returns the result;
a citizen files online at the branch (ADR 0015)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from haicap.dossiers.models import Dossier, Status
from haicap.dossiers.tests.test_online_filing import DECLARATION
from haicap.dossiers.tests.test_views import FORM, signed_in
from haicap.procedures.services import province_procedure_configure

pytestmark = pytest.mark.django_db


def test_branch_counter_to_ben_thanh_and_back(
    branch_officer, boundary_free, processing_officer, counter_officer
):
    branch = signed_in(branch_officer)
    page = branch.get("/mot-cua/tiep-nhan/").content.decode()
    assert 'value="79C01"' in page  # the branch is the officer's receiving unit
    response = branch.post(
        "/mot-cua/tiep-nhan/", {**FORM, "receiving_unit": "79C01", "competent_unit": "26743"}
    )
    dossier = Dossier.objects.get()
    assert response.status_code == 302 and dossier.code.startswith("79C01-")
    slip = branch.get(f"/mot-cua/h/{dossier.code}/mau-01.pdf")
    assert slip.status_code == 200 and slip.content.startswith(b"%PDF")
    assert dossier.code in branch.get("/mot-cua/", {"queue": "transfer"}).content.decode()
    assert branch.post(f"/mot-cua/h/{dossier.code}/thao-tac/transfer/").status_code == 302

    processor = signed_in(processing_officer)
    assert dossier.code in processor.get("/mot-cua/", {"queue": "process"}).content.decode()
    done = processor.post(f"/mot-cua/h/{dossier.code}/thao-tac/complete/", {"note": "Đã cấp"})
    assert done.status_code == 302
    # Bến Thành's own desk does not return it: the branch does
    assert dossier.code not in signed_in(counter_officer).get(
        "/mot-cua/", {"queue": "return"}
    ).content.decode()
    assert dossier.code in branch.get("/mot-cua/", {"queue": "return"}).content.decode()
    # the citizen's tracking page says where the branch is and when it is open
    tracked = Client().post("/tra-cuu/", {"code": dossier.code, "phone": "3456"}).content.decode()
    assert 'data-testid="return-point"' in tracked and "47 Lê Duẩn" in tracked
    assert branch.post(f"/mot-cua/h/{dossier.code}/thao-tac/return/").status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED and dossier.holder_unit_code == "79C01"


def test_branch_refuses_a_procedure_that_is_not_boundary_free(branch_officer):
    response = signed_in(branch_officer).post(
        "/mot-cua/tiep-nhan/", {**FORM, "receiving_unit": "79C01", "competent_unit": "26743"}
    )
    assert response.status_code == 422 and "phi địa giới" in response.content.decode()
    assert not Dossier.objects.exists()


def _online(receiving: str, competent: str = "") -> dict:
    return {
        **{k: v for k, v in FORM.items() if k.startswith("applicant_")},
        "province": "79",
        "receiving_unit": receiving,
        "competent_unit": competent,
        **DECLARATION,  # the birth registration form, as an e-form (dossiers.eforms)
        "slot_giay-chung-sinh": SimpleUploadedFile(
            "giay-chung-sinh.pdf", b"%PDF-1.4 test", content_type="application/pdf"
        ),
    }


def test_citizen_files_online_at_the_branch(boundary_free, branch_officer):
    client = Client()
    page = client.get("/dich-vu-cong/1.001193/nop/").content.decode()
    assert "Chi nhánh Quận 1 (cũ)" in page and "47 Lê Duẩn" in page  # its address and hours
    missing = client.post("/dich-vu-cong/1.001193/nop/", _online("79C01"))
    assert missing.status_code == 422 and "chọn xã, phường giải quyết" in missing.content.decode()
    response = client.post("/dich-vu-cong/1.001193/nop/", _online("79C01", "26743"))
    assert response.status_code == 201
    dossier = Dossier.objects.get()
    assert (dossier.receiving_unit.code, dossier.competent_unit.code) == ("79C01", "26743")
    # the branch's desk checks it and gives it the branch's official number
    branch = signed_in(branch_officer)
    assert dossier.code in branch.get("/mot-cua/", {"queue": "receive"}).content.decode()
    assert branch.post(f"/mot-cua/h/{dossier.code}/thao-tac/accept/").status_code == 302
    dossier.refresh_from_db()
    assert dossier.code.startswith("79C01-") and dossier.status == Status.ACCEPTED


def test_points_page_lists_addresses_and_hours_without_a_map():
    page = Client().get("/diem-tiep-nhan/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Chi nhánh Quận 1 (cũ)" in html and "47 Lê Duẩn" in html and "7:30" in html
    assert "UBND Quận 1" in html  # the old district whose headquarters it uses
    assert 'id="points-data"' in html and "minh hoạ" in html
    found = Client().get("/diem-tiep-nhan/", {"q": "binh thanh"}).content.decode()
    assert "Chi nhánh Bình Thạnh" in found and "Chi nhánh Quận 1" not in found
    none = Client().get("/diem-tiep-nhan/", {"province": "01"}).content.decode()
    assert 'data-testid="no-points"' in none


def test_picker_at_the_branch_offers_only_boundary_free_procedures(
    branch_officer, province_admin, birth_registration
):
    branch = signed_in(branch_officer)

    def picked() -> str:
        return branch.get(
            "/mot-cua/tiep-nhan/thu-tuc/", {"q": "khai sinh", "receiving_unit": "79C01"}
        ).content.decode()

    html = picked()
    assert 'value="1.001193" required disabled' in html and "not-at-point" in html
    province_procedure_configure(
        province_code="79",
        procedure=birth_registration,
        actor=province_admin,
        offered=True,
        boundary_free=True,
        online_level="partial",
        time_value=1,  # offered online only with a time the province verified
        time_unit="working_days",
    )
    html = picked()
    assert 'value="1.001193" required checked' in html  # boundary-free ones come first


def test_branch_register_form_07(branch_officer, boundary_free, counter_officer):
    import io

    from openpyxl import load_workbook

    branch = signed_in(branch_officer)
    branch.post(
        "/mot-cua/tiep-nhan/", {**FORM, "receiving_unit": "79C01", "competent_unit": "26743"}
    )
    code = Dossier.objects.get().code
    pdf = branch.get("/mot-cua/so-theo-doi/", {"unit": "79C01"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    book = branch.get("/mot-cua/so-theo-doi/", {"unit": "79C01", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(book.content)).active
    title = str(sheet.cell(1, 1).value)
    assert "— Chi nhánh Quận 1 (cũ)" in title and "Bộ phận Một cửa" not in title
    assert sheet.cell(3, 2).value == code
    # the branch's register is the branch's: Bến Thành's desk may not open it
    other = signed_in(counter_officer).get("/mot-cua/so-theo-doi/", {"unit": "79C01"})
    assert other.status_code == 403
