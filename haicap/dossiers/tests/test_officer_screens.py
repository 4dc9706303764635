"""Officers' screens tell the truth (issue 20, part 9): the leader's assignment list, the one
apology, and the original and new dates with the officer in the late and due-soon lists."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from haicap.core.errors import ApplicationError
from haicap.core.roles import Role
from haicap.core.services import membership_grant
from haicap.dossiers.models import Dossier
from haicap.dossiers.services import allowed_actions, dossier_intake, dossier_transition
from haicap.dossiers.tests.conftest import at
from haicap.procedures.services import province_procedure_configure

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def ten_days(birth_registration, province_admin):
    """Ten working days, so that an apology is possible today as well as in 2025."""
    province_procedure_configure(
        province_code="79",
        procedure=birth_registration,
        actor=province_admin,
        offered=True,
        boundary_free=False,
        online_level="none",
        time_value=10,
        time_unit="working_days",
    )


@pytest.fixture
def processing(intake, counter_officer, ten_days):
    def make(now: dt.datetime | None = None) -> Dossier:
        d = dossier_intake(intake, actor=counter_officer, now=now)
        return dossier_transition(d, action="transfer", actor=counter_officer, now=now)

    return make


def _option_ids(html: str) -> set[int]:
    form = html[html.index('data-testid="action-assign"') :]
    form = form[: form.index("</form>")]
    return {int(v) for v in re.findall(r'<option value="(\d+)"', form)}


def test_the_assignment_list_offers_only_active_processing_officers_of_the_unit(
    processing, make_user, leader, processing_officer, ben_thanh, sai_gon, hcmc
):
    d = processing()
    User = get_user_model()
    simulated = User.objects.create_user("sim.26743.xuly1", password=None, is_active=False)
    membership_grant(user=simulated, role=Role.PROCESSING_OFFICER, unit=ben_thanh, actor=None)
    left = make_user("nghiviec", Role.PROCESSING_OFFICER, ben_thanh)
    left.is_active = False
    left.save()
    province_officer = make_user("xuly-tinh", Role.PROCESSING_OFFICER, hcmc)
    other_ward = make_user("xuly-saigon", Role.PROCESSING_OFFICER, sai_gon)
    deputy = make_user("phochutich", Role.UNIT_LEADER, ben_thanh)
    page = signed_in(leader).get(f"/mot-cua/h/{d.code}/").content.decode()
    assert _option_ids(page) == {processing_officer.pk}
    for wrong in (simulated, left, province_officer, other_ward, deputy, leader):
        with pytest.raises(ApplicationError) as refused:
            dossier_transition(d, action="assign", actor=leader, officer_id=wrong.pk)
        assert refused.value.status == 422 and refused.value.extra["field"] == "officer_id"
    d = dossier_transition(d, action="assign", actor=leader, officer_id=processing_officer.pk)
    assert d.assigned_to == processing_officer


def test_a_unit_without_officers_says_so_rather_than_offering_anyone(processing, leader):
    d = processing()
    page = signed_in(leader).get(f"/mot-cua/h/{d.code}/").content.decode()
    assert _option_ids(page) == set()
    assert "Đơn vị chưa có cán bộ xử lý nào đang làm việc" in page


def test_the_apology_is_offered_once_and_disappears_after_success(
    processing, processing_officer
):
    d = processing()
    client = signed_in(processing_officer)
    page = client.get(f"/mot-cua/h/{d.code}/").content.decode()
    assert 'data-testid="action-apologize"' in page
    new_due = (d.due_at + dt.timedelta(days=7)).date().isoformat()
    response = client.post(
        f"/mot-cua/h/{d.code}/thao-tac/apologize/", {"reason": "chờ xác minh", "new_due": new_due}
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="action-apologize"' not in page
    assert "hẹn ban đầu" in page
    d.refresh_from_db()
    assert d.apologized and "apologize" not in allowed_actions(d, processing_officer)
    api = client.get(f"/api/v1/dossiers/{d.code}").json()
    assert "apologize" not in api["allowed_actions"] and "complete" in api["allowed_actions"]
    # a second try (an old page) is still refused with the reason
    again = client.post(
        f"/mot-cua/h/{d.code}/thao-tac/apologize/", {"reason": "lần hai", "new_due": new_due}
    )
    assert again.status_code == 409 and "action-apologize" not in again.content.decode()


def _row(html: str, code: str) -> str:
    start = html.index(f">{code}</a>")
    return html[start : html.index("</tr>", start)]


def test_late_and_due_soon_lists_show_the_original_and_new_date_and_the_officer(
    processing, leader, processing_officer
):
    late = processing(at(2025, 7, 1, 9))
    late = dossier_transition(
        late, action="assign", actor=leader, officer_id=processing_officer.pk, now=at(2025, 7, 1)
    )
    original = late.due_at
    late = dossier_transition(
        late,
        action="apologize",
        actor=processing_officer,
        reason="chờ xác minh",
        new_due="2025-08-01",
        now=at(2025, 7, 2, 10),
    )
    processing_officer.first_name, processing_officer.last_name = "Lan", "Trần Thị"
    processing_officer.save()
    client = signed_in(leader)
    row = _row(client.get("/mot-cua/?queue=late").content.decode(), late.code)
    shown = timezone.localtime(original).strftime("%d/%m/%Y")
    assert re.search(r'data-testid="due-original">[^<]*' + shown, row)
    assert 'data-testid="due-new">' in row and "01/08/2025" in row
    assert "Lan" in row and "Trần Thị" in row
    soon = processing()
    Dossier.objects.filter(pk=soon.pk).update(due_at=timezone.now() + dt.timedelta(hours=2))
    row = _row(client.get("/mot-cua/?queue=due_soon").content.decode(), soon.code)
    assert "due-original" not in row and "chưa phân công" in row
