"""Open311 GeoReport v2 against the spec's field lists, in JSON and in XML."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.test import Client, override_settings

from haicap.feedback.models import Report
from haicap.feedback.open311 import key_issue

pytestmark = pytest.mark.django_db

# http://wiki.open311.org/GeoReport_v2 : the fields of each response
SERVICE_FIELDS = {
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
}
ATTRIBUTE_FIELDS = {
    "variable",
    "code",
    "datatype",
    "required",
    "datatype_description",
    "order",
    "description",
}
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}
POST_FIELDS = {"service_request_id", "service_notice", "account_id"}
BASE = "/open311/v2"


@pytest.fixture
def api_key() -> str:
    return key_issue(label="Ứng dụng thử nghiệm", province_code="79")


def flood(api_key: str, **more: str) -> dict[str, str]:
    return {
        "api_key": api_key,
        "jurisdiction_id": "79",
        "service_code": "drainage",
        "lat": "10.78058",
        "long": "106.70291",
        "description": "Đường Nguyễn Huệ ngập sâu sau mưa lớn, xe chết máy.",
        "attribute[depth]": "over30",
        **more,
    }


def xml(response) -> ET.Element:  # type: ignore[no-untyped-def]
    assert response["Content-Type"].startswith("text/xml"), response["Content-Type"]
    return ET.fromstring(response.content)


def test_discovery_lists_the_endpoint_in_both_formats():
    data = Client().get(f"{BASE}/discovery.json").json()
    assert data["endpoints"][0]["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert set(data["endpoints"][0]["formats"]) == {"text/xml", "application/json"}
    root = xml(Client().get(f"{BASE}/discovery.xml"))
    assert root.tag == "discovery" and root.find("endpoints/endpoint/formats/format") is not None


@override_settings(ALLOWED_HOSTS=["phananh.hcm.gov.vn", "open311.example.vn"])
def test_discovery_advertises_the_host_it_was_asked_on():
    for host in ("phananh.hcm.gov.vn", "open311.example.vn"):
        data = Client().get(f"{BASE}/discovery.json", HTTP_HOST=host).json()
        assert data["endpoints"][0]["url"] == f"http://{host}/open311/v2/"
    root = xml(Client().get(f"{BASE}/discovery.xml", HTTP_HOST="open311.example.vn"))
    assert root.findtext("endpoints/endpoint/url") == "http://open311.example.vn/open311/v2/"
    # a host not allowed is refused, never echoed into the discovery document
    assert Client().get(f"{BASE}/discovery.json", HTTP_HOST="evil.example").status_code == 400


@override_settings(
    ALLOWED_HOSTS=["phananh.hcm.gov.vn"], SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
def test_discovery_behind_the_tls_proxy_says_https():
    data = Client().get(
        f"{BASE}/discovery.json", HTTP_HOST="phananh.hcm.gov.vn", HTTP_X_FORWARDED_PROTO="https"
    ).json()
    assert data["endpoints"][0]["url"] == "https://phananh.hcm.gov.vn/open311/v2/"


def test_services_and_definitions_have_the_spec_fields():
    services = Client().get(f"{BASE}/services.json", {"jurisdiction_id": "79"}).json()
    assert len(services) == 11 and all(set(s) == SERVICE_FIELDS for s in services)
    root = xml(Client().get(f"{BASE}/services.xml", {"jurisdiction_id": "79"}))
    assert root.tag == "services" and {c.tag for c in root.find("service")} == SERVICE_FIELDS
    definition = Client().get(f"{BASE}/services/drainage.json", {"jurisdiction_id": "79"}).json()
    assert definition["service_code"] == "drainage"
    assert all(set(a) >= ATTRIBUTE_FIELDS for a in definition["attributes"])
    depth = next(a for a in definition["attributes"] if a["code"] == "depth")
    assert depth["datatype"] == "singlevaluelist" and {"key", "name"} == set(depth["values"][0])
    root = xml(Client().get(f"{BASE}/services/drainage.xml", {"jurisdiction_id": "79"}))
    assert (
        root.tag == "service_definition"
        and root.find("attributes/attribute/values/value/key") is not None
    )


def test_post_get_one_and_token_in_both_formats(api_key):
    created = Client().post(f"{BASE}/requests.json", flood(api_key))
    assert created.status_code == 201, created.content
    [item] = created.json()
    assert set(item) >= POST_FIELDS and item["service_request_id"].startswith("PA-")
    report = Report.objects.get(code=item["service_request_id"])
    assert report.responsible_unit_code == "26740" and report.attributes == {"depth": "over30"}

    [one] = Client().get(f"{BASE}/requests/{report.code}.json", {"jurisdiction_id": "79"}).json()
    assert set(one) == REQUEST_FIELDS and one["status"] == "open"
    assert one["agency_responsible"] == "UBND Phường Sài Gòn" and one["long"] == pytest.approx(
        106.70291
    )
    root = xml(Client().get(f"{BASE}/requests/{report.code}.xml", {"jurisdiction_id": "79"}))
    assert (
        root.tag == "service_requests" and {c.tag for c in root.find("request")} == REQUEST_FIELDS
    )

    root = xml(Client().post(f"{BASE}/requests.xml", flood(api_key)))
    assert (
        root.find("request/service_request_id") is not None
        and root.find("request/token") is not None
    )
    [mapped] = Client().get(f"{BASE}/tokens/{report.token}.json", {"jurisdiction_id": "79"}).json()
    assert mapped == {"service_request_id": report.code, "token": report.token}


def test_search_filters_and_the_90_day_window(api_key):
    first = Client().post(f"{BASE}/requests.json", flood(api_key)).json()[0]["service_request_id"]
    waste = flood(api_key, service_code="waste")
    del waste["attribute[depth]"]  # the waste service has no depth attribute
    assert Client().post(f"{BASE}/requests.json", waste).status_code == 201
    listing = Client().get(f"{BASE}/requests.json", {"jurisdiction_id": "79"}).json()
    assert len(listing) == 2 and all(set(r) == REQUEST_FIELDS for r in listing)
    only = (
        Client()
        .get(f"{BASE}/requests.json", {"jurisdiction_id": "79", "service_code": "waste"})
        .json()
    )
    assert [r["service_code"] for r in only] == ["waste"]
    assert (
        Client().get(f"{BASE}/requests.json", {"jurisdiction_id": "79", "status": "closed"}).json()
        == []
    )
    by_id = (
        Client()
        .get(f"{BASE}/requests.json", {"jurisdiction_id": "79", "service_request_id": first})
        .json()
    )
    assert [r["service_request_id"] for r in by_id] == [first]
    today = dt.date.today()
    too_long = Client().get(
        f"{BASE}/requests.json",
        {
            "jurisdiction_id": "79",
            "start_date": f"{today - dt.timedelta(days=120)}T00:00:00+07:00",
            "end_date": f"{today}T00:00:00+07:00",
        },
    )
    assert too_long.status_code == 400 and "90 days" in too_long.json()[0]["description"]


def test_errors_in_the_spec_format(api_key):
    no_key = Client().post(f"{BASE}/requests.json", flood("sai"))
    assert no_key.status_code == 403 and set(no_key.json()[0]) == {"code", "description"}
    root = xml(Client().post(f"{BASE}/requests.xml", flood("sai")))
    assert root.tag == "errors" and root.find("error/code").text == "403"
    other = Client().post(f"{BASE}/requests.json", flood(api_key, lat="21.03946", long="105.8364"))
    assert other.status_code == 400 and "Hà Nội" in other.json()[0]["description"]
    assert Client().get(f"{BASE}/services.json").status_code == 400  # jurisdiction_id required
    unknown = Client().post(f"{BASE}/requests.json", flood(api_key, service_code="nope"))
    assert unknown.status_code == 404
    hanoi_key = key_issue(label="Hà Nội", province_code="01")
    assert Client().post(f"{BASE}/requests.json", flood(hanoi_key)).status_code == 403


def test_a_device_retry_finds_its_report_and_other_content_under_the_same_ids_is_refused(api_key):
    """Security finding 1 for Open311: device_id + request_id found the first report whatever was
    sent; the request is now fingerprinted, and another api_key's equal ids never meet it."""
    ids = {"device_id": "may-01", "request_id": "r-42"}
    first = Client().post(f"{BASE}/requests.json", flood(api_key, **ids))
    again = Client().post(f"{BASE}/requests.json", flood(api_key, **ids))
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and Report.objects.count() == 1
    tree = "Cây đổ chắn đường Lê Lợi, cần dọn gấp."
    other = Client().post(f"{BASE}/requests.json", flood(api_key, **ids, description=tree))
    assert other.status_code == 400 and "Idempotency-Key" in other.json()[0]["description"]
    second_key = key_issue(label="Ứng dụng khác", province_code="79")
    elsewhere = Client().post(f"{BASE}/requests.json", flood(second_key, **ids))
    assert elsewhere.status_code == 201
    assert elsewhere.json()[0]["service_request_id"] != first.json()[0]["service_request_id"]
    assert elsewhere.json()[0]["token"] != first.json()[0]["token"]


@pytest.mark.parametrize(
    ("field", "value"), [("attribute[depth]", "bogus"), ("attribute[colour]", "red")]
)
def test_attributes_outside_the_service_definition_are_refused(api_key, field, value):
    response = Client().post(f"{BASE}/requests.json", flood(api_key, **{field: value}))
    assert response.status_code == 400 and field in response.json()[0]["description"]
    assert not Report.objects.exists()


def test_a_revoked_key_is_refused_at_its_next_post(api_key):
    from django.core.management import call_command

    assert Client().post(f"{BASE}/requests.json", flood(api_key)).status_code == 201
    call_command("feedback", "key-revoke", "Ứng dụng thử nghiệm", "--province", "79")
    refused = Client().post(f"{BASE}/requests.json", flood(api_key))
    assert refused.status_code == 403 and "revoked" in refused.json()[0]["description"]
    assert Report.objects.count() == 1
