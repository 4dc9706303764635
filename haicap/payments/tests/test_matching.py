"""A fee paid by bank transfer is matched from the statement without anyone typing it; what
cannot be matched waits with its reason and is resolved by hand, audited."""

import pytest

from haicap.core.errors import ApplicationError, Conflict, NotFound, PermissionDenied
from haicap.core.models import AuditEvent
from haicap.core.roles import Role
from haicap.dossiers.models import Payment, Status
from haicap.dossiers.services import dossier_transition
from haicap.dossiers.vietqr import fee_memo
from haicap.metrics.models import UnitDay
from haicap.metrics.rebuild import computed_counts, stored_counts
from haicap.payments.models import BankTransaction, Reason, State
from haicap.payments.reference import reference_for
from haicap.payments.rights import PaymentAudit
from haicap.payments.services import statement_import, transaction_dismiss, transaction_resolve
from haicap.payments.tests.conftest import csv_statement

pytestmark = pytest.mark.django_db


def _import(rows, unit, actor, name="sao-ke.csv"):
    return statement_import(content=csv_statement(rows), filename=name, unit=unit, actor=actor)


def test_exact_transfer_is_matched_and_the_dossier_moves_on(awaiting, ben_thanh, finance_officer):
    d = awaiting(50_000)
    batch = _import([("02/07/2025 09:15", "FT1", "50.000", f"NGUYEN THI MAI {fee_memo(d.pk)}")],
                    ben_thanh, finance_officer)
    assert (batch.lines, batch.new, batch.matched, batch.queued) == (1, 1, 1, 0)
    d.refresh_from_db()
    assert d.payment == Payment.PAID and d.paid_via == "transfer"
    assert d.status == Status.PROCESSING  # the wait for payment is over
    event = d.events.get(action="payment_matched")
    txn = BankTransaction.objects.get(transaction_id="FT1")
    assert txn.state == State.MATCHED and txn.dossier == d and txn.reference == reference_for(d.pk)
    assert txn.receipt_number == f"BL25-{txn.pk:07d}" and event.data["receipt"] == txn.receipt_number
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {PaymentAudit.STATEMENT_IMPORTED, PaymentAudit.MATCHED} <= actions
    # the fee no longer blocks completion
    dossier_transition(d, action="complete", actor=d.assigned_to or _processor(d))


def _processor(d):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="xuly")


def test_importing_the_same_statement_again_adds_nothing(awaiting, ben_thanh, finance_officer):
    d = awaiting(50_000)
    rows = [("02/07/2025", "FT1", "50.000", fee_memo(d.pk)), ("02/07/2025", "FT2", "1.000", "x")]
    _import(rows, ben_thanh, finance_officer)
    again = _import(rows, ben_thanh, finance_officer)
    assert (again.lines, again.new, again.matched, again.queued, again.duplicates) == (2, 0, 0, 0, 2)
    assert BankTransaction.objects.count() == 2
    assert d.events.filter(action="payment_matched").count() == 1


def test_what_cannot_be_matched_waits_with_its_reason(
    awaiting, ben_thanh, sai_gon, finance_officer, make_user, intake, counter_officer
):
    exact, short, over = awaiting(50_000), awaiting(50_000), awaiting(100_000)
    from haicap.dossiers.services import dossier_intake

    free = dossier_intake(intake, actor=counter_officer)  # no fee asked
    rows = [
        ("02/07/2025", "A1", "50.000", fee_memo(exact.pk)),
        ("02/07/2025", "A2", "50.000", f"{fee_memo(exact.pk)} lan 2"),
        ("02/07/2025", "A3", "40.000", fee_memo(short.pk)),
        ("02/07/2025", "A4", "120.000", fee_memo(over.pk)),
        ("02/07/2025", "A5", "50.000", "NGUYEN VAN AN chuyen tien"),
        ("02/07/2025", "A6", "50.000", f"PHI {reference_for(9_999_999)}"),
        ("02/07/2025", "A7", "50.000", fee_memo(free.pk)),
        ("02/07/2025", "A8", "50.000", f"{fee_memo(short.pk)} {fee_memo(over.pk)}"),
    ]
    batch = _import(rows, ben_thanh, finance_officer)
    assert (batch.matched, batch.queued) == (1, 7)
    reasons = dict(BankTransaction.objects.values_list("transaction_id", "reason"))
    assert reasons == {
        "A1": "", "A2": Reason.ALREADY_PAID, "A3": Reason.PARTIAL, "A4": Reason.OVERPAID,
        "A5": Reason.NO_REFERENCE, "A6": Reason.UNKNOWN_REFERENCE, "A7": Reason.NOT_DUE,
        "A8": Reason.MANY_REFERENCES,
    }
    short.refresh_from_db()
    assert short.payment == Payment.UNPAID and short.status == Status.AWAITING_PAYMENT


