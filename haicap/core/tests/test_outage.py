"""A database outage answers 503 with Retry-After: JSON under /api/, a plain page elsewhere."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client

from haicap.core.outage import MESSAGE
from haicap.core.tokens import token_issue

pytestmark = pytest.mark.django_db

DOWN = OperationalError('connection to server at "db" (10.0.0.5), port 5432 failed')


def test_the_api_answers_503_json_while_the_database_is_down(counter_officer):
    raw = token_issue(user=counter_officer, label="quầy", actor=None)
    client = Client(headers={"Authorization": f"Bearer {raw}"}, raise_request_exception=False)
    with mock.patch("haicap.dossiers.api.dossier_queue", side_effect=DOWN):
        r = client.get("/api/v1/dossiers")
    assert r.status_code == 503 and r["Content-Type"].startswith("application/json")
    assert r.json()["message"] == MESSAGE and r["Retry-After"] == "30"
    assert "10.0.0.5" not in r.content.decode()  # the server's address is not shown


def test_a_lost_connection_is_a_503_too():
    client = Client(raise_request_exception=False)
    with mock.patch(
        "haicap.units.api.selectors.provinces_on", side_effect=InterfaceError("closed")
    ):
        r = client.get("/api/v1/units/provinces")
    assert r.status_code == 503 and r.json()["extra"] == {"retry_after": 30}


def test_a_page_answers_a_plain_503(settings):
    settings.HAICAP_RETRY_AFTER_SECONDS = 120
    client = Client(raise_request_exception=False)
    with mock.patch("haicap.units.views.selectors.provinces_on", side_effect=DOWN):
        r = client.get("/units/")
    assert r.status_code == 503 and r["Retry-After"] == "120"
    assert r["Content-Type"].startswith("text/html") and "thử lại" in r.content.decode()


def test_an_outage_in_a_middleware_is_a_503(make_user):
    client = Client(raise_request_exception=False)
    client.force_login(make_user("an"))
    with mock.patch("django.contrib.sessions.backends.db.SessionStore.load", side_effect=DOWN):
        api = client.get("/api/v1/dossiers")
        page = client.get("/units/")
    assert api.status_code == 503 and api.json()["message"] == MESSAGE
    assert page.status_code == 503 and "thử lại" in page.content.decode()


def test_an_outage_outside_the_views_goes_through_handler500():
    client = Client(raise_request_exception=False)
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_request", side_effect=DOWN
    ):
        api = client.get("/api/v1/units/provinces")
        page = client.get("/units/")
    assert api.status_code == 503 and api.json()["message"] == MESSAGE
    assert page.status_code == 503 and page["Retry-After"] == "30"


def test_other_errors_stay_500():
    client = Client(raise_request_exception=False)
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_request",
        side_effect=RuntimeError("bug"),
    ):
        assert client.get("/units/").status_code == 500
