"""The province's configuration form: a bad fee and a bad time both reported, under each."""

import pytest

from haicap.dossiers.tests.test_form_errors import field_error
from haicap.procedures.models import Procedure, ProvinceProcedure

pytestmark = pytest.mark.django_db


def test_a_bad_fee_and_a_time_without_unit_are_both_shown(client, province_admin):
    procedure = Procedure.objects.filter(level_codes__contains="commune").first()
    assert procedure is not None
    client.force_login(province_admin)
    r = client.post(
        f"/procedures/{procedure.code}/configure/",
        {"offered": "on", "online_level": "none", "fee_vnd": "abc", "time_value": "x5"},
    )
    assert r.status_code == 422
    page = r.content.decode()
    for name in ("fee_vnd", "time_value"):
        assert field_error(page, name), name
        assert f'id="f-{name}" aria-invalid="true"' in page
    assert '<a href="#f-fee_vnd">Lệ phí (đồng, để trống: theo danh mục): ' in page
    assert 'value="abc"' in page and 'value="x5"' in page  # what was typed is kept
    # the service's own checks together: a time without its unit and an unknown unit
    r = client.post(
        f"/procedures/{procedure.code}/configure/",
        {"online_level": "none", "time_value": "", "time_unit": "tuan"},
    )
    assert r.status_code == 422
    page = r.content.decode()
    assert field_error(page, "time_value") and "tuan" in field_error(page, "time_unit")
    assert not ProvinceProcedure.objects.filter(procedure=procedure, province_code="79").exists()
