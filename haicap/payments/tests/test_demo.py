"""`haicap payments demo`: the statement made from the demo dossiers is imported and matched."""

import io

import pytest
from django.core.management import call_command

from haicap.dossiers.demo import demo_dossiers
from haicap.payments.demo import payments_demo
from haicap.payments.models import BankTransaction, Reason

pytestmark = pytest.mark.django_db


def test_demo_statement_is_matched_once(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    call_command("demo_setup", password="pw-demo", stdout=io.StringIO())
    demo_dossiers(28)
    officer, batch, path = payments_demo("pw-demo")
    assert officer.username == "ketoan.benthanh" and path.endswith(".xlsx")
    assert batch is not None and batch.matched >= 5
    reasons = set(BankTransaction.objects.values_list("reason", flat=True))
    assert {Reason.PARTIAL, Reason.OVERPAID, Reason.ALREADY_PAID, Reason.NO_REFERENCE} <= reasons
    assert batch.queued == 4 and batch.lines == batch.new == batch.matched + 4
    assert payments_demo("pw-demo")[1] is None  # a second run imports nothing
