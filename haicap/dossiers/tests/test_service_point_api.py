"""The branch in old Quận 1 through the REST API: an integrator's counter token at the branch,
and online filing at the branch for Phường Bến Thành (ADR 0015)."""

from __future__ import annotations

import pytest
from django.test import Client

from haicap.core.roles import Role
from haicap.core.tokens import token_issue
from haicap.dossiers.models import Status
from haicap.dossiers.tests.test_api import BODY
from haicap.units.models import Unit

pytestmark = pytest.mark.django_db

AT_BRANCH = {**BODY, "receiving_unit": "79C01", "competent_unit": "26743"}


@pytest.fixture
def branch_client(make_user) -> Client:
    branch = Unit.objects.current().get(level="point", code="79C01")
    officer = make_user("cnq1.api", Role.COUNTER_OFFICER, branch)
    token = token_issue(user=officer, label="quầy chi nhánh", actor=None)
    return Client(headers={"Authorization": f"Bearer {token}"})


def test_branch_intake_and_transfer_through_the_api(branch_client, boundary_free):
    response = branch_client.post("/api/v1/dossiers", AT_BRANCH, content_type="application/json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["code"].startswith("79C01-") and data["status"] == Status.ACCEPTED
    assert (data["receiving_unit"], data["competent_unit"]) == ("79C01", "26743")
    moved = branch_client.post(
        f"/api/v1/dossiers/{data['code']}/actions/transfer", {}, content_type="application/json"
    )
    assert moved.status_code == 200 and moved.json()["status"] == Status.PROCESSING
    # completing is the commune's: the branch may not
    refused = branch_client.post(
        f"/api/v1/dossiers/{data['code']}/actions/complete", {}, content_type="application/json"
    )
    assert refused.status_code == 403


def test_api_names_the_field_a_branch_intake_lacks(branch_client, boundary_free):
    no_commune = {**AT_BRANCH, "competent_unit": ""}
    response = branch_client.post("/api/v1/dossiers", no_commune, content_type="application/json")
    assert response.status_code == 422 and response.json()["extra"]["field"] == "competent_unit"


def test_api_refuses_a_procedure_that_is_not_boundary_free(branch_client):
    response = branch_client.post("/api/v1/dossiers", AT_BRANCH, content_type="application/json")
    assert response.status_code == 422 and response.json()["extra"]["field"] == "procedure_code"


def test_online_filing_at_the_branch(boundary_free):
    body = {k: v for k, v in AT_BRANCH.items() if k != "request"}
    response = Client().post("/api/v1/dossiers/online", body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["reference"].startswith("TT-")
