"""The finance officer's pages: import a statement, see the queue, resolve, print a receipt."""

import pytest
from django.test import Client

from haicap.dossiers.models import Payment
from haicap.dossiers.vietqr import fee_memo
from haicap.payments.models import BankTransaction, State
from haicap.payments.tests.conftest import csv_statement, xlsx_statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(finance_officer):
    c = Client()
    c.force_login(finance_officer)
    return c


def test_import_page_matches_and_lists(client, awaiting):
    paid, short = awaiting(50_000), awaiting(50_000)
    content = xlsx_statement(
        ["Ngày giao dịch", "Số tham chiếu", "Số tiền ghi nợ", "Số tiền ghi có", "Nội dung chi tiết"],
        [["02/07/2025 09:00", "W1", "", "50.000", f"MAI {fee_memo(paid.pk)}"],
         ["02/07/2025 09:05", "W2", "", "45.000", f"{fee_memo(short.pk)}"]],
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = client.post(
        "/thu-phi/nhap-sao-ke/",
        {"unit": "26743", "file": SimpleUploadedFile("vcb.xlsx", content)},
        follow=True,
    )
    body = page.content.decode()
    assert page.status_code == 200 and "1 khớp tự động, 1 chờ xử lý" in body
    assert "W2" in body and "Nộp thiếu" in body  # the unmatched queue opens first
    paid.refresh_from_db()
    assert paid.payment == Payment.PAID
    matched = client.get("/thu-phi/?state=matched").content.decode()
    assert "W1" in matched and paid.code in matched


def test_import_errors_are_listed_by_line(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = csv_statement([("02/07/2025", "E1", "năm chục", "x")])
    page = client.post(
        "/thu-phi/nhap-sao-ke/", {"unit": "26743", "file": SimpleUploadedFile("x.csv", bad)}
    )
    assert page.status_code == 422 and "dòng 2" in page.content.decode()
    missing = client.post("/thu-phi/nhap-sao-ke/", {"unit": "26743"})
    assert missing.status_code == 422


def test_resolve_from_the_detail_page_and_print_the_receipt(client, awaiting):
    from haicap.payments.services import statement_import

    d = awaiting(50_000)
    from haicap.units.models import Unit

    unit = Unit.objects.current().get(level="commune", code="26743")
    statement_import(
        content=csv_statement([("02/07/2025", "M1", "60.000", fee_memo(d.pk))]),
        filename="x.csv", unit=unit, actor=client.session and _officer(),
    )
    txn = BankTransaction.objects.get(transaction_id="M1")
    detail = client.get(f"/thu-phi/giao-dich/{txn.pk}/").content.decode()
    assert "Nộp thừa" in detail and 'data-testid="resolve-form"' in detail
    client.post(
        f"/thu-phi/giao-dich/{txn.pk}/xu-ly/",
        {"action": "resolve", "dossier": d.code, "note": "hoàn 10.000 đồng nộp thừa"},
    )
    txn.refresh_from_db()
    assert txn.state == State.RESOLVED
    pdf = client.get(f"/thu-phi/giao-dich/{txn.pk}/bien-lai.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def _officer():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="ketoan")


def test_the_citizen_sees_how_to_pay_on_the_tracking_page(awaiting):
    d = awaiting(50_000)
    page = Client().post("/tra-cuu/", {"code": d.code, "phone": "3456"}).content.decode()
    assert 'data-testid="fee-transfer"' in page and fee_memo(d.pk) in page
    assert "data:image/png;base64" in page  # the VietQR of the exact amount


def test_the_resolve_form_reports_the_reason_and_the_dossier_together(client, awaiting):
    from haicap.dossiers.tests.test_form_errors import field_error
    from haicap.payments.services import statement_import
    from haicap.units.models import Unit

    d = awaiting(50_000)
    unit = Unit.objects.current().get(level="commune", code="26743")
    statement_import(
        content=csv_statement([("02/07/2025", "M2", "60.000", fee_memo(d.pk))]),
        filename="x.csv", unit=unit, actor=_officer(),
    )
    txn = BankTransaction.objects.get(transaction_id="M2")
    r = client.post(
        f"/thu-phi/giao-dich/{txn.pk}/xu-ly/", {"action": "resolve", "dossier": "KHONG-CO"}
    )
    assert r.status_code == 422
    page = r.content.decode()
    assert field_error(page, "note") and "KHONG-CO" in field_error(page, "dossier")
    assert '<a href="#f-note">Lý do: ' in page and 'value="KHONG-CO"' in page
    txn.refresh_from_db()
    assert txn.state == State.UNMATCHED
