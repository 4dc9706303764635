"""The error pages: in the site's layout, in the reader's language, with a way back; JSON under
/api/; the 500 page needs no database."""

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from haicap.core.error_pages import server_error
from haicap.core.roles import Role


def english() -> Client:
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "en"
    return client


@pytest.mark.django_db
def test_an_unknown_url_is_the_sites_404_page_in_vietnamese():
    r = Client().get("/khong-co-trang-nay/")
    html = r.content.decode()
    assert r.status_code == 404 and r["Content-Type"].startswith("text/html")
    assert 'data-testid="error-page"' in html and 'class="topbar"' in html  # base.html
    assert "Không tìm thấy trang" in html and 'href="/"' in html and "Not Found" not in html


@pytest.mark.django_db
def test_an_unknown_url_in_english():
    html = english().get("/no-such-page/").content.decode()
    assert "Page not found" in html and "Không tìm thấy" not in html


@pytest.mark.django_db
def test_an_unknown_api_url_stays_json():
    r = Client().get("/api/v1/no-such-endpoint")
    assert r.status_code == 404 and r["Content-Type"].startswith("application/json")
    assert r.json()["message"] and r.json()["extra"] == {"path": "/api/v1/no-such-endpoint"}


@pytest.mark.django_db
def test_a_403_is_translated_and_offers_the_readers_work_pages(make_user, ben_thanh):
    user = make_user("quay", Role.COUNTER_OFFICER, ben_thanh)
    client = english()
    client.force_login(user)
    r = client.get("/audit/")  # a counter officer may not read the audit log
    html = r.content.decode()
    assert r.status_code == 403 and "Not permitted" in html
    assert "You do not have permission" in html and "Bạn không" not in html
    assert 'href="/mot-cua/"' in html  # the counter's work page


@pytest.mark.django_db
def test_a_signed_out_reader_is_offered_to_sign_in():
    r = Client().get("/khong-co/")
    assert 'href="/login/?next=/khong-co/"' in r.content.decode()


@pytest.mark.django_db
def test_a_bare_405_becomes_the_error_page_keeping_allow():
    r = Client().get("/logout/")  # LogoutView answers only POST
    html = r.content.decode()
    assert r.status_code == 405 and "POST" in r["Allow"]
    assert "Thao tác không được hỗ trợ" in html and 'data-status="405"' in html


def test_the_500_page_needs_no_database_and_speaks_the_readers_language():
    # no django_db mark: any query here would fail the test
    request = RequestFactory().get("/units/")
    with translation.override("en"):
        r = server_error(request)
    html = r.content.decode()
    assert r.status_code == 500 and "System error" in html and 'class="topbar"' in html
    with translation.override("vi"):
        assert "Lỗi hệ thống" in server_error(request).content.decode()


def test_the_500_of_the_api_is_json():
    r = server_error(RequestFactory().get("/api/v1/units/provinces"))
    assert r.status_code == 500 and r["Content-Type"].startswith("application/json")


@pytest.mark.django_db
def test_an_exception_in_a_view_shows_the_500_page(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("haicap.core.views.commune_counts", boom)
    r = english().get("/")
    assert r.status_code == 500 and "System error" in r.content.decode()
    assert "boom" not in r.content.decode()
