"""Form 07 for one month: the officer prints the month's lines, numbered as in the year's book
(so that the months printed one after another make the year), from the queue's picker; a month
that is not 1-12 is a 422 naming the field."""

import shutil
import subprocess

import pytest
from django.test import Client

from haicap.dossiers.paperwork import register_pdf, register_rows
from haicap.dossiers.services import dossier_intake
from haicap.dossiers.tests.conftest import at

pytestmark = pytest.mark.django_db


def _three_dossiers(intake, officer):  # type: ignore[no-untyped-def]
    return [
        dossier_intake(intake, actor=officer, now=at(2025, month, day))
        for month, day in ((7, 1), (7, 2), (8, 4))
    ]


def test_a_month_lists_its_own_lines_with_the_years_numbers(intake, counter_officer, ben_thanh):  # type: ignore[no-untyped-def]
    july_1, july_2, august = _three_dossiers(intake, counter_officer)
    assert [(r["line"], r["code"]) for r in register_rows(ben_thanh, 2025, 8)] == [
        ("03", august.code)
    ]
    assert [r["code"] for r in register_rows(ben_thanh, 2025, 7)] == [july_1.code, july_2.code]
    assert len(register_rows(ben_thanh, 2025)) == 3
    assert register_rows(ben_thanh, 2025, 9) == []


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_months_pdf_names_the_month_and_prints_only_its_lines(  # type: ignore[no-untyped-def]
    intake, counter_officer, ben_thanh, tmp_path
):
    july_1, _, august = _three_dossiers(intake, counter_officer)
    path = tmp_path / "07.pdf"
    path.write_bytes(register_pdf(ben_thanh, 2025, 8))
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "SỔ THEO DÕI HỒ SƠ" in text and "tháng 8 năm 2025" in text
    assert august.code in text and july_1.code not in text
    assert "Ngày, tháng, năm nhận hồ sơ" in text


def test_the_picker_offers_the_months_and_a_bad_month_is_refused(counter_officer):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(counter_officer)
    page = client.get("/mot-cua/").content.decode()
    assert 'name="month"' in page and "Cả năm" in page and "Tháng 12" in page
    response = client.get("/mot-cua/so-theo-doi/?unit=26743&year=2025&month=13")
    assert response.status_code == 422 and "month" in response.content.decode()
    response = client.get("/mot-cua/so-theo-doi/?unit=26743&year=2025&month=8")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "so-theo-doi-26743-2025-08.pdf" in response["Content-Disposition"]
