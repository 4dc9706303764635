"""The dashboards and the API as leaders meet them: who sees what, the ranking, a red commune's
late dossiers with their officers and reasons, exports, errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from django.test import Client

from haicap.core.roles import Role
from haicap.core.tokens import token_issue
from haicap.dossiers.models import Dossier
from haicap.simulate.profile import Profile
from haicap.simulate.run import simulate

Q = "tu=2025-08-01&den=2025-08-31"


@pytest.fixture
def workload(db):  # type: ignore[no-untyped-def]
    profile = dataclasses.replace(Profile(), total=1500, on_time=0.9, feedback_per_dossier=0.1)
    simulate("79", dt.date(2025, 8, 1), dt.date(2025, 8, 20), seed=5, profile=profile)


@pytest.fixture
def city_leader(make_user, hcmc):  # type: ignore[no-untyped-def]
    return make_user("lanhdao.tp", Role.UNIT_LEADER, hcmc)


@pytest.fixture
def ward_leader(make_user, ben_thanh):  # type: ignore[no-untyped-def]
    return make_user("lanhdao.bt", Role.UNIT_LEADER, ben_thanh)


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_the_city_leader_ranks_every_commune_and_drills_into_a_late_one(
    workload,
    city_leader,  # type: ignore[no-untyped-def]
) -> None:
    client = _client(city_leader)
    assert client.get("/chi-so/")["Location"] == "/chi-so/tinh/79/"
    page = client.get(f"/chi-so/tinh/79/?{Q}").content.decode()
    assert "Xếp hạng" in page and "Bến Thành" in page and "chưa đo" in page
    assert page.count('<tr class="band-') == 168  # every commune of HCMC, ranked or not
    late = (
        Dossier.objects.filter(outcome="late", finished_at__month=8)
        .select_related("competent_unit", "assigned_to")
        .first()
    )
    assert late is not None
    unit = late.competent_unit.code
    unit_page = client.get(f"/chi-so/don-vi/{unit}/?{Q}").content.decode()
    assert "chưa đo được" in unit_page and "hạng" in unit_page
    listing = client.get(f"/chi-so/don-vi/{unit}/ho-so/?loai=tre-han&{Q}").content.decode()
    assert late.code in listing and late.assigned_to.username in listing
    apology = late.events.filter(action="apologize").first()
    if apology is not None:
        assert apology.note in listing
    assert client.get(f"/chi-so/don-vi/{unit}/phan-anh/?loai=tiep-nhan&{Q}").status_code == 200
    geo = client.get("/chi-so/tinh/79/ban-do.geojson").json()
    assert len(geo["features"]) == 168 and geo["features"][0]["properties"]["code"]


def test_a_ward_leader_sees_the_ward_and_not_the_city(
    workload,
    ward_leader,  # type: ignore[no-untyped-def]
) -> None:
    client = _client(ward_leader)
    assert client.get("/chi-so/")["Location"] == "/chi-so/don-vi/26743/"
    assert client.get(f"/chi-so/don-vi/26743/?{Q}").status_code == 200
    assert client.get(f"/chi-so/tinh/79/?{Q}").status_code == 403
    assert client.get(f"/chi-so/don-vi/26740/?{Q}").status_code == 403
    assert client.get("/chi-so/tinh/79/xuat.csv").status_code == 403
    assert Client().get("/chi-so/tinh/79/").status_code == 302  # to the login page


def test_exports_and_bad_requests(workload, city_leader) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    client = _client(city_leader)
    text = client.get(f"/chi-so/tinh/79/xuat.csv?{Q}").content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[1].startswith("Hạng,Mã,Xã/phường") and len(lines) == 2 + 168
    book = load_workbook(io.BytesIO(client.get(f"/chi-so/tinh/79/xuat.xlsx?{Q}").content))
    sheet = book.active
    assert sheet is not None and sheet.max_row == 2 + 168
    assert client.get("/chi-so/tinh/79/xuat.pdf").status_code == 404
    bad = client.get("/chi-so/tinh/79/?tu=2025-09-01&den=2025-08-01")
    assert bad.status_code == 400 and "ngày đầu phải trước ngày cuối" in bad.content.decode()
    assert client.get("/chi-so/tinh/99/").status_code == 404
    assert client.get("/chi-so/don-vi/26743/ho-so/?loai=khong-co").status_code == 400


def test_the_api_ranks_communes_for_token_holders_in_scope(
    workload,
    city_leader,
    ward_leader,  # type: ignore[no-untyped-def]
) -> None:
    client = Client()
    url = "/api/v1/metrics/index?province=79&from=2025-08-01&to=2025-08-31"
    assert client.get(url).status_code == 401
    ward_token = token_issue(user=ward_leader, label="t", actor=None)
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {ward_token}").status_code == 403
    token = token_issue(user=city_leader, label="t", actor=None)
    body = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert body["period_from"] == "2025-08-01" and len(body["units"]) == 168
    ranks = [u["rank"] for u in body["units"] if u["rank"] is not None]
    assert ranks == list(range(1, len(ranks) + 1))
    scores = [u["score"] for u in body["units"] if u["rank"] is not None]
    assert scores == sorted(scores, reverse=True)
    indicator = {i["code"]: i for i in body["units"][0]["indicators"]}
    assert indicator["online_payment"]["measured"] is False
    assert indicator["online_payment"]["score"] is None
    one = client.get(
        "/api/v1/metrics/units/26743?from=2025-08-01&to=2025-08-31",
        HTTP_AUTHORIZATION=f"Bearer {ward_token}",
    )
    assert one.status_code == 200 and one.json()["code"] == "26743"
    bad = client.get(
        "/api/v1/metrics/index?province=79&from=2025-02-30", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert bad.status_code == 400 and "2025-02-30" in bad.json()["message"]
    assert "/api/v1/metrics/index" in client.get("/api/v1/openapi.json").json()["paths"]


def test_the_province_administrator_sets_targets(
    workload, province_admin, city_leader  # type: ignore[no-untyped-def]
) -> None:
    from haicap.core.models import AuditEvent
    from haicap.metrics.models import Target

    form = {
        "online_share": "85",
        "on_time": "99,5",
        "processing_time_cut": "30",
        "baseline_from": "2025-08-01",
        "baseline_to": "2025-08-10",
    }
    assert _client(city_leader).post("/chi-so/tinh/79/chi-tieu/", form).status_code == 403
    client = _client(province_admin)
    bad = client.post("/chi-so/tinh/79/chi-tieu/", {**form, "on_time": "120"}, follow=True)
    assert "phải là phần trăm từ 1 đến 100" in bad.content.decode()
    assert not Target.objects.filter(province_code="79").exists()  # nothing half-saved
    client.post("/chi-so/tinh/79/chi-tieu/", form)
    saved = {t.code: t for t in Target.objects.filter(province_code="79")}
    assert float(saved["on_time"].value) == 0.995 and float(saved["online_share"].value) == 0.85
    assert saved["processing_time_cut"].baseline_from == dt.date(2025, 8, 1)
    assert AuditEvent.objects.filter(note__contains="on_time=0.995").exists()
    page = client.get(f"/chi-so/tinh/79/?{Q}").content.decode()
    assert "99,5%" in page and "kỳ gốc 01/08/2025–10/08/2025" in page
