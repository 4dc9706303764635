"""A dossier filed at the HCMC centre's branch in old Quận 1 reaches Phường Bến Thành and
returns to the branch (ADR 0015), through the services."""

from __future__ import annotations

import pytest

from haicap.core.errors import ApplicationError, PermissionDenied
from haicap.dossiers.models import Dossier, Status
from haicap.dossiers.paperwork import form_context
from haicap.dossiers.selectors import dossier_queue
from haicap.dossiers.services import Intake, dossier_intake, dossier_transition
from haicap.dossiers.tests.conftest import at
from haicap.units.models import Unit

BRANCH_Q1 = "79C01"


def _at_branch(intake: Intake, branch: Unit, competent: Unit | None) -> Intake:
    return Intake(**{**intake.__dict__, "receiving_unit": branch, "competent_unit": competent})


def test_branch_dossier_reaches_ben_thanh_and_returns_to_the_branch(
    intake, branch, branch_officer, ben_thanh, boundary_free, processing_officer, counter_officer
):
    d = dossier_intake(
        _at_branch(intake, branch, ben_thanh), actor=branch_officer, now=at(2025, 7, 2, 9)
    )
    # the branch's own code and daily sequence
    assert d.code == "79C01-250702-0001"
    assert (d.receiving_unit, d.competent_unit, d.return_unit) == (branch, ben_thanh, branch)
    assert [x.code for x in dossier_queue(branch_officer, "transfer")] == [d.code]
    assert not dossier_queue(processing_officer, "process").exists()
    d = dossier_transition(d, action="transfer", actor=branch_officer, now=at(2025, 7, 2, 10))
    assert d.holder_unit_code == "26743"
    # Bến Thành sees it in its processing queue; the branch still sees it among its dossiers
    assert [x.code for x in dossier_queue(processing_officer, "process")] == [d.code]
    assert [x.code for x in dossier_queue(branch_officer, "all")] == [d.code]
    with pytest.raises(PermissionDenied):  # a branch decides nothing
        dossier_transition(d, action="complete", actor=branch_officer)
    d = dossier_transition(d, action="complete", actor=processing_officer, now=at(2025, 7, 3))
    assert d.holder_unit_code == BRANCH_Q1  # back to the branch for the result
    assert [x.code for x in dossier_queue(branch_officer, "return")] == [d.code]
    assert not dossier_queue(counter_officer, "return").exists()  # not Bến Thành's desk
    with pytest.raises(PermissionDenied):
        dossier_transition(d, action="return", actor=counter_officer)
    d = dossier_transition(d, action="return", actor=branch_officer, now=at(2025, 7, 3, 14))
    assert d.status == Status.RETURNED
    assert [e.to_unit_code for e in d.events.all()] == ["79C01", "26743", "79C01", "79C01"]


def test_second_dossier_of_the_day_takes_the_next_number_of_the_branch(
    intake, branch, branch_officer, ben_thanh, boundary_free, counter_officer
):
    first = dossier_intake(
        _at_branch(intake, branch, ben_thanh), actor=branch_officer, now=at(2025, 7, 2, 9)
    )
    at_commune = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 2, 9, 5))
    second = dossier_intake(
        _at_branch(intake, branch, ben_thanh), actor=branch_officer, now=at(2025, 7, 2, 9, 10)
    )
    assert (first.code, second.code) == ("79C01-250702-0001", "79C01-250702-0002")
    assert at_commune.code == "26743-250702-0001"  # the commune's own sequence


def test_branch_receives_only_boundary_free_procedures(intake, branch, branch_officer, ben_thanh):
    with pytest.raises(ApplicationError) as exc:
        dossier_intake(_at_branch(intake, branch, ben_thanh), actor=branch_officer)
    assert exc.value.status == 422 and exc.value.extra["field"] == "procedure_code"


def test_branch_intake_names_a_competent_commune(
    intake, branch, branch_officer, boundary_free, hcmc
):
    with pytest.raises(ApplicationError) as exc:
        dossier_intake(_at_branch(intake, branch, None), actor=branch_officer)
    assert exc.value.extra["field"] == "competent_unit"
    centre = Unit.objects.current().get(level="point", code="79C00")
    with pytest.raises(ApplicationError) as exc:  # a point is never competent
        dossier_intake(_at_branch(intake, branch, centre), actor=branch_officer)
    assert exc.value.extra["field"] == "competent_unit"
    hanoi_ward = Unit.objects.current().filter(level="commune", province_code="01").first()
    with pytest.raises(ApplicationError) as exc:
        dossier_intake(_at_branch(intake, branch, hanoi_ward), actor=branch_officer)
    assert exc.value.extra["field"] == "competent_unit"


def test_commune_officer_cannot_receive_at_the_branch(
    intake, branch, counter_officer, ben_thanh, boundary_free
):
    with pytest.raises(PermissionDenied):
        dossier_intake(_at_branch(intake, branch, ben_thanh), actor=counter_officer)


def test_slip_names_the_branch_and_its_address(
    intake, branch, branch_officer, ben_thanh, boundary_free
):
    d = dossier_intake(_at_branch(intake, branch, ben_thanh), actor=branch_officer)
    context = form_context(d, "01")
    assert context["agency"] == branch.full_name
    assert context["agency_parent"] == "UBND Thành phố Hồ Chí Minh"
    assert "47 Lê Duẩn" in context["return_address"]


def test_demo_makes_branch_dossiers_in_every_state_once(db):
    from io import StringIO

    from django.core.management import call_command

    call_command("demo_setup", stdout=StringIO())
    out = StringIO()
    call_command("service_points", "demo", "--count", "5", stdout=out)
    assert "motcua.cnq1" in out.getvalue()
    dossiers = list(Dossier.objects.filter(receiving_unit__code=BRANCH_Q1).order_by("pk"))
    assert len(dossiers) == 5
    assert {d.competent_unit.code for d in dossiers} == {"26743"}
    statuses = sorted(d.status for d in dossiers)
    assert statuses == [Status.ACCEPTED, Status.PROCESSING, Status.PROCESSING, Status.PROCESSED, Status.RETURNED]
    assert all(d.code.startswith("79C01-") for d in dossiers)
    call_command("service_points", "demo", "--count", "5", stdout=StringIO())
    assert Dossier.objects.filter(receiving_unit__code=BRANCH_Q1).count() == 5
