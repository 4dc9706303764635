"""Open311 against a running haicap through a third-party client: `georeport` (PyPI; requests +
xmltodict) reads services, definitions and requests in JSON and in XML. georeport has no POST,
and the other clients on the registries cannot be installed here (`three` is Python 2 only; the
npm `open311` needs a GitHub dependency), so filing goes through `requests` as a form POST, the
way the spec describes it."""

import pytest
import requests
from georeport import GeoReport

from tests.conftest import haicap_command


@pytest.fixture(scope="module")
def api_key(demo_env) -> str:  # type: ignore[no-untyped-def]
    out = haicap_command(demo_env, "feedback", "key", "Ứng dụng thử nghiệm", "--province", "79")
    return out.rsplit(":", 1)[1].strip()


def as_list(value):  # type: ignore[no-untyped-def]
    """xmltodict gives one element as a dict and several as a list."""
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_city_app_files_and_follows_a_flooded_street(demo_server, api_key, fmt):  # type: ignore[no-untyped-def]
    client = GeoReport(
        f"{demo_server}/open311/v2", jurisdiction="79", api_key=api_key, output_format=fmt
    )
    services = as_list(client.get_service_list())
    assert "drainage" in [s["service_code"] for s in services]
    definition = client.get_service_definition("drainage")
    attributes = (
        definition["attributes"]
        if fmt == "json"
        else as_list(definition["attributes"]["attribute"])
    )
    assert "depth" in [a["code"] for a in attributes]

    created = requests.post(
        f"{demo_server}/open311/v2/requests.json",
        data={
            "api_key": api_key,
            "jurisdiction_id": "79",
            "service_code": "drainage",
            "lat": "10.78058",
            "long": "106.70291",
            "description": "Ngập sâu trên đường Nguyễn Huệ sau cơn mưa chiều nay",
            "attribute[depth]": "over30",
        },
        timeout=10,
    )
    assert created.status_code == 201, created.text
    code = created.json()[0]["service_request_id"]

    found = as_list(client.get_service_request(code))[0]
    assert found["service_request_id"] == code and found["status"] == "open"
    assert found["agency_responsible"] == "UBND Phường Sài Gòn"
    listed = as_list(client.get_service_requests(status="open"))
    assert code in [r["service_request_id"] for r in listed]
    with pytest.raises(requests.HTTPError):  # an unknown request: the spec's 404 with <errors>
        client.get_service_request("PA-000000-NOPE00")
