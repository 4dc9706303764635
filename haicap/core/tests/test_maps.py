"""Maps (ADR 0020): the tile setting and the Content-Security-Policy, the small map of one place,
and units' names where records store codes."""

import json
import os
import re
import subprocess
import sys

import pytest
from django.template import Context, Template
from django.test import Client, override_settings

from haicap.core.roles import Role
from haicap.feedback.models import Report
from haicap.feedback.tests.test_pages import FORM as REPORT_FORM
from haicap.units.models import ServicePoint, Unit

pytestmark = pytest.mark.django_db
OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def img_src(response) -> list[str]:  # type: ignore[no-untyped-def]
    policy = response["Content-Security-Policy"]
    return re.search(r"img-src ([^;]*)", policy).group(1).split()  # type: ignore[union-attr]


def config(response) -> dict:  # type: ignore[no-untyped-def,type-arg]
    html = response.content.decode()
    block = re.search(r'<script id="map-config" type="application/json">(.*?)</script>', html)
    assert block, "the page loads no map configuration"
    return json.loads(block.group(1))  # type: ignore[no-any-return]


def test_tiles_off_by_default_no_other_image_host_and_no_tile_layer():
    response = Client().get("/phan-anh/?province=79")
    assert response.status_code == 200
    assert img_src(response) == ["'self'", "data:", "blob:"]
    assert config(response)["tiles"] == "" and config(response)["attribution"] == ""
    assert "leaflet.markercluster.js" in response.content.decode()


@override_settings(HAICAP_MAP_TILES=OSM, HAICAP_MAP_ATTRIBUTION="© OpenStreetMap contributors")
def test_tiles_on_allow_exactly_that_host_on_pages_with_a_map():
    for url in ("/phan-anh/?province=79", "/units/p/79/", "/units/c/26743/"):
        response = Client().get(url)
        assert img_src(response) == ["'self'", "data:", "blob:", "https://tile.openstreetmap.org"]
        assert config(response)["tiles"] == OSM
        assert config(response)["attribution"] == "© OpenStreetMap contributors"
    # a page without a map allows no tile host
    assert "tile.openstreetmap.org" not in Client().get("/")["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("tiles", "attribution", "complaint"),
    [
        ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "© OSM", "HAICAP_MAP_TILES"),
        ("https://tiles.example.vn/tiles.png", "© OSM", "HAICAP_MAP_TILES"),
        ("javascript:alert(1)//{z}/{x}/{y}", "© OSM", "HAICAP_MAP_TILES"),
        (OSM, "", "HAICAP_MAP_ATTRIBUTION"),
    ],
)
def test_a_bad_tile_setting_stops_start_up_naming_it(tiles, attribution, complaint):
    env = {**os.environ, "HAICAP_MAP_TILES": tiles, "HAICAP_MAP_ATTRIBUTION": attribution}
    done = subprocess.run(
        [sys.executable, "-c", "import haicap.settings"], env=env, capture_output=True, text=True
    )
    assert done.returncode != 0 and complaint in done.stderr and "ImproperlyConfigured" in done.stderr


def render(source: str, **context) -> str:  # type: ignore[no-untyped-def]
    return Template("{% load places %}" + source).render(Context(context))


def test_small_map_shows_the_point_and_the_commune_and_invents_nothing():
    html = render("{% small_map lat=lat lon=lon unit='26743' label='PA-1' %}", lat=10.7725, lon=106.698)
    assert 'data-point="10.7725,106.698"' in html
    assert 'data-boundary="/units/c/26743/map.geojson"' in html
    assert 'data-unit="Phường Bến Thành"' in html and "data-centre=" in html
    # a ward alone: its boundary, no point
    html = render("{% small_map unit=code %}", code="26743")
    assert "data-boundary" in html and "data-point" not in html
    # nothing known, or a province (no small map of a whole province), or an unknown code
    assert render("{% small_map lat=None lon=None unit='' %}") == ""
    assert render("{% small_map unit='79' %}") == ""
    assert render("{% small_map unit='99999' %}") == ""


def test_small_map_of_a_service_point_is_its_building_in_its_ward():
    building = ServicePoint.objects.exclude(lat=None).exclude(commune_code="").first()
    assert building is not None
    html = render("{% small_map unit=u label=u.full_name %}", u=building.unit)
    assert f'data-point="{building.lat!r},{building.lon!r}"' in html
    assert f'data-boundary="/units/c/{building.commune_code}/map.geojson"' in html
    assert building.unit.full_name in html


