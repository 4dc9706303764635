"""The one workflow engine: state before role, the 409 names what is allowed, a step writes its
history line and its audit event together or not at all, and only the system does the system's
steps."""

import pytest

from haicap.core.errors import ApplicationError, Conflict, PermissionDenied
from haicap.core.models import AuditEvent
from haicap.core.workflow import SYSTEM, SystemActor, transition_apply
from haicap.dossiers.models import DossierEvent, Status
from haicap.dossiers.services import dossier_intake
from haicap.dossiers.tests.conftest import at
from haicap.dossiers.workflow import FLOW as DOSSIERS
from haicap.feedback.workflow import FLOW as FEEDBACK

pytestmark = pytest.mark.django_db


def test_every_action_has_an_effect_and_a_label():
    for flow in (DOSSIERS, FEEDBACK):
        assert set(flow.transitions) == set(flow.effects)
        assert all(str(t.label) for t in flow.transitions.values())


def test_a_failed_effect_writes_nothing(intake, counter_officer):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    events, audits = DossierEvent.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ApplicationError) as exc:  # a withdrawal needs a reason
        transition_apply(DOSSIERS, d, action="withdraw", actor=counter_officer, reason=" ")
    assert exc.value.extra == {"field": "reason"}
    d.refresh_from_db()
    assert d.status == Status.ACCEPTED
    assert (DossierEvent.objects.count(), AuditEvent.objects.count()) == (events, audits)


def test_a_step_writes_its_history_line_and_audit_event(intake, counter_officer):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    d = transition_apply(DOSSIERS, d, action="transfer", actor=counter_officer)
    line = d.events.last()
    assert (line.action, line.from_status, line.to_status) == (
        "transfer",
        Status.ACCEPTED,
        Status.PROCESSING,
    )
    assert line.actor == counter_officer and line.to_unit_code == d.competent_unit.code
    audit = AuditEvent.objects.filter(object_id=str(d.pk)).order_by("-id").first()
    assert audit.note.startswith(f"{d.code} transfer:") and audit.to_state == str(Status.PROCESSING)


def test_the_state_is_told_only_to_who_may_act(intake, counter_officer, make_user):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    with pytest.raises(Conflict) as exc:  # the counter may act on it: told what is allowed
        transition_apply(DOSSIERS, d, action="return", actor=counter_officer)
    assert "transfer" in exc.value.extra["allowed_actions"]
    stranger = make_user("nguoila")
    for action in ("return", "transfer"):  # wrong state or not: a stranger learns nothing
        with pytest.raises(PermissionDenied):
            transition_apply(DOSSIERS, d, action=action, actor=stranger)
    with pytest.raises(ApplicationError) as unknown:
        transition_apply(DOSSIERS, d, action="teleport", actor=counter_officer)
    assert unknown.value.status == 400


def test_only_the_system_escalates(province_admin):
    from haicap.feedback.services import report_submit
    from haicap.feedback.tests.test_routing_and_workflow import flood

    report = report_submit(flood())
    with pytest.raises(PermissionDenied):
        transition_apply(FEEDBACK, report, action="escalate", actor=province_admin)
    report = transition_apply(FEEDBACK, report, action="escalate", actor=SYSTEM)
    line = report.events.last()
    assert report.escalation == 1 and line.actor is None and line.actor_label == "hệ thống"
    assert not line.public
    assert isinstance(SYSTEM, SystemActor) and not SYSTEM.is_authenticated


def test_an_effect_sees_only_the_parameters_its_action_declares(intake, counter_officer):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    # a form or the API sends every field it has; `items` means nothing to a withdrawal
    d = transition_apply(
        DOSSIERS, d, action="withdraw", actor=counter_officer, reason="Xin rút", items="?"
    )
    assert d.status == Status.WITHDRAWAL_REQUESTED and d.events.last().data == {}
    assert DOSSIERS.transitions["withdraw"].params == ("reason",)


def test_another_wards_officer_gets_403_before_any_409_on_a_report(counter_officer):
    """Security finding 13.8: feedback actions answered 409 (telling the state) before checking
    permission."""
    from haicap.feedback.services import report_submit
    from haicap.feedback.tests.test_routing_and_workflow import flood

    report = report_submit(flood())  # routed to Sài Gòn; the officer is Bến Thành's
    assert report.responsible_unit_code != counter_officer.memberships.get().unit.code
    with pytest.raises(PermissionDenied):  # "answer" is wrong for a forwarded report too
        transition_apply(FEEDBACK, report, action="answer", actor=counter_officer, text="x" * 20)
