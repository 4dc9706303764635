"""A dossier's life at the one-stop desk, by the rules of Decree 61/2018 and Circular 03/2025."""

import pytest

from haicap.core.errors import ApplicationError, Conflict, PermissionDenied
from haicap.core.models import AuditEvent
from haicap.core.roles import Role
from haicap.dossiers.models import Dossier, Status, SupplementRequest
from haicap.dossiers.services import (
    Intake,
    allowed_actions,
    dossier_intake,
    dossier_rate,
    dossier_transition,
)
from haicap.dossiers.tests.conftest import at
from haicap.procedures.services import province_procedure_configure

pytestmark = pytest.mark.django_db


def test_counter_receives_and_the_code_follows_the_daily_sequence(intake, counter_officer):
    first = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 2, 9))
    second = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 2, 10))
    assert first.code == "26743-250702-0001" and second.code == "26743-250702-0002"
    assert dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 3, 9)).code.endswith(
        "-250703-0001"
    )
    assert (
        first.status == Status.ACCEPTED
        and first.due_at is not None
        and first.due_at > first.received_at
    )
    assert first.events.get().action == "intake_accept"
    assert AuditEvent.objects.filter(object_id=str(first.pk)).exists()


def test_the_whole_way_with_control_sheet(intake, counter_officer, processing_officer, leader):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    d = dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9, 30))
    d = dossier_transition(
        d, action="assign", actor=leader, officer_id=processing_officer.pk, now=at(2025, 7, 1, 10)
    )
    d = dossier_transition(d, action="complete", actor=processing_officer, now=at(2025, 7, 1, 14))
    assert d.status == Status.PROCESSED and d.outcome == "early"
    d = dossier_transition(
        d, action="return", actor=counter_officer, method="counter", now=at(2025, 7, 2, 8)
    )
    assert d.status == Status.RETURNED
    assert list(d.events.values_list("action", flat=True)) == [
        "intake_accept",
        "transfer",
        "assign",
        "complete",
        "return",
    ]
    d = dossier_rate(d, satisfied=True)
    with pytest.raises(Conflict):
        dossier_rate(d, satisfied=False, reason="again")


def test_wrong_move_is_a_conflict_listing_what_is_allowed(
    intake, counter_officer, processing_officer
):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    with pytest.raises(Conflict) as exc:
        dossier_transition(d, action="return", actor=counter_officer)
    assert exc.value.status == 409
    assert set(exc.value.extra["allowed_actions"]) == {"transfer", "withdraw", "stop"}
    assert allowed_actions(d, counter_officer) == ["transfer", "withdraw"]
    with pytest.raises(PermissionDenied):
        dossier_transition(d, action="transfer", actor=processing_officer)


def test_incomplete_at_the_counter_lists_everything_once(intake, counter_officer):
    items = [
        {"name": "Giấy chứng sinh", "kind": "original", "reason": "chưa nộp"},
        {"name": "Giấy đăng ký kết hôn", "kind": "copy", "reason": "bản sao không chứng thực"},
    ]
    d = dossier_intake(
        intake,
        actor=counter_officer,
        outcome="supplement",
        missing_items=items,
        now=at(2025, 7, 1, 9),
    )
    assert d.status == Status.SUPPLEMENT and d.due_at is None
    assert SupplementRequest.objects.get(dossier=d).items[1]["kind"] == "copy"
    with pytest.raises(ApplicationError):
        dossier_intake(intake, actor=counter_officer, outcome="supplement", missing_items=[])
    d = dossier_transition(d, action="accept", actor=counter_officer, now=at(2025, 7, 3, 9))
    assert d.status == Status.ACCEPTED and d.received_at == at(2025, 7, 3, 9)


def test_refusal_needs_reasons(intake, counter_officer):
    with pytest.raises(ApplicationError):
        dossier_intake(intake, actor=counter_officer, outcome="refuse")
    d = dossier_intake(
        intake, actor=counter_officer, outcome="refuse", refusal_reason="Không thuộc thẩm quyền"
    )
    assert d.status == Status.NOT_ACCEPTED


def test_appraisal_supplement_within_3_working_days_restarts_the_clock(
    intake, counter_officer, processing_officer
):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    d = dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9))
    items = [{"name": "Tờ khai", "kind": "original", "reason": "sai ngày sinh"}]
    d = dossier_transition(
        d,
        action="request_supplement_appraisal",
        actor=processing_officer,
        items=items,
        now=at(2025, 7, 3, 9),
    )
    assert d.status == Status.SUPPLEMENT and d.supplement_requests == 1
    d = dossier_transition(
        d, action="supplement_received", actor=processing_officer, now=at(2025, 7, 10, 9)
    )
    assert d.due_at > d.original_due_at  # restarted from the supplement
    late = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    late = dossier_transition(late, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9))
    with pytest.raises(Conflict):
        dossier_transition(
            late,
            action="request_supplement_appraisal",
            actor=processing_officer,
            items=items,
            now=at(2025, 7, 7, 9),
        )


def test_two_appraisal_supplements_count_as_late(intake, counter_officer, processing_officer):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    d = dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9))
    items = [{"name": "Tờ khai", "kind": "original", "reason": "thiếu"}]
    for day in (2, 3):
        d = dossier_transition(
            d,
            action="request_supplement_appraisal",
            actor=processing_officer,
            items=items,
            now=at(2025, 7, day, 9),
        )
        d = dossier_transition(
            d, action="supplement_received", actor=processing_officer, now=at(2025, 7, day, 10)
        )
    d = dossier_transition(d, action="complete", actor=processing_officer, now=at(2025, 7, 3, 11))
    assert d.outcome == "late"


