"""Report search (issue 14): the public list finds a report typed without diacritics."""

import pytest
from django.test import Client

from haicap.feedback.models import Report
from haicap.feedback.selectors import public_reports
from haicap.feedback.tests.test_pages import FORM

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    for description in (FORM["description"], "Cây đổ chắn đường Lê Lợi, gần chợ Bến Thành."):
        sent = Client().post("/phan-anh/gui/", {**FORM, "description": description})
        assert sent.status_code == 201, sent.content.decode()[:800]
    return list(Report.objects.order_by("pk"))


def test_the_description_typed_without_diacritics(two):
    assert [r.pk for r in public_reports("79", "nguyen hue ngap")] == [two[0].pk]
    assert [r.pk for r in public_reports("79", "CÂY ĐỔ")] == [two[1].pk]
    assert [r.pk for r in public_reports("79", two[1].code)] == [two[1].pk]
    page = Client().get("/phan-anh/", {"province": "79", "q": "cay do le loi"}).content.decode()
    assert two[1].code in page and two[0].code not in page


def test_the_search_columns_follow_an_edit(two):
    report = two[0]
    report.description = "Nắp cống vỡ trước số 12 Pasteur"
    report.save()
    assert [r.pk for r in public_reports("79", "nap cong")] == [report.pk]
    assert public_reports("79", "nguyen hue ngap").count() == 0


def test_the_officers_queue_searches_and_keeps_its_tabs(two, make_user):
    from haicap.core.roles import Role
    from haicap.units.models import Unit

    officer = Client()
    officer.force_login(
        make_user("xuly.tim", Role.PROCESSING_OFFICER,
                  Unit.objects.current().get(level="commune", code="26740"))
    )
    mine = [r for r in two if r.responsible_unit_code == "26740"]
    assert mine, [r.responsible_unit_code for r in two]
    page = officer.get("/mot-cua/phan-anh/", {"q": "nguyen hue"}).content.decode()
    assert two[0].code in page and two[1].code not in page
    assert 'value="nguyen hue"' in page
    everything = officer.get("/mot-cua/phan-anh/").content.decode()
    assert all(r.code in everything for r in mine)
    # a link from before the search box: ?q=unit is the tab, not a search
    assert all(r.code in officer.get("/mot-cua/phan-anh/", {"q": "unit"}).content.decode() for r in mine)
