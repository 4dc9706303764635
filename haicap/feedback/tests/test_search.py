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
