"""The REST API as an integrator meets it."""

import pytest

pytestmark = pytest.mark.django_db


def test_convert_returns_json_with_candidates(client):
    r = client.get("/api/v1/units/convert", {"address": "P. Đa Kao, Q.1, TP.HCM"})
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "split"
    assert {c["commune"]["code"] for c in body["candidates"]} == {"26737", "26740"}
    assert body["new_commune"] is None
    assert body["old_district"]["name"] == "Quận 1"


def test_convert_with_point_resolves_the_split(client):
    r = client.get(
        "/api/v1/units/convert",
        {"address": "P. Nguyễn Thái Bình, Q.1, TP.HCM", "lat": 10.7725, "lon": 106.6980},
    )
    assert r.json()["new_commune"]["code"] == "26743"


def test_convert_rejects_empty_and_oversized_input(client):
    r = client.get("/api/v1/units/convert")
    assert r.status_code == 422
    assert r.json()["extra"] == {"field": "address"}
    assert client.get("/api/v1/units/convert", {"address": "x" * 501}).status_code == 422


def test_locate(client):
    r = client.get("/api/v1/units/locate", {"lat": 21.0287, "lon": 105.8524})
    assert r.status_code == 200
    assert r.json()["commune"]["full_name"] == "Phường Hoàn Kiếm"
    assert r.json()["province"]["code"] == "01"


def test_locate_outside_vietnam_says_so(client):
    r = client.get("/api/v1/units/locate", {"lat": 48.8566, "lon": 2.3522})
    assert r.status_code == 404
    assert "ngoài lãnh thổ Việt Nam" in r.json()["message"]
    assert r.json()["extra"]["outside_vietnam"] is True
    sea = client.get("/api/v1/units/locate", {"lat": 12.0, "lon": 112.0})
    assert sea.status_code == 404
    assert client.get("/api/v1/units/locate", {"lat": 95, "lon": 0}).status_code == 422
    assert client.get("/api/v1/units/locate", {"lat": "abc", "lon": 0}).status_code == 422


def test_communes_search_is_accent_insensitive_and_paginated(client):
    r = client.get("/api/v1/units/communes", {"q": "ben thanh", "province": "79"})
    assert [u["code"] for u in r.json()["items"]] == ["26743"]
    page = client.get(
        "/api/v1/units/communes", {"province": "79", "limit": 50, "offset": 150}
    ).json()
    assert page["count"] == 168 and len(page["items"]) == 18
    zones = client.get("/api/v1/units/communes", {"kind": "dac_khu", "limit": 100}).json()
    assert zones["count"] == 13


def test_communes_on_a_date(client):
    before = client.get(
        "/api/v1/units/communes", {"province": "75", "kind": "phuong", "on": "2026-04-01"}
    ).json()
    after = client.get(
        "/api/v1/units/communes", {"province": "75", "kind": "phuong", "on": "2026-05-01"}
    ).json()
    assert after["count"] - before["count"] == 10


def test_commune_detail_lists_its_origins(client):
    body = client.get("/api/v1/units/communes/26740").json()
    assert body["full_name"] == "Phường Sài Gòn"
    origins = {(s["unit"]["name"], s["relation"]) for s in body["formed_from"]}
    assert origins == {("Bến Nghé", "whole"), ("Đa Kao", "part"), ("Nguyễn Thái Bình", "part")}


def test_unknown_unit_is_404_with_a_message(client):
    r = client.get("/api/v1/units/communes/99999")
    assert r.status_code == 404
    assert "99999" in r.json()["message"]


def test_provinces(client):
    body = client.get("/api/v1/units/provinces").json()
    assert len(body) == 34
    old = client.get("/api/v1/units/provinces", {"on": "2025-01-01"}).json()
    assert len(old) == 63


def test_openapi_schema_is_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/units/convert" in schema["paths"]
    assert "/api/v1/units/locate" in schema["paths"]
    assert client.get("/api/v1/docs").status_code == 200
