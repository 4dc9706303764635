"""The shipped service points (ADR 0015): loaded with the units, each in the commune its old
address converts to, idempotent, and a wrong row changes nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from haicap.core.errors import ApplicationError, NotFound, PermissionDenied
from haicap.core.models import AuditEvent
from haicap.core.roles import Role
from haicap.units.address.convert import convert_address
from haicap.units.models import Level, ServicePoint, Unit
from haicap.units.points import (
    POINTS_FILE,
    ServicePointDataError,
    point_get,
    service_point_update,
    service_points,
    service_points_load,
)
from haicap.units.rights import UnitsAudit

pytestmark = pytest.mark.django_db


def _rows() -> list[dict[str, str]]:
    with POINTS_FILE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_hcmc_centre_and_branches_are_receiving_units():
    points = list(service_points("79"))
    assert [p.unit.code for p in points] == ["79C00", "79C01", "79C02", "79C03"]
    centre, q1 = points[0], points[1]
    assert centre.parent is None and q1.parent == centre
    assert q1.unit.level == Level.POINT and q1.unit.in_force
    assert q1.commune_code == "26740" and q1.old_district_code == "760"
    assert q1.lat is not None and 10.7 < q1.lat < 10.8  # Phường Sài Gòn's representative point
    assert q1.hours_lines[0].startswith("Thứ Hai – Thứ Sáu")
    assert all(p.demo for p in points)  # not yet checked against the city's decision


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["code"])
def test_each_point_sits_in_the_commune_its_old_address_converts_to(row):
    result = convert_address(row["old_address"])
    codes = {c.commune.code for c in result.candidates}
    if result.new_commune is not None:
        codes.add(result.new_commune.code)
    assert row["commune_code"] in codes, result
    commune = Unit.objects.current().get(level=Level.COMMUNE, code=row["commune_code"])
    assert commune.name in row["address"]


def test_loading_again_changes_nothing_and_is_audited():
    before = ServicePoint.objects.count()
    summary = service_points_load()
    assert (summary.created, summary.updated) == (0, before)
    assert ServicePoint.objects.count() == before
    assert AuditEvent.objects.filter(action=UnitsAudit.POINTS_LOADED).exists()


def test_a_wrong_row_names_its_line_and_writes_nothing(tmp_path: Path):
    rows = _rows()
    rows.append({**rows[1], "code": "79C09", "commune_code": "00001"})
    path = tmp_path / "service_points.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(ServicePointDataError, match="line 6: commune_code"):
        service_points_load(path=path)
    assert not Unit.objects.filter(code="79C09").exists()


def test_api_lists_points_with_addresses_and_hours(client):
    body = client.get("/api/v1/units/points", {"province": "79", "q": "le duan"}).json()
    assert body["count"] == 1
    (q1,) = body["items"]
    assert q1["code"] == "79C01" and q1["parent_code"] == "79C00"
    assert q1["commune_code"] == "26740" and "47 Lê Duẩn" in q1["address"]
    assert q1["hours"][0].startswith("Thứ Hai") and q1["demo"] is True
    assert client.get("/api/v1/units/points", {"province": "01"}).json()["count"] == 0


HOURS = "Thứ Hai – Thứ Sáu: 7:00 – 11:30 và 13:00 – 17:00\nThứ Bảy: 7:30 – 11:30"


def test_province_admin_sets_address_and_hours_audited(province_admin):
    point = point_get("79C01")
    updated = service_point_update(
        point, actor=province_admin, address=" 47  Lê Duẩn, Phường Sài Gòn ", hours=HOURS,
        phone="028 3829 1234",
    )
    assert updated.address == "47 Lê Duẩn, Phường Sài Gòn" and updated.hours_lines[0].startswith(
        "Thứ Hai – Thứ Sáu: 7:00"
    )
    assert updated.demo is False and "quantri" in updated.source
    event = AuditEvent.objects.get(action=UnitsAudit.POINT_UPDATED)
    assert event.unit_code == "79C01" and "7:30 – 11:30 và 13:00" in event.data["before"]["hours"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"address": "  "}, "address"),
        ({"hours": ""}, "hours"),
        ({"hours": "\n".join(f"dòng {i}" for i in range(9))}, "hours"),
        ({"hours": "x" * 121}, "hours"),
        ({"phone": "gọi 028"}, "phone"),
    ],
)
def test_a_bad_field_is_named_and_nothing_changes(province_admin, change, field):
    before = point_get("79C01")
    values = {"address": "47 Lê Duẩn", "hours": HOURS, "phone": "", **change}
    with pytest.raises(ApplicationError) as exc:
        service_point_update(before, actor=province_admin, **values)
    assert exc.value.status == 422 and exc.value.extra["field"] == field
    after = point_get("79C01")
    assert (after.address, after.hours, after.demo) == (before.address, before.hours, True)
    assert not AuditEvent.objects.filter(action=UnitsAudit.POINT_UPDATED).exists()


def test_only_the_province_admin_of_the_point_may_change_it(make_user, counter_officer):
    hanoi = Unit.objects.current().get(level=Level.PROVINCE, code="01")
    hanoi_admin = make_user("qt.hanoi", Role.PROVINCE_ADMIN, hanoi)
    branch = Unit.objects.current().get(level=Level.POINT, code="79C01")
    branch_officer = make_user("cnq1", Role.COUNTER_OFFICER, branch)
    for actor in (hanoi_admin, counter_officer, branch_officer):
        with pytest.raises(PermissionDenied):
            service_point_update(point_get("79C01"), actor=actor, address="x", hours="y")
    with pytest.raises(NotFound):
        point_get("79C99")


def test_edit_page_for_the_province_admin(client, province_admin, counter_officer):
    client.force_login(counter_officer)
    assert client.get("/diem-tiep-nhan/79C01/sua/").status_code == 403
    assert "edit-point" not in client.get("/diem-tiep-nhan/").content.decode()
    client.force_login(province_admin)
    assert 'data-testid="edit-point"' in client.get("/diem-tiep-nhan/").content.decode()
    page = client.get("/diem-tiep-nhan/79C01/sua/").content.decode()
    assert "47 Lê Duẩn" in page
    bad = client.post("/diem-tiep-nhan/79C01/sua/", {"address": "47 Lê Duẩn", "hours": ""})
    assert bad.status_code == 422 and 'value="47 Lê Duẩn"' in bad.content.decode()
    done = client.post(
        "/diem-tiep-nhan/79C01/sua/", {"address": "47 Lê Duẩn, Phường Sài Gòn", "hours": HOURS}
    )
    assert done.status_code == 302 and done["Location"].endswith("#diem-79C01")
    listed = client.get("/diem-tiep-nhan/", {"q": "le duan"}).content.decode()
    assert "Thứ Hai – Thứ Sáu: 7:00" in listed
