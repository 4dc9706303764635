"""Web pages: directory, search, converter, CSV upload with permission and audit."""

import csv
import io
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from haicap.core.models import AuditEvent
from haicap.core.rights import CoreAudit
from haicap.units.rights import UnitsAudit

pytestmark = pytest.mark.django_db


def test_province_list_shows_counts(client):
    page = client.get("/units/").content.decode()
    assert "Thành phố Hồ Chí Minh" in page and "3.321" in page  # ADR 17: 3.321 in Vietnamese


def test_province_page_filters_by_kind_and_name(client):
    page = client.get("/units/p/79/", {"kind": "dac_khu"}).content.decode()
    assert "Đặc khu Côn Đảo" in page and "Phường Bến Thành" not in page
    rows = client.get("/units/p/79/", {"q": "ben thanh"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Phường Bến Thành" in rows and "<html" not in rows


def test_commune_page_shows_formed_from(client):
    page = client.get("/units/c/26743/").content.decode()
    for name in (
        "Phường Bến Thành",
        "Phường Phạm Ngũ Lão",
        "Phường Nguyễn Thái Bình",
        "Phường Cầu Ông Lãnh",
    ):
        assert name in page
    assert "một phần" in page and "toàn bộ" in page


def test_old_district_page_lists_quan_1_wards_and_where_they_went(client):
    page = client.get("/units/old/district/760/").content.decode()
    assert page.count("/units/old/commune/") >= 10
    assert "Phường Cầu Ông Lãnh" in page and "Phường Sài Gòn" in page


def test_map_geojson_is_drawn_from_our_own_boundaries(client):
    data = client.get("/units/p/79/map.geojson").json()
    assert len(data["features"]) == 168
    assert data["features"][0]["geometry"]["type"] in {"Polygon", "MultiPolygon"}


def test_search_without_diacritics_finds_current_and_old_units(client):
    page = client.get("/units/search/", {"q": "da kao"}).content.decode()
    assert "Phường Đa Kao" in page
    assert "26737" in page


def test_bad_date_is_a_clear_400(client):
    r = client.get("/units/", {"on": "31/12/2025"})
    assert r.status_code == 400
    assert "YYYY-MM-DD" in r.content.decode()


def test_convert_page_converts_pasted_lines(client):
    r = client.post(
        "/units/convert/", {"addresses": "P. Bến Nghé, Q.1, HCM\n\nP. Đa Kao, Q.1, HCM\nabc"}
    )
    page = r.content.decode()
    assert r.status_code == 200
    assert "Phường Sài Gòn" in page and "Phường Tân Định" in page and "Không nhận ra" in page


def test_convert_page_limits_pasted_lines(client):
    r = client.post("/units/convert/", {"addresses": "\n".join(["P. 1, Q. 3, HCM"] * 201)})
    assert r.status_code == 422


def test_csv_upload_requires_a_signed_in_officer(client, make_user):
    upload = SimpleUploadedFile(
        "a.csv", b"address\nP. Ben Nghe, Q1, HCM\n", content_type="text/csv"
    )
    assert client.post("/units/convert/csv/", {"file": upload}).status_code == 302
    client.force_login(make_user("citizen"))
    upload.seek(0)
    assert client.post("/units/convert/csv/", {"file": upload}).status_code == 403


def windows_1258(text: str) -> bytes:
    """Encode as Excel does: vowel shapes precomposed, the tone mark as a combining character."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            out += (unicodedata.normalize("NFC", parts[:-1]) + parts[-1]).encode("cp1258")
    return out


def test_csv_upload_converts_reports_bad_rows_and_is_audited(client, counter_officer):
    client.force_login(counter_officer)
    # Excel on Vietnamese Windows writes Windows-1258, where tone marks are combining characters
    text = 'dia_chi,lat\n"P. Bến Nghé, Q1, HCM",\n,\nP. Đa Kao Q1 HCM,abc\n'
    data = windows_1258(text)
    r = client.post("/units/convert/csv/", {"file": SimpleUploadedFile("x.csv", data)})
    assert r.status_code == 200
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["dia_chi", "lat"] and "trang_thai" in rows[0]
    assert rows[1][rows[0].index("ma_xa_moi")] == "26740"
    assert rows[2][rows[0].index("trang_thai")] == "error"
    assert "vĩ độ" in rows[3][-1]
    event = AuditEvent.objects.get(action=UnitsAudit.ADDRESSES_CONVERTED)
    assert event.actor == counter_officer and event.data["errors"] == [3, 4]


def test_csv_without_address_column_is_rejected(client, counter_officer):
    client.force_login(counter_officer)
    data = b"name,phone\nAn,0903123456\n"
    r = client.post("/units/convert/csv/", {"file": SimpleUploadedFile("x.csv", data)})
    assert r.status_code == 422
    assert "cột địa chỉ" in r.content.decode()


def test_audit_log_is_scoped(client, counter_officer, province_admin, make_user):
    client.force_login(counter_officer)
    assert client.get("/audit/").status_code == 403
    client.force_login(province_admin)
    page = client.get("/audit/").content.decode()
    assert "Cấp quyền" in page


def test_login_page_and_failed_login_is_audited(client, counter_officer):
    assert client.get("/login/").status_code == 200
    r = client.post("/login/", {"username": "motcua", "password": "wrong"})
    assert "không đúng" in r.content.decode()
    assert AuditEvent.objects.filter(action=CoreAudit.USER_LOGIN_FAILED).exists()
    r = client.post("/login/", {"username": "motcua", "password": "pw-motcua"})
    assert r.status_code == 302


def test_english_is_switchable(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert 'lang="en"' in page


def test_csv_upload_echoes_no_live_formula(client, counter_officer):
    client.force_login(counter_officer)
    data = b'dia_chi,ghi\n"P. Ben Nghe, Q1, HCM","=HYPERLINK(""http://evil.example"",""x"")"\n'
    r = client.post("/units/convert/csv/", {"file": SimpleUploadedFile("x.csv", data)})
    assert r.status_code == 200
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[1][1] == '\'=HYPERLINK("http://evil.example","x")'
    assert rows[1][rows[0].index("ma_xa_moi")] == "26740"


def test_old_province_page_lists_its_districts_each_a_link(client):
    page = client.get("/units/old/province/79/").content.decode()
    assert 'data-testid="province-districts"' in page
    # Hồ Chí Minh had 22 districts (Quận 1 … Huyện Cần Giờ): each links to its own page
    assert page.count('href="/units/old/district/') == 22
    assert 'href="/units/old/district/760/"' in page and "Quận 1" in page
    # and the breadcrumb leads back to the list of provinces before the 2025 merger
    assert 'href="/units/?on=2025-06-30"' in page


def test_old_commune_breadcrumb_links_its_province_and_district(client):
    page = client.get("/units/old/commune/26734/").content.decode()
    crumbs = page.split('data-testid="crumbs"', 1)[1].split("</p>", 1)[0]
    assert 'href="/units/old/province/79/"' in crumbs
    assert 'href="/units/old/district/760/"' in crumbs
