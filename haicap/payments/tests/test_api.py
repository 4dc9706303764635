"""The bank adapter's notifications: an API token, idempotent by the bank's transaction id."""

import pytest
from django.test import Client

from haicap.core.roles import Role
from haicap.core.tokens import token_issue
from haicap.dossiers.models import Payment
from haicap.dossiers.vietqr import fee_memo
from haicap.payments.models import BankTransaction

pytestmark = pytest.mark.django_db
URL = "/api/v1/payments/bank-notifications"


def _post(token, body):
    return Client().post(
        URL, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def _body(d, **more):
    return {"transaction_id": "NAPAS-1", "amount": 50000, "memo": fee_memo(d.pk),
            "booked_at": "2025-07-02T09:00:00+07:00", **more}


def test_a_notification_matches_and_a_retry_changes_nothing(awaiting, finance_officer):
    d = awaiting(50_000)
    token = token_issue(user=finance_officer, label="bank", actor=None)
    first = _post(token, _body(d))
    assert first.status_code == 200, first.content
    assert first.json()["state"] == "matched" and first.json()["dossier"] == d.code
    assert first.json()["receipt_number"] and first.json()["duplicate"] is False
    d.refresh_from_db()
    assert d.payment == Payment.PAID
    again = _post(token, _body(d))
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert again.json()["receipt_number"] == first.json()["receipt_number"]
    assert BankTransaction.objects.count() == 1
    other = _post(token, _body(d, amount=70000))
    assert other.status_code == 409 and other.json()["extra"]["field"] == "transaction_id"


def test_unmatched_notification_waits(awaiting, finance_officer):
    d = awaiting(50_000)
    token = token_issue(user=finance_officer, label="bank", actor=None)
    reply = _post(token, _body(d, amount=30000))
    assert reply.json()["state"] == "unmatched" and reply.json()["reason"] == "partial"


def test_only_a_token_of_a_finance_officer(awaiting, finance_officer, counter_officer):
    d = awaiting(50_000)
    assert Client().post(URL, _body(d), content_type="application/json").status_code == 401
    session = Client()
    session.force_login(finance_officer)
    assert session.post(URL, _body(d), content_type="application/json").status_code == 401
    token = token_issue(user=counter_officer, label="x", actor=None)
    assert _post(token, _body(d)).status_code == 403


@pytest.mark.parametrize(
    ("change", "field"),
    [({"amount": 0}, "amount"), ({"amount": "50k"}, "amount"), ({"transaction_id": ""}, "transaction_id"),
     ({"booked_at": "hôm qua"}, "booked_at"), ({"account_unit": "99999"}, "account_unit")],
)
def test_bad_bodies_name_the_field(awaiting, finance_officer, change, field):
    d = awaiting(50_000)
    token = token_issue(user=finance_officer, label="bank", actor=None)
    reply = _post(token, _body(d, **change))
    assert reply.status_code == 422
    assert field in reply.content.decode()


def test_a_province_wide_officer_names_the_account_unit(awaiting, make_user, hcmc, ben_thanh):
    d = awaiting(50_000)
    officer = make_user("ketoan-hcm", Role.FINANCE_OFFICER, hcmc)
    token = token_issue(user=officer, label="bank", actor=None)
    assert _post(token, _body(d)).json()["state"] == "matched"  # one unit in scope: HCMC


def test_transactions_list_is_scoped(awaiting, finance_officer, make_user, sai_gon):
    d = awaiting(50_000)
    token = token_issue(user=finance_officer, label="bank", actor=None)
    _post(token, _body(d))
    mine = Client()
    mine.force_login(finance_officer)
    assert mine.get("/api/v1/payments/transactions").json()["count"] == 1
    theirs = Client()
    theirs.force_login(make_user("ketoan-sg", Role.FINANCE_OFFICER, sai_gon))
    assert theirs.get("/api/v1/payments/transactions").json()["count"] == 0
