import pytest

from haicap.core.errors import ApplicationError, PermissionDenied
from haicap.core.models import AuditEvent
from haicap.procedures.loading import procedures_load
from haicap.procedures.models import Procedure
from haicap.procedures.rights import ProcedureAudit
from haicap.procedures.selectors import procedure_search, procedure_settings
from haicap.procedures.services import province_procedure_configure

pytestmark = pytest.mark.django_db


def test_catalogue_is_loaded_and_reload_changes_nothing():
    assert Procedure.objects.count() == 2378
    summary = procedures_load()
    assert summary.created == summary.updated == 0
    assert summary.problems["time_unit"] > 0  # reported, per field


def test_search_is_accent_insensitive():
    names = [p.name for p in procedure_search(query="dang ky khai sinh", level="commune")[:50]]
    assert names and all("khai sinh" in n.lower() for n in names)


def test_settings_default_from_the_catalogue_and_province_overrides(province_admin):
    procedure = Procedure.objects.filter(
        level_codes__contains="commune", online_available=True
    ).first()
    default = procedure_settings(procedure, "79")
    assert default.offered and not default.boundary_free
    province_procedure_configure(
        province_code="79",
        procedure=procedure,
        actor=province_admin,
        offered=True,
        boundary_free=True,
        online_level="partial",
        fee_vnd=8000,
        time_value=3,
        time_unit="working_days",
    )
    configured = procedure_settings(procedure, "79")
    assert configured.boundary_free and configured.fee_vnd == 8000
    assert (configured.time_value, configured.time_unit, configured.time_verified) == (
        3,
        "working_days",
        True,
    )
    assert not procedure_settings(procedure, "01").boundary_free  # another province is untouched
    assert AuditEvent.objects.filter(action=ProcedureAudit.CONFIGURED, province_code="79").exists()


def test_configuration_is_checked(province_admin, counter_officer):
    offline = Procedure.objects.filter(online_available=False).first()
    with pytest.raises(ApplicationError):
        province_procedure_configure(
            province_code="79",
            procedure=offline,
            actor=province_admin,
            offered=True,
            boundary_free=False,
            online_level="full",
        )
    procedure = Procedure.objects.first()
    with pytest.raises(ApplicationError):
        province_procedure_configure(
            province_code="79",
            procedure=procedure,
            actor=province_admin,
            offered=True,
            boundary_free=False,
            online_level="none",
            time_value=3,
        )
    with pytest.raises(PermissionDenied):
        province_procedure_configure(
            province_code="01",
            procedure=procedure,
            actor=province_admin,
            offered=True,
            boundary_free=False,
            online_level="none",
        )
    with pytest.raises(PermissionDenied):
        province_procedure_configure(
            province_code="79",
            procedure=procedure,
            actor=counter_officer,
            offered=True,
            boundary_free=False,
            online_level="none",
        )


def test_api_lists_and_details(client):
    body = client.get("/api/v1/procedures", {"q": "khai sinh", "level": "commune"}).json()
    assert body["count"] > 0
    code = body["items"][0]["code"]
    detail = client.get(f"/api/v1/procedures/{code}", {"province": "79"}).json()
    assert detail["province_settings"]["offered"] is True
    assert client.get("/api/v1/procedures/9.999999").status_code == 404


def test_pages(client, province_admin):
    assert "khai sinh" in client.get("/procedures/", {"q": "khai sinh"}).content.decode().lower()
    procedure = Procedure.objects.filter(level_codes__contains="commune").first()
    client.force_login(province_admin)
    page = client.get(f"/procedures/{procedure.code}/").content.decode()
    assert "Lưu cấu hình" in page
    r = client.post(
        f"/procedures/{procedure.code}/configure/",
        {"offered": "on", "boundary_free": "on", "online_level": "none", "fee_vnd": "abc"},
    )
    assert r.status_code == 422
    r = client.post(
        f"/procedures/{procedure.code}/configure/",
        {"offered": "on", "boundary_free": "on", "online_level": "none"},
    )
    assert r.status_code == 302
