"""Security finding 5 and 6: each bad input the probe found is a 4xx naming the field, never a
500, and nothing is stored; identifiers accept ASCII digits only (full-width normalised)."""

from __future__ import annotations

import pytest
from django.test import Client

from haicap.core.errors import ApplicationError
from haicap.core.personal import citizen_id, phone
from haicap.core.tokens import token_issue
from haicap.dossiers.models import Dossier
from haicap.dossiers.tests.test_api import BODY
from haicap.units.address.tokens import tokenize

pytestmark = pytest.mark.django_db
HUGE = "99999999999999999999"  # past 2**63


@pytest.fixture
def officer(counter_officer) -> Client:
    token = token_issue(user=counter_officer, label="probe", actor=None)
    return Client(headers={"Authorization": f"Bearer {token}"}, raise_request_exception=False)


def _field(response) -> str:
    data = response.json()
    if "detail" in data:
        return str(data["detail"][0]["loc"][-1])
    return str(data["extra"]["field"])


@pytest.mark.parametrize(
    "url", ["/api/v1/units/communes", "/api/v1/dossiers", "/api/v1/procedures"]
)
@pytest.mark.parametrize("name", ["limit", "offset"])
def test_limit_and_offset_past_64_bits_are_422(officer, url, name):
    response = officer.get(f"{url}?{name}={HUGE}")
    assert response.status_code == 422, response.content
    assert _field(response) == name


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"applicant_commune_code": "1" * 200}, "applicant_commune_code"),
        ({"request": "x" * 5001}, "request"),
        ({"sets": 2**70}, "sets"),
        ({"channel": "bogus"}, "channel"),
        ({"return_method": "bogus"}, "return_method"),
    ],
)
def test_intake_field_out_of_range_is_422_and_nothing_stored(officer, change, field):
    response = officer.post("/api/v1/dossiers", {**BODY, **change}, content_type="application/json")
    assert response.status_code == 422, response.content
    assert _field(response) == field
    assert not Dossier.objects.exists()


def test_idempotency_key_longer_than_its_column_is_422(officer):
    response = officer.post(
        "/api/v1/dossiers",
        BODY,
        content_type="application/json",
        headers={"Idempotency-Key": "k" * 81},
    )
    assert response.status_code == 422, response.content
    assert _field(response) == "Idempotency-Key"
    assert not Dossier.objects.exists()


def test_amount_overflowing_is_422(officer):
    response = officer.post(
        "/api/v1/dossiers/x/actions/pay", {"amount": 2**70}, content_type="application/json"
    )
    assert response.status_code == 422 and _field(response) == "amount"


def test_nul_byte_in_a_json_body_is_400_naming_it_and_nothing_stored(officer):
    response = officer.post(
        "/api/v1/dossiers", {**BODY, "request": "a\x00b"}, content_type="application/json"
    )
    assert response.status_code == 400 and _field(response) == "request"
    assert not Dossier.objects.exists()


def test_lone_surrogate_in_a_json_body_is_400(officer):
    response = officer.post(
        "/api/v1/dossiers", '{"procedure_code": "\\ud800"}', content_type="application/json"
    )
    assert response.status_code == 400 and _field(response) == "procedure_code"


@pytest.mark.parametrize(
    "url", ["/api/v1/units/communes?q=a%00b", "/api/v1/units/communes?q=%ED%A0%80"]
)
def test_nul_or_surrogate_in_a_query_string_is_400(officer, url):
    response = officer.get(url)
    if "%ED" in url:  # invalid UTF-8 is replaced by Django: harmless, answered normally
        assert response.status_code == 200
        return
    assert response.status_code == 400 and _field(response) == "q"


def test_nul_in_a_page_query_string_is_a_400_page():
    assert Client().get("/tra-cuu/?ma=a%00b").status_code == 400


@pytest.mark.parametrize("value", ["NaN", "Infinity", 91])
def test_feedback_coordinates_must_be_finite_and_in_range(value):
    body = {
        "province_code": "79",
        "category": "drainage",
        "description": "Cống bị tắc, ngập nước",
        "lat": value,
        "lon": 106.7,
    }
    response = Client().post("/api/v1/feedback", body, content_type="application/json")
    assert response.status_code == 422, response.content
    assert _field(response) == "lat"


def test_superscript_digit_in_an_address_is_not_a_server_error():
    tokenize("số ² đường Lê Lợi")
    response = Client().get("/api/v1/units/convert", {"address": "²"})
    assert response.status_code != 500


@pytest.mark.parametrize("value", ["٠٧٩١٩٠٠٠١٢٣٤", "०७९१९०००१२३४", "07919000123٤"])
def test_citizen_id_refuses_non_ascii_digits(value):
    with pytest.raises(ApplicationError):
        citizen_id(value)


@pytest.mark.parametrize("value", ["٠٩٠٣١٢٣٤٥٦", "090312345٦"])
def test_phone_refuses_non_ascii_digits(value):
    with pytest.raises(ApplicationError):
        phone(value)


def test_full_width_digits_are_normalised_to_ascii():
    assert citizen_id("０７９１９０００１２３４") == "079190001234"
    assert phone("０９０３１２３４５６") == "0903123456"