def test_unit_name_gives_names_for_codes_old_units_included():
    assert render("{{ c|unit_name }}", c="26743") == "Phường Bến Thành"
    old = Unit.objects.filter(level="commune", valid_to__isnull=False).first()
    assert old is not None and render("{{ c|unit_name }}", c=old.code) == old.full_name
    assert render("{{ c|unit_name }}", c="99999") == "99999"
    assert render("{{ c|unit_name }}", c="") == ""


def test_report_pages_show_a_small_map_and_the_ward_by_name(make_user):
    Client().post("/phan-anh/gui/", REPORT_FORM)
    report = Report.objects.get()
    assert report.commune_code
    ward = Unit.objects.current().get(code=report.commune_code).full_name
    public = Client().get(f"/phan-anh/{report.code}/").content.decode()
    assert 'data-small-map' in public and f'data-point="{report.lat!r},{report.lon!r}"' in public
    assert ward in public and "haicap/maps.js" in public
    officer = Client()
    officer.force_login(
        make_user("xuly.map", Role.PROCESSING_OFFICER, Unit.objects.current().get(code="26740"))
    )
    page = officer.get(f"/mot-cua/phan-anh/{report.code}/")
    assert page.status_code == 200, page.content.decode()[:500]
    html = page.content.decode()
    assert "data-small-map" in html and f"/units/c/{report.commune_code}/map.geojson" in html
    assert f'href="geo:{report.lat:f},{report.lon:f}"' in html


def test_the_dossier_page_names_the_ward_and_maps_it(counter_officer):
    from haicap.dossiers.models import Dossier
    from haicap.dossiers.tests.test_views import FORM

    client = Client()
    client.force_login(counter_officer)
    response = client.post(
        "/mot-cua/tiep-nhan/", {**FORM, "applicant_commune_code": "26743", "idempotency_key": "m1"}
    )
    assert response.status_code == 302, response.content.decode()[:800]
    dossier = Dossier.objects.get()
    html = client.get(f"/mot-cua/h/{dossier.code}/").content.decode()
    shown = re.search(r'data-testid="applicant-commune">(.*?)</span>', html)
    assert shown and "Phường Bến Thành" in shown.group(1) and "26743" not in shown.group(1)
    assert 'data-boundary="/units/c/26743/map.geojson"' in html


def test_the_counter_names_wards_in_the_address_note(counter_officer):
    client = Client()
    client.force_login(counter_officer)
    html = client.get(
        "/mot-cua/tiep-nhan/dia-chi/", {"applicant_address": "Phường Cầu Ông Lãnh, Thành phố Hồ Chí Minh"}
    ).content.decode()
    note = re.search(r"Lưu ý: cũng có [^<]*", html)
    assert note and "Phường Bến Thành" in note.group(0)
    assert not re.search(r"\b\d{5}\b", note.group(0)), note.group(0)


def test_boundaries_carry_the_label_and_centre_maps_write_on_them():
    feature = Client().get("/units/c/26743/map.geojson").json()["features"][0]["properties"]
    assert feature["label"] == "Bến Thành" and len(feature["centre"]) == 2


def test_the_dispatcher_sends_a_report_to_a_ward_picked_by_name(province_admin):
    Client().post("/phan-anh/gui/", REPORT_FORM)
    report = Report.objects.get()
    client = Client()
    client.force_login(province_admin)
    html = client.get(f"/mot-cua/phan-anh/{report.code}/").content.decode()
    picker = re.search(r'<select name="unit_code" required>(.*?)</select>', html, re.S)
    assert picker, "the reassign form asks for a code instead of offering the wards"
    assert '<option value="26743">Phường Bến Thành</option>' in picker.group(1)
    assert '<option value="79">Thành phố Hồ Chí Minh</option>' in picker.group(1)
    assert not re.search(r'<input name="unit_code"', html)
    sent = client.post(
        f"/mot-cua/phan-anh/{report.code}/thao-tac/reassign/",
        {"unit_code": "26743", "reason": "Điểm ngập thuộc địa bàn Bến Thành."},
    )
    assert sent.status_code == 302, sent.content.decode()[:800]
    report.refresh_from_db()
    assert report.responsible_unit_code == "26743"