def test_another_wards_dossier_is_not_paid_by_this_wards_statement(
    awaiting, sai_gon, make_user
):
    d = awaiting(50_000)  # at Bến Thành
    saigon_finance = make_user("ketoan-sg", Role.FINANCE_OFFICER, sai_gon)
    _import([("02/07/2025", "S1", "50.000", fee_memo(d.pk))], sai_gon, saigon_finance)
    txn = BankTransaction.objects.get(transaction_id="S1")
    assert txn.reason == Reason.OTHER_UNIT and txn.unit_code == "26740"
    d.refresh_from_db()
    assert d.payment == Payment.UNPAID
    with pytest.raises(NotFound):
        transaction_resolve(txn, dossier_code=d.code, note="của phường khác", actor=saigon_finance)


def test_only_a_finance_officer_of_the_unit_imports(ben_thanh, counter_officer):
    with pytest.raises(PermissionDenied):
        _import([("02/07/2025", "X1", "1.000", "x")], ben_thanh, counter_officer)


def test_partial_payment_resolved_by_hand_is_audited(awaiting, ben_thanh, finance_officer):
    d = awaiting(50_000)
    _import([("02/07/2025", "P1", "40.000", fee_memo(d.pk))], ben_thanh, finance_officer)
    txn = BankTransaction.objects.get(transaction_id="P1")
    with pytest.raises(ApplicationError) as error:
        transaction_resolve(txn, dossier_code=d.code, note="  ", actor=finance_officer)
    assert error.value.extra["field"] == "note"
    txn = transaction_resolve(
        txn, dossier_code=d.code, note="thu thêm 10.000 đồng tại quầy", actor=finance_officer
    )
    assert txn.state == State.RESOLVED and txn.receipt_number and txn.resolved_by == finance_officer
    d.refresh_from_db()
    assert d.payment == Payment.PAID and d.status == Status.PROCESSING
    audit = AuditEvent.objects.get(action=PaymentAudit.RESOLVED)
    assert audit.actor == finance_officer and "10.000" in audit.note
    with pytest.raises(Conflict):
        transaction_dismiss(txn, note="again", actor=finance_officer)


def test_a_duplicate_cannot_pay_a_paid_dossier_and_is_dismissed(awaiting, ben_thanh, finance_officer):
    d = awaiting(50_000)
    rows = [("02/07/2025", "D1", "50.000", fee_memo(d.pk)), ("02/07/2025", "D2", "50.000", fee_memo(d.pk))]
    _import(rows, ben_thanh, finance_officer)
    dup = BankTransaction.objects.get(transaction_id="D2")
    with pytest.raises(Conflict) as error:
        transaction_resolve(dup, dossier_code=d.code, note="nộp trùng", actor=finance_officer)
    assert error.value.extra["reason"] == Reason.ALREADY_PAID
    dup = transaction_dismiss(dup, note="nộp trùng, hoàn tiền cho người nộp", actor=finance_officer)
    assert dup.state == State.DISMISSED
    assert AuditEvent.objects.filter(action=PaymentAudit.DISMISSED, actor=finance_officer).exists()


def test_the_index_counts_the_online_payment(awaiting, ben_thanh, finance_officer, processing_officer):
    by_bank, at_counter = awaiting(50_000), awaiting(50_000)
    dossier_transition(at_counter, action="payment_received", actor=processing_officer)
    _import([("02/07/2025", "I1", "50.000", fee_memo(by_bank.pk))], ben_thanh, finance_officer)
    rows = UnitDay.objects.filter(unit_code="26743")
    assert sum(r.fee_paid for r in rows) == 2 and sum(r.fee_paid_online for r in rows) == 1
    stored = stored_counts()
    for key, counts in computed_counts().items():
        for name in ("fee_paid", "fee_paid_online"):
            assert stored[key].get(name, 0) == counts.get(name, 0), (key, name)


def test_the_receipt_is_a_pdf(awaiting, ben_thanh, finance_officer, tmp_path):
    from django.utils import timezone

    from haicap.core.dateline import date_line
    from haicap.dossiers.tests.test_paperwork import needs_poppler, read_back
    from haicap.payments.receipt import receipt_context, receipt_pdf
    from haicap.workdays.calendar import VN

    d = awaiting(1_250_000)
    _import([("02/07/2025", "R1", "1.250.000", fee_memo(d.pk))], ben_thanh, finance_officer)
    txn = BankTransaction.objects.get(transaction_id="R1")
    context = receipt_context(txn)
    assert context["amount_words"] == "Một triệu hai trăm năm mươi nghìn đồng"
    assert context["series"] == "BL25" and context["d"] == d and context["amount"] == "1.250.000"
    pdf = receipt_pdf(txn)
    assert pdf.startswith(b"%PDF")
    if needs_poppler.args[0]:  # poppler missing: the date line is checked in the context only
        return
    # dated at the competent ward, as its header says (Decree 30: the name without "Phường")
    today = date_line("Bến Thành", timezone.now().astimezone(VN))
    assert context["place"] == "Bến Thành" and today in read_back(pdf, tmp_path, "receipt")
