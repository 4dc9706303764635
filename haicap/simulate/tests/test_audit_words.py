"""The audit log names a simulation run by its province and dates, not 'simulate.run 1'."""

import datetime as dt

import pytest

from haicap.core.audit import audit_record
from haicap.core.audit_words import audit_rows
from haicap.simulate.models import Run
from haicap.simulate.rights import SimulateAudit

pytestmark = pytest.mark.django_db


def test_a_run_reads_as_its_province_and_dates():
    run = Run.objects.create(
        province_code="79", start=dt.date(2026, 9, 1), end=dt.date(2026, 11, 30), seed=1, total=10
    )
    event = audit_record(actor=None, action=SimulateAudit.RUN, obj=run, province_code="79")
    (row,) = audit_rows([event])
    assert row.target == "Lần mô phỏng 79 · 01/09/2026–30/11/2026"
    assert "simulate.run" not in row.target