def test_apology_once_and_at_least_a_working_day_before(
    intake, counter_officer, processing_officer
):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    d = dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9))
    due = d.due_at
    with pytest.raises(Conflict):  # on the due day itself: too late to apologise
        dossier_transition(
            d,
            action="apologize",
            actor=processing_officer,
            reason="chờ xác minh",
            new_due="2025-08-01",
            now=due.replace(hour=9),
        )
    with pytest.raises(ApplicationError):
        dossier_transition(
            d,
            action="apologize",
            actor=processing_officer,
            reason="",
            new_due="2025-08-01",
            now=at(2025, 7, 1, 10),
        )
    d = dossier_transition(
        d,
        action="apologize",
        actor=processing_officer,
        reason="chờ xác minh",
        new_due="2025-08-01",
        now=at(2025, 7, 1, 10),
    )
    assert d.apologized and d.due_at.date().isoformat() == "2025-08-01" and d.original_due_at == due
    with pytest.raises(Conflict):
        dossier_transition(
            d,
            action="apologize",
            actor=processing_officer,
            reason="lần hai",
            new_due="2025-08-15",
            now=at(2025, 7, 2, 10),
        )


@pytest.mark.parametrize("new_due", ["9999-12-31", "2026-08-02", "31/12/2025", "2025-02-30"])
def test_an_apology_date_past_a_year_or_malformed_is_422_naming_it(
    intake, counter_officer, processing_officer, new_due
):
    """Security finding 5: an apology accepted `new_due=9999-12-31`."""
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    d = dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9))
    with pytest.raises(ApplicationError) as refused:
        dossier_transition(
            d,
            action="apologize",
            actor=processing_officer,
            reason="chờ xác minh",
            new_due=new_due,
            now=at(2025, 7, 1, 10),
        )
    assert refused.value.status == 422 and refused.value.extra["field"] == "new_due"
    due = d.due_at
    d.refresh_from_db()
    assert not d.apologized and d.due_at == due


def test_fee_must_be_paid_before_completion(intake, counter_officer, processing_officer):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    d = dossier_transition(d, action="transfer", actor=counter_officer)
    d = dossier_transition(d, action="request_payment", actor=processing_officer, amount=50000)
    assert d.status == Status.AWAITING_PAYMENT
    d = dossier_transition(d, action="payment_received", actor=processing_officer)
    d = dossier_transition(d, action="complete", actor=processing_officer)
    assert d.status == Status.PROCESSED


def test_withdrawal_and_stop(intake, counter_officer, leader):
    d = dossier_intake(intake, actor=counter_officer)
    d = dossier_transition(d, action="withdraw", actor=counter_officer, reason="công dân xin rút")
    d = dossier_transition(d, action="stop", actor=leader, reason="theo yêu cầu của công dân")
    assert d.status == Status.STOPPED


def test_boundary_free_intake(intake, counter_officer, sai_gon, make_user, province_admin):
    other = Intake(**{**intake.__dict__, "competent_unit": sai_gon})
    with pytest.raises(ApplicationError) as exc:
        dossier_intake(other, actor=counter_officer)
    assert "không phi địa giới" in exc.value.message
    province_procedure_configure(
        province_code="79",
        procedure=intake.procedure,
        actor=province_admin,
        offered=True,
        boundary_free=True,
        online_level="none",  # its time is not verified: it cannot be offered online (ADR 13)
    )
    d = dossier_intake(other, actor=counter_officer, now=at(2025, 7, 1, 16))
    assert (
        d.receiving_unit.code == "26743"
        and d.competent_unit.code == "26740"
        and d.return_unit.code == "26743"
    )
    d = dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 16))
    assert d.holder_unit_code == "26740"
    assert d.events.last().data["transfer_by"] == "2025-07-02"  # after 15:00: next working morning
    sai_gon_officer = make_user("sg", Role.PROCESSING_OFFICER, sai_gon)
    d = dossier_transition(d, action="complete", actor=sai_gon_officer)
    assert d.holder_unit_code == "26743"  # the result goes back where the applicant chose
    with pytest.raises(PermissionDenied):
        dossier_transition(
            d, action="return", actor=make_user("sgcounter", Role.COUNTER_OFFICER, sai_gon)
        )
    assert dossier_transition(d, action="return", actor=counter_officer).status == Status.RETURNED


def test_idempotency_key_never_makes_two(intake, counter_officer):
    a = dossier_intake(intake, actor=counter_officer, idempotency_key="kiosk-1-abc")
    b = dossier_intake(intake, actor=counter_officer, idempotency_key="kiosk-1-abc")
    assert a.pk == b.pk and Dossier.objects.count() == 1


def test_nothing_is_written_when_intake_fails(intake, counter_officer):
    with pytest.raises(ApplicationError):
        dossier_intake(
            intake, actor=counter_officer, outcome="supplement", missing_items=[{"name": ""}]
        )
    assert Dossier.objects.count() == 0
    # and the failed attempt did not consume a number
    assert dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9)).code.endswith(
        "-0001"
    )
