"""The report form reports every error at once, each under its field with its label (ADR 21)."""

import pytest
from django.test import Client

from haicap.dossiers.tests.test_form_errors import field_error
from haicap.feedback.models import Report
from haicap.feedback.tests.test_pages import FORM

pytestmark = pytest.mark.django_db


def test_a_short_description_and_a_bad_phone_are_both_reported():
    response = Client().post(
        "/phan-anh/gui/", {**FORM, "description": "ngập", "contact_phone": "12"}
    )
    assert response.status_code == 422 and not Report.objects.exists()
    page = response.content.decode()
    for name in ("description", "contact_phone"):
        assert field_error(page, name), name
        assert f'id="f-{name}" aria-invalid="true" aria-describedby="e-{name}"' in page
    assert '<a href="#f-description">Nội dung: ' in page
    assert '<a href="#f-contact_phone">Điện thoại: ' in page
    assert 'value="Trần Văn Hải"' in page  # what was typed is kept


def test_both_bad_coordinates_are_reported_on_their_fields():
    response = Client().post("/phan-anh/gui/", {**FORM, "lat": "abc", "lon": "xyz"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "abc" in field_error(page, "lat") and "xyz" in field_error(page, "lon")
    # the map's inputs keep their own ids; the labels carry the summary's anchors
    assert 'id="lat" aria-invalid="true" aria-describedby="e-lat"' in page
    assert '<label id="f-lat">' in page and '<a href="#f-lat">Vĩ độ: ' in page


def test_the_api_answers_422_with_both_errors():
    response = Client().post(
        "/api/v1/feedback",
        {
            "province_code": "79",
            "category": "drainage",
            "description": "ngập",
            "lat": 10.78058,
            "lon": 106.70291,
            "contact_phone": "12",
        },
        content_type="application/json",
    )
    assert response.status_code == 422, response.content
    extra = response.json()["extra"]
    assert extra["field"] == "description"
    assert set(extra["errors"]) == {"description", "contact_phone"}
