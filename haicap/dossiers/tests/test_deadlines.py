"""One definition of late: the officers' queue, the dossier page and the service index count the
same dossiers, and a dossier waiting for a supplement (its clock stopped) is in none of them."""

import datetime as dt

import pytest

from haicap.dossiers.deadlines import CLOCK_RUNNING, is_due_soon, is_overdue
from haicap.dossiers.models import Status
from haicap.dossiers.selectors import dossier_queue, queue_counts
from haicap.dossiers.services import dossier_intake, dossier_transition
from haicap.dossiers.tests.conftest import at
from haicap.metrics.index import Period, period_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward_dossiers(intake, counter_officer, processing_officer):
    """Four dossiers received on 4 August 2025: processing, waiting for a supplement, done on
    time, and accepted but never transferred."""

    def received():
        return dossier_intake(intake, actor=counter_officer, now=at(2025, 8, 4, 9))

    def transferred():
        d = received()
        return dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 8, 4, 10))

    processing = transferred()
    waiting = dossier_transition(
        transferred(),
        action="request_supplement_appraisal",
        actor=processing_officer,
        items=[{"name": "Giấy chứng sinh", "kind": "original", "reason": "chưa có"}],
        now=at(2025, 8, 4, 11),
    )
    done = dossier_transition(
        transferred(), action="complete", actor=processing_officer, now=at(2025, 8, 4, 14)
    )
    untouched = received()
    return processing, waiting, done, untouched


def test_queue_page_and_index_count_the_same_late_dossiers(
    ward_dossiers, counter_officer, leader, ben_thanh
):
    processing, waiting, done, untouched = ward_dossiers
    now = at(2025, 9, 15, 10)
    assert waiting.status == Status.SUPPLEMENT and waiting.due_at < now
    late = {d.code for d in dossier_queue(leader, "late", now=now)}
    assert late == {processing.code, untouched.code}
    assert done.outcome in ("early", "on_time")
    shown_late = {d.code for d in dossier_queue(leader, "all", now=now) if is_overdue(d, now)}
    assert shown_late == late
    assert queue_counts(counter_officer, now=now)["late"] == 2
    index = period_counts("79", Period(dt.date(2025, 7, 1), dt.date(2025, 9, 30)), as_of=now)
    assert index[ben_thanh.code]["overdue"] == len(late)


def test_a_stopped_clock_is_neither_late_nor_due_soon(ward_dossiers, leader):
    _, waiting, _, _ = ward_dossiers
    assert waiting.status not in CLOCK_RUNNING
    soon = waiting.due_at - dt.timedelta(hours=1)
    assert not is_due_soon(waiting, soon) and not is_overdue(waiting, waiting.due_at)
    assert waiting.code not in {d.code for d in dossier_queue(leader, "due_soon", now=soon)}
